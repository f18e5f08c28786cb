"""Quiz attempts, marked free-text answers and drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clio.store.orm import DraftRow, MarkedAnswerRow, QuizAttemptRow


@dataclass(frozen=True, kw_only=True)
class QuizAttempt:
    """An answer given to a quiz question."""

    learner_id: int
    item_id: int
    given: Any
    correct: bool
    at: datetime


@dataclass(frozen=True, kw_only=True)
class MarkedAnswer:
    """A free-text answer with its mark."""

    id: int
    learner_id: int
    item_id: int | None
    question_id: str
    answer: str
    score: int
    max_marks: int
    level: int
    feedback: str
    at: datetime


@dataclass(frozen=True, kw_only=True)
class Draft:
    """An unfinished answer."""

    learner_id: int
    question_id: str
    text: str
    updated_at: datetime


def add_quiz_attempt(
    session: Session, *, learner_id: int, item_id: int, given: Any, correct: bool, at: datetime
) -> QuizAttempt:
    """Record an answer to a quiz question."""
    session.add(
        QuizAttemptRow(learner_id=learner_id, item_id=item_id, given=given, correct=correct, at=at)
    )
    session.flush()
    return QuizAttempt(learner_id=learner_id, item_id=item_id, given=given, correct=correct, at=at)


def quiz_attempts(session: Session, learner_id: int) -> list[QuizAttempt]:
    """A learner's quiz attempts, oldest first."""
    rows = session.scalars(
        select(QuizAttemptRow)
        .where(QuizAttemptRow.learner_id == learner_id)
        .order_by(QuizAttemptRow.at, QuizAttemptRow.id)
    )
    return [
        QuizAttempt(
            learner_id=r.learner_id, item_id=r.item_id, given=r.given, correct=r.correct, at=r.at
        )
        for r in rows
    ]


def _marked(row: MarkedAnswerRow) -> MarkedAnswer:
    return MarkedAnswer(
        id=row.id,
        learner_id=row.learner_id,
        item_id=row.item_id,
        question_id=row.question_id,
        answer=row.answer,
        score=row.score,
        max_marks=row.max_marks,
        level=row.level,
        feedback=row.feedback,
        at=row.at,
    )


def add_marked_answer(
    session: Session,
    *,
    learner_id: int,
    question_id: str,
    answer: str,
    score: int,
    max_marks: int,
    level: int,
    feedback: str,
    at: datetime,
    item_id: int | None = None,
) -> MarkedAnswer:
    """Record a marked free-text answer."""
    row = MarkedAnswerRow(
        learner_id=learner_id,
        item_id=item_id,
        question_id=question_id,
        answer=answer,
        score=score,
        max_marks=max_marks,
        level=level,
        feedback=feedback,
        at=at,
    )
    session.add(row)
    session.flush()
    return _marked(row)


def marked_answers(
    session: Session, learner_id: int, *, question_id: str | None = None
) -> list[MarkedAnswer]:
    """A learner's marked answers, newest first."""
    query = select(MarkedAnswerRow).where(MarkedAnswerRow.learner_id == learner_id)
    if question_id is not None:
        query = query.where(MarkedAnswerRow.question_id == question_id)
    rows = session.scalars(query.order_by(MarkedAnswerRow.at.desc(), MarkedAnswerRow.id.desc()))
    return [_marked(r) for r in rows]


def save_draft(
    session: Session, *, learner_id: int, question_id: str, text: str, now: datetime
) -> Draft:
    """Save (or replace) a learner's draft answer."""
    row = session.get(DraftRow, (learner_id, question_id), with_for_update=True)
    if row is None:
        row = DraftRow(learner_id=learner_id, question_id=question_id)
        session.add(row)
    row.text, row.updated_at = text, now
    session.flush()
    return Draft(learner_id=learner_id, question_id=question_id, text=text, updated_at=now)


def get_draft(session: Session, *, learner_id: int, question_id: str) -> Draft | None:
    """A learner's draft for a question, or None."""
    row = session.get(DraftRow, (learner_id, question_id))
    if row is None:
        return None
    return Draft(
        learner_id=row.learner_id,
        question_id=row.question_id,
        text=row.text,
        updated_at=row.updated_at,
    )


def learner_drafts(session: Session, learner_id: int) -> list[Draft]:
    """Every draft of a learner."""
    rows = session.scalars(
        select(DraftRow).where(DraftRow.learner_id == learner_id).order_by(DraftRow.question_id)
    )
    return [
        Draft(
            learner_id=r.learner_id, question_id=r.question_id, text=r.text, updated_at=r.updated_at
        )
        for r in rows
    ]


def delete_draft(session: Session, *, learner_id: int, question_id: str) -> None:
    """Forget a draft (e.g. once the answer is submitted)."""
    row = session.get(DraftRow, (learner_id, question_id))
    if row is not None:
        session.delete(row)
        session.flush()
