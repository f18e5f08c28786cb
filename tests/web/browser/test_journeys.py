"""The main journeys in a real browser: upload notes, read, review, quiz, sources, teacher view."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.conftest import LiveServer, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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


def test_upload_a_notes_file(live_server: LiveServer, page: Any, tmp_path: Any) -> None:
    notes = tmp_path / "weimar.md"
    notes.write_text(
        "# Weimar Germany\n\n## Why hyperinflation happened, 1923\n"
        "- **Reparations**: Germany could not pay the 132 billion marks in 1923.\n"
        "- **Ruhr occupation**: French troops entered the Ruhr in January 1923.\n",
        encoding="utf-8",
    )
    page.goto(live_server.url + "/")
    page.get_by_label("Notes file").set_input_files(str(notes))
    page.get_by_role("button", name="Add to library").click()
    page.wait_for_url("**/topics/weimar")
    assert page.locator("h1").inner_text() == "Weimar Germany"
    assert page.get_by_text("Ruhr occupation").count() >= 1
    shot(page, "02b-reader-file-upload")


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


def test_review_five_cards_with_the_keyboard(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/topics/china-and-the-ussr/review")
    shot(page, "05-review-card")
    prompts = []
    for number in range(1, 6):
        prompt = page.locator("#card-prompt").inner_text()
        prompts.append(prompt)
        page.keyboard.press("Space")
        assert page.locator(".flashcard .answer").is_visible()
        if number == 1:
            shot(page, "06-review-revealed")
        page.keyboard.press("3")
        page.wait_for_function(
            "n => document.querySelector('.flashcard .meta') && "
            "document.querySelector('.flashcard .meta').innerText.includes(n + ' reviewed')",
            arg=str(number),
        )
    assert len(set(prompts)) == 5
    shot(page, "07-review-after-five")
    page.goto(live_server.url + "/progress")
    assert "5" in page.locator(".stat").nth(2).inner_text()
    shot(page, "08-progress")


def test_take_a_quiz(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/topics/china-and-the-ussr/quiz")
    shot(page, "09-quiz-question")
    for _ in range(3):
        radios = page.locator("#quiz input[type=radio]")
        if radios.count():
            radios.first.check()
        else:
            for index, select in enumerate(page.locator("#quiz select").all()):
                select.select_option(index=index + 1)
        page.get_by_role("button", name="Check answer").click()
        page.locator(".quiz-result").wait_for()
        assert page.locator(".explanation").inner_text().strip()
        shot(page, "10-quiz-result")
        page.get_by_role("link", name="Next question").click()
        page.locator(".quiz-form").wait_for()


def test_answer_a_source_question_and_see_the_mark(live_server: LiveServer, page: Any) -> None:
    page.goto(live_server.url + "/topics/china-and-the-ussr/sources")
    shot(page, "11-sources")
    page.locator(".source-list a").first.click()
    box = page.get_by_label("Your answer")
    box.fill("")
    box.type("The source suggests Mao resented the USSR, because the loans had high interest. ")
    page.get_by_text("Draft saved at").wait_for()
    page.reload()
    assert "loans had high interest" in page.get_by_label("Your answer").input_value()
    page.get_by_role("button", name="Mark my answer").click()
    page.locator(".mark-card").wait_for(timeout=60_000)
    assert "/" in page.locator(".mark-score").inner_text()
    shot(page, "12-source-marked")


def test_api_docs_work_offline(live_server: LiveServer, page: Any) -> None:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/api/docs")
    page.get_by_text("/api/reviews").first.wait_for(timeout=20_000)
    assert not [e for e in errors if "Content Security Policy" in e]
    shot(page, "16-api-docs")
