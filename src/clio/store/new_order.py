"""The order new items are given in: every kind of item spread through a topic in proportion.

A kit stores its items in study order (cards, quiz and source questions mixed), but its quiz
questions come grouped by kind: the bundled topic has 59 multiple-choice questions before its
first ordering one. New items are therefore given in a *spread* order computed from the stored
items, never stored itself: each group (cards, each kind of quiz question, source questions,
essay plans) keeps its own position order and is spread evenly over the topic, every group
starting at the front, so the first few new items include one of each kind. The order depends
only on the topic's live items (not on the learner, the clock or chance).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select

from clio.store.tables import cursors, items, topics

QUIZ = "quiz"


@dataclass(frozen=True, kw_only=True)
class OrderEntry:
    """One live item of a topic, as the spread order needs it."""

    item_id: int
    kind: str  # card, quiz, source, essay
    group: str  # the kind, or ``quiz:<question kind>`` for quiz questions
    position: int


def group_of(kind: str, question_kind: str | None) -> str:
    """The group an item is spread in: its kind, quiz questions split by question kind."""
    if kind == QUIZ and question_kind:
        return f"{QUIZ}:{question_kind}"
    return kind


def spread(entries: Sequence[OrderEntry]) -> list[OrderEntry]:
    """Each group in its position order, the groups spread evenly and all starting at once.

    The ``i``-th item of a group of ``n`` (out of ``total``) gets the key ``i * total / n``;
    ties go to the group whose first item comes first in the topic.
    """
    groups: dict[str, list[OrderEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.position, e.item_id)):
        groups.setdefault(entry.group, []).append(entry)
    total = len(entries)
    keyed: list[tuple[float, int, OrderEntry]] = []
    for rank, members in enumerate(groups.values()):  # groups by their first position
        step = total / len(members)
        keyed.extend((index * step, rank, entry) for index, entry in enumerate(members))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [entry for _, _, entry in keyed]


@dataclass(frozen=True)
class SpreadOrder:
    """A topic's spread order, with the running maximum of positions to skip seen ground."""

    entries: tuple[OrderEntry, ...]
    highest: tuple[int, ...]  # highest[j]: the highest position among entries[: j + 1]

    @classmethod
    def of(cls, entries: Sequence[OrderEntry]) -> SpreadOrder:
        """The spread order of a topic's live items."""
        ordered = tuple(spread(entries))
        highest: list[int] = []
        for entry in ordered:
            highest.append(max(entry.position, highest[-1]) if highest else entry.position)
        return cls(ordered, tuple(highest))

    def from_cursor(self, cursor: int) -> Iterator[OrderEntry]:
        """The entries at or after position ``cursor`` (everything before it is seen)."""
        start = bisect_left(self.highest, cursor)  # entries before it all lie below the cursor
        return (e for e in self.entries[start:] if e.position >= cursor)


@cache
def _entries_stmt() -> Select[Any]:
    return (
        select(
            items.c.id,
            items.c.kind,
            items.c.payload["kind"].as_string(),
            items.c.position,
        )
        .where(items.c.topic_id == bindparam("topic"), items.c.retired.is_(False))
        .order_by(items.c.position)
    )


def topic_entries(conn: Connection, topic_id: int) -> list[OrderEntry]:
    """The topic's live items with their groups, in position order."""
    rows = conn.execute(_entries_stmt(), {"topic": topic_id})
    return [OrderEntry(item_id=i, kind=k, group=group_of(k, q), position=p) for i, k, q, p in rows]


@cache
def _stamps_stmt(by_topic: bool) -> Select[Any]:
    query = select(
        topics.c.id, topics.c.version, topics.c.imported_at, cursors.c.new_cursor
    ).outerjoin(
        cursors,
        (cursors.c.topic_id == topics.c.id) & (cursors.c.learner_id == bindparam("learner")),
    )
    if by_topic:
        query = query.where(topics.c.id.in_(bindparam("topics", expanding=True)))
    return query.order_by(topics.c.id)


TopicStamp = tuple[str, datetime]


def topic_stamps(
    conn: Connection, topic_ids: Sequence[int] | None, *, learner_id: int
) -> dict[int, tuple[TopicStamp, int]]:
    """Each topic's (version, import time) and the learner's new-item cursor in it (0: none).

    Every topic's when ``topic_ids`` is None. A topic's items change only when it is
    imported, which sets both version and import time.
    """
    params: dict[str, Any] = {"learner": learner_id}
    if topic_ids is not None:
        params["topics"] = list(topic_ids)
    rows = conn.execute(_stamps_stmt(topic_ids is not None), params)
    return {
        topic_id: ((version, imported_at), cursor or 0)
        for topic_id, version, imported_at, cursor in rows
    }


class NewOrderCache:
    """Spread orders of a store's topics, kept until the topic is imported again.

    A stale order (another process re-imported the topic at the same instant) can only
    change the order new items come in: the caller checks every item it takes against
    the database and falls back to position order for anything the cached order lacks.
    """

    def __init__(self) -> None:
        self._orders: dict[int, tuple[TopicStamp, SpreadOrder]] = {}
        self._lock = threading.Lock()

    def order(self, conn: Connection, topic_id: int, stamp: TopicStamp | None) -> SpreadOrder:
        """The topic's spread order (computed once per version of the topic)."""
        with self._lock:
            kept = self._orders.get(topic_id)
        if kept is not None and stamp is not None and kept[0] == stamp:
            return kept[1]
        order = SpreadOrder.of(topic_entries(conn, topic_id))
        if stamp is not None:
            with self._lock:
                self._orders[topic_id] = (stamp, order)
        return order
