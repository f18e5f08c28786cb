"""Shared fixtures: the bundled sheet and paths to shared data."""

from __future__ import annotations

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
