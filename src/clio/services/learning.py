"""The learning loop: import topics, pick the next item, record answers (one commit each)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from clio.errors import ClioError, InputError, NotFoundError
from clio.ids import slugify
from clio.model.items import Flashcard, Kit, QuestionKind, QuizQuestion, SourceQuestion
from clio.model.marking import Mark
from clio.model.topic import Topic
from clio.schedule.fsrs_bridge import preview, rating_for_score, review
from clio.schedule.memory import Memory, Rating
from clio.schedule.optimise import LoggedReview, Optimisation, optimise_parameters
from clio.schedule.queue import plan_queue
from clio.store import accounts, answers, hot, reviews, topics_repo
from clio.store.database import Store
from clio.store.items_codec import (
    KIND_CARD,
    KIND_QUIZ,
    KIND_SOURCE,
    StudyItem,
    item_from_payload,
)
from clio.store.records import ImportReport, StoredItem, User

DEFAULT_LEARNER = "me"
STUDY_KINDS = (KIND_CARD, KIND_QUIZ, KIND_SOURCE)
DEFAULT_KINDS = (KIND_CARD, KIND_QUIZ)
LEARN_AHEAD = timedelta(minutes=20)
NOTE_SUFFIXES = (".txt", ".md", ".markdown", ".text")

T = TypeVar("T")


# --- importing -------------------------------------------------------------------------------


def make_kit_for(topic: Topic, *, seed: int = 0) -> Kit:
    """The study kit for a topic: the generator's when installed, else basic point cards."""
    try:
        from clio.generate import make_kit  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return basic_kit(topic, seed=seed)
    kit: Kit = make_kit(topic, seed=seed)
    return kit


def basic_kit(topic: Topic, *, seed: int = 0) -> Kit:
    """One "point title -> explanation" card per point (used until the generator lands)."""
    from clio.ids import content_id
    from clio.model.items import CardKind

    cards = tuple(
        Flashcard(
            id=content_id("c", point.id, "basic"),
            kind=CardKind.BASIC,
            prompt=point.title or point.text[:80],
            answer=point.text if point.title else point.full_text,
            source_ids=(point.id,),
            context=section.heading,
        )
        for section, point in topic.points()
        if point.title or point.text
    )
    return Kit(topic_id=topic.id, seed=seed, flashcards=cards)


def kit_items(kit: Kit) -> list[StudyItem]:
    """A kit's items in study order: cards, quiz and source questions mixed in proportion."""
    groups: list[Sequence[StudyItem]] = [kit.flashcards, kit.questions, kit.source_questions]
    groups = [g for g in groups if g]
    total = sum(len(g) for g in groups)
    keyed: list[tuple[float, int, StudyItem]] = []
    for rank, group in enumerate(groups):
        step = total / len(group)
        keyed.extend((i * step, rank, item) for i, item in enumerate(group))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [item for _, _, item in keyed] + list(kit.essay_plans)


def import_topic_text(
    store: Store, text: str, *, name: str, now: datetime, seed: int = 0
) -> ImportReport:
    """Parse notes, generate their kit and store it; unchanged items keep their history."""
    from clio.parse import parse_notes

    topic = parse_notes(text, name=name)
    items = kit_items(make_kit_for(topic, seed=seed))
    with store.write() as session:
        report = topics_repo.save_topic_items(
            session, name=name, title=topic.title, source_text=text, items=items, now=now
        )
    warnings = tuple(f"line {w.line}: {w.message}" if w.line else w.message for w in topic.warnings)
    return ImportReport(**{**report.__dict__, "warnings": warnings})


def note_files(paths: Sequence[str]) -> list[Path]:
    """The notes files named by ``paths``: files as given, folders searched for notes files."""
    found: list[Path] = []
    for ref in paths:
        path = Path(ref)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES
            )
            if not inside:
                raise InputError("no notes files (.txt, .md) in this folder", file=ref)
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", file=ref)
    return found


@dataclass(frozen=True, kw_only=True)
class ImportOutcome:
    """One file's import: its report, or the error that stopped it."""

    path: str
    report: ImportReport | None = None
    error: ClioError | None = None


def import_paths(
    store: Store,
    paths: Sequence[str],
    *,
    now: datetime,
    seed: int = 0,
    on_file: Callable[[Path], None] | None = None,
) -> list[ImportOutcome]:
    """Import every notes file under ``paths``; a bad file is reported and the rest go on."""
    from clio.services.topics import read_topic_text

    outcomes = []
    for path in note_files(paths):
        if on_file is not None:
            on_file(path)
        try:
            text, _ = read_topic_text(str(path))
            report = import_topic_text(store, text, name=slugify(path.stem), now=now, seed=seed)
            outcomes.append(ImportOutcome(path=str(path), report=report))
        except ClioError as error:
            outcomes.append(ImportOutcome(path=str(path), error=error))
    return outcomes


# --- learners --------------------------------------------------------------------------------


def learner_named(store: Store, name: str, *, now: datetime) -> User:
    """The learner with this name, created on first use (single-user and CLI use)."""
    with store.write() as session:
        return accounts.ensure_user(session, name, now=now)


def topic_ids_for(store: Store, topic: str | None) -> list[int] | None:
    """The ids of the named topic (None means every topic)."""
    if topic is None:
        return None
    with store.read() as session:
        return [topics_repo.get_topic(session, topic).id]


