"""The one object the web app shares between requests: settings, library and limits."""

from __future__ import annotations

from dataclasses import dataclass

from clio.web.library import TopicLibrary
from clio.web.security import LoginRateLimiter
from clio.web.settings import WebSettings


@dataclass(kw_only=True)
class WebContext:
    """What every request handler may reach through ``request.app.state.clio``."""

    settings: WebSettings
    library: TopicLibrary
    login_limiter: LoginRateLimiter

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
