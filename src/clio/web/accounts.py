"""Accounts for multi-user mode: sign-up and sign-in over the store's users, classes and shares.

Passwords are hashed here (argon2id, :mod:`clio.web.security`); the store keeps only hashes.
"""

from __future__ import annotations

import re
from datetime import datetime

from clio.errors import InputError, NotFoundError, PermissionDenied
from clio.services.learning import learner_named
from clio.store import accounts
from clio.store.database import Store
from clio.store.records import ClassInfo, User
from clio.web.security import MIN_PASSWORD_LENGTH, hash_password, needs_rehash, verify_password
from clio.web.viewer import Viewer

LOCAL_NAME = "local"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$")
_dummy_hash: list[str] = []


def _dummy() -> str:
    """A hash to verify against when the name is unknown, so timing does not reveal names."""
    if not _dummy_hash:
        _dummy_hash.append(hash_password("clio-no-such-user"))
    return _dummy_hash[0]


def viewer_of(user: User, *, local: bool = False) -> Viewer:
    """The viewer for a stored user."""
    return Viewer(id=user.id, name=user.display_name, role=user.role, local=local, login=user.name)


def local_viewer(store: Store, *, now: datetime) -> Viewer:
    """The single-user mode learner (created on first use)."""
    return viewer_of(learner_named(store, LOCAL_NAME, now=now), local=True)


def find_viewer(store: Store, user_id: object) -> Viewer | None:
    """The signed-in viewer for a session's user id, or None."""
    if not isinstance(user_id, int):
        return None
    try:
        with store.read() as session:
            return viewer_of(accounts.get_user(session, user_id))
    except NotFoundError:
        return None  # the account was removed after the session began


def register(
    store: Store, *, name: str, password: str, role: str, now: datetime, display_name: str = ""
) -> Viewer:
    """Create an account; names are 2-40 letters, digits, '.', '_' or '-'."""
    name = name.strip()
    if not _NAME.match(name):
        raise InputError(
            "choose a user name of 2-40 letters, digits, dots, dashes or underscores",
            field="name",
        )
    if name.lower() == LOCAL_NAME:
        raise InputError("that user name is reserved", field="name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"choose a password of at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if role not in ("learner", "teacher"):
        raise InputError("choose learner or teacher", field="role")
    with store.write() as session:
        user = accounts.create_user(
            session,
            name=name,
            display_name=display_name.strip()[:60] or name,
            role=role,
            password_hash=hash_password(password),
            now=now,
        )
    return viewer_of(user)


def authenticate(store: Store, *, name: str, password: str) -> Viewer | None:
    """The viewer whose name and password match, else None (same work either way)."""
    with store.read() as session:
        user = accounts.find_user(session, name.strip())
    if user is None or not user.password_hash:
        verify_password(_dummy(), password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        with store.write() as session:
            accounts.update_user(session, user.id, password_hash=hash_password(password))
    return viewer_of(user)


def create_class(store: Store, teacher: Viewer, *, name: str, now: datetime) -> ClassInfo:
    """A new class with a join code, taught by ``teacher``."""
    if not teacher.is_teacher:
        raise PermissionDenied("only teachers can create classes")
    if not name.strip():
        raise InputError("give the class a name", field="name")
    with store.write() as session:
        return accounts.create_class(
            session, name=name.strip()[:80], teacher_id=teacher.id, now=now
        )


def join_class(store: Store, learner: Viewer, *, code: str, now: datetime) -> ClassInfo:
    """Join the class with this code."""
    with store.write() as session:
        return accounts.join_class(session, user_id=learner.id, join_code=code, now=now)


def class_for_teacher(store: Store, teacher: Viewer, class_id: int) -> ClassInfo:
    """The class, if ``teacher`` teaches it."""
    with store.read() as session:
        found = accounts.get_class(session, class_id)
    if found.teacher_id != teacher.id:
        raise PermissionDenied("this is not one of your classes")
    return found


def change_password(store: Store, viewer: Viewer, *, current: str, new: str, again: str) -> None:
    """Change the viewer's password, once the current one is given right."""
    if new != again:
        raise InputError("the two new passwords differ", field="password2")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"choose a password of at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    with store.read() as session:
        user = accounts.get_user(session, viewer.id)
    if not user.password_hash or not verify_password(user.password_hash, current):
        raise InputError("the current password is not right", field="current")
    with store.write() as session:
        accounts.update_user(session, viewer.id, password_hash=hash_password(new))
