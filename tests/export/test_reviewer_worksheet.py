"""A worksheet from a teacher's handout with its own questions and no source."""

from __future__ import annotations

from clio.export.worksheet import build_sheet, render_html
from clio.generate.kit import make_kit
from clio.parse import parse_notes
from tests.conftest import FIXTURES


def test_handout_questions_keep_their_tariffs_and_short_ones_are_asked() -> None:
    path = FIXTURES / "e2e" / "versailles.txt"
    topic = parse_notes(path.read_text("utf-8"), name="versailles")
    kit = make_kit(topic, seed=0)
    sheet = build_sheet(topic, kit)
    assert sheet.essay is not None and sheet.essay.marks == 12
    assert [q.text for q in sheet.source_questions] == [
        "Describe two aims of Clemenceau at the Paris Peace Conference."
    ]
    (short,) = [q for q in kit.source_questions if q.text.startswith("Describe two aims")]
    assert "Clemenceau" in short.mark_scheme.reference
    assert "Wilson" not in short.mark_scheme.reference
    html = render_html(topic, sheet, worksheet=True, scheme=True)
    assert "Short answers" in html and "Source exercise" not in html