# --- choosing the next item ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StudyPrompt:
    """The next thing to study, with each button's next interval."""

    item: StoredItem
    memory: Memory | None
    intervals: dict[Rating, timedelta]
    due_now: int
    new_left: int

    @property
    def is_new(self) -> bool:
        """True when the learner has never studied this item."""
        return self.memory is None


def start_of_day(now: datetime) -> datetime:
    """Midnight UTC of ``now``'s day (the new-item limit resets then)."""
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def next_item(
    store: Store,
    *,
    learner_id: int,
    now: datetime,
    topic_ids: Sequence[int] | None = None,
    kinds: Sequence[str] = DEFAULT_KINDS,
    previous_kind: str | None = None,
) -> StudyPrompt | None:
    """The next item for the learner: due first, new ones mixed in up to the daily limit."""
    with store.connect() as conn:
        settings = hot.learner_settings(conn, learner_id)
        if settings is None:
            raise NotFoundError(f"no learner with id {learner_id}")
        retention, parameters, per_day = settings
        introduced = hot.count_introduced(conn, learner_id=learner_id, since=start_of_day(now))
        new_left = max(per_day - introduced, 0)
        due = hot.due_candidates(
            conn, learner_id=learner_id, until=now, topic_ids=topic_ids, kinds=kinds
        )
        new = hot.new_candidates(
            conn, learner_id=learner_id, topic_ids=topic_ids, kinds=kinds, limit=min(new_left, 4)
        )
        queue = plan_queue(due, new, new_left=new_left, previous_kind=previous_kind)
        if not queue:
            # Nothing due or new: bring forward items in their learning steps (minutes away).
            ahead = hot.due_candidates(
                conn,
                learner_id=learner_id,
                until=now + LEARN_AHEAD,
                topic_ids=topic_ids,
                kinds=kinds,
                limit=1,
            )
            queue = plan_queue(ahead, [], new_left=0)
        if not queue:
            return None
        found = hot.item_with_state(conn, learner_id=learner_id, item_id=queue[0].item_id)
    if found is None:
        raise NotFoundError(f"item {queue[0].item_id} vanished")
    row, state = found
    item = StoredItem(
        id=row["id"],
        uid=row["uid"],
        topic_id=row["topic_id"],
        topic_name=row["topic_name"],
        kind=row["kind"],
        position=row["position"],
        item=item_from_payload(row["kind"], row["payload"]),
        retired=row["retired"],
    )
    memory = None if state is None else state.memory
    intervals = preview(memory, now=now, desired_retention=retention, parameters=parameters)
    return StudyPrompt(
        item=item, memory=memory, intervals=intervals, due_now=len(due), new_left=new_left
    )


def session_counts(
    store: Store,
    *,
    learner_id: int,
    now: datetime,
    topic_ids: Sequence[int] | None = None,
    kinds: Sequence[str] = DEFAULT_KINDS,
) -> tuple[int, int]:
    """(items due now, new items still allowed today and available)."""
    with store.read() as session:
        user = accounts.get_user(session, learner_id)
        introduced = hot.count_introduced(
            session.connection(), learner_id=learner_id, since=start_of_day(now)
        )
        due = reviews.count_due(
            session, learner_id=learner_id, until=now, topic_ids=topic_ids, kinds=kinds
        )
        unseen = reviews.count_unseen(
            session, learner_id=learner_id, topic_ids=topic_ids, kinds=kinds
        )
    return due, min(max(user.new_per_day - introduced, 0), unseen)


# --- answering -------------------------------------------------------------------------------


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


def _record(
    store: Store,
    *,
    learner_id: int,
    item_id: int,
    rating: Rating,
    now: datetime,
    duration_ms: int | None,
    also: Callable[[Any], None] | None = None,
) -> Memory:
    def work() -> Memory:
        with store.write_connection() as conn:
            settings = hot.learner_settings(conn, learner_id)
            if settings is None:
                raise NotFoundError(f"no learner with id {learner_id}")
            topic_id = hot.topic_of_item(conn, item_id)
            if topic_id is None:
                raise NotFoundError(f"no item with id {item_id}")
            before = hot.load_state(conn, learner_id=learner_id, item_id=item_id, for_update=True)
            after = review(
                None if before is None else before.memory,
                rating,
                now=now,
                desired_retention=settings[0],
                parameters=settings[1],
            )
            hot.save_review(
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
                hot.advance_cursor(conn, learner_id=learner_id, topic_id=topic_id)
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
) -> Answered:
    """Rate a card; the review is committed before this returns."""
    memory = _record(
        store,
        learner_id=learner_id,
        item_id=item_id,
        rating=rating,
        now=now,
        duration_ms=duration_ms,
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


def iter_session(
    store: Store,
    *,
    learner_id: int,
    clock: Callable[[], datetime],
    topic_ids: Sequence[int] | None = None,
    kinds: Sequence[str] = DEFAULT_KINDS,
    limit: int | None = None,
) -> Iterator[StudyPrompt]:
    """Prompts one after another (the caller answers each before asking for the next)."""
    previous: str | None = None
    shown = 0
    while limit is None or shown < limit:
        prompt = next_item(
            store,
            learner_id=learner_id,
            now=clock(),
            topic_ids=topic_ids,
            kinds=kinds,
            previous_kind=previous,
        )
        if prompt is None:
            return
        yield prompt
        previous = prompt.item.kind
        shown += 1


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
