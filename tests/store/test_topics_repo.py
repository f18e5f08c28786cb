"""Saving kits: stable ids keep history; removed items retire; returning items revive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete

from clio.schedule.fsrs_bridge import review
from clio.schedule.memory import Rating
from clio.store import accounts, reviews, topics_repo
from clio.store.database import Store
from clio.store.orm import UserRow
from tests.store.kits import card, mcq

NOW = datetime(2026, 2, 1, 8, tzinfo=UTC)


def _save(store: Store, items, text: str = "v1", now: datetime = NOW):  # type: ignore[no-untyped-def]
    with store.write() as session:
        return topics_repo.save_topic_items(
            session, name="china", title="China", source_text=text, items=items, now=now
        )


def test_first_import_adds_everything(store: Store) -> None:
    report = _save(store, [card(1), card(2), mcq(1)])
    assert report.created and not report.unchanged_text
    assert report.added == ("c-0001", "c-0002", "q-0001")
    with store.read() as session:
        (info,) = topics_repo.list_topics(session)
        items = topics_repo.topic_items(session, info.id)
    assert info.item_count == 3 and info.name == "china"
    assert [i.kind for i in items] == ["card", "card", "quiz"]
    assert items[2].item == mcq(1)


def test_reimport_keeps_history_retires_and_revives(store: Store) -> None:
    _save(store, [card(1), card(2)])
    with store.write() as session:
        learner = accounts.create_user(session, name="ann", now=NOW)
        item = topics_repo.find_item(session, "china", "c-0001")
        assert item is not None
        memory = review(None, Rating.GOOD, now=NOW)
        reviews.save_review(
            session, learner_id=learner.id, item_id=item.id, before=None, after=memory,
            rating=Rating.GOOD, now=NOW,
        )  # fmt: skip
    edited = _save(store, [card(1), card(3)], text="v2", now=NOW + timedelta(days=1))
    assert (edited.kept, edited.added, edited.retired) == (("c-0001",), ("c-0003",), ("c-0002",))
    assert not edited.created and not edited.unchanged_text
    with store.read() as session:
        kept = topics_repo.find_item(session, "china", "c-0001")
        assert kept is not None and kept.id == item.id
        assert len(reviews.learner_logs(session, learner.id)) == 1
        assert reviews.load_state(session, learner_id=learner.id, item_id=item.id) is not None
        live = [i.uid for i in topics_repo.topic_items(session, kept.topic_id)]
        assert live == ["c-0001", "c-0003"]
    back = _save(store, [card(1), card(2), card(3)], text="v3")
    assert back.revived == ("c-0002",) and back.kept == ("c-0001", "c-0003")
    same = _save(store, [card(1), card(2), card(3)], text="v3")
    assert same.unchanged_text and same.added == () and same.retired == ()


def test_versions_are_recorded(store: Store) -> None:
    _save(store, [card(1)], text="v1")
    _save(store, [card(1), card(2)], text="v2")
    with store.read() as session:
        info = topics_repo.get_topic(session, "china")
        from sqlalchemy import select

        from clio.store.orm import ItemRow

        rows = {r.uid: (r.first_version, r.last_version) for r in session.scalars(select(ItemRow))}
    assert info.version == topics_repo.text_version("v2")
    v1, v2 = topics_repo.text_version("v1"), topics_repo.text_version("v2")
    assert rows == {"c-0001": (v1, v2), "c-0002": (v2, v2)}


def _save_as(store: Store, owner: int | None, *, text: str, replace_any: bool = False):  # type: ignore[no-untyped-def]
    with store.write() as session:
        return topics_repo.save_topic_items(
            session, name="china", title="China", source_text=text, items=[card(1)], now=NOW,
            owner_id=owner, replace_any=replace_any,
        )  # fmt: skip


def _teachers(store: Store) -> tuple[int, int]:
    with store.write() as session:
        one = accounts.create_user(session, name="tina", role="teacher", now=NOW)
        two = accounts.create_user(session, name="tom", role="teacher", now=NOW)
    return one.id, two.id


def _stored(store: Store) -> tuple[int | None, str]:
    with store.read() as session:
        info = topics_repo.get_topic(session, "china")
        return info.owner_id, topics_repo.topic_text(session, info.id)


def test_a_topic_records_its_owner_and_only_the_owner_replaces_it(store: Store) -> None:
    tina, tom = _teachers(store)
    assert _save_as(store, tina, text="v1").created
    assert _stored(store) == (tina, "v1")
    assert not _save_as(store, tina, text="v2").created  # the owner re-imports
    assert _stored(store) == (tina, "v2")
    with pytest.raises(topics_repo.TopicTaken) as taken:
        _save_as(store, tom, text="tom's")
    assert taken.value.name == "china" and taken.value.http_status == 409
    assert _stored(store) == (tina, "v2")  # nothing changed
    _save_as(store, None, text="admin", replace_any=True)  # the CLI's path replaces any topic
    assert _stored(store) == (tina, "admin")  # and keeps the owner


def test_an_admin_topic_has_no_owner_and_teachers_cannot_replace_it(store: Store) -> None:
    tina, _ = _teachers(store)
    _save(store, [card(1)], text="cli")  # the CLI: no owner
    assert _stored(store) == (None, "cli")
    with pytest.raises(topics_repo.TopicTaken):
        _save_as(store, tina, text="tina's")
    assert _stored(store) == (None, "cli")


def test_deleting_the_owner_keeps_the_topic(store: Store) -> None:
    tina, _ = _teachers(store)
    _save_as(store, tina, text="v1")
    with store.write() as session:
        session.execute(delete(UserRow).where(UserRow.id == tina))
    assert _stored(store) == (None, "v1")
