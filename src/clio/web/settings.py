"""The web app's settings, in one place: database, secret key, multi-user mode, limits."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from clio.errors import UsageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Word files and PDFs carry images and fonts: they may be larger than the notes text in them.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def default_data_dir() -> Path:
    """The per-user data directory (``CLIO_DATA_DIR`` overrides it)."""
    override = os.environ.get("CLIO_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("clio", appauthor=False))


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    """Everything the web app needs to start; build it with :meth:`from_env` or directly."""

    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    secret_key: str | None = None
    multi_user: bool = False
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    login_attempts: int = 5
    login_window_seconds: float = 300.0
    secure_cookies: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        """Settings from ``CLIO_*`` environment variables, then the given overrides."""
        env: dict[str, object] = {}
        if value := os.environ.get("CLIO_DATABASE_URL"):
            env["database_url"] = value
        if value := os.environ.get("CLIO_SECRET_KEY"):
            env["secret_key"] = value
        if (value := os.environ.get("CLIO_MULTI_USER")) is not None:
            env["multi_user"] = _parse_bool(value, "CLIO_MULTI_USER")
        if (value := os.environ.get("CLIO_SECURE_COOKIES")) is not None:
            env["secure_cookies"] = _parse_bool(value, "CLIO_SECURE_COOKIES")
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)  # type: ignore[arg-type]

    def resolved(self) -> WebSettings:
        """These settings with the database URL and secret key filled in (creating the key)."""
        url = self.database_url or f"sqlite:///{self.data_dir / 'clio.sqlite3'}"
        return replace(self, database_url=url, secret_key=self.secret_key or self._stored_key())

    def _stored_key(self) -> str:
        """The secret key kept in the data directory, made on first use (owner-only file)."""
        path = self.data_dir / "secret_key"
        if path.exists():
            key = path.read_text(encoding="utf-8").strip()
            if key:
                return key
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(key)
        return key


def _parse_bool(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise UsageError(f"{name} must be true or false, not {value!r}")
