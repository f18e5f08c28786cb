"""The one object the web app shares between requests: settings, store, library and limits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime

from clio.errors import NotFoundError, PermissionDenied
from clio.model.topic import Topic
from clio.store import accounts as store_accounts
from clio.store import hot
from clio.store.database import Store, open_store
from clio.store.items_codec import item_from_payload
from clio.store.records import StoredItem, TopicInfo
from clio.web.accounts import find_viewer, local_viewer
from clio.web.downloads import DownloadCache
from clio.web.library import TopicLibrary
from clio.web.security import LoginRateLimiter
from clio.web.settings import WebSettings
from clio.web.viewer import Viewer

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC (the edge reads the clock; the core is always given ``now``)."""
    return datetime.now(UTC)


@dataclass(kw_only=True)
class WebContext:
    """What every request handler may reach through ``request.app.state.clio``."""

    settings: WebSettings
    store: Store
    library: TopicLibrary
    login_limiter: LoginRateLimiter
    clock: Clock
    local: Viewer | None = None
    downloads: DownloadCache = field(default_factory=DownloadCache)
    _write_turn: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, settings: WebSettings, *, clock: Clock = system_clock) -> WebContext:
        """Open the store for ``settings`` (already resolved) and ready the built-in topics."""
        store = open_store(settings.database_url)
        library = TopicLibrary(store)
        library.import_builtins(now=clock())
        return cls(
            settings=settings,
            store=store,
            library=library,
            login_limiter=LoginRateLimiter(
                attempts=settings.login_attempts, window=settings.login_window_seconds
            ),
            clock=clock,
            local=None if settings.multi_user else local_viewer(store, now=clock()),
        )

    def writing(self) -> AbstractContextManager[object]:
        """Hold this around a quick write: on SQLite, one at a time in this process.

        SQLite allows one writer; threads that find it busy sleep and retry with growing
        pauses, which gives long, unfair waits under load. Taking turns here is first come,
        first served instead. (PostgreSQL needs no such turn-taking.)
        """
        return self._write_turn if self.store.is_sqlite else nullcontext()

    def now(self) -> datetime:
        """The current time from the context's clock."""
        return self.clock()

    def add_notes(
        self, viewer: Viewer, data: bytes, *, filename: str, name: str | None = None
    ) -> Topic:
        """Import notes ``viewer`` uploaded: theirs; only the local user replaces any topic."""
        return self.library.add(
            data,
            filename=filename,
            name=name,
            now=self.now(),
            owner_id=viewer.id,
            replace_any=viewer.local,
        )

    def viewer_for(self, user_id: object) -> Viewer | None:
        """The viewer of a request: the local learner, or the session's account."""
        if self.local is not None:
            return self.local
        return find_viewer(self.store, user_id)

    def visible_topics(self, viewer: Viewer) -> list[TopicInfo]:
        """The topics ``viewer`` may study: all in single-user mode and for teachers;
        built-in and class-shared topics for learners."""
        entries = self.library.entries()
        if viewer.is_teacher:
            return entries
        with self.store.read() as session:
            shared = {t.name for t in store_accounts.topics_shared_with(session, viewer.id)}
        return [t for t in entries if t.name in shared or t.name in self.library.builtin_names]

    def topic_info(self, name: str, viewer: Viewer) -> TopicInfo:
        """The stored topic ``name`` if ``viewer`` may see it (else 404, revealing nothing)."""
        for info in self.visible_topics(viewer):
            if info.name == name:
                return info
        raise NotFoundError(f"there is no topic called {name!r}")

    def topic(self, name: str, viewer: Viewer) -> Topic:
        """The parsed topic ``name`` if ``viewer`` may see it."""
        self.topic_info(name, viewer)
        return self.library.get(name)

    def item_for(self, item_id: int, viewer: Viewer) -> StoredItem:
        """A stored study item of a topic ``viewer`` may see (one Core query: the hot path)."""
        with self.store.connect() as conn:
            found = hot.item_with_state(conn, learner_id=viewer.id, item_id=item_id)
        if found is None:
            raise NotFoundError(f"there is no study item {item_id}")
        row = found[0]
        if self.local is None and not self._may_see(row["topic_name"], viewer):
            raise PermissionDenied("this item belongs to a topic you cannot see")
        return StoredItem(
            id=row["id"],
            uid=row["uid"],
            topic_id=row["topic_id"],
            topic_name=row["topic_name"],
            kind=row["kind"],
            position=row["position"],
            item=item_from_payload(row["kind"], row["payload"]),
            retired=row["retired"],
        )

    def allowed_topics(self, viewer: Viewer) -> frozenset[str] | None:
        """The names of the topics ``viewer`` may study, or None when they may study all."""
        if self.local is not None or viewer.is_teacher:
            return None
        with self.store.read() as session:
            shared = store_accounts.topics_shared_with(session, viewer.id)
        return frozenset(self.library.builtin_names) | {t.name for t in shared}

    def _may_see(self, topic_name: str, viewer: Viewer) -> bool:
        if viewer.is_teacher or topic_name in self.library.builtin_names:
            return True
        with self.store.read() as session:
            shared = store_accounts.topics_shared_with(session, viewer.id)
        return any(t.name == topic_name for t in shared)

    def close(self) -> None:
        """Release the database."""
        self.store.close()
