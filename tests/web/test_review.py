"""Review: the next card, rating it, intervals on the buttons, and the permission checks."""

from __future__ import annotations

import re
from datetime import timedelta

from clio.schedule.fsrs_bridge import format_interval
from tests.web.conftest import WebClient

REVIEW = "/topics/china-and-the-ussr/review"


def _item_id(html: str) -> str:
    match = re.search(r'name="item_id" value="(\d+)"', html)
    assert match, "no card on the page"
    return match.group(1)


def test_review_page_shows_a_card_with_four_rated_buttons(client: WebClient) -> None:
    page = client.get(REVIEW)
    assert page.status_code == 200
    assert 'id="card-prompt"' in page.text
    for value, label in ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")):
        assert f'data-rating="{value}"' in page.text
        assert f"{value} · {label}" in page.text
    assert page.text.count('class="interval"') == 4
    assert "data-reveal" in page.text


def test_rating_five_cards_moves_through_different_cards(client: WebClient) -> None:
    token = client.csrf()
    page = client.get(REVIEW)
    seen = []
    for _ in range(5):
        item = _item_id(page.text)
        seen.append(item)
        page = client.post(
            REVIEW,
            data={"csrf_token": token, "item_id": item, "rating": "3"},
            headers={"HX-Request": "true"},
        )
        assert page.status_code == 200
        assert "<html" not in page.text  # an htmx fragment
    assert len(set(seen)) == 5
    assert "5 reviewed this session" in page.text


def test_rating_without_htmx_redirects_back(client: WebClient) -> None:
    item = _item_id(client.get(REVIEW).text)
    response = client.post_form(REVIEW, {"item_id": item, "rating": "4"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == REVIEW


def test_bad_rating_and_bad_item_are_400_or_404(client: WebClient) -> None:
    item = _item_id(client.get(REVIEW).text)
    assert client.post_form(REVIEW, {"item_id": item, "rating": "9"}).status_code == 400
    assert client.post_form(REVIEW, {"item_id": "x", "rating": "3"}).status_code == 400
    assert client.post_form(REVIEW, {"item_id": "999999", "rating": "3"}).status_code == 404


def test_a_quiz_item_cannot_be_rated_as_a_card(client: WebClient) -> None:
    quiz_item = _item_id(client.get("/topics/china-and-the-ussr/quiz").text)
    response = client.post_form(REVIEW, {"item_id": quiz_item, "rating": "3"})
    assert response.status_code == 400


def test_interval_labels() -> None:
    assert format_interval(timedelta(seconds=30)) == "<1m"
    assert format_interval(timedelta(minutes=10)) == "10m"
    assert format_interval(timedelta(hours=5)) == "5h"
    assert format_interval(timedelta(days=3)) == "3d"
    assert format_interval(timedelta(days=60)) == "2mo"
    assert format_interval(timedelta(days=548)) == "1.5y"


def test_a_card_shown_early_is_not_called_due(client: WebClient) -> None:
    from dataclasses import replace

    from clio.services.learning import next_item
    from clio.web.templating import make_templates

    state = client.app.state.clio  # type: ignore[attr-defined]
    prompt = next_item(state.store, learner_id=state.local.id, now=state.now())
    assert prompt is not None
    template = make_templates().env.get_template("fragments/review_card.html")

    def meta(**change: object) -> str:
        html = template.render(
            prompt=replace(prompt, **change),  # type: ignore[arg-type]
            reviewed=0,
            topic=state.library.info("china-and-the-ussr"),
            csrf_token="t",
            request=None,
            url_for=lambda *a, **k: "/x",
        )
        return html.split('<p class="meta">', 1)[1].split("</p>", 1)[0]

    learnt = prompt.memory or object()
    assert "Coming back early" in meta(memory=learnt, due_now=0)
    assert meta(memory=learnt, due_now=3).strip().startswith("Due")
    assert meta(memory=None).strip().startswith("New card")


def test_pages_have_an_icon(client: WebClient) -> None:
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").text
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and "<title>Clio</title>" in icon.text
