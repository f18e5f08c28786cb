"""The progress export read with Core queries (rows as tuples, no ORM objects) and written
as a stream: one topic or learner in memory at a time.

:func:`export_rows` yields the export's parts; :func:`write_export` writes exactly the text
``json.dumps(export, indent=1, ensure_ascii=False, sort_keys=True)`` would, without building
the whole document first (the standard library's encoder is pure Python once indenting).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from sqlalchemy import Connection, Table, select

from clio.errors import NotFoundError
from clio.store import tables

FORMAT = "clio-progress"
FORMAT_VERSION = 1

_topics = tables.topics_t
_items = tables.items_t
_users = tables.users_t
_states = tables.states_t
_logs = tables.logs_t
_attempts = tables.attempts_t
_marked = tables.marked_t
_drafts = tables.drafts_t

_Keys = dict[int, tuple[str, str]]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _ref(keys: _Keys, item_id: int | None) -> tuple[str | None, str | None]:
    if item_id is None or item_id not in keys:
        return None, None
    return keys[item_id]


def _order(entry: dict[str, Any]) -> tuple[str, str]:
    return str(entry.get("topic")), str(entry.get("item"))


def topics_and_keys(conn: Connection) -> tuple[list[dict[str, Any]], _Keys]:
    """Every topic with its items, and the (topic, uid) of each item id."""
    keys: _Keys = {}
    names: dict[int, str] = {}
    topics: list[dict[str, Any]] = []
    t = _topics.c
    for row in conn.execute(
        select(t.id, t.name, t.title, t.source_text, t.version, t.imported_at).order_by(t.name)
    ):
        names[row.id] = row.name
        topics.append(
            {
                "name": row.name,
                "title": row.title,
                "source_text": row.source_text,
                "version": row.version,
                "imported_at": _iso(row.imported_at),
                "items": [],
            }
        )
    by_name = {topic["name"]: topic for topic in topics}
    i = _items.c
    query = select(
        i.id, i.topic_id, i.uid, i.kind, i.position, i.payload, i.retired,
        i.first_version, i.last_version,
    ).order_by(i.topic_id, i.position, i.uid)  # fmt: skip
    for item in conn.execute(query):
        name = names[item.topic_id]
        keys[item.id] = (name, item.uid)
        by_name[name]["items"].append(
            {
                "uid": item.uid,
                "kind": item.kind,
                "position": item.position,
                "payload": item.payload,
                "retired": item.retired,
                "first_version": item.first_version,
                "last_version": item.last_version,
            }
        )
    return topics, keys


def chosen_users(conn: Connection, learners: Sequence[str] | None) -> list[Any]:
    """The users to export, by name (NotFoundError naming any learner who is missing)."""
    u = _users.c
    query = select(
        u.id, u.name, u.display_name, u.role, u.desired_retention, u.fsrs_parameters,
        u.new_per_day, u.created_at,
    ).order_by(u.name)  # fmt: skip
    if learners is not None:
        query = query.where(u.name.in_(list(learners)))
    users = list(conn.execute(query))
    if learners is not None and len(users) < len(set(learners)):
        missing = sorted(set(learners) - {user.name for user in users})
        raise NotFoundError(f"no learner called {', '.join(map(repr, missing))}")
    return users


def _rows(conn: Connection, table: Table, learner_id: int, *columns: str) -> list[Any]:
    query = select(*(table.c[name] for name in columns)).where(table.c.learner_id == learner_id)
    return list(conn.execute(query).all())


def learner_data(conn: Connection, user: Any, keys: _Keys) -> dict[str, Any]:
    """One learner's settings, states, reviews, answers and drafts."""
    uid, none = user.id, (None, None)
    states = [
        {
            "topic": ref[0], "item": ref[1], "state": state, "step": step,
            "stability": stability, "difficulty": difficulty, "due": _iso(due),
            "last_review": _iso(last), "reps": reps, "lapses": lapses,
            "introduced_at": _iso(introduced),
        }
        for item_id, state, step, stability, difficulty, due, last, reps, lapses, introduced
        in _rows(conn, _states, uid, "item_id", "state", "step", "stability", "difficulty",
                 "due", "last_review", "reps", "lapses", "introduced_at")
        for ref in (keys.get(item_id, none),)
    ]  # fmt: skip
    logs = [
        {
            "topic": ref[0], "item": ref[1], "rating": rating, "reviewed_at": _iso(at),
            "elapsed_days": elapsed, "duration_ms": duration, "state_before": before,
        }
        for item_id, rating, at, elapsed, duration, before
        in _rows(conn, _logs, uid, "item_id", "rating", "reviewed_at", "elapsed_days",
                 "duration_ms", "state_before")
        for ref in (keys.get(item_id, none),)
    ]  # fmt: skip
    attempts = [
        {"topic": ref[0], "item": ref[1], "given": given, "correct": correct, "at": _iso(at)}
        for item_id, given, correct, at
        in _rows(conn, _attempts, uid, "item_id", "given", "correct", "at")
        for ref in (_ref(keys, item_id),)
    ]  # fmt: skip
    marked = [
        {
            "topic": ref[0], "item": ref[1], "question_id": question, "answer": answer,
            "score": score, "max_marks": max_marks, "level": level, "feedback": feedback,
            "at": _iso(at),
        }
        for item_id, question, answer, score, max_marks, level, feedback, at
        in _rows(conn, _marked, uid, "item_id", "question_id", "answer", "score",
                 "max_marks", "level", "feedback", "at")
        for ref in (_ref(keys, item_id),)
    ]  # fmt: skip
    drafts = [
        {"question_id": question, "text": text, "updated_at": _iso(updated)}
        for question, text, updated in _rows(conn, _drafts, uid, "question_id", "text",
                                             "updated_at")
    ]  # fmt: skip
    return {
        "name": user.name,
        "display_name": user.display_name,
        "role": user.role,
        "desired_retention": user.desired_retention,
        "fsrs_parameters": user.fsrs_parameters,
        "new_per_day": user.new_per_day,
        "created_at": _iso(user.created_at),
        "states": sorted(states, key=_order),
        "reviews": sorted(logs, key=lambda e: (e["reviewed_at"], *_order(e), e["rating"])),
        "quiz_attempts": sorted(attempts, key=lambda e: (e["at"], *_order(e))),
        "marked_answers": sorted(marked, key=lambda e: (e["at"], e["question_id"], e["answer"])),
        "drafts": sorted(drafts, key=lambda e: e["question_id"]),
    }


