"""The ask box (one test: the first question loads the embedding model)."""

from __future__ import annotations

from tests.web.conftest import WebClient


def test_ask_cites_the_point_says_when_notes_do_not_and_escapes(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/ask")
    assert page.status_code == 200 and 'for="ask-q"' in page.text
    answered = client.get(
        "/topics/china-and-the-ussr/ask", params={"q": "When was the Treaty of Friendship signed?"}
    )
    assert "1949" in answered.text
    assert "/topics/china-and-the-ussr#p-" in answered.text
    fragment = client.get(
        "/topics/china-and-the-ussr/ask",
        params={"q": "Who won the 1966 football World Cup? <script>x()</script>"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in fragment.text
    assert "The notes don't say." in fragment.text
    assert "<script>x()" not in fragment.text
    assert client.get("/topics/nope/ask", params={"q": "why"}).status_code == 404
    api = client.get(
        "/api/topics/china-and-the-ussr/ask", params={"q": "When was the Treaty of Friendship?"}
    ).json()
    assert api["answered"] is True and api["text"]
    assert api["citations"][0]["quote"]
    assert client.get("/api/topics/china-and-the-ussr/ask", params={"q": ""}).status_code == 400


def test_an_empty_question_from_htmx_gets_a_hint_not_a_page(client: WebClient) -> None:
    fragment = client.get(
        "/topics/china-and-the-ussr/ask", params={"q": "  "}, headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and 'id="answer"' not in fragment.text
    assert "Type a question" in fragment.text
