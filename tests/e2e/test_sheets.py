"""Every reviewer-style sheet in tests/fixtures/e2e goes through parse -> kit -> essay -> sources
-> timeline -> exports without an error, and every item keeps the kit's invariants."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from clio.model.items import Kit, QuestionKind
from clio.model.serialise import to_jsonable
from clio.model.topic import Topic
from clio.parse import parse_notes
from clio.services.essays import essay_plans_for
from clio.services.exports import anki_deck, items_table, study_kit, worksheet
from clio.services.kit import kit_to_json
from clio.timeline.events import timeline_events
from clio.timeline.svg import render_svg
from tests.conftest import FIXTURES, REPO

SHEETS = sorted(p for p in (FIXTURES / "e2e").iterdir() if p.suffix in (".txt", ".md"))
TOPIC_SCHEMA = json.loads((REPO / "docs" / "topic.schema.json").read_text("utf-8"))
KIT_SCHEMA = json.loads((REPO / "docs" / "kit.schema.json").read_text("utf-8"))


@cache
def _run(path: Path) -> tuple[Topic, Kit]:
    topic = parse_notes(path.read_text("utf-8"), name=path.name)
    return topic, study_kit(topic, seed=0)


def test_there_are_enough_sheets() -> None:
    assert len(SHEETS) >= 6


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.name)
def test_topic_json_is_schema_valid_and_periods_in_order(path: Path) -> None:
    topic, _ = _run(path)
    jsonschema.validate(to_jsonable(topic), TOPIC_SCHEMA)
    assert topic.sections
    for section in topic.sections:
        for item in (section, *section.points):
            if item.period is not None:
                assert item.period.start <= item.period.end


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.name)
def test_kit_invariants(path: Path) -> None:
    _topic, kit = _run(path)

    jsonschema.validate(kit_to_json(kit), KIT_SCHEMA)
    assert kit.flashcards and kit.questions
    prompts = [c.prompt for c in kit.flashcards]
    assert len(prompts) == len(set(prompts)), "two cards share a prompt"
    for card in kit.flashcards:
        assert card.answer.strip().casefold() not in card.prompt.casefold(), card
        assert card.source_ids
    for question in kit.questions:
        assert question.explanation and question.source_ids
        if question.kind is QuestionKind.MCQ:
            options = list(question.options)
            assert len(options) == 4 and len(set(options)) == 4, question.stem
            assert options.count(question.answer) == 1, question.stem
    ids = [c.id for c in kit.flashcards] + [q.id for q in kit.questions]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.name)
def test_ids_are_stable_across_runs(path: Path) -> None:
    topic, kit = _run(path)
    again = parse_notes(path.read_text("utf-8"), name=path.name)
    kit2 = study_kit(again, seed=0)
    assert again.id == topic.id
    assert [p.id for _, p in again.points()] == [p.id for _, p in topic.points()]
    assert [c.id for c in kit2.flashcards] == [c.id for c in kit.flashcards]
    assert [q.id for q in kit2.questions] == [q.id for q in kit.questions]


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.name)
def test_essays_sources_timeline_and_exports(path: Path) -> None:
    topic, kit = _run(path)
    for plan in kit.essay_plans:
        assert len(plan.paragraphs) >= 3
        for paragraph in plan.paragraphs:
            assert paragraph.text.strip()[-1:] in ".?!”\"'", paragraph.text
    for source_question in kit.source_questions:
        assert source_question.marks > 0 and source_question.mark_scheme.levels
    events = timeline_events(topic)
    starts = [e.period.sort_key()[0] for e in events]
    assert starts == sorted(starts)  # a section comes before its points that start with it
    svg = render_svg(events, title=topic.title)
    assert svg.startswith("<") and "</svg>" in svg
    rows = list(csv.DictReader(io.StringIO(items_table(topic, kit, fmt="csv"))))
    assert len(rows) >= len(kit.flashcards)
    json.loads(items_table(topic, kit, fmt="json"))
    for line in items_table(topic, kit, fmt="quizlet").splitlines():
        assert line.count("\t") == 1
    deck = anki_deck(topic, kit, timestamp=0)
    assert zipfile.is_zipfile(io.BytesIO(deck))
    html = worksheet(topic, kit, fmt="html", with_answers=True).worksheet.decode("utf-8")
    assert "<html" in html.lower()


def test_question_essays_on_the_sheets_own_questions() -> None:
    topic, _ = _run(FIXTURES / "e2e" / "versailles.txt")
    (plan,) = essay_plans_for(
        topic, '"The Treaty of Versailles was too harsh on Germany." How far do you agree?'
    )
    text = " ".join(p.text for p in plan.paragraphs)
    assert "the view that the Treaty of Versailles was too harsh on Germany" in text
    assert "How far do you agree" not in text.replace(plan.question, "")
    assert "Handout" not in text  # the sheet's housekeeping line is not history
