"""Export and import progress as plain JSON (topics, items, learners and their history)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clio.errors import InputError
from clio.store.backup_export import FORMAT, FORMAT_VERSION, export_dict
from clio.store.orm import (
    DraftRow,
    ItemRow,
    MarkedAnswerRow,
    QuizAttemptRow,
    ReviewLogRow,
    ReviewStateRow,
    TopicRow,
    UserRow,
)


@dataclass(frozen=True, kw_only=True)
class ImportSummary:
    """Counts of what an import added or changed."""

    topics: int = 0
    items: int = 0
    learners: int = 0
    states: int = 0
    reviews: int = 0
    quiz_attempts: int = 0
    marked_answers: int = 0
    drafts: int = 0


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _dt(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise InputError("expected an ISO date-time", field=field)
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise InputError("date-times must carry a time zone", field=field)
    return parsed.astimezone(UTC)


def _opt_dt(value: Any, field: str) -> datetime | None:
    return None if value is None else _dt(value, field)


def export_data(session: Session, *, learners: Sequence[str] | None = None) -> dict[str, Any]:
    """The whole progress export (see docs/learning.md for the format; read with Core)."""
    return export_dict(session.connection(), learners=learners)


def import_data(session: Session, data: Any) -> ImportSummary:
    """Merge an export into the database: new rows added, nothing already there duplicated."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"not a Clio progress export (expected format {FORMAT!r})", field="format")
    if data.get("version") != FORMAT_VERSION:
        raise InputError(f"unsupported export version {data.get('version')!r}", field="version")
    try:
        return _import(session, data)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"malformed export: {type(error).__name__}: {error}") from None


def _import(session: Session, data: dict[str, Any]) -> ImportSummary:
    counts = dict.fromkeys(ImportSummary.__dataclass_fields__, 0)
    ids: dict[tuple[str, str], int] = {}
    for t in data["topics"]:
        topic = session.scalar(select(TopicRow).where(TopicRow.name == t["name"]))
        if topic is None:
            topic = TopicRow(
                name=t["name"],
                title=t["title"],
                source_text=t["source_text"],
                version=t["version"],
                imported_at=_dt(t["imported_at"], "imported_at"),
            )
            session.add(topic)
            session.flush()
            counts["topics"] += 1
        existing = {
            r.uid: r.id
            for r in session.scalars(select(ItemRow).where(ItemRow.topic_id == topic.id))
        }
        for i in t["items"]:
            if i["uid"] not in existing:
                row = ItemRow(
                    uid=i["uid"],
                    topic_id=topic.id,
                    kind=i["kind"],
                    position=int(i["position"]),
                    payload=i["payload"],
                    retired=bool(i["retired"]),
                    first_version=i["first_version"],
                    last_version=i["last_version"],
                )
                session.add(row)
                session.flush()
                existing[i["uid"]] = row.id
                counts["items"] += 1
            ids[(t["name"], i["uid"])] = existing[i["uid"]]
    for learner in data["learners"]:
        _import_learner(session, learner, ids, counts)
    session.flush()
    from clio.store import hot

    conn = session.connection()
    for learner_id, topic_id in session.execute(
        select(ReviewStateRow.learner_id, ItemRow.topic_id)
        .join(ItemRow, ItemRow.id == ReviewStateRow.item_id)
        .distinct()
    ):
        hot.advance_cursor(conn, learner_id=learner_id, topic_id=topic_id)
    return ImportSummary(**counts)


def _item_id(ids: dict[tuple[str, str], int], entry: dict[str, Any]) -> int | None:
    if entry.get("topic") is None:
        return None
    key = (entry["topic"], entry["item"])
    if key not in ids:
        raise InputError(f"refers to an item not in the export: {key}", field="item")
    return ids[key]


