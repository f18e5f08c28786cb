"""Frozen values the store hands out: plain dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from clio.schedule.memory import Memory
from clio.store.items_codec import StudyItem

ROLES = ("learner", "teacher")


@dataclass(frozen=True, kw_only=True)
class TopicInfo:
    """An imported topic (without its text)."""

    id: int
    name: str
    title: str
    version: str
    imported_at: datetime
    item_count: int = 0
    owner_id: int | None = None  # the teacher who uploaded it; None for built-in and CLI imports


@dataclass(frozen=True, kw_only=True)
class StoredItem:
    """A study item as stored: its row id, stable uid, topic and the item itself."""

    id: int
    uid: str
    topic_id: int
    topic_name: str
    kind: str
    position: int
    item: StudyItem
    retired: bool = False


@dataclass(frozen=True, kw_only=True)
class User:
    """A learner or a teacher."""

    id: int
    name: str
    display_name: str
    role: str
    created_at: datetime
    password_hash: str | None = None
    desired_retention: float = 0.9
    fsrs_parameters: tuple[float, ...] | None = None
    new_per_day: int = 20

    @property
    def is_teacher(self) -> bool:
        """True for teachers."""
        return self.role == "teacher"


@dataclass(frozen=True, kw_only=True)
class ClassInfo:
    """A teacher's class."""

    id: int
    name: str
    teacher_id: int
    join_code: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True)
class ReviewState:
    """A learner's memory state for one item, with counts."""

    learner_id: int
    item_id: int
    memory: Memory
    introduced_at: datetime
    reps: int = 0
    lapses: int = 0


@dataclass(frozen=True, kw_only=True)
class ReviewRecord:
    """One logged review."""

    learner_id: int
    item_id: int
    rating: int
    reviewed_at: datetime
    elapsed_days: float | None = None
    duration_ms: int | None = None
    state_before: int = 0


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What importing one topic changed."""

    topic: str
    title: str
    version: str
    created: bool
    unchanged_text: bool
    added: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    revived: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
