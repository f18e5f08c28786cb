"""Inline SVG charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clio.web.charts import bar_chart, line_chart


def test_bar_chart_has_one_bar_per_value_and_an_accessible_title() -> None:
    svg = str(bar_chart(["Mon", "Tue", "Wed"], [3, 0, 6], title="Reviews <per> day"))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}rect")) == 3
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Reviews <per> day"  # escaped in the markup


def test_line_chart_breaks_at_missing_values() -> None:
    svg = str(line_chart(["w1", "w2", "w3", "w4", "w5"], [0.5, 0.6, None, 0.8, 0.9], title="r"))
    root = ET.fromstring(svg)
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 2
    assert "80%" in svg


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        bar_chart(["a"], [1, 2], title="t")


@given(st.lists(st.tuples(st.text(max_size=8), st.floats(0, 1e6)), max_size=40))
def test_bar_chart_is_always_well_formed_xml(rows: list[tuple[str, float]]) -> None:
    labels = [label for label, _ in rows]
    values = [value for _, value in rows]
    ET.fromstring(str(bar_chart(labels, values, title="t")))
