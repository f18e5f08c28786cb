"""The notes API: ask, essay plans, marking source answers; OpenAPI lists every endpoint."""

from __future__ import annotations

from tests.web.conftest import WebClient

TOPIC = "china-and-the-ussr"


def test_essay_plans_api(client: WebClient) -> None:
    plans = client.get(f"/api/topics/{TOPIC}/essays").json()
    assert len(plans) >= 2 and plans[0]["paragraphs"]
    asked = client.get(
        f"/api/topics/{TOPIC}/essays", params={"question": "Why did China break with the USSR?"}
    ).json()
    assert len(asked) == 1 and asked[0]["paragraphs"][-1]["role"] == "judgement"
    assert client.get("/api/topics/nope/essays").status_code == 404


def test_source_answer_api_marks_and_records(client: WebClient) -> None:
    items = client.get(f"/api/topics/{TOPIC}/items", params={"kind": "source"}).json()
    assert len(items) >= 5
    mark = client.post(
        "/api/source-answers",
        json={"item_id": items[0]["item_id"], "answer": "Mao felt exploited: high interest."},
    ).json()
    assert 0 <= mark["score"] <= mark["max_marks"] and "feedback" in mark
    assert (
        client.post(
            "/api/source-answers", json={"item_id": items[0]["item_id"], "answer": ""}
        ).status_code
        == 400
    )
    card = client.get(f"/api/topics/{TOPIC}/next").json()["item_id"]
    wrong = client.post("/api/source-answers", json={"item_id": card, "answer": "x"})
    assert wrong.status_code == 400


def test_openapi_lists_the_api(client: WebClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/health",
        "/api/topics",
        "/api/topics/{name}",
        "/api/topics/{name}/items",
        "/api/topics/{name}/next",
        "/api/reviews",
        "/api/quiz-answers",
        "/api/progress",
        "/api/topics/{name}/ask",
        "/api/topics/{name}/essays",
        "/api/source-answers",
    ):
        assert path in paths, path
