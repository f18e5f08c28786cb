"""``clio serve``: options reach the app and uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clio.cli import main, web_cmds

_REAL_WARM_UP = web_cmds._warm_up


@pytest.fixture(autouse=True)
def no_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Do not load the sentence model in these tests."""
    monkeypatch.setattr(web_cmds, "_warm_up", lambda: None)


def test_serve_starts_uvicorn_with_the_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        calls["app"] = app
        calls.update(options)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path))
    db = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    code = main(["serve", "--port", "8123", "--db", db, "--multi-user"])
    assert code == 0
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8123
    settings = calls["app"].state.clio.settings
    assert settings.database_url == db and settings.multi_user is True
    assert (tmp_path / "other.sqlite3").exists()
    assert "multi-user" in capsys.readouterr().out
    calls["app"].state.clio.close()


def test_serve_warns_when_single_user_mode_listens_beyond_this_machine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: apps.append(app))
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CLIO_DATABASE_URL", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    assert "anyone who can reach" in capsys.readouterr().out
    apps[0].state.clio.close()


def test_bad_port_is_a_usage_error() -> None:
    assert main(["serve", "--port", "0"]) == 2


def test_workers_build_their_apps_from_the_resolved_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    import uvicorn

    calls: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.update(app=app, **options))
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path))
    for name in ("CLIO_DATABASE_URL", "CLIO_SECRET_KEY", "CLIO_MULTI_USER"):
        monkeypatch.setenv(name, "")  # recorded, so the values serve sets are undone afterwards
        monkeypatch.delenv(name)
    assert main(["serve", "--workers", "3", "--multi-user"]) == 0
    assert calls["app"] == "clio.web.app:create_app" and calls["factory"] is True
    assert calls["workers"] == 3
    # every worker reads the same database and session key from the environment
    assert os.environ["CLIO_DATABASE_URL"] == f"sqlite:///{tmp_path / 'clio.sqlite3'}"
    assert os.environ["CLIO_SECRET_KEY"] == (tmp_path / "secret_key").read_text().strip()
    assert os.environ["CLIO_MULTI_USER"] == "true"


@pytest.mark.slow
def test_two_worker_processes_serve_the_library(tmp_path: Path) -> None:
    """A real ``clio serve --workers 2``: both workers answer, with the built-in topic ready."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CLIO_DATA_DIR": str(tmp_path)}
    for name in ("CLIO_DATABASE_URL", "CLIO_SECRET_KEY", "CLIO_MULTI_USER"):
        env.pop(name, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "clio", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        pages: list[str] = []
        while time.monotonic() < deadline and len(pages) < 6:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
            except httpx.HTTPError:
                time.sleep(0.3)
                continue
            assert response.status_code == 200
            pages.append(response.text)
        assert len(pages) == 6, "the server did not answer within 60 s"
        assert all("China and the USSR" in page for page in pages)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Traceback" not in errors


def test_warm_up_loads_the_print_libraries_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Downloads page asks whether PDF and PNG work: the answer is cached before anyone asks."""
    from clio import embed
    from clio.services import exports

    monkeypatch.setattr(embed, "get_embedder", lambda: None)
    exports.pdf_available.cache_clear()
    exports.png_available.cache_clear()
    _REAL_WARM_UP()
    assert exports.pdf_available.cache_info().currsize == 1
    assert exports.png_available.cache_info().currsize == 1
