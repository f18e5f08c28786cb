"""Open a database: pick the URL, set SQLite up for safety, run migrations, hand out sessions."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import IO, Any

try:  # POSIX: writers of several processes queue on a lock file instead of SQLite's busy sleeps
    import fcntl
except ImportError:  # pragma: no cover - Windows keeps SQLite's busy timeout alone
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clio.errors import ClioError, UsageError
from clio.store.new_order import NewOrderCache

ENV_URL = "CLIO_DATABASE_URL"
BUSY_TIMEOUT_MS = 15_000


def default_database_path() -> Path:
    """The SQLite file in the user's data directory (``platformdirs``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("clio", appauthor=False)) / "clio.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The database URL: the one given, else ``CLIO_DATABASE_URL``, else the default file.

    A plain path (no ``://``) is taken as a SQLite file.
    """
    chosen = url or os.environ.get(ENV_URL) or ""
    if not chosen:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in chosen:
        path = Path(chosen).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    return chosen


class Store:
    """An open database: the engine plus read and write sessions.

    Write sessions take the write lock at the start (``BEGIN IMMEDIATE`` on SQLite) so a
    read-modify-write never races another process; each ``with store.write()`` block is
    one transaction, committed when the block ends.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write_engine = engine.execution_options(clio_begin="IMMEDIATE")
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        database = engine.url.database if self.is_sqlite else None
        on_disk = database not in (None, "", ":memory:") and fcntl is not None
        self._queue = WriteQueue(Path(f"{database}.write-lock")) if on_disk else None
        self.new_orders = NewOrderCache()  # each topic's spread order of new items

    def _turn(self) -> AbstractContextManager[object]:
        """Wait for this process's and every other process's writers (SQLite on disk only)."""
        return self._queue.turn() if self._queue is not None else nullcontext()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (rolled back at the end)."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A bare Core connection in a read transaction (the fast path for hot queries)."""
        with self.engine.connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in a write transaction (committed when the block ends cleanly)."""
        with self._turn(), self._write_engine.begin() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends without error."""
        with self._turn(), self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
        if self._queue is not None:
            self._queue.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WriteQueue:
    """Writers to one SQLite file take turns: a thread lock within the process and an exclusive
    ``flock`` on ``<database>.write-lock`` across processes (web workers, the CLI).

    SQLite alone makes a second writer sleep and retry (``busy_timeout``), in steps of up to
    100 ms: with several web workers that is where the slowest answers' time went. A writer
    waiting on the lock file is woken the moment the previous one commits.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._thread_lock = threading.RLock()
        self._file: IO[bytes] | None = None
        self._depth = 0  # a turn taken again inside one (same thread) keeps the outer one

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold the write turn for the duration of the block."""
        with self._thread_lock:
            handle = self._open()
            if handle is not None and self._depth == 0:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if handle is not None and self._depth == 0:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _open(self) -> IO[bytes] | None:
        if self._file is None:
            try:
                self._file = open(self._path, "ab")  # noqa: SIM115 - kept open for the store's life
            except OSError:
                return None  # a read-only folder: SQLite's own locking still applies
        return self._file

    def close(self) -> None:
        """Close the lock file (the lock itself is released after every turn)."""
        with self._thread_lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own is broken).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed answer survives a crash of the process (kill -9).
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("clio_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def open_store(url: str | None = None, *, migrate: bool = True, echo: bool = False) -> Store:
    """Open (and create or upgrade) the database at ``url`` (see :func:`resolve_url`)."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError:
        raise UsageError(f"not a database URL: {resolved!r}") from None
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as error:
        raise UsageError(f"cannot use database {parsed.render_as_string()}: {error}") from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    store = Store(engine)
    if migrate:
        try:
            from clio.store.migrate import upgrade_to_head

            upgrade_to_head(engine)
        except OperationalError as error:
            engine.dispose()
            raise ClioError(f"cannot open the database: {error.orig}") from None
    return store


def table_names(store: Store) -> list[str]:
    """The tables in the database (for tests and diagnostics)."""
    return sorted(inspect(store.engine).get_table_names())
