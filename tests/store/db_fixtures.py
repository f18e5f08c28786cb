"""Database fixtures: a fresh database per test, on SQLite always and PostgreSQL when configured.

Import the fixtures into a test module (``from tests.store.db_fixtures import db_url, store``).
PostgreSQL runs when ``CLIO_TEST_POSTGRES_URL`` points at a server (``scripts/pg-start.sh``
prints one): each test gets its own uniquely named database, dropped afterwards.
"""

from __future__ import annotations

import os
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


def fresh_postgres_url() -> Iterator[str]:
    """Create a uniquely named database on the test server; drop it afterwards."""
    server = make_url(os.environ[PG_ENV])
    name = f"clio_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database (SQLite file, or a new PostgreSQL database)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clio.sqlite3'}"
    else:
        yield from fresh_postgres_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An opened (migrated) store on a fresh database."""
    opened = open_store(db_url)
    try:
        yield opened
    finally:
        opened.close()
