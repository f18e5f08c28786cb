"""Web security: argon2 password hashes, CSRF tokens and a login rate limit.

Sessions themselves are Starlette's signed cookies (``SessionMiddleware``, itsdangerous); this
module keeps what sits on top of them.
"""

from __future__ import annotations

import hmac
import secrets
from collections import deque
from dataclasses import dataclass, field
from typing import Annotated, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from clio.errors import ClioError

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


class CsrfError(ClioError):
    """A form or htmx request arrived without the session's CSRF token."""

    http_status = 400


class TooLarge(ClioError):
    """A request body bigger than the upload limit."""

    http_status = 413


class RateLimited(ClioError):
    """Too many attempts in a short time."""

    http_status = 429


def set_hash_cost(*, time_cost: int, memory_kib: int) -> None:
    """Change the argon2 cost (tests lower it; the default is argon2-cffi's RFC 9106 profile)."""
    global _HASHER
    _HASHER = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (salted; parameters are stored in the hash)."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``; never raises on a bad hash."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(password_hash)


def csrf_token(session: dict[str, Any]) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


async def require_csrf(request: Request) -> None:
    """Refuse unsafe requests whose form field or header lacks the session's CSRF token.

    JSON requests to ``/api`` are exempt: browsers cannot send them cross-site without a
    CORS preflight, which this app never grants.
    """
    if request.method in _SAFE_METHODS:
        return
    content_type = request.headers.get("content-type", "")
    if request.url.path.startswith("/api/") and content_type.startswith("application/json"):
        return
    expected = request.session.get(CSRF_FIELD)
    given = request.headers.get(CSRF_HEADER)
    if not given and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await read_form(request)
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not (isinstance(expected, str) and given and hmac.compare_digest(expected, given)):
        raise CsrfError(
            "this form has expired or did not come from Clio; reload the page and try again"
        )


async def read_form(request: Request) -> FormData:
    """The request's form, refusing bodies over the upload limits with a clear message.

    The body may be as large as a document upload (.docx/.pdf); each text field may be as
    large as the notes limit. :mod:`clio.web.uploads` then checks each file by its kind.
    """
    settings = request.app.state.clio.settings
    text_limit: int = settings.max_upload_bytes
    body_limit = max(text_limit, settings.max_document_bytes)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > body_limit + 64 * 1024:
        raise TooLarge(
            f"the upload is too large: documents may be at most {body_limit / 1048576:g} MB"
        )
    try:
        form = await request.form(max_part_size=text_limit + 1)
    except HTTPException as error:
        if "maximum size" in str(error.detail):
            raise TooLarge(
                f"the upload is too large: notes may be at most {text_limit / 1048576:g} MB"
            ) from None
        raise
    stack = request.scope.get("fastapi_middleware_astack")
    if stack is not None and not request.scope.get("clio_form_closing"):
        request.scope["clio_form_closing"] = True
        stack.push_async_callback(form.close)  # uploads are spooled files: close them after
    return form


async def form_body(request: Request) -> FormData:
    """The request's form, read before a plain (threadpool) handler runs."""
    return await read_form(request)


# Handlers take the form this way and stay plain functions: FastAPI runs them in its
# threadpool, so database work, hashing and marking never block the event loop.
FormBody = Annotated[FormData, Depends(form_body)]


@dataclass
class LoginRateLimiter:
    """At most ``attempts`` failed logins per key in ``window`` seconds (a sliding window)."""

    attempts: int = 5
    window: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def check(self, key: str, *, now: float) -> None:
        """Raise :class:`RateLimited` when ``key`` has used up its attempts."""
        recent = self._recent(key, now)
        if len(recent) >= self.attempts:
            wait = int(recent[0] + self.window - now) + 1
            raise RateLimited(f"too many failed sign-ins; try again in {wait} seconds")

    def record_failure(self, key: str, *, now: float) -> None:
        """Count one failed attempt for ``key``."""
        self._recent(key, now).append(now)

    def reset(self, key: str) -> None:
        """Forget ``key``'s failures (after a successful sign-in)."""
        self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        queue = self._failures.setdefault(key, deque())
        while queue and queue[0] <= now - self.window:
            queue.popleft()
        if len(self._failures) > 10_000:  # bound memory under a spray of usernames
            for stale in [k for k, q in self._failures.items() if not q and k != key]:
                del self._failures[stale]
        return queue
