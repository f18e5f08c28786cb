"""``read_topic_text`` sends documents through the importers and keeps errors naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.errors import InputError
from clio.services.topics import read_topic_text


def test_html_goes_through_the_importer(tmp_path: Path) -> None:
    page = tmp_path / "Cold War.html"
    page.write_text("<h1>Cold War</h1><script>x()</script><ul><li>Yalta, 1945</li></ul>")
    text, name = read_topic_text(str(page))
    assert text == "# Cold War\n\n• Yalta, 1945\n"
    assert name == "cold-war"


def test_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(InputError) as caught:
        read_topic_text(str(bad))
    assert caught.value.file == str(bad)


def test_unreadable_formats_say_what_to_save_as(tmp_path: Path) -> None:
    from clio.importers import notes_from_file

    notes = tmp_path / "notes.odt"
    notes.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"notes\.odt: \.odt files cannot be read; save"):
        notes_from_file(notes)
