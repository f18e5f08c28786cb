"""Layouts met in session 2: arrows as separators, exam questions with no heading, key dates."""

from __future__ import annotations

from clio.model.period import PartialDate
from clio.parse import parse_notes
from tests.conftest import FIXTURES

NOTES = FIXTURES / "notes"


def test_arrow_separates_a_title_from_its_explanation() -> None:
    topic = parse_notes("Russia\n\nWhy the Tsar fell\n\n▪ Rasputin → his influence grew.\n")
    (point,) = topic.sections[0].points
    assert (point.title, point.text) == ("Rasputin", "his influence grew.")


def test_exam_questions_without_a_heading_are_questions() -> None:
    topic = parse_notes((NOTES / "russia-key-questions.txt").read_text("utf-8"))
    assert [q.marks for q in topic.questions] == [4, 12]
    assert topic.questions[0].text.startswith("Describe two reasons")
    assert [s.heading.split(":")[0] for s in topic.sections] == ["Key Question 1", "Key Question 2"]
    assert topic.sections[0].is_why
    assert not topic.warnings


def test_a_question_needs_marks_or_a_q_number() -> None:
    text = "Russia\n\nEvents\n\n1. Lenin returned (April 1917).\n2. The July Days (July 1917).\n"
    topic = parse_notes(text)
    assert not topic.questions and len(topic.sections[0].points) == 2


def test_a_year_title_takes_the_day_its_text_gives() -> None:
    topic = parse_notes((NOTES / "weimar-key-dates.txt").read_text("utf-8"))
    dates = [p.period for p in topic.sections[0].points]
    assert dates[0] is not None and dates[0].start == PartialDate(year=1918, month=11, day=9)
    assert dates[1] is not None and dates[1].start == PartialDate(year=1919, month=6, day=28)
    # two events in one line keep the year
    assert dates[2] is not None and dates[2].start == PartialDate(year=1923)


def test_a_work_of_its_author_names_the_author() -> None:
    text = (
        "The Bay of Pigs\n\n- **Landing (April 1961):** About 1,400 exiles landed.\n\n"
        "## Source B\n\nFrom the memoirs of Arthur Schlesinger, an adviser to President "
        'Kennedy, published in 1965.\n\n"The Bay of Pigs was a perfect failure."\n'
    )
    source = parse_notes(text).sources[0]
    assert source.author == "Arthur Schlesinger"
    assert source.year == 1965


def test_a_label_alone_on_its_line_belongs_to_the_next_line() -> None:
    """ "a)" / "Quit India" / explanation: lists pasted from a word processor."""
    text = (
        "Indian Independence\n\nWhy Britain left India, 1942-47\n\na)\nQuit India\n"
        "In August 1942 the Congress Party launched the Quit India campaign.\n\n"
        "(b)\n\nThe naval mutiny\nIn February 1946 sailors mutinied in Bombay.\n"
    )
    section = parse_notes(text).sections[0]
    assert [(p.label, p.title) for p in section.points] == [
        ("a", "Quit India"),
        ("b", "The naval mutiny"),
    ]
    assert section.points[0].text.startswith("In August 1942")
    assert section.points[1].period is not None and section.points[1].period.start.month == 2
