"""Topics for the generation tests: the bundled sheet and two sheets of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.model.topic import Topic
from clio.parse import parse_notes

HERE = Path(__file__).resolve().parent / "fixtures"


def load_fixture(name: str) -> Topic:
    """Parse one of the fixture sheets next to these tests."""
    return parse_notes((HERE / f"{name}.txt").read_text(encoding="utf-8"), name=name)


@pytest.fixture(scope="session")
def cuba() -> Topic:
    """A Cuban Missile Crisis sheet with a cause section, two sources and set questions."""
    return load_fixture("cuban-missile-crisis")


@pytest.fixture(scope="session")
def hitler() -> Topic:
    """A Hitler's rise to power sheet with a "Reasons for" section and one source."""
    return load_fixture("hitler-rise")


@pytest.fixture(scope="session")
def all_topics(china: Topic, cuba: Topic, hitler: Topic) -> dict[str, Topic]:
    """Every sheet the invariants are checked on."""
    return {"china": china, "cuba": cuba, "hitler": hitler}
