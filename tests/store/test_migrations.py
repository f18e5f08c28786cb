"""A database made by the first schema, with data in it, upgrades to head keeping the data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import inspect, text

from clio.store.database import open_store
from clio.store.migrate import current_revision, head_revision, upgrade

FIRST = "0001"
T0 = datetime(2026, 1, 5, 9, 30)  # naive UTC, as the first schema stores it


def _fill_first_schema(connection) -> None:  # type: ignore[no-untyped-def]
    run = connection.execute
    run(
        text(
            "INSERT INTO topics (id, name, title, source_text, version, imported_at)"
            " VALUES (1, 'china', 'China', 'notes text', 'v1', :t)"
        ),
        {"t": T0},
    )
    run(
        text(
            "INSERT INTO items (id, uid, topic_id, kind, position, payload, retired,"
            " first_version, last_version) VALUES (1, 'c-1', 1, 'card', 0, :p, false, 'v1', 'v1')"
        ),
        {"p": '{"id": "c-1", "kind": "basic", "prompt": "P", "answer": "A", "source_ids": []}'},
    )
    run(
        text(
            "INSERT INTO users (id, name, display_name, role, desired_retention, new_per_day,"
            " created_at) VALUES (1, 'ann', 'Ann', 'learner', 0.9, 20, :t)"
        ),
        {"t": T0},
    )
    run(
        text(
            "INSERT INTO review_states (learner_id, item_id, state, step, stability, difficulty,"
            " due, last_review, reps, lapses, introduced_at)"
            " VALUES (1, 1, 2, NULL, 3.5, 5.0, :t, :t, 2, 0, :t)"
        ),
        {"t": T0},
    )
    run(
        text(
            "INSERT INTO review_logs (learner_id, item_id, rating, reviewed_at, elapsed_days,"
            " duration_ms, state_before) VALUES (1, 1, 3, :t, 1.5, 4000, 2)"
        ),
        {"t": T0},
    )


def test_upgrade_from_first_schema_keeps_data(db_url: str) -> None:
    store = open_store(db_url, migrate=False)
    upgrade(store.engine, FIRST)
    assert current_revision(store.engine) == FIRST
    indexes = {i["name"] for i in inspect(store.engine).get_indexes("review_states")}
    assert "ix_review_states_learner_introduced" not in indexes
    with store.engine.begin() as connection:
        _fill_first_schema(connection)
    store.close()

    store = open_store(db_url)  # opening upgrades to head
    assert current_revision(store.engine) == head_revision() != FIRST
    inspector = inspect(store.engine)
    indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes("review_states")}
    assert indexes["ix_review_states_learner_introduced"] == ["learner_id", "introduced_at"]
    assert indexes["ix_review_states_learner_due"] == ["learner_id", "due", "item_id"]  # 0003
    assert "ix_items_topic_position" in {i["name"] for i in inspector.get_indexes("items")}
    assert "learner_topics" in inspector.get_table_names()
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT name, version FROM topics")).all() == [
            ("china", "v1")
        ]
        assert connection.execute(
            text("SELECT rating, elapsed_days, duration_ms FROM review_logs")
        ).all() == [(3, 1.5, 4000)]
        assert connection.execute(text("SELECT stability, reps FROM review_states")).all() == [
            (3.5, 2)
        ]

    # the upgraded database works: the old learner studies on, new items come after the old one
    from datetime import UTC

    from clio.schedule.memory import Rating
    from clio.services import learning
    from clio.services.progress import export_progress

    now = datetime(2026, 1, 20, tzinfo=UTC)
    prompt = learning.next_item(store, learner_id=1, now=now, kinds=("card",))
    assert prompt is not None and prompt.item.uid == "c-1" and not prompt.is_new
    learning.answer_card(store, learner_id=1, item_id=1, rating=Rating.GOOD, now=now)
    data = export_progress(store)
    assert data["learners"][0]["reviews"][0]["reviewed_at"] == "2026-01-05T09:30:00+00:00"
    assert len(data["learners"][0]["reviews"]) == 2
    assert data["topics"][0]["items"][0]["uid"] == "c-1"
    store.close()


def test_upgrade_from_0003_adds_topic_owners_keeping_data(db_url: str) -> None:
    store = open_store(db_url, migrate=False)
    upgrade(store.engine, "0003")
    assert "owner_id" not in {c["name"] for c in inspect(store.engine).get_columns("topics")}
    with store.engine.begin() as connection:
        _fill_first_schema(connection)
        connection.execute(
            text("INSERT INTO learner_topics (learner_id, topic_id, new_cursor) VALUES (1, 1, 1)")
        )
    store.close()

    store = open_store(db_url)  # opening upgrades to head (0004 and later)
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as connection:
        assert connection.execute(
            text("SELECT name, title, source_text, version, owner_id FROM topics")
        ).all() == [("china", "China", "notes text", "v1", None)]
        assert connection.execute(text("SELECT uid, topic_id FROM items")).all() == [("c-1", 1)]
        assert connection.execute(text("SELECT rating FROM review_logs")).all() == [(3,)]
        assert connection.execute(text("SELECT new_cursor FROM learner_topics")).all() == [(1,)]
        assert connection.execute(text("SELECT reps FROM review_states")).all() == [(2,)]

    # the old topic belongs to nobody (the admin); a teacher's topic records its owner
    from datetime import UTC

    from clio.services import learning
    from clio.store import topics_repo

    now = datetime(2026, 1, 20, tzinfo=UTC)
    with store.engine.begin() as connection:  # explicit ids, as the rows above
        if connection.dialect.name == "postgresql":  # move the id sequences past them
            for table in ("topics", "items", "users"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)")
                )
        connection.execute(
            text(
                "INSERT INTO users (id, name, display_name, role, desired_retention,"
                " new_per_day, created_at) VALUES (2, 'tina', 'Tina', 'teacher', 0.9, 20, :t)"
            ),
            {"t": T0},
        )
    notes = "Tudor trade\n\nTrade\n1. The Muscovy Company, 1555.\n"
    learning.import_topic_text(store, notes, name="tudor", now=now, owner_id=2, replace_any=False)
    with store.read() as session:
        owners = {t.name: t.owner_id for t in topics_repo.list_topics(session)}
    assert owners == {"china": None, "tudor": 2}
    store.close()


def test_downgrade_from_0004_drops_the_owner_column_only(db_url: str) -> None:
    from alembic import command

    from clio.store.migrate import alembic_config

    store = open_store(db_url, migrate=False)
    upgrade(store.engine, "0004")
    with store.engine.begin() as connection:
        _fill_first_schema(connection)
    config = alembic_config()
    with store.engine.execution_options(clio_begin="IMMEDIATE").begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert "owner_id" not in {c["name"] for c in inspect(store.engine).get_columns("topics")}
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM items")).scalar() == 1
    store.close()


def test_0005_adds_set_work_and_downgrade_drops_only_it(db_url: str) -> None:
    from alembic import command

    from clio.store.migrate import alembic_config

    store = open_store(db_url, migrate=False)
    upgrade(store.engine, "0004")
    with store.engine.begin() as connection:
        _fill_first_schema(connection)
        connection.execute(
            text(
                "INSERT INTO classes (id, name, teacher_id, join_code, created_at)"
                " VALUES (1, '10B', 1, 'CODE1234', :t)"
            ),
            {"t": T0},
        )
    upgrade(store.engine, "0005")
    assert "set_work" in inspect(store.engine).get_table_names()
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO set_work (class_id, topic_id, kind, due_on, note, set_at)"
                " VALUES (1, 1, 'quiz', :d, '', :t)"
            ),
            {"d": T0.date(), "t": T0},
        )
        # deleting the class deletes its work (ON DELETE CASCADE)
        connection.execute(text("DELETE FROM classes WHERE id = 1"))
        assert connection.execute(text("SELECT count(*) FROM set_work")).scalar() == 0
    config = alembic_config()
    with store.engine.execution_options(clio_begin="IMMEDIATE").begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    assert "set_work" not in inspect(store.engine).get_table_names()
    assert current_revision(store.engine) == "0004"
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM items")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM review_logs")).scalar() == 1
    store.close()
