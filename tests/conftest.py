"""Shared fixtures: the bundled sheet and paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clio.model.topic import Topic
from clio.parse import parse_notes
from clio.services.topics import read_builtin_text

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def china_text() -> str:
    """The bundled China and the USSR sheet."""
    return read_builtin_text("china-and-the-ussr")


@pytest.fixture(scope="session")
def china(china_text: str) -> Topic:
    """The bundled sheet, parsed."""
    return parse_notes(china_text, name="china-and-the-ussr")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Under CLIO_REQUIRE_ALL=1 (CI) a skipped test fails: nothing may hide behind a skip."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get("CLIO_REQUIRE_ALL") == "1" and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped, but CLIO_REQUIRE_ALL=1 forbids skips: {report.longrepr}"
    return outcome
