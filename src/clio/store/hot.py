"""The study hot path in prebuilt Core statements (built once, run with parameters).

Building a fresh ORM ``select()`` per call costs about half a millisecond each in Python;
choosing the next item runs several queries, so these are built once and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, exists, func, select

from clio.schedule.memory import Memory, Phase
from clio.schedule.queue import Candidate
from clio.store.orm import ItemRow, ReviewStateRow, TopicRow, UserRow
from clio.store.records import ReviewState

items = ItemRow.__table__
states = ReviewStateRow.__table__
users = UserRow.__table__
topics = TopicRow.__table__


def _filters(query: Select[Any], *, by_topic: bool) -> Select[Any]:
    query = query.where(
        items.c.retired.is_(False), items.c.kind.in_(bindparam("kinds", expanding=True))
    )
    if by_topic:
        query = query.where(items.c.topic_id.in_(bindparam("topics", expanding=True)))
    return query


@cache
def _due_stmt(by_topic: bool) -> Select[Any]:
    query = (
        select(states.c.item_id, items.c.kind, states.c.due)
        .join(items, items.c.id == states.c.item_id)
        .where(states.c.learner_id == bindparam("learner"), states.c.due <= bindparam("until"))
        .order_by(states.c.due, states.c.item_id)
        .limit(bindparam("limit"))
    )
    return _filters(query, by_topic=by_topic)


@cache
def _new_stmt(by_topic: bool) -> Select[Any]:
    seen = exists().where(
        states.c.learner_id == bindparam("learner"), states.c.item_id == items.c.id
    )
    query = (
        select(items.c.id, items.c.kind)
        .where(~seen)
        .order_by(items.c.topic_id, items.c.position)
        .limit(bindparam("limit"))
    )
    return _filters(query, by_topic=by_topic)


@cache
def _introduced_stmt() -> Select[Any]:
    return select(func.count()).where(
        states.c.learner_id == bindparam("learner"), states.c.introduced_at >= bindparam("since")
    )


@cache
def _learner_stmt() -> Select[Any]:
    return select(users.c.desired_retention, users.c.fsrs_parameters, users.c.new_per_day).where(
        users.c.id == bindparam("learner")
    )


@cache
def _item_and_state_stmt() -> Select[Any]:
    return (
        select(items, topics.c.name.label("topic_name"), states)
        .join(topics, topics.c.id == items.c.topic_id)
        .outerjoin(
            states,
            (states.c.item_id == items.c.id) & (states.c.learner_id == bindparam("learner")),
        )
        .where(items.c.id == bindparam("item"))
    )


def _params(
    learner_id: int, topic_ids: Sequence[int] | None, kinds: Sequence[str]
) -> dict[str, Any]:
    params: dict[str, Any] = {"learner": learner_id, "kinds": list(kinds)}
    if topic_ids is not None:
        params["topics"] = list(topic_ids)
    return params


def learner_settings(
    conn: Connection, learner_id: int
) -> tuple[float, tuple[float, ...] | None, int] | None:
    """(desired retention, FSRS parameters, new items per day), or None for no such learner."""
    row = conn.execute(_learner_stmt(), {"learner": learner_id}).first()
    if row is None:
        return None
    return row[0], tuple(row[1]) if row[1] else None, row[2]


def count_introduced(conn: Connection, *, learner_id: int, since: datetime) -> int:
    """How many items the learner met for the first time since ``since``."""
    params = {"learner": learner_id, "since": since}
    return int(conn.execute(_introduced_stmt(), params).scalar() or 0)


def due_candidates(
    conn: Connection,
    *,
    learner_id: int,
    until: datetime,
    kinds: Sequence[str],
    topic_ids: Sequence[int] | None = None,
    limit: int = 8,
) -> list[Candidate]:
    """Items due by ``until``, earliest first (retired items left out)."""
    params = _params(learner_id, topic_ids, kinds) | {"until": until, "limit": limit}
    rows = conn.execute(_due_stmt(topic_ids is not None), params)
    return [Candidate(item_id=i, kind=k, due=d) for i, k, d in rows]


def new_candidates(
    conn: Connection,
    *,
    learner_id: int,
    kinds: Sequence[str],
    topic_ids: Sequence[int] | None = None,
    limit: int = 4,
) -> list[Candidate]:
    """Items the learner has never studied, in topic and generation order."""
    if limit <= 0:
        return []
    params = _params(learner_id, topic_ids, kinds) | {"limit": limit}
    rows = conn.execute(_new_stmt(topic_ids is not None), params)
    return [Candidate(item_id=i, kind=k) for i, k in rows]


def item_with_state(
    conn: Connection, *, learner_id: int, item_id: int
) -> tuple[dict[str, Any], ReviewState | None] | None:
    """The item's row (as a mapping, with ``topic_name``) and the learner's state for it."""
    params = {"learner": learner_id, "item": item_id}
    row = conn.execute(_item_and_state_stmt(), params).first()
    if row is None:
        return None
    data = row._mapping
    item = {
        "id": data[items.c.id],
        "uid": data[items.c.uid],
        "topic_id": data[items.c.topic_id],
        "topic_name": data["topic_name"],
        "kind": data[items.c.kind],
        "position": data[items.c.position],
        "payload": data[items.c.payload],
        "retired": data[items.c.retired],
    }
    if data[states.c.learner_id] is None:
        return item, None
    state = ReviewState(
        learner_id=learner_id,
        item_id=item_id,
        memory=Memory(
            phase=Phase(data[states.c.state]),
            due=data[states.c.due],
            step=data[states.c.step],
            stability=data[states.c.stability],
            difficulty=data[states.c.difficulty],
            last_review=data[states.c.last_review],
        ),
        introduced_at=data[states.c.introduced_at],
        reps=data[states.c.reps],
        lapses=data[states.c.lapses],
    )
    return item, state
