"""FSRS through the ``fsrs`` package: review a memory, preview each button's next interval."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from fsrs import Card, Scheduler, State
from fsrs import Rating as FsrsRating

from clio.schedule.memory import Memory, Phase, Rating

DEFAULT_RETENTION = 0.9


@lru_cache(maxsize=64)
def _scheduler(retention: float, parameters: tuple[float, ...] | None) -> Scheduler:
    # Fuzzing draws from the global random generator: off, so schedules are reproducible.
    if parameters is None:
        return Scheduler(desired_retention=retention, enable_fuzzing=False)
    return Scheduler(parameters=parameters, desired_retention=retention, enable_fuzzing=False)


def scheduler_for(
    desired_retention: float = DEFAULT_RETENTION, parameters: Sequence[float] | None = None
) -> Scheduler:
    """The FSRS scheduler for a learner's desired retention and (optimised) parameters."""
    return _scheduler(round(desired_retention, 4), tuple(parameters) if parameters else None)


def new_memory(now: datetime) -> Memory:
    """The memory of an item never reviewed."""
    return Memory(phase=Phase.LEARNING, due=now, step=0)


def _to_card(memory: Memory) -> Card:
    return Card(
        card_id=1,
        state=State(int(memory.phase)),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due,
        last_review=memory.last_review,
    )


def _from_card(card: Card) -> Memory:
    return Memory(
        phase=Phase(int(card.state)),
        due=card.due,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
    )


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def review(
    memory: Memory | None,
    rating: Rating,
    *,
    now: datetime,
    desired_retention: float = DEFAULT_RETENTION,
    parameters: Sequence[float] | None = None,
) -> Memory:
    """The memory after answering with ``rating`` at ``now``."""
    now = _utc(now)
    scheduler = scheduler_for(desired_retention, parameters)
    card, _log = scheduler.review_card(
        _to_card(memory or new_memory(now)), FsrsRating(int(rating)), review_datetime=now
    )
    return _from_card(card)


def preview(
    memory: Memory | None,
    *,
    now: datetime,
    desired_retention: float = DEFAULT_RETENTION,
    parameters: Sequence[float] | None = None,
) -> dict[Rating, timedelta]:
    """How long until the item comes back for each button (to label the buttons)."""
    now = _utc(now)
    return {
        rating: review(
            memory, rating, now=now, desired_retention=desired_retention, parameters=parameters
        ).due
        - now
        for rating in Rating
    }


def retrievability(
    memory: Memory,
    *,
    now: datetime,
    desired_retention: float = DEFAULT_RETENTION,
    parameters: Sequence[float] | None = None,
) -> float:
    """The predicted probability of recalling the item at ``now``."""
    scheduler = scheduler_for(desired_retention, parameters)
    return float(scheduler.get_card_retrievability(_to_card(memory), current_datetime=_utc(now)))


def format_interval(delta: timedelta) -> str:
    """A short human interval: ``<1m``, ``10m``, ``3h``, ``4d``, ``2mo``, ``1.5y``."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30.5:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    return f"{days / 365:.1f}y"


def rating_for_score(score: int, max_marks: int) -> Rating:
    """The rating a marked free-text answer earns from its share of the marks."""
    share = score / max_marks if max_marks else 0.0
    if share < 0.4:
        return Rating.AGAIN
    if share < 0.7:
        return Rating.HARD
    if share < 0.9:
        return Rating.GOOD
    return Rating.EASY
