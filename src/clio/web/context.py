"""The one object the web app shares between requests: settings, library and limits."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from clio.model.topic import Topic
from clio.search import SearchIndex, build_index
from clio.web.library import TopicLibrary
from clio.web.security import LoginRateLimiter
from clio.web.settings import WebSettings
from clio.web.viewer import Viewer

_INDEXES_KEPT = 16


@dataclass(kw_only=True)
class WebContext:
    """What every request handler may reach through ``request.app.state.clio``."""

    settings: WebSettings
    library: TopicLibrary
    login_limiter: LoginRateLimiter
    _indexes: OrderedDict[tuple[str, int], SearchIndex] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, settings: WebSettings) -> WebContext:
        """A context for ``settings`` (already resolved)."""
        return cls(
            settings=settings,
            library=TopicLibrary(settings.data_dir / "topics"),
            login_limiter=LoginRateLimiter(
                attempts=settings.login_attempts, window=settings.login_window_seconds
            ),
        )

    def topic(self, name: str, viewer: Viewer) -> Topic:
        """The topic called ``name``, if ``viewer`` may see it."""
        del viewer  # every topic is visible in single-user mode
        return self.library.get(name)

    def search_index(self, topic: Topic) -> SearchIndex:
        """The search index of ``topic``, built once per parsed version and kept (LRU)."""
        key = (topic.name, id(topic))
        with self._lock:
            found = self._indexes.get(key)
            if found is not None:
                self._indexes.move_to_end(key)
                return found
        index = build_index([topic])
        with self._lock:
            self._indexes[key] = index
            while len(self._indexes) > _INDEXES_KEPT:
                self._indexes.popitem(last=False)
        return index
