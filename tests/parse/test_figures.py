"""Figures: a number with what it counts."""

from __future__ import annotations

import pytest

from clio.parse.figures import find_figures


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(e.text, e.value, e.unit) for _, e in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$300m loans and aid", [("$300m", 300e6, "$")]),
        ("£6.6 billion in reparations", [("£6.6 billion", 6.6e9, "£")]),
        ("Though 95% of the money", [("95%", 95, "%")]),
        ("over 60 per cent of voters", [("over 60 per cent", 60, "%")]),
        ("its 20,000 experts", [("20,000 experts", 20000, "experts")]),
        ("390,000 men dead", [("390,000 men dead", 390000, "men dead")]),
        ("about 200,000 Chinese troops", [("about 200,000 Chinese troops", 2e5, "Chinese troops")]),
        ("nearly a million casualties", [("nearly a million casualties", 1e6, "casualties")]),
        ("half a million tons of steel", [("half a million tons", 5e5, "tons")]),
        ("3 million people starved", [("3 million people", 3e6, "people")]),
    ],
)  # fmt: skip
def test_figures_with_units(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 1950 Chinese troops crossed",
        "on 31 March 1948",
        "the 1960s",
        "Korean War, 1950-53",
        "Explain the causes (4 marks)",
        "north of the 38th parallel",
        "In 1949, he signed",
    ],
)
def test_dates_and_tariffs_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_a_plain_adjective_belongs_to_the_unit() -> None:
    from clio.parse.figures import unit_after

    text = "work for 2.5 million young men; 15 major laws"
    assert unit_after(text, text.index(" young"))[0] == "young men"
    assert unit_after(text, text.index(" major"))[0] == "major laws"
