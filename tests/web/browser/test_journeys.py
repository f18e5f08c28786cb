"""The main journeys in a real browser: upload notes, read, review, quiz, sources, teacher view."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.conftest import LiveServer, shot

pytestmark = pytest.mark.browser

NOTES = """Trade in the Tudor age

Why trade grew, 1500-1600
1. New routes: the Muscovy Company opened trade with Russia in 1555.
2. Cloth exports: exports of cloth to Antwerp rose to 130,000 cloths by 1550.
3. <script>window.hacked = true</script> stays text
"""


def test_upload_and_read_notes(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/")
    shot(page, "01-library")
    page.get_by_label("Topic name (optional)").fill("Tudor trade")
    page.get_by_label("…or paste the notes").fill(NOTES)
    page.get_by_role("button", name="Add to library").click()
    page.wait_for_url("**/topics/tudor-trade")
    assert page.locator("h1").inner_text() == "Trade in the Tudor age"
    assert page.get_by_text("Muscovy Company").count() >= 1
    assert page.evaluate("window.hacked === undefined")
    assert page.get_by_text("<script>window.hacked = true</script>").count() == 1
    shot(page, "02-reader-uploaded")


def test_upload_error_is_shown_at_its_line(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("…or paste the notes").fill("Title\nfine\nbad\x00line")
    page.get_by_role("button", name="Add to library").click()
    alert = page.get_by_role("alert")
    assert "Line 3" in alert.inner_text()
    shot(page, "03-upload-error")


def test_builtin_topic_reader_on_a_phone(live_server: LiveServer, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/topics/china-and-the-ussr")
    assert page.locator("h1").inner_text() == "China and the USSR"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the reader scrolls sideways on a phone"
    shot(page, "04-reader-phone")
    context.close()
