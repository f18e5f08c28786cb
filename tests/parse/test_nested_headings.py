"""Markdown sub-headings under a heading with no points of its own, and quoted passages."""

from __future__ import annotations

import json

import jsonschema

from clio.model.period import PartialDate
from clio.model.serialise import topic_to_json
from clio.parse import parse_notes
from tests.conftest import FIXTURES

ROOT = FIXTURES.parent.parent

NESTED = (FIXTURES / "layouts" / "nested-headings.md").read_text("utf-8")


def test_sub_headings_holding_prose_become_the_points_of_their_heading() -> None:
    topic = parse_notes(NESTED)
    terror = next(s for s in topic.sections if s.heading == "The Terror")
    assert [p.title for p in terror.points] == [
        "Kirov's murder, December 1934",
        "The Show Trials, 1936-38",
        "The Great Terror, 1937-38",
    ]
    assert terror.points[0].text.startswith("Sergei Kirov, the popular Party boss")
    assert terror.points[0].period is not None
    assert terror.points[0].period.start == PartialDate(year=1934, month=12)
    assert terror.part is None


def test_sub_headings_holding_lists_stay_sections_of_a_part() -> None:
    topic = parse_notes(NESTED)
    headings = [s.heading for s in topic.sections]
    assert "The Five-Year Plans" not in headings  # no empty section left behind
    plans = [s for s in topic.sections if s.part == "The Five-Year Plans"]
    assert [s.heading for s in plans] == [
        "First Five-Year Plan, 1928-32",
        "Collectivisation, 1929-33",
    ]
    assert all(len(s.points) == 3 for s in plans)
    assert not [w for w in topic.warnings if w.code == "empty_section"]


def test_a_heading_with_points_of_its_own_keeps_its_sub_headings_apart() -> None:
    text = "# T\n\n## Causes\n\n- Poverty grew.\n\n### Long-term\n\nLand hunger, 1900.\n"
    topic = parse_notes(text)
    assert [(s.heading, s.part) for s in topic.sections] == [
        ("Causes", None),
        ("Long-term", None),
    ]


def test_the_part_is_in_the_json_and_the_schema() -> None:
    data = topic_to_json(parse_notes(NESTED))
    schema = json.loads((ROOT / "docs" / "topic.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert {s["part"] for s in data["sections"]} == {None, "The Five-Year Plans"}


def test_a_quoted_source_passage_loses_its_quotation_marks() -> None:
    (source,) = parse_notes(NESTED).sources
    assert source.author == "Nikita Khrushchev"
    assert source.text.startswith("Stalin originated the concept")
    assert ">" not in source.text


def test_more_than_is_not_a_quotation_mark() -> None:
    topic = parse_notes("# T\n\n## S\n\n> quoted words\n>\n> 50% of the peasants\n")
    texts = [p.text for p in topic.sections[0].points]
    assert texts == ["quoted words", "> 50% of the peasants"]


def test_plain_headings_in_capitals_hold_the_headings_after_them() -> None:
    text = (
        "Stalin\n\nTHE PURGES\n\nKirov\n- Shot on 1 December 1934.\n\nShow trials\n"
        "- Zinoviev and Kamenev tried in 1936.\n\nTHE ECONOMY\n\nFive-Year Plans\n"
        "- Targets raised in 1928.\n"
    )
    topic = parse_notes(text)
    assert [(s.heading, s.part) for s in topic.sections] == [
        ("Kirov", "THE PURGES"),
        ("Show trials", "THE PURGES"),
        ("Five-Year Plans", "THE ECONOMY"),
    ]


def test_headings_that_are_people_group_under_an_empty_heading() -> None:
    text = (
        "Apartheid\n\nKey people\n\nSteve Biko\n- Died in 1977.\n\n"
        "Nelson Mandela\n- Freed in 1990.\n\nThe end of apartheid\n- Talks began in 1990.\n"
    )
    topic = parse_notes(text)
    assert [(s.heading, s.part) for s in topic.sections] == [
        ("Steve Biko", "Key people"),
        ("Nelson Mandela", "Key people"),
        ("The end of apartheid", None),
    ]


def test_headings_set_alike_stay_side_by_side() -> None:
    text = "Russia\n\nCauses\n\nWar\n- Defeats in 1915.\n\nHunger\n- Bread queues in 1917.\n"
    topic = parse_notes(text)
    assert all(s.part is None for s in topic.sections)
