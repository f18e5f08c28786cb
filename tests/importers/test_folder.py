"""Folder import: every file tried, bad ones reported with their reason, the rest imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.errors import InputError
from clio.importers.folder import import_folder
from tests.importers.documents import write_all


def test_one_bad_file_never_stops_the_rest(tmp_path: Path) -> None:
    write_all(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 notes".encode("latin-1"))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / ".hidden.txt").write_text("secret")
    sub = tmp_path / "term2"
    sub.mkdir()
    (sub / "notes.txt").write_text("Weimar\n\nCrises, 1923\n\na. Hyperinflation\n\nPrices rose\n")
    seen: list[tuple[str, int, int]] = []

    report = import_folder(tmp_path, progress=lambda p, i, n: seen.append((p.name, i, n)))

    assert sorted(f.path.name for f in report.imported) == sorted(
        ["notes.docx", "notes.html", "notes.md", "notes.pdf", "notes.txt", "notes.txt"]
    )
    reasons = {f.path.name: f.reason for f in report.failed}
    assert set(reasons) == {"broken.docx", "empty.txt", "latin.txt"}
    assert "not a readable Word" in reasons["broken.docx"]
    assert "empty" in reasons["empty.txt"]
    assert "not UTF-8" in reasons["latin.txt"]
    skipped = {f.path.name: f.reason for f in report.skipped}
    assert skipped["photo.png"] == ".png is not a notes format"
    assert skipped["old.doc"].startswith(".doc files cannot be read; save as .docx")
    assert len(seen) == 9 and seen[-1][1:] == (9, 9)
    names = [f.name for f in report.imported]
    assert len(set(names)) == len(names)  # clashing file names get distinct topic names
    assert report.warning_count >= 5


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        import_folder(tmp_path / "nope")
