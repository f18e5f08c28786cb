"""SQLAlchemy ORM classes: the only place that knows the table layout."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes stored as naive UTC, so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Store as naive UTC; refuse naive input so no local time sneaks in."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes given to the store must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Read back as aware UTC."""
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints alike."""

    metadata = MetaData(naming_convention=NAMING)


class TopicRow(Base):
    """An imported revision sheet: its text and the hash of that text."""

    __tablename__ = "topics"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    source_text: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # added by migration 0004: the teacher who uploaded the notes (None: the CLI, built-ins)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, default=None
    )


class ItemRow(Base):
    """A generated study item (card, quiz question, essay plan, source question)."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("topic_id", "uid"),
        Index("ix_items_topic_kind", "topic_id", "kind", "retired", "position"),
        # added by migration 0003: new items in study order without sorting
        Index("ix_items_topic_position", "topic_id", "position"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(100))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    first_version: Mapped[str] = mapped_column(String(64))
    last_version: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    """A learner or a teacher."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="learner")
    password_hash: Mapped[str | None] = mapped_column(String(500), nullable=True)
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9)
    fsrs_parameters: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    new_per_day: Mapped[int] = mapped_column(Integer, default=20)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ClassRow(Base):
    """A teacher's class, joined by a code."""

    __tablename__ = "classes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    join_code: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ClassMemberRow(Base):
    """A learner in a class."""

    __tablename__ = "class_members"
    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TopicShareRow(Base):
    """A topic shared with a class."""

    __tablename__ = "topic_shares"
    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    shared_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SetWorkRow(Base):
    """Work a teacher sets a class: a topic (optionally one kind of item) due by a date.

    Added by migration 0005.
    """

    __tablename__ = "set_work"
    __table_args__ = (Index("ix_set_work_class_due", "class_id", "due_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    kind: Mapped[str | None] = mapped_column(String(20), nullable=True)  # None: every kind
    due_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReviewStateRow(Base):
    """A learner's FSRS memory state for one item."""

    __tablename__ = "review_states"
    __table_args__ = (
        # migration 0003 added item_id so "earliest due first, then by item" needs no sort
        Index("ix_review_states_learner_due", "learner_id", "due", "item_id"),
        # added by migration 0002: counts today's new items quickly
        Index("ix_review_states_learner_introduced", "learner_id", "introduced_at"),
    )
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    introduced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LearnerTopicRow(Base):
    """Where a learner's unseen items in a topic begin (added by migration 0003).

    ``new_cursor`` is a lower bound: every live item of the topic at a lower position has
    been studied, so the search for new items starts there instead of at the beginning.
    Re-importing the topic renumbers positions, so its cursors are deleted then.
    """

    __tablename__ = "learner_topics"
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    new_cursor: Mapped[int] = mapped_column(Integer, default=0)


class ReviewLogRow(Base):
    """One review: which rating, when, how long since the last, how long it took."""

    __tablename__ = "review_logs"
    __table_args__ = (
        Index("ix_review_logs_learner_at", "learner_id", "reviewed_at"),
        Index("ix_review_logs_learner_item", "learner_id", "item_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    elapsed_days: Mapped[float | None] = mapped_column(Float, nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    state_before: Mapped[int] = mapped_column(Integer, default=0)


class QuizAttemptRow(Base):
    """An answer given to a quiz question."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (Index("ix_quiz_attempts_learner_at", "learner_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    given: Mapped[Any] = mapped_column(JSON)
    correct: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class MarkedAnswerRow(Base):
    """A free-text answer with the mark the marker gave it."""

    __tablename__ = "marked_answers"
    __table_args__ = (Index("ix_marked_answers_learner_at", "learner_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="SET NULL"), nullable=True
    )
    question_id: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    max_marks: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    feedback: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class DraftRow(Base):
    """A learner's unfinished answer to a question, saved as they type."""

    __tablename__ = "drafts"
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
