"""Fixtures for the web tests: a fresh app and data folder per test, and CSRF helpers."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clio.web import WebSettings, create_app
from clio.web.security import set_hash_cost

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


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes() -> Iterator[None]:
    """Argon2 at a low cost so account tests stay quick (the algorithm is unchanged)."""
    set_hash_cost(time_cost=1, memory_kib=1024)
    yield
    set_hash_cost(time_cost=3, memory_kib=65536)


@pytest.fixture(scope="session")
def seeded_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose database has been migrated and has the built-in topics imported."""
    folder = tmp_path_factory.mktemp("seed")
    create_app(WebSettings(data_dir=folder, secret_key="seed")).state.clio.close()
    return folder


def fresh_data(seeded: Path, target: Path) -> Path:
    """A copy of the seeded database in ``target`` (a fresh database per test, made fast)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in seeded.glob("clio.sqlite3*"):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def settings(tmp_path: Path, seeded_data: Path) -> WebSettings:
    """Single-user settings with a fresh data folder and database."""
    return WebSettings(data_dir=fresh_data(seeded_data, tmp_path), secret_key="test-secret")


@pytest.fixture
def app(settings: WebSettings) -> Iterator[FastAPI]:
    """A fresh app."""
    app = create_app(settings)
    yield app
    app.state.clio.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[WebClient]:
    """An in-process client that turns server errors into 500 responses, like a real server."""
    with WebClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def multi_settings(tmp_path: Path, seeded_data: Path) -> WebSettings:
    """Multi-user settings with a fresh database."""
    return WebSettings(
        data_dir=fresh_data(seeded_data, tmp_path), secret_key="test-secret", multi_user=True
    )


@pytest.fixture
def multi_app(multi_settings: WebSettings) -> Iterator[FastAPI]:
    """A fresh multi-user app."""
    app = create_app(multi_settings)
    yield app
    app.state.clio.close()


def new_client(app: FastAPI) -> WebClient:
    """Another browser: its own cookies and session."""
    return WebClient(app, raise_server_exceptions=False)


def sign_up(client: WebClient, name: str, role: str = "learner") -> httpx.Response:
    """Create an account through the form (and so sign in)."""
    token = _CSRF.search(client.get("/signup").text)
    assert token
    return client.post(
        "/signup",
        data={
            "csrf_token": token.group(1),
            "name": name,
            "role": role,
            "password": "a good password",
            "password2": "a good password",
            "display_name": name.title(),
        },
        follow_redirects=False,
    )
