"""Opening databases: URL choice, SQLite settings, migrations run on open."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clio.errors import UsageError
from clio.store import database
from clio.store.database import open_store, resolve_url, table_names
from clio.store.migrate import current_revision, head_revision
from clio.store.orm import Base

TABLES = {
    "topics",
    "items",
    "users",
    "classes",
    "class_members",
    "topic_shares",
    "review_states",
    "review_logs",
    "quiz_attempts",
    "marked_answers",
    "drafts",
}


def test_open_creates_every_table_at_head(store: database.Store) -> None:
    assert set(table_names(store)) >= TABLES
    assert current_revision(store.engine) == head_revision()


def _owner_fk(diff: object) -> bool:
    kind, constraint = diff if isinstance(diff, tuple) and len(diff) == 2 else (None, None)
    columns = [c.name for c in getattr(constraint, "columns", [])]
    return (
        kind in {"add_fk", "remove_fk"}
        and constraint.table.name == "topics"
        and columns == ["owner_id"]
    )


def test_schema_from_migrations_matches_the_orm(store: database.Store) -> None:
    with store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        if store.is_sqlite:
            # Migration 0004 adds topics.owner_id with an inline REFERENCES (a table copy would
            # cascade-delete every item); SQLAlchemy reads ON DELETE only from table-level
            # FOREIGN KEY clauses, so check that one from SQLite itself.
            fks = connection.exec_driver_sql("PRAGMA foreign_key_list(topics)").all()
            assert [(f[2], f[3], f[4], f[6]) for f in fks] == [
                ("users", "owner_id", "id", "SET NULL")
            ]
            diffs = [d for d in diffs if not _owner_fk(d)]
        assert diffs == []


def test_reopening_is_harmless(db_url: str) -> None:
    open_store(db_url).close()
    reopened = open_store(db_url)
    assert current_revision(reopened.engine) == head_revision()
    reopened.close()


def test_sqlite_is_set_up_for_safety(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "x.sqlite3")) as opened, opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == database.BUSY_TIMEOUT_MS


def test_url_choice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(database.ENV_URL, raising=False)
    monkeypatch.setattr(database, "default_database_path", lambda: tmp_path / "d" / "c.sqlite3")
    assert resolve_url() == f"sqlite:///{tmp_path / 'd' / 'c.sqlite3'}"
    assert (tmp_path / "d").is_dir()
    monkeypatch.setenv(database.ENV_URL, "postgresql+psycopg://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "given.db")) == f"sqlite:///{tmp_path / 'given.db'}"


def test_bad_urls_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        open_store("nosuchdialect://x/y")


def test_default_path_is_in_the_user_data_dir() -> None:
    path = database.default_database_path()
    assert path.name == "clio.sqlite3"
    assert "clio" in str(path.parent).lower()
