"""Levels-of-response schemes: contiguous bands over 0..max, exam-board banding, stable ids."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clio.generate.mark_schemes import (
    DESCRIPTORS,
    build_scheme,
    levels_for,
    scheme_point,
    split_levels,
)
from clio.model.marking import Level


def assert_contiguous(levels: tuple[Level, ...], max_marks: int) -> None:
    """Levels numbered 0.., from 0 marks to max_marks with no gap and no overlap."""
    assert levels[0].level == 0 and levels[0].low == 0 and levels[0].high == 0
    assert [lv.level for lv in levels] == list(range(len(levels)))
    for before, after in pairwise(levels):
        assert after.low == before.high + 1
        assert after.low <= after.high
    assert levels[-1].high == max_marks
    assert all(lv.descriptor for lv in levels)


@settings(deadline=None)  # a pure function; a loaded CI machine is no failure
@given(
    max_marks=st.integers(min_value=1, max_value=60),
    count=st.integers(min_value=1, max_value=6),
)
def test_split_levels_covers_every_mark_once(max_marks: int, count: int) -> None:
    descriptors = [f"level {i}" for i in range(1, count + 1)]
    levels = split_levels(max_marks, descriptors)
    assert_contiguous(levels, max_marks)
    assert len(levels) == 1 + min(count, max_marks)


@settings(deadline=None)
@given(
    style=st.sampled_from(sorted(DESCRIPTORS)),
    max_marks=st.integers(min_value=1, max_value=40),
)
def test_every_style_gives_contiguous_levels(style: str, max_marks: int) -> None:
    assert_contiguous(levels_for(style, max_marks), max_marks)


@pytest.mark.parametrize(
    ("style", "marks", "bands"),
    [
        ("inference", 4, [(1, 2), (3, 4)]),
        ("usefulness", 8, [(1, 2), (3, 5), (6, 8)]),
        ("change", 6, [(1, 2), (3, 4), (5, 6)]),
        ("interpretation", 12, [(1, 3), (4, 6), (7, 9), (10, 12)]),
        ("interpretation", 16, [(1, 4), (5, 8), (9, 12), (13, 16)]),
        ("notes", 4, [(1, 2), (3, 4)]),
        ("notes", 8, [(1, 2), (3, 5), (6, 8)]),
        ("notes", 12, [(1, 3), (4, 6), (7, 9), (10, 12)]),
    ],
)
def test_bands_match_exam_board_practice(
    style: str, marks: int, bands: list[tuple[int, int]]
) -> None:
    levels = levels_for(style, marks)
    assert [(lv.low, lv.high) for lv in levels[1:]] == bands


def test_a_scheme_needs_a_mark() -> None:
    with pytest.raises(ValueError):
        split_levels(0, ["x"])


def test_scheme_points_have_content_ids_and_schemes_drop_duplicates() -> None:
    first = scheme_point("content", "Mao saw the USSR as a threat.", ("src-1",))
    again = scheme_point("content", "Mao  saw the USSR as a threat.", ("src-1",))
    other = scheme_point("provenance", "Mao saw the USSR as a threat.", ("src-1",))
    assert first.id == again.id != other.id
    scheme = build_scheme(
        style="inference", max_marks=4, points=[first, again, other], reference="Model."
    )
    assert [p.id for p in scheme.points] == [first.id, other.id]
    assert scheme.max_marks == 4 and scheme.style == "inference"
