"""Topics for the generation tests: the bundled sheet, the parser's fixtures and our own sheets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from clio.services.topics import read_builtin_text

HERE = Path(__file__).resolve().parent / "fixtures"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOTE_FILES = sorted(
    [
        *(p for folder in ("generate", "notes") for p in (FIXTURES / folder).glob("*")),
        *HERE.glob("*"),
    ]
)
NOTE_FILES = [p for p in NOTE_FILES if p.suffix in {".txt", ".md"}]


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
def civil_war() -> Topic:
    """A Russian Civil War sheet whose why-section is bullet statements without titles."""
    return load_fixture("russian-civil-war")


@pytest.fixture(scope="session")
def all_topics(china: Topic, cuba: Topic, hitler: Topic, civil_war: Topic) -> dict[str, Topic]:
    """Every sheet the invariants are checked on."""
    return {"china": china, "cuba": cuba, "hitler": hitler, "civil_war": civil_war}


@cache
def topic_named(name: str) -> Topic:
    """The bundled sheet (``"china"``) or a fixture file by name, parsed once."""
    if name == "china":
        return parse_notes(read_builtin_text("china-and-the-ussr"), name="china-and-the-ussr")
    path = next(p for p in NOTE_FILES if p.name == name)
    return parse_notes(decode_notes(path.read_bytes(), file=str(path)), name=path.stem)


TOPICS = ["china", *(p.name for p in NOTE_FILES)]
