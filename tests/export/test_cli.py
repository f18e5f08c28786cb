"""``clio export ...`` and ``clio convert`` end to end (generation replaced by a hand-made kit)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from clio.cli import main
from clio.model.items import Kit
from clio.model.topic import Topic
from clio.services import exports
from tests.export.kits import hand_kit
from tests.importers.documents import write_docx


@pytest.fixture(autouse=True)
def hand_made_kits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Export commands get their items from the hand-made kit, so these tests check the edge."""

    def kit(topic: Topic, *, seed: int = 0) -> Kit:
        return hand_kit(topic, seed=seed)

    monkeypatch.setattr(exports, "study_kit", kit)


def test_anki_is_reproducible_with_a_timestamp(tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    for out in (first, second):
        code = main(["export", "anki", "china-and-the-ussr", "-o", str(out), "--timestamp", "1e9"])
        assert code == 0
    assert first.read_bytes() == second.read_bytes()
    assert "collection.anki2" in zipfile.ZipFile(first).namelist()


def test_worksheet_html_and_separate_mark_scheme(tmp_path: Path) -> None:
    sheet, scheme = tmp_path / "sheet.html", tmp_path / "scheme.html"
    code = main(["export", "worksheet", "china-and-the-ussr", "-o", str(sheet),
                 "--mark-scheme", str(scheme), "--questions", "4"])  # fmt: skip
    assert code == 0
    assert "Part A: Quick quiz" in sheet.read_text() and "Answer:" not in sheet.read_text()
    assert "mark scheme" in scheme.read_text() and "Answer:" in scheme.read_text()


def test_worksheet_pdf_with_answers(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    assert (
        main(["export", "worksheet", "china-and-the-ussr", "-o", str(out), "--with-answers"]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF-")


def test_worksheet_needs_a_known_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "worksheet", "china-and-the-ussr", "-o", str(tmp_path / "x.doc")]) == 2
    assert "name the worksheet .pdf or .html" in " ".join(capsys.readouterr().err.split())


def test_tables_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "csv", "china-and-the-ussr"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and rows[0]["type"] == "flashcard"
    assert main(["export", "json", "china-and-the-ussr"]) == 0
    assert json.loads(capsys.readouterr().out)["topic"]["title"] == "China and the USSR"
    assert main(["export", "quizlet", "china-and-the-ussr"]) == 0
    assert "\t" in capsys.readouterr().out


def test_csv_file_has_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    assert main(["export", "csv", "china-and-the-ussr", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbftype,id,kind")


def test_export_from_a_word_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = write_docx(tmp_path / "notes.docx")
    assert main(["export", "quizlet", str(notes)]) == 0
    assert "Soviet Communism" in capsys.readouterr().out


def test_convert_prints_notes_and_checks_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = write_docx(tmp_path / "notes.docx")
    assert main(["convert", str(notes)]) == 0
    assert capsys.readouterr().out.startswith("# China and the USSR\n")
    (tmp_path / "bad.pdf").write_bytes(b"nope")
    assert main(["convert", str(tmp_path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 imported" in out and "1 failed" in out and "cannot read this PDF" in out


def test_bad_inputs_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "missing.docx")]) == 3
    assert main(["export", "anki", "china-and-the-ussr", "-o", str(tmp_path / "no" / "x")]) == 3
    err = " ".join(capsys.readouterr().err.split())  # rich wraps long lines
    assert "missing.docx: no such file" in err and "does not exist" in err


def test_notes_without_items_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "title.txt"
    notes.write_text("Just a title\n")
    assert main(["export", "anki", str(notes), "-o", str(tmp_path / "x.apkg")]) == 3
    assert main(["export", "quizlet", str(notes)]) == 3
    assert main(["export", "worksheet", str(notes), "-o", str(tmp_path / "x.html")]) == 3
    err = " ".join(capsys.readouterr().err.split())
    assert "no flashcards could be made" in err and "no questions to put on a worksheet" in err
    assert not (tmp_path / "x.apkg").exists()
