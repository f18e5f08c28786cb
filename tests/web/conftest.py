"""Fixtures for the web tests: a fresh app and data folder per test, and CSRF helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clio.web import WebSettings, create_app

_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


class WebClient(TestClient):
    """A test client that knows the session's CSRF token."""

    def csrf(self) -> str:
        """The CSRF token of this client's session (fetching a page if needed)."""
        match = _CSRF.search(self.get("/").text)
        assert match, "no CSRF token on the library page"
        return match.group(1)

    def post_form(self, url: str, data: dict[str, str], **kwargs: object) -> httpx.Response:
        """POST a form with the CSRF token added."""
        return self.post(url, data={**data, "csrf_token": self.csrf()}, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> WebSettings:
    """Single-user settings with a fresh data folder."""
    return WebSettings(data_dir=tmp_path, secret_key="test-secret")


@pytest.fixture
def app(settings: WebSettings) -> FastAPI:
    """A fresh app."""
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[WebClient]:
    """An in-process client that turns server errors into 500 responses, like a real server."""
    with WebClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
