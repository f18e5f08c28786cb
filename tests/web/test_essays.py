"""The essay planner page."""

from __future__ import annotations

from tests.web.conftest import WebClient


def test_ready_made_plans_are_listed(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/essays")
    assert page.status_code == 200
    assert "Explain why China forged close relations" in page.text
    assert 'for="essay-question"' in page.text


def test_a_typed_question_gets_a_plan_with_judgement(client: WebClient) -> None:
    page = client.get(
        "/topics/china-and-the-ussr/essays",
        params={"question": "How far was the Korean War the main reason for the split?"},
    )
    assert page.status_code == 200
    assert 'aria-label="Your plan"' in page.text
    assert "para-judgement" in page.text


def test_an_empty_question_shows_the_ready_made_plans_only(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/essays", params={"question": "   "})
    assert page.status_code == 200
    assert 'aria-label="Your plan"' not in page.text


def test_a_question_without_content_is_a_clear_400(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr/essays", params={"question": "why the of"})
    assert page.status_code == 400
    assert 'role="alert"' in page.text


def test_essays_of_unknown_topic_404(client: WebClient) -> None:
    assert client.get("/topics/nope/essays").status_code == 404


def test_a_paragraph_headed_by_its_role_does_not_say_it_twice(client: WebClient) -> None:
    import re

    page = client.get(
        "/topics/china-and-the-ussr/essays",
        params={"question": "How far was Soviet aid the main reason for the alliance?"},
    ).text
    intro = re.search(r'<li class="para para-introduction">(.*?)</li>', page, re.S)
    assert intro and intro.group(1).count("Introduction") == 1
