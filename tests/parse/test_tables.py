"""Markdown tables: each row a point, its first cell the title; the header row is no point."""

from __future__ import annotations

from clio.model.period import PartialDate
from clio.parse import parse_notes
from tests.conftest import FIXTURES

TABLES = (FIXTURES / "layouts" / "tables.md").read_text("utf-8")


def test_each_row_is_a_point_and_the_header_is_not() -> None:
    dates, people = parse_notes(TABLES).sections
    assert [p.title for p in dates.points] == [
        "February 1945",
        "July 1945",
        "March 1946",
        "March 1947",
        "June 1947",
    ]
    assert dates.points[0].text.startswith("Yalta Conference: the Big Three agree")
    assert dates.points[0].period is not None
    assert dates.points[0].period.start == PartialDate(year=1945, month=2)
    assert [p.title for p in people.points] == ["Harry Truman", "Joseph Stalin"]
    assert people.points[1].text.startswith("Soviet leader; wanted a buffer zone")


def test_cells_lose_emphasis_and_keep_escaped_pipes() -> None:
    text = "# T\n\n## S\n\n| **Term** | Meaning |\n|---|---|\n| NEP | New \\| Economic Policy |\n"
    (section,) = parse_notes(text).sections
    assert [(p.title, p.text) for p in section.points] == [("NEP", "New | Economic Policy")]


def test_three_columns_and_no_header() -> None:
    text = "Notes\n\nKey events\n\n| 1933 | Hitler becomes Chancellor | January |\n"
    (section,) = parse_notes(text).sections
    (point,) = section.points
    assert (point.title, point.text) == ("1933", "Hitler becomes Chancellor; January")


QA = (FIXTURES / "layouts" / "questions-and-answers.txt").read_text("utf-8")


def test_question_and_answer_notes_make_one_point_a_pair() -> None:
    (section,) = parse_notes(QA).sections
    assert [p.title for p in section.points] == [
        "When did the Gulf of Tonkin incident happen?",
        "What was Operation Rolling Thunder?",
        "Why did the Tet Offensive matter?",
    ]
    assert (
        section.points[1].text == "A US bombing campaign against North Vietnam from 1965 to 1968."
    )
    assert [p.label for p in section.points] == ["1", "2", "3"]
    assert not parse_notes(QA).questions  # study questions with answers, not exam questions


def test_a_q_line_without_an_answer_line_is_left_alone() -> None:
    topic = parse_notes("Notes\n\nCauses\n\nQ: Why did it happen?\nNobody knows.\n")
    assert all(not p.title.endswith("?") for s in topic.sections for p in s.points)


def test_a_title_line_with_its_paragraph_right_under_it_titles_the_point() -> None:
    text = (FIXTURES / "layouts" / "titled-paragraphs.txt").read_text("utf-8")
    (section,) = parse_notes(text).sections
    assert [p.title for p in section.points] == ["The police state", "Propaganda", "The Churches"]
    assert section.points[0].text.startswith("The SS, led by Heinrich Himmler")
