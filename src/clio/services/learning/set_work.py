"""Set work: a class's teacher sets a topic (optionally one kind of item) due by a date;
learners see their classes' work and how much of it they have done; the teacher sees each
learner's part. The clock is never read here: callers pass ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clio.errors import InputError, NotFoundError, PermissionDenied
from clio.store import accounts
from clio.store import set_work as repo
from clio.store.database import Store
from clio.store.records import User
from clio.store.set_work import WORK_KINDS, SetWork, WorkDone

MAX_NOTE = 500
KIND_NAMES = {"card": "Cards", "quiz": "Quiz questions", "source": "Source questions"}


def parse_due_date(text: str, *, now: datetime) -> date:
    """A due date typed as YYYY-MM-DD, not before ``now``'s day (InputError otherwise)."""
    cleaned = text.strip()
    if not cleaned:
        raise InputError("give the date the work is due", field="due")
    try:
        due = date.fromisoformat(cleaned)
    except ValueError:
        raise InputError(
            f"the due date {cleaned[:40]!r} is not a date: write it as YYYY-MM-DD", field="due"
        ) from None
    if due < now.date():
        raise InputError(f"the due date {due.isoformat()} has already passed", field="due")
    return due


def parse_kind(text: str) -> str | None:
    """The kind of item the work asks for ('' or 'all' means every kind)."""
    cleaned = text.strip()
    if cleaned in ("", "all"):
        return None
    if cleaned not in WORK_KINDS:
        raise InputError(
            f"the kind of work must be one of {', '.join(WORK_KINDS)} or all", field="kind"
        )
    return cleaned


def _teacher_of(store: Store, teacher_id: int, class_id: int) -> None:
    with store.read() as session:
        found = accounts.get_class(session, class_id)
    if found.teacher_id != teacher_id:
        raise PermissionDenied("this is not one of your classes")


def set_work(
    store: Store,
    *,
    teacher_id: int,
    class_id: int,
    topic_id: int,
    kind: str,
    due: str,
    now: datetime,
    note: str = "",
) -> SetWork:
    """Set a class a topic as work (its teacher only); the topic is shared with the class."""
    _teacher_of(store, teacher_id, class_id)
    due_on = parse_due_date(due, now=now)
    chosen = parse_kind(kind)
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InputError(f"keep the note under {MAX_NOTE} characters", field="note")
    with store.write() as session:
        if not repo.count_items(session, topic_id, WORK_KINDS if chosen is None else (chosen,)):
            what = "items to study" if chosen is None else KIND_NAMES[chosen].lower()
            raise InputError(f"this topic has no {what}", field="kind")
        accounts.share_topic(session, class_id=class_id, topic_id=topic_id, now=now)
        return repo.add_work(
            session,
            class_id=class_id,
            topic_id=topic_id,
            kind=chosen,
            due_on=due_on,
            note=note,
            now=now,
        )


def delete_work(store: Store, *, teacher_id: int, class_id: int, work_id: int) -> None:
    """Delete a class's piece of work (its teacher only; answers stay the learners')."""
    _teacher_of(store, teacher_id, class_id)
    with store.write() as session:
        work = repo.get_work(session, work_id)
        if work.class_id != class_id:
            raise PermissionDenied("this work was not set for this class")
        repo.delete_work(session, work_id)


@dataclass(frozen=True, kw_only=True)
class LearnerPart:
    """One learner's part of a piece of work."""

    learner: User
    done: WorkDone


@dataclass(frozen=True, kw_only=True)
class WorkReport:
    """A piece of work with each learner's part (for the class's teacher)."""

    work: SetWork
    parts: tuple[LearnerPart, ...]

    @property
    def finished(self) -> int:
        """How many learners have done it all."""
        return sum(p.done.done for p in self.parts)


def class_work(store: Store, *, teacher_id: int, class_id: int) -> list[WorkReport]:
    """The class's work, soonest due first, with each learner's part (its teacher only)."""
    _teacher_of(store, teacher_id, class_id)
    with store.read() as session:
        members = accounts.class_members(session, class_id)
        reports = []
        for work in repo.work_of_classes(session, [class_id]):
            done = repo.work_done(session, work, [m.id for m in members])
            parts = tuple(LearnerPart(learner=m, done=done[m.id]) for m in members)
            reports.append(WorkReport(work=work, parts=parts))
    return reports


def work_report(store: Store, *, teacher_id: int, class_id: int, work_id: int) -> WorkReport:
    """One piece of the class's work with each learner's part (its teacher only)."""
    for report in class_work(store, teacher_id=teacher_id, class_id=class_id):
        if report.work.id == work_id:
            return report
    raise NotFoundError(f"no set work with id {work_id} in this class")


@dataclass(frozen=True, kw_only=True)
class MyWork:
    """A piece of work set for the learner, with how much they have done."""

    work: SetWork
    done: WorkDone
    days_left: int  # negative once the due date has passed

    @property
    def overdue(self) -> bool:
        """Past its due date and not done."""
        return self.days_left < 0 and not self.done.done


def learner_work(store: Store, *, learner_id: int, now: datetime) -> list[MyWork]:
    """The work set for the classes the learner is in, soonest due first."""
    with store.read() as session:
        classes = [c.id for c in accounts.classes_joined(session, learner_id)]
        found = []
        for work in repo.work_of_classes(session, classes):
            done = repo.work_done(session, work, [learner_id])[learner_id]
            days = (work.due_on - now.date()).days
            found.append(MyWork(work=work, done=done, days_left=days))
    return found