def _import_learner(
    session: Session, data: dict[str, Any], ids: dict[tuple[str, str], int], counts: dict[str, int]
) -> None:
    user = session.scalar(select(UserRow).where(UserRow.name == data["name"]))
    if user is None:
        user = UserRow(
            name=data["name"],
            display_name=data["display_name"],
            role=data["role"],
            desired_retention=float(data["desired_retention"]),
            fsrs_parameters=data.get("fsrs_parameters"),
            new_per_day=int(data["new_per_day"]),
            created_at=_dt(data["created_at"], "created_at"),
        )
        session.add(user)
        session.flush()
        counts["learners"] += 1
    uid = user.id
    for s in data["states"]:
        item_id = _item_id(ids, s)
        if item_id is None:
            continue
        row = session.get(ReviewStateRow, (uid, item_id))
        last = _opt_dt(s["last_review"], "last_review")
        if (
            row is not None
            and row.last_review is not None
            and last is not None
            and row.last_review >= last
        ):
            continue
        if row is None:
            row = ReviewStateRow(learner_id=uid, item_id=item_id)
            session.add(row)
        row.state, row.step, row.stability, row.difficulty = (
            int(s["state"]),
            s["step"],
            s["stability"],
            s["difficulty"],
        )
        row.due, row.last_review = _dt(s["due"], "due"), last
        row.reps, row.lapses = int(s["reps"]), int(s["lapses"])
        row.introduced_at = _dt(s["introduced_at"], "introduced_at")
        counts["states"] += 1
    seen_logs: set[tuple[int, datetime, int]] = set(
        session.execute(
            select(ReviewLogRow.item_id, ReviewLogRow.reviewed_at, ReviewLogRow.rating).where(
                ReviewLogRow.learner_id == uid
            )
        )
    )
    for r in data["reviews"]:
        item_id = _item_id(ids, r)
        at = _dt(r["reviewed_at"], "reviewed_at")
        if item_id is None or (item_id, at, int(r["rating"])) in seen_logs:
            continue
        seen_logs.add((item_id, at, int(r["rating"])))
        session.add(
            ReviewLogRow(
                learner_id=uid,
                item_id=item_id,
                rating=int(r["rating"]),
                reviewed_at=at,
                elapsed_days=r["elapsed_days"],
                duration_ms=r["duration_ms"],
                state_before=int(r["state_before"]),
            )
        )
        counts["reviews"] += 1
    seen_attempts: set[tuple[int, datetime]] = set(
        session.execute(
            select(QuizAttemptRow.item_id, QuizAttemptRow.at).where(
                QuizAttemptRow.learner_id == uid
            )
        )
    )
    for a in data["quiz_attempts"]:
        item_id = _item_id(ids, a)
        at = _dt(a["at"], "at")
        if item_id is None or (item_id, at) in seen_attempts:
            continue
        seen_attempts.add((item_id, at))
        session.add(
            QuizAttemptRow(
                learner_id=uid, item_id=item_id, given=a["given"], correct=bool(a["correct"]), at=at
            )
        )
        counts["quiz_attempts"] += 1
    seen_marked: set[tuple[str, datetime]] = set(
        session.execute(
            select(MarkedAnswerRow.question_id, MarkedAnswerRow.at).where(
                MarkedAnswerRow.learner_id == uid
            )
        )
    )
    for m in data["marked_answers"]:
        at = _dt(m["at"], "at")
        if (m["question_id"], at) in seen_marked:
            continue
        seen_marked.add((m["question_id"], at))
        session.add(
            MarkedAnswerRow(
                learner_id=uid,
                item_id=_item_id(ids, m),
                question_id=m["question_id"],
                answer=m["answer"],
                score=int(m["score"]),
                max_marks=int(m["max_marks"]),
                level=int(m["level"]),
                feedback=m["feedback"],
                at=at,
            )
        )
        counts["marked_answers"] += 1
    for d in data["drafts"]:
        at = _dt(d["updated_at"], "updated_at")
        draft = session.get(DraftRow, (uid, d["question_id"]))
        if draft is not None and draft.updated_at >= at:
            continue
        if draft is None:
            draft = DraftRow(learner_id=uid, question_id=d["question_id"])
            session.add(draft)
        draft.text, draft.updated_at = d["text"], at
        counts["drafts"] += 1
