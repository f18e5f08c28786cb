"""The study hot path in prebuilt Core statements (built once, run with parameters).

Building a fresh ORM ``select()`` per call costs about half a millisecond each in Python;
choosing the next item runs several queries, so these are built once and cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import islice
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from clio.schedule.memory import Memory, Phase
from clio.schedule.queue import Candidate
from clio.store.new_order import NewOrderCache, OrderEntry, topic_stamps
from clio.store.records import ReviewState
from clio.store.tables import cursors, items, states, topics, users


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


def _unseen() -> Any:
    return ~exists().where(
        states.c.learner_id == bindparam("learner"), states.c.item_id == items.c.id
    )


@cache
def _new_stmt() -> Select[Any]:
    # One topic at a time, from the learner's cursor, in position order (an index range scan
    # that stops after ``limit`` hits instead of probing every item studied before).
    return (
        select(items.c.id, items.c.kind)
        .where(
            items.c.topic_id == bindparam("topic"),
            items.c.position >= bindparam("cursor"),
            items.c.retired.is_(False),
            items.c.kind.in_(bindparam("kinds", expanding=True)),
            _unseen(),
        )
        .order_by(items.c.position)
        .limit(bindparam("limit"))
    )


@cache
def _first_unseen_stmt() -> Select[Any]:
    return select(func.min(items.c.position)).where(
        items.c.topic_id == bindparam("topic"),
        items.c.position >= bindparam("cursor"),
        items.c.retired.is_(False),
        _unseen(),
    )


@cache
def _introduced_stmt() -> Select[Any]:
    return select(func.count()).where(
        states.c.learner_id == bindparam("learner"), states.c.introduced_at >= bindparam("since")
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


@dataclass(frozen=True, kw_only=True)
class LearnerContext:
    """What choosing or recording needs about a learner, fetched in one round trip."""

    desired_retention: float
    parameters: tuple[float, ...] | None
    new_per_day: int
    introduced: int  # items met for the first time since the ``since`` given
    topic_id: int | None  # the topic of the ``item_id`` given


@cache
def _context_stmt() -> Select[Any]:
    introduced = (
        select(func.count())
        .where(
            states.c.learner_id == bindparam("learner"),
            states.c.introduced_at >= bindparam("since"),
        )
        .scalar_subquery()
    )
    topic = select(items.c.topic_id).where(items.c.id == bindparam("item")).scalar_subquery()
    return select(
        users.c.desired_retention, users.c.fsrs_parameters, users.c.new_per_day, introduced, topic
    ).where(users.c.id == bindparam("learner"))


def learner_context(
    conn: Connection, learner_id: int, *, since: datetime, item_id: int = -1
) -> LearnerContext | None:
    """The learner's settings, today's new-item count and an item's topic (None: no learner)."""
    params = {"learner": learner_id, "since": since, "item": item_id}
    row = conn.execute(_context_stmt(), params).first()
    if row is None:
        return None
    return LearnerContext(
        desired_retention=row[0],
        parameters=tuple(row[1]) if row[1] else None,
        new_per_day=row[2],
        introduced=int(row[3] or 0),
        topic_id=row[4],
    )


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


# spread-order entries checked per query, and how many queries before position order takes over
WALK_CHUNKS = (8, 32, 128, 512)


@cache
def _unseen_among_stmt() -> Select[Any]:
    return select(items.c.id).where(
        items.c.id.in_(bindparam("ids", expanding=True)), items.c.retired.is_(False), _unseen()
    )


def _spread_candidates(
    conn: Connection,
    entries: Iterator[OrderEntry],
    *,
    learner_id: int,
    kinds: Sequence[str],
    limit: int,
) -> list[Candidate]:
    """The first ``limit`` unseen entries, checked a growing chunk at a time (WALK_CHUNKS)."""
    found: list[Candidate] = []
    wanted = (e for e in entries if e.kind in kinds)
    for size in WALK_CHUNKS:
        chunk = list(islice(wanted, max(size, 2 * limit)))
        if not chunk:
            break
        params = {"learner": learner_id, "ids": [e.item_id for e in chunk]}
        unseen = set(conn.execute(_unseen_among_stmt(), params).scalars())
        found += [Candidate(item_id=e.item_id, kind=e.kind) for e in chunk if e.item_id in unseen]
        if len(found) >= limit:
            break
    return found[:limit]


def new_candidates(
    conn: Connection,
    *,
    learner_id: int,
    kinds: Sequence[str],
    topic_ids: Sequence[int] | None = None,
    limit: int = 4,
    orders: NewOrderCache | None = None,
) -> list[Candidate]:
    """Items the learner has never studied, topic by topic, in each topic's spread order.

    The spread order (:mod:`clio.store.new_order`) mixes every kind of item; items it does
    not reach within a few queries (or lacks) follow in position order.
    """
    if limit <= 0:
        return []
    orders = orders if orders is not None else NewOrderCache()
    stamps = topic_stamps(conn, topic_ids, learner_id=learner_id)  # with the cursors
    found: list[Candidate] = []
    for topic_id in sorted(stamps):
        stamp, cursor = stamps[topic_id]
        need = limit - len(found)
        order = orders.order(conn, topic_id, stamp)
        here = _spread_candidates(
            conn, order.from_cursor(cursor), learner_id=learner_id, kinds=kinds, limit=need
        )
        if len(here) < need:  # past the walk, or a topic changed under a cached order
            taken = {c.item_id for c in here}
            params = {
                "learner": learner_id,
                "topic": topic_id,
                "cursor": cursor,
                "kinds": list(kinds),
                "limit": need + len(taken),
            }
            rows = conn.execute(_new_stmt(), params)
            here += [Candidate(item_id=i, kind=k) for i, k in rows if i not in taken]
        found += here[:need]
        if len(found) >= limit:
            break
    return found


def advance_cursor(conn: Connection, *, learner_id: int, topic_id: int) -> int:
    """Move the learner's new-item cursor in a topic up to its first unseen live item."""
    current = conn.execute(
        select(cursors.c.new_cursor).where(
            cursors.c.learner_id == learner_id, cursors.c.topic_id == topic_id
        )
    ).scalar()
    params = {"learner": learner_id, "topic": topic_id, "cursor": current or 0}
    first = conn.execute(_first_unseen_stmt(), params).scalar()
    if first is None:  # everything seen: past the last position
        last = conn.execute(
            select(func.max(items.c.position)).where(items.c.topic_id == topic_id)
        ).scalar()
        first = (last or 0) + 1
    if current is None:
        conn.execute(
            insert(cursors).values(learner_id=learner_id, topic_id=topic_id, new_cursor=first)
        )
    elif first != current:
        conn.execute(
            update(cursors)
            .where(cursors.c.learner_id == learner_id, cursors.c.topic_id == topic_id)
            .values(new_cursor=first)
        )
    return int(first)


def reset_cursors(conn: Connection, *, topic_id: int) -> None:
    """Recompute every learner's cursor in a topic after its positions were renumbered."""
    learners = list(
        conn.execute(select(cursors.c.learner_id).where(cursors.c.topic_id == topic_id)).scalars()
    )
    conn.execute(delete(cursors).where(cursors.c.topic_id == topic_id))
    for learner_id in learners:
        advance_cursor(conn, learner_id=learner_id, topic_id=topic_id)


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
