"""Database fixtures for these tests (see tests/store/db_fixtures.py)."""

from tests.store.db_fixtures import (  # noqa: F401
    db_url,
    postgres_module_db,
    postgres_template,
    sqlite_template,
    store,
    store_url,
)
