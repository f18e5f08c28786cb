"""Progress: due today, retention, streak, weakest points and sections; export and import."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from clio.schedule.fsrs_bridge import retrievability
from clio.services.learning import DEFAULT_KINDS, session_counts, start_of_day
from clio.store import accounts, backup, backup_export, reviews, topics_repo
from clio.store.database import Store

RETENTION_WINDOW = timedelta(days=30)


@dataclass(frozen=True, kw_only=True)
class WeakSpot:
    """A point or section with the learner's predicted recall of its items."""

    id: str
    title: str
    topic: str
    recall: float  # mean predicted probability of recall now, 0..1
    again_rate: float  # share of this spot's reviews answered "Again"
    lapses: int
    items: int

    @property
    def strength(self) -> float:
        """Predicted recall discounted by how often it was failed (lower is weaker)."""
        return self.recall * (1 - self.again_rate)


@dataclass(frozen=True, kw_only=True)
class Progress:
    """A learner's progress at ``now``."""

    learner: str
    now: datetime
    due_now: int
    due_today: int
    new_available: int
    reviewed_today: int
    total_reviews: int
    studied_items: int
    desired_retention: float
    retention: float | None  # share of reviews of learnt items not failed, last 30 days
    retention_reviews: int
    streak_days: int
    reviews_per_day: tuple[tuple[str, int], ...]
    weakest_points: tuple[WeakSpot, ...]
    weakest_sections: tuple[WeakSpot, ...]


def _streak(store: Store, learner_id: int, now: datetime) -> int:
    """Days in a row with a review, ending today (or yesterday if not yet today)."""
    day = start_of_day(now)
    streak = 0
    with store.read() as session:
        today = reviews.reviewed_between(
            session, learner_id=learner_id, start=day, end=day + timedelta(days=1)
        )
        if today:
            streak = 1
        while reviews.reviewed_between(
            session, learner_id=learner_id, start=day - timedelta(days=1), end=day
        ):
            streak += 1
            day -= timedelta(days=1)
    return streak


def _section_index(text: str, name: str) -> dict[str, tuple[str, str, str]]:
    """point id -> (point title, section id, section heading) for a stored topic's text."""
    from clio.parse import parse_notes

    topic = parse_notes(text, name=name)
    return {
        point.id: (point.title or point.text[:60], section.id, section.heading)
        for section, point in topic.points()
    }


def progress_summary(
    store: Store,
    *,
    learner_id: int,
    now: datetime,
    topic: str | None = None,
    kinds: Sequence[str] = DEFAULT_KINDS,
    weakest: int = 5,
    days: int = 14,
) -> Progress:
    """The learner's progress at ``now`` (optionally within one topic)."""
    day0 = start_of_day(now)
    with store.read() as session:
        user = accounts.get_user(session, learner_id)
        topic_ids = None if topic is None else [topics_repo.get_topic(session, topic).id]
        due_today = reviews.count_due(
            session,
            learner_id=learner_id,
            until=day0 + timedelta(days=1),
            topic_ids=topic_ids,
            kinds=kinds,
        )
        states = reviews.learner_states(session, learner_id)
        facts = reviews.item_facts(session, [s.item_id for s in states])
        if topic_ids is not None:
            states = [s for s in states if facts[s.item_id].topic_id in topic_ids]
        tally = reviews.log_tally(session, learner_id=learner_id, topic_ids=topic_ids)
        learnt, passed = reviews.retention_counts(
            session,
            learner_id=learner_id,
            since=now - RETENTION_WINDOW,
            until=now,
            topic_ids=topic_ids,
        )
        times = reviews.review_times(
            session,
            learner_id=learner_id,
            since=day0 - timedelta(days=days - 1),
            until=day0 + timedelta(days=1),
            topic_ids=topic_ids,
        )
        listed = topics_repo.list_topics(session)
        texts = {
            t.id: topics_repo.topic_text(session, t.id)
            for t in listed
            if topic_ids is None or t.id in topic_ids
        }
        names = {t.id: t.name for t in listed}
    due_now, new_available = session_counts(
        store, learner_id=learner_id, now=now, topic_ids=topic_ids, kinds=kinds
    )
    retention = passed / learnt if learnt else None
    per_day: dict[date, int] = defaultdict(int)
    for at in times:
        per_day[at.date()] += 1
    chart = tuple(
        ((day0 - timedelta(days=i)).date().isoformat(), per_day[(day0 - timedelta(days=i)).date()])
        for i in reversed(range(days))
    )
    points, sections = _weak_spots(
        states,
        facts,
        texts,
        names,
        tally,
        now=now,
        retention=user.desired_retention,
        parameters=user.fsrs_parameters,
    )
    return Progress(
        learner=user.name,
        now=now,
        due_now=due_now,
        due_today=due_today,
        new_available=new_available,
        reviewed_today=per_day[day0.date()],
        total_reviews=sum(n for n, _ in tally.values()),
        studied_items=len(states),
        desired_retention=user.desired_retention,
        retention=retention,
        retention_reviews=learnt,
        streak_days=_streak(store, learner_id, now),
        reviews_per_day=chart,
        weakest_points=tuple(points[:weakest]),
        weakest_sections=tuple(sections[:weakest]),
    )


