"""Recording answers: cards, quiz questions and marked free text, each committed at once."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from clio.errors import InputError, NotFoundError, PermissionDenied
from clio.model.items import QuestionKind, QuizQuestion, SourceQuestion
from clio.model.marking import Mark
from clio.schedule.fsrs_bridge import rating_for_score, review
from clio.schedule.memory import Memory, Rating
from clio.schedule.optimise import LoggedReview, Optimisation, optimise_parameters
from clio.store import accounts, answers, hot, recording, reviews, topics_repo
from clio.store.database import Store
from clio.store.items_codec import KIND_CARD
from clio.store.recording import ReviewTarget
from clio.store.records import StoredItem, User

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class Answered:
    """What answering did: the rating used, the new memory, and for quizzes/marks the verdict."""

    item_id: int
    rating: Rating
    memory: Memory
    correct: bool | None = None
    mark: Mark | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _retrying(work: Callable[[], T], *, attempts: int = 5) -> T:
    """Run a write transaction, retrying when another process won a race for the same rows."""
    for attempt in range(attempts):
        try:
            return work()
        except (IntegrityError, OperationalError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))  # a real pause between retries, not a clock read
    raise AssertionError("unreachable")


_ItemCheck = Callable[[ReviewTarget], None]


def _missing(conn: Any, *, learner_id: int, item_id: int, now: datetime) -> NotFoundError:
    if hot.learner_context(conn, learner_id, since=now) is None:
        return NotFoundError(f"no learner with id {learner_id}")
    return NotFoundError(f"no item with id {item_id}")


def _record(
    store: Store,
    *,
    learner_id: int,
    item_id: int,
    rating: Rating,
    now: datetime,
    duration_ms: int | None,
    also: Callable[[Any], None] | None = None,
    check: _ItemCheck | None = None,
) -> Memory:
    # SQLite: BEGIN IMMEDIATE already holds the write lock, so the state read with the item
    # is safe. PostgreSQL: read it again FOR UPDATE, locking its row against other writers.
    lock_row = not store.is_sqlite

    def work() -> Memory:
        with store.write_connection() as conn:
            target = recording.review_target(
                conn, learner_id=learner_id, item_id=item_id, with_state=not lock_row
            )
            if target is None:
                raise _missing(conn, learner_id=learner_id, item_id=item_id, now=now)
            if check is not None:
                check(target)
            before = (
                recording.load_state(conn, learner_id=learner_id, item_id=item_id, for_update=True)
                if lock_row
                else target.state
            )
            after = review(
                None if before is None else before.memory,
                rating,
                now=now,
                desired_retention=target.desired_retention,
                parameters=target.parameters,
            )
            recording.save_review(
                conn,
                learner_id=learner_id,
                item_id=item_id,
                before=before,
                after=after,
                rating=rating,
                now=now,
                duration_ms=duration_ms,
            )
            if before is None:  # a new item: move the learner's new-item cursor on
                hot.advance_cursor(conn, learner_id=learner_id, topic_id=target.topic_id)
            if also is not None:
                with Session(bind=conn) as session:
                    also(session)
                    session.flush()
            return after

    return _retrying(work)


def _load_item(store: Store, item_id: int) -> StoredItem:
    with store.read() as session:
        found = topics_repo.get_items(session, [item_id])
    if item_id not in found:
        raise NotFoundError(f"no item with id {item_id}")
    return found[item_id]


def answer_card(
    store: Store,
    *,
    learner_id: int,
    item_id: int,
    rating: Rating,
    now: datetime,
    duration_ms: int | None = None,
    topics: Collection[str] | None = None,
    only_cards: bool = False,
) -> Answered:
    """Rate an item (a card, or any item rated by hand); committed before this returns.

    When ``topics`` is given the item must belong to a topic of one of those names (else
    :class:`PermissionDenied`); with ``only_cards`` it must be a flashcard (else
    :class:`InputError`). Both are checked in the transaction that records the review.
    """

    def check(target: ReviewTarget) -> None:
        if topics is not None and target.topic_name not in topics:
            raise PermissionDenied("this item belongs to a topic you cannot see")
        if only_cards and target.kind != KIND_CARD:
            raise InputError("that item is not a flashcard", field="item_id")

    memory = _record(
        store,
        learner_id=learner_id,
        item_id=item_id,
        rating=rating,
        now=now,
        duration_ms=duration_ms,
        check=check,
    )
    return Answered(item_id=item_id, rating=rating, memory=memory)


def _norm(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


def check_quiz_answer(question: QuizQuestion, given: Any) -> bool:
    """True when ``given`` answers the question (case and spacing ignored)."""
    if question.kind in (QuestionKind.MCQ, QuestionKind.TF):
        return isinstance(given, str) and _norm(given) == _norm(question.answer)
    if not isinstance(given, (list, tuple)):
        return False
    if question.kind == QuestionKind.ORDER:
        return [_norm(g) for g in given] == [_norm(a) for a in question.answer]
    try:
        given_pairs = {(_norm(a), _norm(b)) for a, b in given}
    except (TypeError, ValueError):
        return False
    wanted = {(_norm(pair[0]), _norm(pair[1])) for pair in question.answer}
    return given_pairs == wanted


def answer_quiz(
    store: Store,
    *,
    learner_id: int,
    item_id: int,
    given: Any,
    now: datetime,
    duration_ms: int | None = None,
) -> Answered:
    """Check a quiz answer, record the attempt and schedule the question (Good or Again)."""
    stored = _load_item(store, item_id)
    if not isinstance(stored.item, QuizQuestion):
        raise InputError(f"item {stored.uid} is not a quiz question", field="item")
    correct = check_quiz_answer(stored.item, given)
    rating = Rating.GOOD if correct else Rating.AGAIN
    jsonable = list(map(list, given)) if stored.item.kind == QuestionKind.MATCH else given
    if isinstance(jsonable, tuple):
        jsonable = list(jsonable)

    def also(session: Any) -> None:
        answers.add_quiz_attempt(
            session, learner_id=learner_id, item_id=item_id, given=jsonable, correct=correct, at=now
        )

    memory = _record(
        store,
        learner_id=learner_id,
        item_id=item_id,
        rating=rating,
        now=now,
        duration_ms=duration_ms,
        also=also,
    )
    return Answered(item_id=item_id, rating=rating, memory=memory, correct=correct)


Marker = Callable[[SourceQuestion, str], Mark]


def default_marker() -> Marker | None:
    """The marker, ``clio.mark.mark_answer(question_text, scheme, answer)``, if installed."""
    try:
        from clio.mark import mark_answer  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None

    def marker(question: SourceQuestion, text: str) -> Mark:
        result: Mark = mark_answer(question.text, question.mark_scheme, text)
        return result

    return marker


def answer_free_text(
    store: Store,
    *,
    learner_id: int,
    item_id: int,
    text: str,
    now: datetime,
    marker: Marker | None = None,
    self_rating: Rating | None = None,
    duration_ms: int | None = None,
) -> Answered:
    """Mark a free-text answer and schedule the question by its share of the marks.

    Without a marker the learner's own ``self_rating`` (after seeing the mark scheme) is used.
    """
    stored = _load_item(store, item_id)
    if not isinstance(stored.item, SourceQuestion):
        raise InputError(f"item {stored.uid} is not a free-text question", field="item")
    question = stored.item
    mark = marker(question, text) if marker is not None else None
    if mark is not None:
        rating = rating_for_score(mark.score, mark.max_marks)
    elif self_rating is not None:
        rating = self_rating
    else:
        raise InputError("no marker is installed: give a self-rating", field="rating")

    def also(session: Any) -> None:
        if mark is not None:
            answers.add_marked_answer(
                session,
                learner_id=learner_id,
                item_id=item_id,
                question_id=question.id,
                answer=text,
                score=mark.score,
                max_marks=mark.max_marks,
                level=mark.level,
                feedback=mark.feedback,
                at=now,
            )
        answers.delete_draft(session, learner_id=learner_id, question_id=question.id)

    memory = _record(
        store,
        learner_id=learner_id,
        item_id=item_id,
        rating=rating,
        now=now,
        duration_ms=duration_ms,
        also=also,
    )
    return Answered(item_id=item_id, rating=rating, memory=memory, mark=mark)


def update_settings(
    store: Store,
    *,
    learner_id: int,
    desired_retention: float | None = None,
    new_per_day: int | None = None,
) -> User:
    """Change a learner's desired retention or daily new-item limit."""
    with store.write() as session:
        return accounts.update_user(
            session, learner_id, desired_retention=desired_retention, new_per_day=new_per_day
        )


def optimise_learner(
    store: Store, *, learner_id: int, make_optimizer: Callable[[list[Any]], Any] | None = None
) -> Optimisation:
    """Fit FSRS parameters to the learner's own log and keep them when the fit ran."""
    with store.read() as session:
        logs = reviews.learner_logs(session, learner_id)
    outcome = optimise_parameters(
        [
            LoggedReview(
                item_id=log.item_id,
                rating=log.rating,
                reviewed_at=log.reviewed_at,
                duration_ms=log.duration_ms,
            )
            for log in logs
        ],
        make_optimizer=make_optimizer,
    )
    if outcome.parameters is not None:
        with store.write() as session:
            accounts.update_user(session, learner_id, fsrs_parameters=outcome.parameters)
    return outcome
