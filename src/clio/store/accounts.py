"""Users, classes, membership and topic sharing: what the web app's accounts stand on."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from clio.errors import ConflictError, InputError, NotFoundError
from clio.store.orm import ClassMemberRow, ClassRow, TopicRow, TopicShareRow, UserRow
from clio.store.records import ROLES, ClassInfo, TopicInfo, User
from clio.store.topics_repo import topic_info

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def user_from_row(row: UserRow) -> User:
    """Map a user row to a :class:`User`."""
    return User(
        id=row.id,
        name=row.name,
        display_name=row.display_name,
        role=row.role,
        created_at=row.created_at,
        password_hash=row.password_hash,
        desired_retention=row.desired_retention,
        fsrs_parameters=tuple(row.fsrs_parameters) if row.fsrs_parameters else None,
        new_per_day=row.new_per_day,
    )


def _class_from_row(row: ClassRow) -> ClassInfo:
    return ClassInfo(
        id=row.id,
        name=row.name,
        teacher_id=row.teacher_id,
        join_code=row.join_code,
        created_at=row.created_at,
    )


def create_user(
    session: Session,
    *,
    name: str,
    now: datetime,
    display_name: str | None = None,
    role: str = "learner",
    password_hash: str | None = None,
    desired_retention: float = 0.9,
    new_per_day: int = 20,
) -> User:
    """Add a user; the name must be new."""
    name = name.strip()
    if not name:
        raise InputError("a user needs a name", field="name")
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}", field="role")
    check_retention(desired_retention)
    if find_user(session, name) is not None:
        raise ConflictError(f"there is already a user called {name!r}")
    row = UserRow(
        name=name,
        display_name=display_name or name,
        role=role,
        password_hash=password_hash,
        desired_retention=desired_retention,
        new_per_day=new_per_day,
        created_at=now,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise ConflictError(f"there is already a user called {name!r}") from None
    return user_from_row(row)


def check_retention(value: float) -> None:
    """Desired retention must be a probability FSRS can aim at."""
    if not 0.7 <= value <= 0.99:
        raise InputError("desired retention must be between 0.70 and 0.99", field="retention")


def find_user(session: Session, name: str) -> User | None:
    """The user with this name, or None."""
    row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
    return None if row is None else user_from_row(row)


def get_user(session: Session, user_id: int) -> User:
    """The user with this id."""
    row = session.get(UserRow, user_id)
    if row is None:
        raise NotFoundError(f"no user with id {user_id}")
    return user_from_row(row)


def ensure_user(session: Session, name: str, *, now: datetime) -> User:
    """The user with this name, created as a learner if new (the CLI's single-user path)."""
    return find_user(session, name) or create_user(session, name=name, now=now)


def list_users(session: Session) -> list[User]:
    """Every user, by name."""
    return [user_from_row(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]


def update_user(
    session: Session,
    user_id: int,
    *,
    display_name: str | None = None,
    password_hash: str | None = None,
    desired_retention: float | None = None,
    new_per_day: int | None = None,
    fsrs_parameters: tuple[float, ...] | None = None,
) -> User:
    """Change a user's settings; arguments left as None stay as they are."""
    row = session.get(UserRow, user_id, with_for_update=True)
    if row is None:
        raise NotFoundError(f"no user with id {user_id}")
    if display_name is not None:
        row.display_name = display_name
    if password_hash is not None:
        row.password_hash = password_hash
    if desired_retention is not None:
        check_retention(desired_retention)
        row.desired_retention = desired_retention
    if new_per_day is not None:
        if new_per_day < 0:
            raise InputError("new items per day cannot be negative", field="new_per_day")
        row.new_per_day = new_per_day
    if fsrs_parameters is not None:
        row.fsrs_parameters = list(fsrs_parameters)
    session.flush()
    return user_from_row(row)


def create_class(
    session: Session, *, name: str, teacher_id: int, now: datetime, join_code: str | None = None
) -> ClassInfo:
    """Create a class for a teacher, with a fresh join code unless one is given."""
    teacher = get_user(session, teacher_id)
    if not teacher.is_teacher:
        raise InputError(f"{teacher.name!r} is not a teacher", field="teacher")
    code = join_code or "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    if session.scalar(select(ClassRow.id).where(ClassRow.join_code == code)) is not None:
        raise ConflictError("that join code is taken")
    row = ClassRow(
        name=name.strip() or "Class", teacher_id=teacher_id, join_code=code, created_at=now
    )
    session.add(row)
    session.flush()
    return _class_from_row(row)


def get_class(session: Session, class_id: int) -> ClassInfo:
    """The class with this id."""
    row = session.get(ClassRow, class_id)
    if row is None:
        raise NotFoundError(f"no class with id {class_id}")
    return _class_from_row(row)


def join_class(session: Session, *, user_id: int, join_code: str, now: datetime) -> ClassInfo:
    """Add a learner to the class with this join code (joining twice is harmless)."""
    code = join_code.strip().upper()
    row = session.scalar(select(ClassRow).where(ClassRow.join_code == code))
    if row is None:
        raise NotFoundError("no class has that join code")
    get_user(session, user_id)
    if session.get(ClassMemberRow, (row.id, user_id)) is None:
        session.add(ClassMemberRow(class_id=row.id, user_id=user_id, joined_at=now))
        session.flush()
    return _class_from_row(row)


def leave_class(session: Session, *, user_id: int, class_id: int) -> None:
    """Remove a learner from a class."""
    member = session.get(ClassMemberRow, (class_id, user_id))
    if member is not None:
        session.delete(member)
        session.flush()


def class_members(session: Session, class_id: int) -> list[User]:
    """The learners in a class, by name."""
    rows = session.scalars(
        select(UserRow)
        .join(ClassMemberRow, ClassMemberRow.user_id == UserRow.id)
        .where(ClassMemberRow.class_id == class_id)
        .order_by(UserRow.name)
    )
    return [user_from_row(r) for r in rows]


def classes_taught(session: Session, teacher_id: int) -> list[ClassInfo]:
    """A teacher's classes."""
    rows = session.scalars(
        select(ClassRow).where(ClassRow.teacher_id == teacher_id).order_by(ClassRow.name)
    )
    return [_class_from_row(r) for r in rows]


def classes_joined(session: Session, user_id: int) -> list[ClassInfo]:
    """The classes a learner belongs to."""
    rows = session.scalars(
        select(ClassRow)
        .join(ClassMemberRow, ClassMemberRow.class_id == ClassRow.id)
        .where(ClassMemberRow.user_id == user_id)
        .order_by(ClassRow.name)
    )
    return [_class_from_row(r) for r in rows]


def teacher_can_see(session: Session, *, teacher_id: int, learner_id: int) -> bool:
    """True when the learner is in one of the teacher's classes (or is the teacher)."""
    if teacher_id == learner_id:
        return True
    found = session.scalar(
        select(ClassMemberRow.user_id)
        .join(ClassRow, ClassRow.id == ClassMemberRow.class_id)
        .where(ClassRow.teacher_id == teacher_id, ClassMemberRow.user_id == learner_id)
        .limit(1)
    )
    return found is not None


def share_topic(session: Session, *, class_id: int, topic_id: int, now: datetime) -> None:
    """Share a topic with a class (sharing twice is harmless)."""
    get_class(session, class_id)
    if session.get(TopicRow, topic_id) is None:
        raise NotFoundError(f"no topic with id {topic_id}")
    if session.get(TopicShareRow, (class_id, topic_id)) is None:
        session.add(TopicShareRow(class_id=class_id, topic_id=topic_id, shared_at=now))
        session.flush()


def unshare_topic(session: Session, *, class_id: int, topic_id: int) -> None:
    """Stop sharing a topic with a class."""
    share = session.get(TopicShareRow, (class_id, topic_id))
    if share is not None:
        session.delete(share)
        session.flush()


def topics_shared_with(session: Session, user_id: int) -> list[TopicInfo]:
    """Topics shared with any class the learner is in (or that the teacher teaches)."""
    member_classes = select(ClassMemberRow.class_id).where(ClassMemberRow.user_id == user_id)
    taught = select(ClassRow.id).where(ClassRow.teacher_id == user_id)
    rows = session.scalars(
        select(TopicRow)
        .options(defer(TopicRow.source_text))  # not the notes: asked on most requests
        .join(TopicShareRow, TopicShareRow.topic_id == TopicRow.id)
        .where(TopicShareRow.class_id.in_(member_classes.union(taught)))
        .distinct()
        .order_by(TopicRow.name)
    )
    return [topic_info(r) for r in rows]


def topics_of_class(session: Session, class_id: int) -> list[TopicInfo]:
    """Topics shared with one class."""
    rows = session.scalars(
        select(TopicRow)
        .options(defer(TopicRow.source_text))  # not the notes: asked on most requests
        .join(TopicShareRow, TopicShareRow.topic_id == TopicRow.id)
        .where(TopicShareRow.class_id == class_id)
        .order_by(TopicRow.name)
    )
    return [topic_info(r) for r in rows]
