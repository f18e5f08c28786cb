"""A learner's memory of one item, as FSRS models it (a plain value, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum


class Rating(IntEnum):
    """How well the learner recalled an item (FSRS's four buttons)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        """The button's label: Again, Hard, Good or Easy."""
        return self.name.capitalize()


class Phase(IntEnum):
    """FSRS card states."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, kw_only=True)
class Memory:
    """The FSRS state of one item for one learner."""

    phase: Phase
    due: datetime
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None


def parse_rating(text: str) -> Rating:
    """A rating from ``1``-``4`` or a button name (``again``, ``g``...)."""
    from clio.errors import InputError

    word = text.strip().lower()
    for rating in Rating:
        if word in (str(int(rating)), rating.name.lower(), rating.name[0].lower()):
            return rating
    raise InputError(f"not a rating: {text!r} (use 1-4 or again/hard/good/easy)", field="rating")
