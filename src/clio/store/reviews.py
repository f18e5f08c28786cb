"""Review states and logs: read the queue's candidates, save one answered review."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clio.schedule.memory import Memory, Phase, Rating
from clio.store import recording
from clio.store.orm import ItemRow, ReviewLogRow, ReviewStateRow
from clio.store.records import ReviewRecord, ReviewState


def _state(row: ReviewStateRow) -> ReviewState:
    return ReviewState(
        learner_id=row.learner_id,
        item_id=row.item_id,
        memory=Memory(
            phase=Phase(row.state),
            due=row.due,
            step=row.step,
            stability=row.stability,
            difficulty=row.difficulty,
            last_review=row.last_review,
        ),
        introduced_at=row.introduced_at,
        reps=row.reps,
        lapses=row.lapses,
    )


def _record(row: ReviewLogRow) -> ReviewRecord:
    return ReviewRecord(
        learner_id=row.learner_id,
        item_id=row.item_id,
        rating=row.rating,
        reviewed_at=row.reviewed_at,
        elapsed_days=row.elapsed_days,
        duration_ms=row.duration_ms,
        state_before=row.state_before,
    )


def load_state(
    session: Session, *, learner_id: int, item_id: int, for_update: bool = False
) -> ReviewState | None:
    """The learner's state for an item (locked for the transaction when ``for_update``)."""
    return recording.load_state(
        session.connection(), learner_id=learner_id, item_id=item_id, for_update=for_update
    )


def save_review(
    session: Session,
    *,
    learner_id: int,
    item_id: int,
    before: ReviewState | None,
    after: Memory,
    rating: Rating,
    now: datetime,
    duration_ms: int | None = None,
) -> ReviewRecord:
    """Write the new state and append the log entry (the caller's transaction commits both)."""
    return recording.save_review(
        session.connection(),
        learner_id=learner_id,
        item_id=item_id,
        before=before,
        after=after,
        rating=rating,
        now=now,
        duration_ms=duration_ms,
    )


def count_due(
    session: Session,
    *,
    learner_id: int,
    until: datetime,
    topic_ids: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
) -> int:
    """How many studied items are due by ``until``."""
    query = (
        select(func.count())
        .select_from(ReviewStateRow)
        .join(ItemRow, ItemRow.id == ReviewStateRow.item_id)
        .where(
            ReviewStateRow.learner_id == learner_id,
            ReviewStateRow.due <= until,
            ItemRow.retired.is_(False),
        )
    )
    if topic_ids is not None:
        query = query.where(ItemRow.topic_id.in_(list(topic_ids)))
    if kinds is not None:
        query = query.where(ItemRow.kind.in_(list(kinds)))
    return int(session.scalar(query) or 0)


def count_unseen(
    session: Session,
    *,
    learner_id: int,
    topic_ids: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
) -> int:
    """How many live items the learner has never studied."""
    seen = select(ReviewStateRow.item_id).where(
        ReviewStateRow.learner_id == learner_id, ReviewStateRow.item_id == ItemRow.id
    )
    query = (
        select(func.count()).select_from(ItemRow).where(ItemRow.retired.is_(False), ~seen.exists())
    )
    if topic_ids is not None:
        query = query.where(ItemRow.topic_id.in_(list(topic_ids)))
    if kinds is not None:
        query = query.where(ItemRow.kind.in_(list(kinds)))
    return int(session.scalar(query) or 0)


def learner_states(session: Session, learner_id: int) -> list[ReviewState]:
    """Every state the learner has."""
    rows = session.scalars(
        select(ReviewStateRow)
        .where(ReviewStateRow.learner_id == learner_id)
        .order_by(ReviewStateRow.item_id)
    )
    return [_state(r) for r in rows]


def learner_logs(
    session: Session, learner_id: int, *, since: datetime | None = None
) -> list[ReviewRecord]:
    """The learner's review log, oldest first."""
    query = select(ReviewLogRow).where(ReviewLogRow.learner_id == learner_id)
    if since is not None:
        query = query.where(ReviewLogRow.reviewed_at >= since)
    rows = session.scalars(query.order_by(ReviewLogRow.reviewed_at, ReviewLogRow.id))
    return [_record(r) for r in rows]


def reviewed_between(session: Session, *, learner_id: int, start: datetime, end: datetime) -> bool:
    """True when the learner reviewed anything in ``[start, end)``."""
    found = session.scalar(
        select(ReviewLogRow.id)
        .where(
            ReviewLogRow.learner_id == learner_id,
            ReviewLogRow.reviewed_at >= start,
            ReviewLogRow.reviewed_at < end,
        )
        .limit(1)
    )
    return found is not None


def last_reviewed_at(session: Session, learner_id: int) -> datetime | None:
    """When the learner last reviewed anything."""
    return session.scalar(
        select(func.max(ReviewLogRow.reviewed_at)).where(ReviewLogRow.learner_id == learner_id)
    )