def _weak_spots(
    states: Sequence[Any],
    facts: dict[int, reviews.ItemFacts],
    texts: dict[int, str],
    names: dict[int, str],
    tally: dict[int, tuple[int, int]],
    *,
    now: datetime,
    retention: float,
    parameters: tuple[float, ...] | None,
) -> tuple[list[WeakSpot], list[WeakSpot]]:
    indexes = {tid: _section_index(text, names[tid]) for tid, text in texts.items()}
    by_point: dict[tuple[int, str], list[_Sample]] = defaultdict(list)
    for state in states:
        stored = facts.get(state.item_id)
        if stored is None or stored.retired or stored.topic_id not in indexes:
            continue
        recall = (
            retrievability(
                state.memory, now=now, desired_retention=retention, parameters=parameters
            )
            if state.memory.stability is not None
            else 0.0
        )
        for source_id in stored.source_ids:
            if source_id in indexes[stored.topic_id]:
                reviewed, failed = tally.get(state.item_id, (0, 0))
                sample = (recall, state.lapses, reviewed, failed)
                by_point[(stored.topic_id, source_id)].append(sample)
    points: list[WeakSpot] = []
    by_section: dict[tuple[int, str], list[_Sample]] = defaultdict(list)
    headings: dict[tuple[int, str], str] = {}
    for (tid, pid), values in by_point.items():
        title, section_id, heading = indexes[tid][pid]
        points.append(_spot(pid, title, names[tid], values))
        by_section[(tid, section_id)].extend(values)
        headings[(tid, section_id)] = heading
    sections = [
        _spot(sid, headings[(tid, sid)], names[tid], values)
        for (tid, sid), values in by_section.items()
    ]
    key = lambda s: (s.strength, -s.lapses, s.id)  # noqa: E731
    return sorted(points, key=key), sorted(sections, key=key)


_Sample = tuple[float, int, int, int]  # recall, lapses, reviews, agains


def _spot(spot_id: str, title: str, topic: str, values: list[_Sample]) -> WeakSpot:
    reviewed = sum(v[2] for v in values)
    return WeakSpot(
        id=spot_id,
        title=title,
        topic=topic,
        recall=sum(v[0] for v in values) / len(values),
        again_rate=sum(v[3] for v in values) / reviewed if reviewed else 0.0,
        lapses=sum(v[1] for v in values),
        items=len(values),
    )


def export_progress(store: Store, *, learners: Sequence[str] | None = None) -> dict[str, Any]:
    """Everything needed to rebuild the learners' progress elsewhere, as plain JSON."""
    with store.read() as session:
        return backup.export_data(session, learners=learners)


def write_progress(store: Store, out: TextIO, *, learners: Sequence[str] | None = None) -> None:
    """Write :func:`export_progress` to ``out`` as it is read, one learner at a time: the
    text ``json.dumps(export, indent=1, ensure_ascii=False, sort_keys=True)`` gives."""
    with store.connect() as connection:
        backup_export.write_export(connection, out, learners=learners)


def import_progress(store: Store, data: dict[str, Any]) -> backup.ImportSummary:
    """Load an export (topics, items, learners, their states, logs and answers) in one commit."""
    with store.write() as session:
        return backup.import_data(session, data)
