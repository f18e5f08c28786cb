"""Accounts for the web app: users, classes, join codes, sharing and who may see whom."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clio.errors import ConflictError, InputError, NotFoundError
from clio.store import accounts, topics_repo
from clio.store.database import Store
from tests.store.kits import card

NOW = datetime(2026, 2, 1, 8, tzinfo=UTC)


def test_users(store: Store) -> None:
    with store.write() as session:
        ann = accounts.create_user(session, name="ann", display_name="Ann B", now=NOW)
        accounts.create_user(session, name="tom", role="teacher", password_hash="h", now=NOW)
    with store.read() as session:
        found = accounts.find_user(session, "ann")
        assert found == ann and found.created_at == NOW and found.role == "learner"
        tom = accounts.find_user(session, "tom")
        assert tom is not None and tom.is_teacher and tom.password_hash == "h"
        assert accounts.find_user(session, "nobody") is None
        assert [u.name for u in accounts.list_users(session)] == ["ann", "tom"]
    with pytest.raises(ConflictError), store.write() as session:
        accounts.create_user(session, name="ann", now=NOW)
    with pytest.raises(InputError), store.write() as session:
        accounts.create_user(session, name="x", role="admin", now=NOW)
    with pytest.raises(InputError), store.write() as session:
        accounts.create_user(session, name=" ", now=NOW)


def test_settings(store: Store) -> None:
    with store.write() as session:
        ann = accounts.create_user(session, name="ann", now=NOW)
        updated = accounts.update_user(
            session, ann.id, desired_retention=0.85, new_per_day=5, fsrs_parameters=(0.1, 0.2)
        )
    assert (updated.desired_retention, updated.new_per_day) == (0.85, 5)
    assert updated.fsrs_parameters == (0.1, 0.2)
    with pytest.raises(InputError), store.write() as session:
        accounts.update_user(session, ann.id, desired_retention=1.5)


def test_classes_membership_sharing_and_visibility(store: Store) -> None:
    with store.write() as session:
        tom = accounts.create_user(session, name="tom", role="teacher", now=NOW)
        eve = accounts.create_user(session, name="eve", role="teacher", now=NOW)
        ann = accounts.create_user(session, name="ann", now=NOW)
        bob = accounts.create_user(session, name="bob", now=NOW)
        klass = accounts.create_class(session, name="10B", teacher_id=tom.id, now=NOW)
        report = topics_repo.save_topic_items(
            session, name="china", title="China", source_text="t", items=[card(1)], now=NOW
        )
    assert report.created and len(klass.join_code) == 8
    with store.write() as session:
        joined = accounts.join_class(
            session, user_id=ann.id, join_code=klass.join_code.lower(), now=NOW
        )
        accounts.join_class(session, user_id=ann.id, join_code=klass.join_code, now=NOW)
        topic = topics_repo.get_topic(session, "china")
        accounts.share_topic(session, class_id=klass.id, topic_id=topic.id, now=NOW)
        accounts.share_topic(session, class_id=klass.id, topic_id=topic.id, now=NOW)
    assert joined.id == klass.id
    with store.read() as session:
        assert [u.name for u in accounts.class_members(session, klass.id)] == ["ann"]
        assert accounts.teacher_can_see(session, teacher_id=tom.id, learner_id=ann.id)
        assert not accounts.teacher_can_see(session, teacher_id=tom.id, learner_id=bob.id)
        assert not accounts.teacher_can_see(session, teacher_id=eve.id, learner_id=ann.id)
        assert [c.name for c in accounts.classes_taught(session, tom.id)] == ["10B"]
        assert [c.name for c in accounts.classes_joined(session, ann.id)] == ["10B"]
        assert [t.name for t in accounts.topics_shared_with(session, ann.id)] == ["china"]
        assert [t.name for t in accounts.topics_shared_with(session, tom.id)] == ["china"]
        assert accounts.topics_shared_with(session, bob.id) == []
        assert [t.name for t in accounts.topics_of_class(session, klass.id)] == ["china"]
    with store.write() as session:
        accounts.leave_class(session, user_id=ann.id, class_id=klass.id)
        accounts.unshare_topic(session, class_id=klass.id, topic_id=topic.id)
    with store.read() as session:
        assert not accounts.teacher_can_see(session, teacher_id=tom.id, learner_id=ann.id)
        assert accounts.topics_of_class(session, klass.id) == []


def test_class_errors(store: Store) -> None:
    with store.write() as session:
        ann = accounts.create_user(session, name="ann", now=NOW)
        tom = accounts.create_user(session, name="tom", role="teacher", now=NOW)
        accounts.create_class(session, name="A", teacher_id=tom.id, now=NOW, join_code="CODE1")
    with pytest.raises(InputError), store.write() as session:
        accounts.create_class(session, name="B", teacher_id=ann.id, now=NOW)
    with pytest.raises(ConflictError), store.write() as session:
        accounts.create_class(session, name="B", teacher_id=tom.id, now=NOW, join_code="CODE1")
    with pytest.raises(NotFoundError), store.write() as session:
        accounts.join_class(session, user_id=ann.id, join_code="NOPE", now=NOW)
