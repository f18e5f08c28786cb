"""A class at a glance for its teacher: each learner's recent work and results in one row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from clio.store import answers, reviews
from clio.store.database import Store
from clio.store.records import User

WEEK = timedelta(days=7)


@dataclass(frozen=True, kw_only=True)
class LearnerRow:
    """One learner's line in the class table."""

    learner: User
    reviews_this_week: int
    items_studied: int
    last_active: datetime | None
    quiz_right: int
    quiz_answered: int
    marked: int
    marks_scored: int
    marks_possible: int

    @property
    def quiz_percent(self) -> int | None:
        """Share of quiz answers that were right, in percent (None before any)."""
        return round(100 * self.quiz_right / self.quiz_answered) if self.quiz_answered else None

    @property
    def marks_percent(self) -> int | None:
        """Marks scored out of marks possible on source answers, in percent (None before any)."""
        return round(100 * self.marks_scored / self.marks_possible) if self.marks_possible else None


def class_results(store: Store, members: Sequence[User], *, now: datetime) -> list[LearnerRow]:
    """A row for each member (a handful of small queries each, in one read)."""
    rows = []
    with store.read() as session:
        for member in members:
            week = reviews.review_times(
                session, learner_id=member.id, since=now - WEEK, until=now + timedelta(seconds=1)
            )
            tally = reviews.log_tally(session, learner_id=member.id)
            attempts = answers.quiz_attempts(session, member.id)
            marked = answers.marked_answers(session, member.id)
            times = [t for t in (reviews.last_reviewed_at(session, member.id),) if t]
            times += [a.at for a in attempts[-1:]] + [m.at for m in marked[:1]]
            rows.append(
                LearnerRow(
                    learner=member,
                    reviews_this_week=len(week),
                    items_studied=len(tally),
                    last_active=max(times, default=None),
                    quiz_right=sum(1 for a in attempts if a.correct),
                    quiz_answered=len(attempts),
                    marked=len(marked),
                    marks_scored=sum(m.score for m in marked),
                    marks_possible=sum(m.max_marks for m in marked),
                )
            )
    return rows
