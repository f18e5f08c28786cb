"""The progress dashboard and the study API."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.web.conftest import WebClient

TOPIC = "china-and-the-ussr"


def _review(client: WebClient, count: int) -> None:
    for index in range(count):
        item = client.get(f"/api/topics/{TOPIC}/next").json()
        response = client.post(
            "/api/reviews", json={"item_id": item["item_id"], "rating": 1 + index % 4}
        )
        assert response.status_code == 200


def test_empty_dashboard_explains_itself(client: WebClient) -> None:
    page = client.get("/progress")
    assert page.status_code == 200
    assert "Review some cards first" in page.text
    assert 'aria-label="Reviews per day"' in page.text


def test_dashboard_after_reviews_has_charts_and_weak_points(client: WebClient) -> None:
    _review(client, 6)
    page = client.get("/progress", params={"topic": TOPIC})
    assert page.status_code == 200
    assert "<strong>6</strong> reviewed today" in page.text
    assert 'aria-label="Predicted recall of your weakest points"' in page.text
    start = page.text.index("<svg")
    ET.fromstring(page.text[start : page.text.index("</svg>", start) + 6])


def test_progress_of_unknown_topic_is_404(client: WebClient) -> None:
    assert client.get("/progress", params={"topic": "nope"}).status_code == 404
    assert client.get("/api/progress", params={"topic": "nope"}).status_code == 404


def test_api_next_review_and_progress(client: WebClient) -> None:
    item = client.get(f"/api/topics/{TOPIC}/next").json()
    assert item["kind"] == "card" and item["is_new"]
    assert set(item["intervals"]) == {"again", "hard", "good", "easy"}
    assert item["intervals"]["again"] < item["intervals"]["easy"]
    done = client.post("/api/reviews", json={"item_id": item["item_id"], "rating": 4}).json()
    assert done["phase"] == "review"
    progress = client.get("/api/progress").json()
    assert progress["reviewed_today"] == 1
    assert progress["reviews_per_day"][-1][1] == 1


def test_api_review_rejects_bad_rating_and_non_cards(client: WebClient) -> None:
    item = client.get(f"/api/topics/{TOPIC}/next").json()
    assert (
        client.post("/api/reviews", json={"item_id": item["item_id"], "rating": 5}).status_code
        == 400
    )
    quiz = client.get(f"/api/topics/{TOPIC}/next", params={"kind": "quiz"}).json()
    response = client.post("/api/reviews", json={"item_id": quiz["item_id"], "rating": 3})
    assert response.status_code == 400
    assert client.post("/api/reviews", json={"item_id": 10**9, "rating": 3}).status_code == 404


def test_api_quiz_answer(client: WebClient) -> None:
    quiz = client.get(f"/api/topics/{TOPIC}/next", params={"kind": "quiz"}).json()
    right = client.post(
        "/api/quiz-answers", json={"item_id": quiz["item_id"], "given": quiz["item"]["answer"]}
    ).json()
    assert right["correct"] is True and right["explanation"]
    card = client.get(f"/api/topics/{TOPIC}/next").json()
    wrong_kind = client.post("/api/quiz-answers", json={"item_id": card["item_id"], "given": "x"})
    assert wrong_kind.status_code == 400
