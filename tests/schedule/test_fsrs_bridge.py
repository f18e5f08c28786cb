"""FSRS through clio.schedule: pinned intervals with a fixed clock, retention, helpers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clio.errors import InputError
from clio.schedule.fsrs_bridge import (
    format_interval,
    preview,
    rating_for_score,
    retrievability,
    review,
)
from clio.schedule.memory import Phase, Rating, parse_rating

NOW = datetime(2026, 3, 1, 9, tzinfo=UTC)


def test_new_item_intervals_are_fsrs_learning_steps() -> None:
    intervals = preview(None, now=NOW)
    assert intervals[Rating.AGAIN] == timedelta(minutes=1)
    assert intervals[Rating.GOOD] == timedelta(minutes=10)
    assert intervals[Rating.EASY] == timedelta(days=8)
    assert intervals[Rating.AGAIN] < intervals[Rating.HARD] < intervals[Rating.GOOD]


def test_review_is_deterministic_and_graduates() -> None:
    first = review(None, Rating.GOOD, now=NOW)
    assert first.phase == Phase.LEARNING and first.due == NOW + timedelta(minutes=10)
    second = review(first, Rating.GOOD, now=first.due)
    assert second.phase == Phase.REVIEW and second.due - first.due >= timedelta(days=1)
    assert review(first, Rating.GOOD, now=first.due) == second


def test_lower_desired_retention_means_longer_intervals() -> None:
    memory = review(review(None, Rating.GOOD, now=NOW), Rating.GOOD, now=NOW + timedelta(days=1))
    later = NOW + timedelta(days=5)
    strict = preview(memory, now=later, desired_retention=0.95)[Rating.GOOD]
    relaxed = preview(memory, now=later, desired_retention=0.8)[Rating.GOOD]
    assert relaxed > strict


def test_retrievability_falls_with_time() -> None:
    memory = review(review(None, Rating.GOOD, now=NOW), Rating.GOOD, now=NOW + timedelta(days=1))
    soon = retrievability(memory, now=NOW + timedelta(days=2))
    late = retrievability(memory, now=NOW + timedelta(days=60))
    assert 0 < late < soon <= 1


def test_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError):
        review(None, Rating.GOOD, now=datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=90), "3mo"),
        (timedelta(days=730), "2.0y"),
    ],
)
def test_format_interval(delta: timedelta, text: str) -> None:
    assert format_interval(delta) == text


def test_ratings_from_marks_and_text() -> None:
    assert [rating_for_score(s, 10) for s in (0, 5, 8, 10)] == [
        Rating.AGAIN,
        Rating.HARD,
        Rating.GOOD,
        Rating.EASY,
    ]
    assert rating_for_score(0, 0) == Rating.AGAIN
    assert parse_rating("3") == parse_rating("good") == parse_rating(" G ") == Rating.GOOD
    assert Rating.EASY.label == "Easy"
    with pytest.raises(InputError):
        parse_rating("5")
