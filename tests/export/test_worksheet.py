"""Worksheets: what they ask, escaping, the mark scheme, and a PDF that really renders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from clio.export.worksheet import build_sheet, html_to_pdf, render_html
from clio.generate import make_kit
from clio.model.topic import Topic
from clio.parse import parse_notes
from tests.conftest import FIXTURES
from tests.export.kits import hand_kit


def test_sheet_has_quiz_source_and_essay(china: Topic) -> None:
    kit = hand_kit(china)
    sheet = build_sheet(china, kit, quiz_questions=6)
    assert len(sheet.quiz) == 6
    assert {q.kind for q in sheet.quiz} == {"mcq", "order", "tf", "match"}  # kinds taken in turn
    assert [q.number for q in sheet.quiz] == list(range(1, 7))
    assert sheet.source is not None and "Lieberthal" in sheet.source.provenance
    assert [q.number for q in sheet.source_questions] == [7, 8]
    assert sheet.source_questions[1].lines == 16  # two lines per mark
    assert sheet.essay is not None and sheet.essay.number == 9 and sheet.essay.marks == 16
    assert "(16 marks)" not in sheet.essay.question


def test_worksheet_html_hides_answers_and_scheme_shows_them(china: Topic) -> None:
    kit = hand_kit(china)
    sheet = build_sheet(china, kit)
    worksheet = render_html(china, sheet)
    scheme = render_html(china, sheet, worksheet=False, scheme=True)
    both = render_html(china, sheet, scheme=True)
    assert "Part B: Source exercise" in worksheet and "mark scheme" not in worksheet
    assert "Answer:" not in worksheet and "Answer:" in scheme
    assert "Indicative content" in scheme and "Name:" not in scheme
    assert "Name:" in both and "Answer:" in both and 'class="scheme new-page"' in both
    assert "A model answer &amp; its reasoning" in scheme


def test_note_text_is_escaped() -> None:
    topic = parse_notes(
        "Tricky <i>notes</i>\n\nWhy <script>alert(1)</script> happened, 1950\n\n"
        'a.  Cause & effect <b>\n\nThe "<img src=x onerror=alert(1)>" text\n\n'
        "b.  Another cause, 1951\n\nMore text\n\nc.  A third, 1952\n\nEven more\n"
    )
    html = render_html(topic, build_sheet(topic, hand_kit(topic)), scheme=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>notes" not in html
    assert "&lt;script&gt;" in html and "Cause &amp; effect &lt;b&gt;" in html


def _ink(png: Path) -> float:
    """The share of a page's pixels that are not white."""
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[230:]) / (image.width * image.height)


def test_pdf_renders_pages_with_ink(china: Topic, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm is needed for this test: apt-get install poppler-utils"
    kit = hand_kit(china)
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(html_to_pdf(render_html(china, build_sheet(china, kit), scheme=True)))
    assert pdf.read_bytes().startswith(b"%PDF-")
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    for page in pages:
        assert 0.01 < _ink(page) < 0.5, page.name  # printed text, neither blank nor black


def test_missing_weasyprint_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(Exception, match=r"apt-get install libpango-1.0-0 libpangoft2-1.0-0"):
        html_to_pdf("<p>x</p>")


def test_parts_are_lettered_by_what_the_sheet_has() -> None:
    topic = parse_notes(
        "Weimar\n\nWhy the Putsch failed, 1923\n\na.  Army, 1923\n\nThe army stayed loyal\n\n"
        "b.  Police, 1923\n\nThe police opened fire\n\nc.  Planning, 1923\n\nIt was rushed\n"
    )
    html = render_html(topic, build_sheet(topic, hand_kit(topic)))
    assert "Part A: Quick quiz" in html and "Part B: Essay" in html
    assert "Source exercise" not in html


def test_a_sheet_varies_its_questions_and_does_not_ask_a_style_twice() -> None:
    topic = parse_notes((FIXTURES / "generate" / "reformation.txt").read_text("utf-8"))
    kit = make_kit(topic, seed=0)
    sheet = build_sheet(topic, kit, quiz_questions=10)
    asked = {q.stem: q for q in kit.questions if q.kind.value == "mcq"}
    matches = [e.stem for e in sheet.quiz if e.kind == "match"]
    assert len(matches) == len(set(matches))  # not two "match each point to its section" grids
    multiple = [asked[e.stem] for e in sheet.quiz if e.kind == "mcq"]
    assert len({q.subkind or q.stem.split()[2] for q in multiple}) >= 3
    # the notes ask an inference and a usefulness question on Source A: Clio adds reliability,
    # not a second inference or usefulness question
    texts = [w.text for w in sheet.source_questions]
    assert texts[:2] == [q.text for q in topic.questions]
    assert len(texts) == 3 and texts[2].startswith("How reliable")
