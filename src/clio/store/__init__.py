"""Storage: the only package that talks to the database (SQLAlchemy 2 + Alembic).

Open with :func:`open_store` (migrations run on open); repository modules take a session
from ``store.read()`` / ``store.write()``: :mod:`~clio.store.accounts` (users, classes,
sharing), :mod:`~clio.store.topics_repo`, :mod:`~clio.store.reviews`,
:mod:`~clio.store.answers` (quiz attempts, marked answers, drafts), :mod:`~clio.store.backup`.
"""

from clio.store.database import Store, default_database_path, open_store, resolve_url

__all__ = ["Store", "default_database_path", "open_store", "resolve_url"]
