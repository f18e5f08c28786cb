"""Notes to generate from: the bundled sheet, the parser's fixtures and this package's own."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from clio.services.topics import read_builtin_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOTE_FILES = sorted(
    p
    for folder in ("generate", "notes")
    for p in (FIXTURES / folder).glob("*")
    if p.suffix in {".txt", ".md"}
)


@cache
def topic_named(name: str) -> Topic:
    """The bundled sheet (``"china"``) or a fixture file by name, parsed once."""
    if name == "china":
        return parse_notes(read_builtin_text("china-and-the-ussr"), name="china-and-the-ussr")
    path = next(p for p in NOTE_FILES if p.name == name)
    return parse_notes(decode_notes(path.read_bytes(), file=str(path)), name=path.stem)


TOPICS = ["china", *(p.name for p in NOTE_FILES)]
