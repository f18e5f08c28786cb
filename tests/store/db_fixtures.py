"""Database fixtures: a fresh database per test, on SQLite always and PostgreSQL when configured.

PostgreSQL runs when ``CLIO_TEST_POSTGRES_URL`` points at a server (``scripts/pg-start.sh``
prints one). ``db_url`` is a new, empty, uniquely named database per test (dropped after), for
tests of migrating itself. ``store`` uses a database migrated once per session: on SQLite a
copy of the migrated file per test; on PostgreSQL one uniquely named database per test module
(created from the migrated template, dropped after), emptied before each test.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from clio.store.database import Store, open_store

PG_ENV = "CLIO_TEST_POSTGRES_URL"
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set"),
        ],
    ),
]


def _admin_run(sql: str) -> None:
    admin = create_engine(make_url(os.environ[PG_ENV]), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(sql))
    finally:
        admin.dispose()


def _pg_url(name: str) -> str:
    return make_url(os.environ[PG_ENV]).set(database=name).render_as_string(hide_password=False)


def fresh_postgres_url(template: str | None = None) -> Iterator[str]:
    """Create a uniquely named database on the test server (from ``template``); drop it after."""
    name = f"clio_t_{uuid.uuid4().hex[:12]}"
    _admin_run(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield _pg_url(name)
    finally:
        _admin_run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head, copied by each test that wants a store."""
    path = tmp_path_factory.mktemp("template") / "clio.sqlite3"
    open_store(str(path)).close()
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated to head, used as a template."""
    name = f"clio_tpl_{uuid.uuid4().hex[:12]}"
    _admin_run(f'CREATE DATABASE "{name}"')
    try:
        open_store(_pg_url(name)).close()
        yield name
    finally:
        _admin_run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def postgres_module_db(postgres_template: str) -> Iterator[str]:
    """One migrated PostgreSQL database per test module (emptied before each test)."""
    yield from fresh_postgres_url(template=postgres_template)


def _empty_postgres(url: str) -> None:
    from clio.store.orm import Base

    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database (SQLite file, or a new PostgreSQL database)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clio.sqlite3'}"
    else:
        yield from fresh_postgres_url()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database already migrated to head."""
    if request.param == "sqlite":
        path = tmp_path / "clio.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_module_db")
        _empty_postgres(url)
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An opened store on a fresh migrated database."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()
