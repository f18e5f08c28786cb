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
