"""Review states and logs: read the queue's candidates, save one answered review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from clio.schedule.memory import Memory, Phase, Rating
from clio.store import recording
from clio.store.orm import ItemRow, ReviewLogRow, ReviewStateRow
from clio.store.records import ReviewRecord, ReviewState


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
    """Every state the learner has (plain rows, no ORM objects: there can be thousands)."""
    t = ReviewStateRow
    rows = session.execute(
        select(
            t.item_id, t.state, t.due, t.step, t.stability, t.difficulty, t.last_review,
            t.introduced_at, t.reps, t.lapses,
        )
        .where(t.learner_id == learner_id)
        .order_by(t.item_id)
    )  # fmt: skip
    return [
        ReviewState(
            learner_id=learner_id,
            item_id=item_id,
            memory=Memory(
                phase=Phase(state),
                due=due,
                step=step,
                stability=stability,
                difficulty=difficulty,
                last_review=last,
            ),
            introduced_at=introduced,
            reps=reps,
            lapses=lapses,
        )
        for item_id, state, due, step, stability, difficulty, last, introduced, reps, lapses in rows
    ]


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


# --- aggregates for progress (SQL does the counting, so 100k logs stay cheap) ---------------


@dataclass(frozen=True, kw_only=True)
class ItemFacts:
    """What progress needs to know about a studied item."""

    topic_id: int
    retired: bool
    source_ids: tuple[str, ...]


def _logs_query(query: Any, learner_id: int, topic_ids: Sequence[int] | None) -> Any:
    query = query.where(ReviewLogRow.learner_id == learner_id)
    if topic_ids is not None:
        query = query.join(ItemRow, ItemRow.id == ReviewLogRow.item_id).where(
            ItemRow.topic_id.in_(list(topic_ids))
        )
    return query


def log_tally(
    session: Session, *, learner_id: int, topic_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int]]:
    """item id -> (reviews, reviews rated Again)."""
    again = func.sum(case((ReviewLogRow.rating == int(Rating.AGAIN), 1), else_=0))
    query = _logs_query(
        select(ReviewLogRow.item_id, func.count(), again), learner_id, topic_ids
    ).group_by(ReviewLogRow.item_id)
    return {item: (int(n), int(failed or 0)) for item, n, failed in session.execute(query)}


def retention_counts(
    session: Session,
    *,
    learner_id: int,
    since: datetime,
    until: datetime,
    topic_ids: Sequence[int] | None = None,
) -> tuple[int, int]:
    """(reviews of learnt items in the window, how many of them were not failed)."""
    passed = func.sum(case((ReviewLogRow.rating != int(Rating.AGAIN), 1), else_=0))
    query = _logs_query(select(func.count(), passed), learner_id, topic_ids).where(
        ReviewLogRow.state_before == int(Phase.REVIEW),
        ReviewLogRow.reviewed_at >= since,
        ReviewLogRow.reviewed_at <= until,
    )
    total, ok = session.execute(query).one()
    return int(total or 0), int(ok or 0)


def review_times(
    session: Session,
    *,
    learner_id: int,
    since: datetime,
    until: datetime,
    topic_ids: Sequence[int] | None = None,
) -> list[datetime]:
    """When the learner reviewed, in ``[since, until)``."""
    query = _logs_query(select(ReviewLogRow.reviewed_at), learner_id, topic_ids).where(
        ReviewLogRow.reviewed_at >= since, ReviewLogRow.reviewed_at < until
    )
    return list(session.scalars(query))


def item_facts(session: Session, item_ids: Sequence[int]) -> dict[int, ItemFacts]:
    """Topic, retired flag and source ids of these items."""
    found: dict[int, ItemFacts] = {}
    ids = list(item_ids)
    for start in range(0, len(ids), 5000):  # stay well under bind-parameter limits
        query = select(ItemRow.id, ItemRow.topic_id, ItemRow.retired, ItemRow.payload).where(
            ItemRow.id.in_(ids[start : start + 5000])
        )
        for item_id, topic_id, retired, payload in session.execute(query):
            sources = payload.get("source_ids", ()) if isinstance(payload, dict) else ()
            found[item_id] = ItemFacts(
                topic_id=topic_id, retired=retired, source_ids=tuple(sources)
            )
    return found
