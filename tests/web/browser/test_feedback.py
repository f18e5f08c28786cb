"""Refused htmx requests are shown beside their form, and nothing the learner typed is lost."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.conftest import LiveServer, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_refused_answer_is_shown_and_kept(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/topics/china-and-the-ussr/sources")
    page.locator(".source-list a").first.click()
    box = page.get_by_role("textbox", name="Your answer")
    mark = page.get_by_role("button", name="Mark my answer")

    box.fill("   ")
    mark.click()
    alert = page.locator("[data-request-error] [role=alert]")
    alert.wait_for()
    assert "Bad Request" in alert.inner_text()
    page.wait_for_timeout(1200)  # the draft save that follows does not hide the error
    assert alert.is_visible()

    answer = "The source shows Mao's view of the Soviet model changed after 1958."
    box.fill(answer)
    page.context.clear_cookies()  # the session ran out while the learner was writing
    mark.click()
    page.get_by_text("Your session had run out").wait_for()
    assert box.input_value() == answer
    assert page.locator(".mark-card").count() == 0
    shot(page, "17-session-ran-out")

    mark.click()  # the page has the renewed session's token: pressing again works
    page.locator(".mark-card").wait_for(timeout=60_000)
    assert page.locator("[data-request-error]").count() == 0
    assert box.input_value() == answer


def test_keyboard_focus_follows_the_next_card(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/topics/china-and-the-ussr/review")
    first = page.locator("#card-prompt").inner_text()
    page.locator(".flashcard summary").focus()
    page.keyboard.press("Enter")  # show the answer
    page.get_by_role("button", name="3 · Good").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("p => document.querySelector('#card-prompt').innerText !== p", arg=first)
    assert page.evaluate("document.activeElement.matches('.flashcard summary')")
    page.keyboard.press("Enter")  # the next card's answer, without hunting for it
    assert page.locator(".flashcard .answer").is_visible()
    page.keyboard.press("Space")  # Space again leaves the answer shown
    assert page.locator(".flashcard .answer").is_visible()
