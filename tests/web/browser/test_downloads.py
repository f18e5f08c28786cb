"""In a real browser: upload a Word file, open the topic, and download its Anki deck."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.export.test_anki import open_deck
from tests.importers.documents import SECTIONS, TITLE, write_docx
from tests.web.browser.conftest import LiveServer, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_upload_a_word_file_then_download_the_anki_deck(
    live_server: LiveServer, page: Any, tmp_path: Path
) -> None:
    notes = write_docx(tmp_path / "Cold war notes.docx")
    page.goto(live_server.url + "/")
    page.get_by_label("Notes file").set_input_files(str(notes))
    page.get_by_role("button", name="Add to library").click()
    page.wait_for_url("**/topics/cold-war-notes")
    assert page.locator("h1").inner_text() == TITLE
    for section in SECTIONS:
        assert page.get_by_role("heading", name=section.heading).count() == 1
    shot(page, "20-reader-from-docx")

    page.get_by_role("link", name="Downloads").click()
    page.wait_for_url("**/topics/cold-war-notes/downloads")
    shot(page, "21-downloads")
    with page.expect_download() as info:
        page.get_by_role("link", name="Anki deck (.apkg)").click()
    download = info.value
    assert download.suggested_filename == "cold-war-notes.apkg"
    data = Path(download.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "collection.anki2" in archive.namelist()
    deck = open_deck(data, tmp_path)
    assert len(deck["notes"]) >= sum(len(s.points) for s in SECTIONS)
    fronts = " ".join(" ".join(note["fields"]) for note in deck["notes"])
    assert "Panmunjong" in fronts


def test_a_broken_word_file_is_refused_with_its_reason(
    live_server: LiveServer, page: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    page.goto(live_server.url + "/")
    page.get_by_label("Notes file").set_input_files(str(broken))
    page.get_by_role("button", name="Add to library").click()
    alert = page.get_by_role("alert")
    assert "broken.docx" in alert.inner_text()
    assert "not a readable Word (.docx) document" in alert.inner_text()
    shot(page, "22-broken-docx")
