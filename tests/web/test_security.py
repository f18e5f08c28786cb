"""Password hashing, CSRF and the login rate limit."""

from __future__ import annotations

import pytest

from clio.web.security import (
    LoginRateLimiter,
    RateLimited,
    csrf_token,
    hash_password,
    needs_rehash,
    verify_password,
)
from tests.web.conftest import WebClient


def test_password_hash_is_argon2_salted_and_verifies() -> None:
    first = hash_password("correct horse battery")
    second = hash_password("correct horse battery")
    assert first.startswith("$argon2id$")
    assert first != second
    assert verify_password(first, "correct horse battery")
    assert not verify_password(first, "wrong horse battery")
    assert not needs_rehash(first)


def test_verify_password_never_raises_on_a_bad_hash() -> None:
    assert not verify_password("not-a-hash", "anything")


def test_csrf_token_is_stable_per_session() -> None:
    session: dict[str, object] = {}
    token = csrf_token(session)
    assert len(token) >= 32
    assert csrf_token(session) == token


def test_rate_limiter_blocks_after_attempts_and_recovers_after_window() -> None:
    limiter = LoginRateLimiter(attempts=3, window=60)
    for second in range(3):
        limiter.check("ip", now=float(second))
        limiter.record_failure("ip", now=float(second))
    with pytest.raises(RateLimited, match="try again in"):
        limiter.check("ip", now=10.0)
    limiter.check("other", now=10.0)  # other keys are not affected
    limiter.check("ip", now=61.0)  # the first failure has left the window


def test_rate_limiter_reset_forgets_failures() -> None:
    limiter = LoginRateLimiter(attempts=1, window=60)
    limiter.record_failure("ip", now=0.0)
    limiter.reset("ip")
    limiter.check("ip", now=1.0)


def test_form_post_without_csrf_token_is_refused(client: WebClient) -> None:
    response = client.post("/library", data={"text": "Topic\n\n1. A point"})
    assert response.status_code == 400
    assert "reload the page" in response.text


def test_form_post_with_wrong_csrf_token_is_refused(client: WebClient) -> None:
    client.csrf()
    response = client.post("/library", data={"text": "x", "csrf_token": "forged"})
    assert response.status_code == 400


def test_htmx_header_token_is_accepted(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/library",
        data={"text": "Topic\n\nWhy things happened\n1. A point: it happened in 1950"},
        headers={"X-CSRF-Token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_json_api_posts_need_no_form_token(client: WebClient) -> None:
    response = client.post(
        "/api/topics", json={"text": "Topic\n\nWhy things happened\n1. A point: 1950"}
    )
    assert response.status_code == 201


def test_security_headers_are_set(client: WebClient) -> None:
    response = client.get("/")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_session_cookie_is_signed_and_httponly(client: WebClient) -> None:
    response = client.get("/")
    cookie = response.headers["set-cookie"]
    assert "clio_session=" in cookie
    assert "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()
