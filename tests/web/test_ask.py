"""The ask box."""

from __future__ import annotations

from tests.web.conftest import WebClient


def test_ask_answers_with_the_point_cited_and_says_when_notes_do_not(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/ask")
    assert page.status_code == 200 and 'for="ask-q"' in page.text
    answered = client.get(
        "/topics/china-and-the-ussr/ask", params={"q": "When was the Treaty of Friendship signed?"}
    )
    assert "1949" in answered.text
    assert "/topics/china-and-the-ussr#p-" in answered.text
    fragment = client.get(
        "/topics/china-and-the-ussr/ask",
        params={"q": "Who won the 1966 football World Cup?"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in fragment.text
    assert "The notes don&#39;t say." in fragment.text or "The notes don't say." in fragment.text


def test_ask_escapes_the_question(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/ask", params={"q": "<script>x()</script>"})
    assert "<script>x()" not in page.text
