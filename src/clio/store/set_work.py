"""Set work: a class's teacher sets a topic (optionally one kind of item) due by a date.

Repository functions (they take a session); permissions are checked by
:mod:`clio.services.learning.set_work`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from clio.errors import NotFoundError
from clio.store.orm import ClassRow, ItemRow, ReviewLogRow, ReviewStateRow, SetWorkRow, TopicRow

WORK_KINDS = ("card", "quiz", "source")  # what work can ask for; None means all of them
AGAIN = 1  # the review rating that means "not remembered / wrong"


@dataclass(frozen=True, kw_only=True)
class SetWork:
    """One piece of set work, with its class and topic named."""

    id: int
    class_id: int
    class_name: str
    teacher_id: int
    topic_id: int
    topic_name: str
    topic_title: str
    kind: str | None  # card, quiz or source; None: every kind
    due_on: date
    note: str
    set_at: datetime

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of item the work covers."""
        return WORK_KINDS if self.kind is None else (self.kind,)


@dataclass(frozen=True, kw_only=True)
class WorkDone:
    """How much of a piece of work one learner has done."""

    total: int  # live items of the topic of the work's kinds
    studied: int  # of those, items the learner has answered at least once
    right: int  # of those studied, items whose last answer was not "Again"/wrong

    @property
    def done(self) -> bool:
        """Every item of the work answered at least once."""
        return self.studied >= self.total

    @property
    def percent_done(self) -> int:
        """The share of the items studied, in whole percent."""
        return 100 if self.total == 0 else 100 * self.studied // self.total

    @property
    def score(self) -> int | None:
        """The share of the studied items right at their last answer (None: nothing studied)."""
        return None if self.studied == 0 else round(100 * self.right / self.studied)


def _query() -> Select[SetWorkRow, str, int, str, str]:
    return (
        select(SetWorkRow, ClassRow.name, ClassRow.teacher_id, TopicRow.name, TopicRow.title)
        .join(ClassRow, ClassRow.id == SetWorkRow.class_id)
        .join(TopicRow, TopicRow.id == SetWorkRow.topic_id)
    )


def _record(found: Row[SetWorkRow, str, int, str, str]) -> SetWork:
    row, class_name, teacher_id, name, title = found
    return SetWork(
        id=row.id,
        class_id=row.class_id,
        class_name=class_name,
        teacher_id=teacher_id,
        topic_id=row.topic_id,
        topic_name=name,
        topic_title=title,
        kind=row.kind,
        due_on=row.due_on,
        note=row.note,
        set_at=row.set_at,
    )


def add_work(
    session: Session,
    *,
    class_id: int,
    topic_id: int,
    kind: str | None,
    due_on: date,
    now: datetime,
    note: str = "",
) -> SetWork:
    """Store a new piece of work for a class."""
    row = SetWorkRow(
        class_id=class_id, topic_id=topic_id, kind=kind, due_on=due_on, note=note, set_at=now
    )
    session.add(row)
    session.flush()
    return get_work(session, row.id)


def get_work(session: Session, work_id: int) -> SetWork:
    """One piece of work (NotFoundError if there is none)."""
    found = session.execute(_query().where(SetWorkRow.id == work_id)).first()
    if found is None:
        raise NotFoundError(f"no set work with id {work_id}")
    return _record(found)


def delete_work(session: Session, work_id: int) -> None:
    """Delete a piece of work (the learners' answers stay theirs)."""
    row = session.get(SetWorkRow, work_id)
    if row is None:
        raise NotFoundError(f"no set work with id {work_id}")
    session.delete(row)
    session.flush()


def work_of_classes(session: Session, class_ids: Sequence[int]) -> list[SetWork]:
    """The work set for these classes, soonest due first."""
    if not class_ids:
        return []
    query = (
        _query()
        .where(SetWorkRow.class_id.in_(list(class_ids)))
        .order_by(SetWorkRow.due_on, SetWorkRow.id)
    )
    return [_record(found) for found in session.execute(query).all()]


def count_items(session: Session, topic_id: int, kinds: Sequence[str]) -> int:
    """How many live items of these kinds the topic has."""
    query = select(func.count()).where(
        ItemRow.topic_id == topic_id, ItemRow.retired.is_(False), ItemRow.kind.in_(list(kinds))
    )
    return session.scalar(query) or 0


def work_done(session: Session, work: SetWork, learner_ids: Sequence[int]) -> dict[int, WorkDone]:
    """How much of the work each learner has done (answers given before it was set count)."""
    live = (
        ItemRow.topic_id == work.topic_id,
        ItemRow.retired.is_(False),
        ItemRow.kind.in_(work.kinds),
    )
    total = session.scalar(select(func.count()).select_from(ItemRow).where(*live)) or 0
    studied: dict[int, int] = {learner: 0 for learner in learner_ids}
    right: dict[int, int] = {learner: 0 for learner in learner_ids}
    if learner_ids:
        rows = session.execute(
            select(ReviewStateRow.learner_id, func.count())
            .join(ItemRow, ItemRow.id == ReviewStateRow.item_id)
            .where(ReviewStateRow.learner_id.in_(list(learner_ids)), *live)
            .group_by(ReviewStateRow.learner_id)
        )
        studied.update({learner: count for learner, count in rows})
        last: dict[tuple[int, int], int] = {}
        logs = session.execute(
            select(ReviewLogRow.learner_id, ReviewLogRow.item_id, ReviewLogRow.rating)
            .join(ItemRow, ItemRow.id == ReviewLogRow.item_id)
            .where(ReviewLogRow.learner_id.in_(list(learner_ids)), *live)
            .order_by(ReviewLogRow.reviewed_at, ReviewLogRow.id)
        )
        for learner, item, rating in logs:
            last[(learner, item)] = rating
        for (learner, _), rating in last.items():
            right[learner] += rating != AGAIN
    return {
        learner: WorkDone(total=total, studied=studied[learner], right=right[learner])
        for learner in learner_ids
    }
