"""Mark schemes for any question given only a reference answer or a list of points."""

from __future__ import annotations

import math

from clio.errors import InputError
from clio.ids import content_id
from clio.model.marking import Level, MarkScheme, SchemePoint

HISTORY_STYLES = frozenset({"inference", "change", "usefulness", "reliability", "interpretation"})


def default_levels(max_marks: int) -> tuple[Level, ...]:
    """Up to three even bands of marks above a zero level, for schemes without their own levels."""
    bands = min(3, max_marks)
    levels = [Level(level=0, low=0, high=0, descriptor="No creditworthy content.")]
    words = (
        "Some relevant content, but limited.",
        "Most of the expected content.",
        "Full and accurate.",
    )
    if bands == 1:
        words = ("Correct.", "", "")
    elif bands == 2:
        words = ("Partly correct.", "Full and accurate.", "")
    for k in range(1, bands + 1):
        low = math.ceil((k - 1) * max_marks / bands) + 1
        high = math.ceil(k * max_marks / bands)
        levels.append(Level(level=k, low=low, high=high, descriptor=words[k - 1]))
    return tuple(levels)


def _check_max(max_marks: int) -> None:
    if not isinstance(max_marks, int) or isinstance(max_marks, bool) or not 1 <= max_marks <= 100:
        raise InputError("max marks must be a whole number from 1 to 100", field="max")


def scheme_from_reference(reference: str, max_marks: int) -> MarkScheme:
    """A scheme that marks against a model answer: its sentences become the points to credit."""
    _check_max(max_marks)
    if not reference.strip():
        raise InputError("the reference answer is empty", field="reference")
    return MarkScheme(
        max_marks=max_marks, levels=default_levels(max_marks), reference=reference.strip()
    )


def scheme_from_points(points: list[str], max_marks: int) -> MarkScheme:
    """A scheme that credits a list of points (one mark per point made, up to ``max_marks``)."""
    _check_max(max_marks)
    cleaned = [p.strip() for p in points if isinstance(p, str) and p.strip()]
    if not cleaned:
        raise InputError("the list of points is empty", field="points")
    return MarkScheme(
        max_marks=max_marks,
        levels=default_levels(max_marks),
        points=tuple(
            SchemePoint(id=content_id("pt", text), text=text, kind="content") for text in cleaned
        ),
        style="points",
    )


def is_levels_of_response(scheme: MarkScheme) -> bool:
    """True for history-style schemes marked by level (a known style, or higher kinds of point)."""
    if scheme.style in HISTORY_STYLES:
        return True
    kinds = {p.kind for p in scheme.points}
    return bool(kinds & {"own_knowledge", "provenance", "judgement"}) and bool(scheme.levels)
