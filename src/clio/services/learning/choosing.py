"""Choosing what to study next: due items first, new ones mixed in, kinds interleaved."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from clio.errors import NotFoundError
from clio.schedule.fsrs_bridge import preview
from clio.schedule.memory import Memory, Rating
from clio.schedule.queue import plan_queue
from clio.store import accounts, hot, reviews, topics_repo
from clio.store.database import Store
from clio.store.items_codec import (
    KIND_CARD,
    KIND_QUIZ,
    KIND_SOURCE,
    item_from_payload,
)
from clio.store.records import StoredItem, User

DEFAULT_LEARNER = "me"
STUDY_KINDS = (KIND_CARD, KIND_QUIZ, KIND_SOURCE)
DEFAULT_KINDS = (KIND_CARD, KIND_QUIZ)
LEARN_AHEAD = timedelta(minutes=20)


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
        context = hot.learner_context(conn, learner_id, since=start_of_day(now))
        if context is None:
            raise NotFoundError(f"no learner with id {learner_id}")
        retention, parameters = context.desired_retention, context.parameters
        new_left = max(context.new_per_day - context.introduced, 0)
        due = hot.due_candidates(
            conn, learner_id=learner_id, until=now, topic_ids=topic_ids, kinds=kinds
        )
        new = hot.new_candidates(
            conn,
            learner_id=learner_id,
            topic_ids=topic_ids,
            kinds=kinds,
            limit=min(new_left, 4),
            orders=store.new_orders,
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
