"""Web settings: environment, generated secret key, database URL."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from clio.errors import UsageError
from clio.web.settings import WebSettings


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = WebSettings(data_dir=tmp_path).resolved()
    second = WebSettings(data_dir=tmp_path).resolved()
    assert first.secret_key and first.secret_key == second.secret_key
    mode = (tmp_path / "secret_key").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_given_secret_key_is_used_and_not_stored(tmp_path: Path) -> None:
    settings = WebSettings(data_dir=tmp_path, secret_key="given").resolved()
    assert settings.secret_key == "given"
    assert not (tmp_path / "secret_key").exists()


def test_database_defaults_to_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = WebSettings(data_dir=tmp_path, secret_key="k").resolved()
    assert settings.database_url == f"sqlite:///{tmp_path / 'clio.sqlite3'}"


def test_from_env_reads_clio_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLIO_DATABASE_URL", "sqlite:///x.db")
    monkeypatch.setenv("CLIO_MULTI_USER", "yes")
    monkeypatch.setenv("CLIO_SECRET_KEY", "s")
    monkeypatch.setenv("CLIO_SECURE_COOKIES", "1")
    settings = WebSettings.from_env()
    assert settings.secure_cookies is True
    assert settings.data_dir == tmp_path
    assert settings.database_url == "sqlite:///x.db"
    assert settings.multi_user is True
    assert WebSettings.from_env(multi_user=False).multi_user is False


def test_bad_boolean_in_env_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIO_MULTI_USER", "perhaps")
    with pytest.raises(UsageError, match="CLIO_MULTI_USER"):
        WebSettings.from_env()
