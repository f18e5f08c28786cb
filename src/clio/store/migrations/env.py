"""Alembic environment: always run with a connection handed in by clio.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from clio.store.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through clio.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
if connection.dialect.name == "postgresql":
    # Two processes opening a fresh database at once: only one migrates at a time.
    connection.execute(text("SELECT pg_advisory_xact_lock(7406201)"))
with context.begin_transaction():
    context.run_migrations()
