"""Recording a review: lock and read the state, write the new one, append the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    bindparam,
    insert,
    select,
    update,
)

from clio.schedule.memory import Memory, Phase, Rating
from clio.store.records import ReviewRecord, ReviewState
from clio.store.tables import items, logs_t, states, states_t, topics, users


def _memory_of(data: Any) -> Memory:
    return Memory(
        phase=Phase(data[states.c.state]),
        due=data[states.c.due],
        step=data[states.c.step],
        stability=data[states.c.stability],
        difficulty=data[states.c.difficulty],
        last_review=data[states.c.last_review],
    )


def _state_of(data: Any, *, learner_id: int, item_id: int) -> ReviewState:
    """The learner's state for an item from a row holding the review-state columns."""
    return ReviewState(
        learner_id=learner_id,
        item_id=item_id,
        memory=_memory_of(data),
        introduced_at=data[states.c.introduced_at],
        reps=data[states.c.reps],
        lapses=data[states.c.lapses],
    )


@cache
def _state_stmt(for_update: bool) -> Select[Any]:
    query = select(states).where(
        states.c.learner_id == bindparam("learner"), states.c.item_id == bindparam("item")
    )
    return query.with_for_update() if for_update else query


def load_state(
    conn: Connection, *, learner_id: int, item_id: int, for_update: bool = False
) -> ReviewState | None:
    """The learner's state for an item (row-locked on PostgreSQL when ``for_update``)."""
    params = {"learner": learner_id, "item": item_id}
    row = conn.execute(_state_stmt(for_update), params).first()
    if row is None:
        return None
    return _state_of(row._mapping, learner_id=learner_id, item_id=item_id)


@dataclass(frozen=True, kw_only=True)
class ReviewTarget:
    """What recording a review needs, read in one statement: the item, its topic, the
    learner's scheduler settings and (unless locked separately) the learner's state."""

    item_id: int
    kind: str
    topic_id: int
    topic_name: str
    desired_retention: float
    parameters: tuple[float, ...] | None
    state: ReviewState | None


@cache
def _target_stmt(with_state: bool) -> Select[Any]:
    columns = [
        items.c.kind,
        items.c.topic_id,
        topics.c.name,
        users.c.desired_retention,
        users.c.fsrs_parameters,
    ]
    query = (
        select(*columns)
        .select_from(users)
        .join(items, items.c.id == bindparam("item"))
        .join(topics, topics.c.id == items.c.topic_id)
        .where(users.c.id == bindparam("learner"))
    )
    if with_state:
        query = query.add_columns(*states.c).outerjoin(
            states, (states.c.item_id == items.c.id) & (states.c.learner_id == users.c.id)
        )
    return query


def review_target(
    conn: Connection, *, learner_id: int, item_id: int, with_state: bool = True
) -> ReviewTarget | None:
    """The item and learner a review is about (None when either is missing).

    With ``with_state`` the learner's state comes in the same statement (enough on SQLite,
    whose write transaction already holds the database's write lock); without it, read the
    state with :func:`load_state` ``for_update`` to lock its row (PostgreSQL).
    """
    params = {"learner": learner_id, "item": item_id}
    row = conn.execute(_target_stmt(with_state), params).first()
    if row is None:
        return None
    data = row._mapping
    state = None
    if with_state and data[states.c.learner_id] is not None:
        state = _state_of(data, learner_id=learner_id, item_id=item_id)
    return ReviewTarget(
        item_id=item_id,
        kind=row[0],
        topic_id=row[1],
        topic_name=row[2],
        desired_retention=row[3],
        parameters=tuple(row[4]) if row[4] else None,
        state=state,
    )


def save_review(
    conn: Connection,
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
    elapsed = None
    if before is not None and before.memory.last_review is not None:
        elapsed = (now - before.memory.last_review).total_seconds() / 86400
    lapsed = before is not None and before.memory.phase == Phase.REVIEW and rating == Rating.AGAIN
    params = {
        "learner": learner_id,
        "item": item_id,
        "state": int(after.phase),
        "step": after.step,
        "stability": after.stability,
        "difficulty": after.difficulty,
        "due": after.due,
        "last_review": after.last_review,
        "lapsed": int(lapsed),
    }
    if before is None:
        conn.execute(_insert_state_stmt(), params | {"introduced_at": now})
    else:
        conn.execute(_update_state_stmt(), params)
    record = ReviewRecord(
        learner_id=learner_id,
        item_id=item_id,
        rating=int(rating),
        reviewed_at=now,
        elapsed_days=elapsed,
        duration_ms=duration_ms,
        state_before=0 if before is None else int(before.memory.phase),
    )
    conn.execute(_insert_log_stmt(), record.__dict__)
    return record


_STATE_VALUES = ("state", "step", "stability", "difficulty", "due", "last_review")


@cache
def _insert_state_stmt() -> Any:
    return insert(states_t).values(
        learner_id=bindparam("learner"),
        item_id=bindparam("item"),
        introduced_at=bindparam("introduced_at"),
        reps=1,
        lapses=bindparam("lapsed"),
        **{name: bindparam(name) for name in _STATE_VALUES},
    )


@cache
def _update_state_stmt() -> Any:
    return (
        update(states_t)
        .where(
            states_t.c.learner_id == bindparam("learner"),
            states_t.c.item_id == bindparam("item"),
        )
        .values(
            reps=states_t.c.reps + 1,
            lapses=states_t.c.lapses + bindparam("lapsed"),
            **{name: bindparam(f"{name}") for name in _STATE_VALUES},
        )
    )


@cache
def _insert_log_stmt() -> Any:
    return insert(logs_t)
