"""Topic owners: a teacher's upload never replaces another teacher's (or the admin's) topic."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import FastAPI

from clio.services.learning import import_topic_text
from tests.web.conftest import WebClient, new_client, sign_up

NOTES = "Tudor trade\n\nWhy trade grew\n1. New routes: the Muscovy Company, 1555.\n"
OTHER = "Tudor trade\n\nWhy trade grew\n1. The East India Company, 1600.\n"
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _teacher(app: FastAPI, name: str) -> WebClient:
    client = new_client(app)
    assert sign_up(client, name, "teacher").status_code == 303
    return client


def _post(client: WebClient, text: str, name: str | None = None) -> str:
    body = {"text": text} if name is None else {"text": text, "name": name}
    response = client.post("/api/topics", json=body)
    assert response.status_code == 201, response.text
    name_given: str = response.json()["name"]
    return name_given


def _text(client: WebClient, name: str) -> str:
    topic = client.get(f"/api/topics/{name}").json()
    return str(topic["sections"][0]["points"][0]["text"])


def test_the_owner_replaces_their_topic(multi_app: FastAPI) -> None:
    tina = _teacher(multi_app, "tina")
    assert _post(tina, NOTES) == "tudor-trade"
    assert _post(tina, OTHER) == "tudor-trade"  # the same teacher updates the notes
    assert "East India" in _text(tina, "tudor-trade")
    names = [t["name"] for t in tina.get("/api/topics").json()]
    assert names.count("tudor-trade") == 1 and "tudor-trade-2" not in names


def test_another_teachers_upload_gets_its_own_name(multi_app: FastAPI) -> None:
    tina, tom = _teacher(multi_app, "tina"), _teacher(multi_app, "tom")
    assert _post(tina, NOTES) == "tudor-trade"
    assert _post(tom, OTHER) == "tudor-trade-2"
    assert "Muscovy" in _text(tom, "tudor-trade")  # tina's topic is untouched
    assert "East India" in _text(tom, "tudor-trade-2")
    assert _post(tom, NOTES) == "tudor-trade-2"  # tom updates his own copy, not a third
    assert "Muscovy" in _text(tom, "tudor-trade-2")
    assert _post(tom, OTHER, name="Tudor trade") == "tudor-trade-2"  # a chosen name too
    assert _post(tina, OTHER) == "tudor-trade"  # and tina still updates hers
    names = {t["name"] for t in tina.get("/api/topics").json()}
    assert {"tudor-trade", "tudor-trade-2"} <= names and "tudor-trade-3" not in names


def test_a_third_teacher_gets_the_next_name(multi_app: FastAPI) -> None:
    tina, tom, ann = (_teacher(multi_app, n) for n in ("tina", "tom", "ann"))
    assert [_post(c, NOTES) for c in (tina, tom, ann)] == [
        "tudor-trade",
        "tudor-trade-2",
        "tudor-trade-3",
    ]


def test_the_upload_form_opens_the_renamed_topic(multi_app: FastAPI) -> None:
    tina, tom = _teacher(multi_app, "tina"), _teacher(multi_app, "tom")
    _post(tina, NOTES)
    response = tom.post_form("/library", {"text": OTHER}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/topics/tudor-trade-2"
    files = {"file": ("tudor-trade.txt", OTHER.encode(), "text/plain")}
    uploaded = tom.post("/api/topics/file", files=files, headers={"X-CSRF-Token": tom.csrf()})
    assert uploaded.status_code == 201 and uploaded.json()["name"] == "tudor-trade-2"


def test_admin_topics_are_not_replaced_by_teachers(multi_app: FastAPI) -> None:
    store = multi_app.state.clio.store
    import_topic_text(store, NOTES, name="tudor-trade", now=NOW)  # as `clio import` does
    tina = _teacher(multi_app, "tina")
    assert _post(tina, OTHER) == "tudor-trade-2"
    assert "Muscovy" in _text(tina, "tudor-trade")
    import_topic_text(store, OTHER, name="tudor-trade", now=NOW)  # the admin path replaces
    assert "East India" in _text(tina, "tudor-trade")


def test_builtin_names_are_never_replaced(multi_app: FastAPI) -> None:
    tina, tom = _teacher(multi_app, "tina"), _teacher(multi_app, "tom")
    assert _post(tina, NOTES, name="china-and-the-ussr") == "china-and-the-ussr-notes"
    assert _post(tom, NOTES, name="china-and-the-ussr") == "china-and-the-ussr-notes-2"
    assert _post(tina, OTHER, name="china-and-the-ussr") == "china-and-the-ussr-notes"


def test_learners_still_cannot_upload(multi_app: FastAPI) -> None:
    tina, lea = _teacher(multi_app, "tina"), new_client(multi_app)
    assert sign_up(lea, "lea").status_code == 303
    _post(tina, NOTES)
    assert lea.post("/api/topics", json={"text": OTHER}).status_code == 403
    assert lea.get("/api/topics/tudor-trade").status_code == 404  # not shared with her


def test_single_user_mode_replaces_any_topic(client: WebClient) -> None:
    import_topic_text(client.app.state.clio.store, NOTES, name="tudor-trade", now=NOW)  # type: ignore[attr-defined]
    assert _post(client, OTHER) == "tudor-trade"  # the local user is the machine's admin
    assert "East India" in _text(client, "tudor-trade")
    assert _post(client, NOTES) == "tudor-trade"
