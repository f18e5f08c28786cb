"""Set work pages: the class's teacher sets and deletes work; learners see their own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI

from clio.web import WebSettings, create_app
from tests.web.conftest import WebClient, new_client, sign_up

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)
TOPIC = "china-and-the-ussr"


@pytest.fixture
def school_app(multi_settings: WebSettings) -> Iterator[FastAPI]:
    """A multi-user app whose clock stands at ``NOW``."""
    app = create_app(multi_settings, clock=lambda: NOW)
    yield app
    app.state.clio.close()


def _class(app: FastAPI, teacher_name: str = "teach") -> tuple[WebClient, str, str]:
    teacher = new_client(app)
    assert sign_up(teacher, teacher_name, "teacher").status_code == 303
    made = teacher.post_form("/classes", {"name": "10B <i>History</i>"}, follow_redirects=False)
    path = made.headers["location"]
    code = re.search(r'class="join-code">([A-Z0-9]+)<', teacher.get(path).text)
    assert code
    return teacher, path, code.group(1)


def _learner(app: FastAPI, name: str, code: str | None) -> WebClient:
    learner = new_client(app)
    assert sign_up(learner, name).status_code == 303
    if code:
        assert learner.post_form("/classes/join", {"code": code}).status_code == 200
    return learner


WORK = {"topic": TOPIC, "kind": "quiz", "due": "2026-12-07", "note": "Read <b>section 2</b> first"}


def test_a_teacher_sets_work_and_the_class_sees_it(school_app: FastAPI) -> None:
    teacher, path, code = _class(school_app)
    ann, out = _learner(school_app, "ann", code), _learner(school_app, "out", None)
    assert "Work set for you" not in ann.get("/").text
    page = teacher.post_form(f"{path}/work", WORK)
    assert page.status_code == 200 and "Set work" in page.text
    assert "due Mon 07 Dec 2026" in page.text and "0 of 1 done" in page.text
    assert "Read &lt;b&gt;section 2&lt;/b&gt; first" in page.text  # escaped
    home = ann.get("/").text
    assert "Work set for you" in home and "Mon 07 Dec 2026" in home and "7 days left" in home
    assert "0 of 99 answered (0%)" in home and f'href="/topics/{TOPIC}/quiz"' in home
    assert "10B &lt;i&gt;History&lt;/i&gt;" in home and "<i>History" not in home
    assert "Work set for you" not in out.get("/").text  # not in the class

    # ann answers one question right; the teacher sees it on the work's page
    question = ann.get(f"/api/topics/{TOPIC}/next", params={"kind": "quiz"}).json()
    answer = question["item"]["answer"]
    ann.post("/api/quiz-answers", json={"item_id": question["item_id"], "given": answer})
    assert "1 of 99 answered (1%)" in ann.get("/").text
    work_link = re.search(r'href="(/classes/\d+/work/\d+)"', teacher.get(path).text)
    assert work_link
    report = teacher.get(work_link.group(1))
    assert report.status_code == 200
    assert (
        "not done" in report.text and "1 of 99 (1%)" in report.text and "100% right" in report.text
    )


def test_only_the_classs_teacher_sets_opens_or_deletes_work(school_app: FastAPI) -> None:
    teacher, path, code = _class(school_app)
    learner = _learner(school_app, "lea", code)
    other, other_path, _ = _class(school_app, "other")
    for who in (learner, other):
        assert who.post_form(f"{path}/work", WORK).status_code == 403
    teacher.post_form(f"{path}/work", WORK)
    work = re.search(r'href="(/classes/\d+/work/(\d+))"', teacher.get(path).text)
    assert work
    url, work_id = work.group(1), work.group(2)
    for who in (learner, other):
        assert who.get(url).status_code == 403
        assert who.post_form(f"{url}/delete", {}).status_code == 403
    # through the other teacher's own class: still not theirs
    assert other.get(f"{other_path}/work/{work_id}").status_code == 404
    assert other.post_form(f"{other_path}/work/{work_id}/delete", {}).status_code == 403
    assert teacher.post(f"{url}/delete", data={}).status_code == 400  # no CSRF token
    assert teacher.post(f"{path}/work", data=WORK).status_code == 400  # no CSRF token
    assert teacher.get("/classes/999/work/1").status_code == 404
    assert teacher.post_form(f"{url}/delete", {}).status_code == 200
    assert teacher.get(url).status_code == 404
    assert "Work set for you" not in learner.get("/").text


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("07/12/2026", "is not a date: write it as YYYY-MM-DD"),
        ("2026-13-01", "is not a date"),
        ("2026-11-29", "has already passed"),
        ("", "give the date the work is due"),
    ],
)
def test_a_bad_due_date_is_shown_on_the_form(school_app: FastAPI, due: str, message: str) -> None:
    teacher, path, _ = _class(school_app)
    page = teacher.post_form(f"{path}/work", {**WORK, "due": due})
    assert page.status_code == 400
    assert message in page.text and 'aria-invalid="true"' in page.text
    assert "No work set yet" in page.text
    assert 'value="Read &lt;b&gt;section 2&lt;/b&gt; first"' in page.text  # kept, escaped


def test_an_unknown_topic_or_kind_is_refused(school_app: FastAPI) -> None:
    teacher, path, _ = _class(school_app)
    assert teacher.post_form(f"{path}/work", {**WORK, "topic": "nope"}).status_code == 404
    bad_kind = teacher.post_form(f"{path}/work", {**WORK, "kind": "essay"})
    assert bad_kind.status_code == 400 and "kind of work" in bad_kind.text
