"""``clio serve``: options reach the app and uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clio.cli import main, web_cmds


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
