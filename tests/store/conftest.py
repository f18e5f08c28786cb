"""Database fixtures for these tests (see tests/store/db_fixtures.py)."""

from tests.store.db_fixtures import db_url, store  # noqa: F401