def export_dict(conn: Connection, *, learners: Sequence[str] | None = None) -> dict[str, Any]:
    """The whole export as one value (see docs/learning.md for the format)."""
    users = chosen_users(conn, learners)
    topics, keys = topics_and_keys(conn)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "topics": topics,
        "learners": [learner_data(conn, user, keys) for user in users],
    }


def write_export(conn: Connection, out: TextIO, *, learners: Sequence[str] | None = None) -> None:
    """Write the export as indented JSON with sorted keys, one learner at a time."""
    users = chosen_users(conn, learners)  # first: a missing learner writes nothing
    topics, keys = topics_and_keys(conn)
    out.write(f'{{\n "format": {dumps(FORMAT, 1)},\n "learners": ')
    _write_list(out, (learner_data(conn, user, keys) for user in users), 1)
    out.write(',\n "topics": ')
    _write_list(out, iter(topics), 1)
    out.write(f',\n "version": {dumps(FORMAT_VERSION, 1)}\n}}')


def _write_list(out: TextIO, values: Iterator[Any], depth: int) -> None:
    first = next(values, _END)
    if first is _END:
        out.write("[]")
        return
    pad = "\n" + " " * (depth + 1)
    out.write("[" + pad + dumps(first, depth + 1))
    for value in values:
        out.write("," + pad + dumps(value, depth + 1))
    out.write("\n" + " " * depth + "]")


_END = object()
_encode_str: Callable[[str], str] = json.encoder.encode_basestring  # C version when available


def _float(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    if value != value:
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def _true_or_false(value: bool) -> str:
    return "true" if value else "false"


def _null(value: None) -> str:
    return "null"


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _encode_str,
    int: int.__repr__,
    float: _float,
    bool: _true_or_false,
    type(None): _null,
}


def dumps(value: Any, depth: int = 0) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True)`` for a value nested
    ``depth`` levels deep (the same text, made faster than the standard library's encoder)."""
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        return scalar(value)
    pad = ",\n" + " " * (depth + 1)
    inner = depth + 1
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key in sorted(value):  # export keys are strings
            item = value[key]
            encode = _SCALARS.get(type(item))
            text = encode(item) if encode is not None else dumps(item, inner)
            parts.append(f"{_encode_str(key)}: {text}")
        return "{" + pad[1:] + pad.join(parts) + "\n" + " " * depth + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        parts = [dumps(item, inner) for item in value]
        return "[" + pad[1:] + pad.join(parts) + "\n" + " " * depth + "]"
    for kind in (bool, int, float, str):  # subclasses (IntEnum, StrEnum ...) as json does
        if isinstance(value, kind):
            return _SCALARS[kind](value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
