"""Run the Alembic migrations shipped inside the package, so nobody runs alembic by hand."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An Alembic configuration pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction holding the write lock."""
    config = alembic_config()
    with engine.execution_options(clio_begin="IMMEDIATE").begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database up to the newest schema (cheap when it already is)."""
    if current_revision(engine) != head_revision():
        upgrade(engine, "head")
