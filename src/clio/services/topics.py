"""Find and load topics: built-in names, files on disk, or standard input."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from clio.errors import InputError, NotFoundError
from clio.ids import slugify
from clio.importers import CONVERTED_SUFFIXES, notes_from_bytes
from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes

DEFAULT_TOPIC = "china-and-the-ussr"


@dataclass(frozen=True, kw_only=True)
class BuiltinTopic:
    """A topic shipped inside the package."""

    name: str
    title: str
    filename: str


def _topics_dir() -> resources.abc.Traversable:
    return resources.files("clio").joinpath("data", "topics")


def builtin_topics() -> list[BuiltinTopic]:
    """The topics that ship with Clio, by name."""
    found = []
    for entry in sorted(_topics_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".txt", ".md")):
            name = entry.name.rsplit(".", 1)[0]
            title = entry.read_text(encoding="utf-8").lstrip("\ufeff").strip().splitlines()[0]
            found.append(BuiltinTopic(name=name, title=title.strip("# "), filename=entry.name))
    return found


def read_builtin_text(name: str) -> str:
    """The notes text of a built-in topic."""
    for topic in builtin_topics():
        if topic.name == name:
            return _topics_dir().joinpath(topic.filename).read_text(encoding="utf-8")
    raise NotFoundError(f"no built-in topic called {name!r}; try `clio topics`")


def read_topic_text(ref: str) -> tuple[str, str]:
    """The notes text and a name for ``ref``: a built-in name, a path, or ``-`` for stdin."""
    if ref == "-":
        return decode_notes(sys.stdin.buffer.read(), file="<stdin>"), "stdin"
    names = {t.name for t in builtin_topics()}
    path = Path(ref)
    if ref in names and not path.exists():
        return read_builtin_text(ref), ref
    if not path.exists():
        hint = f" (built-in topics: {', '.join(sorted(names))})" if names else ""
        raise InputError(f"no such file or built-in topic{hint}", file=ref)
    if path.is_dir():
        raise InputError("this is a folder; give a notes file", file=ref)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=ref) from None
    if path.suffix.lower() in CONVERTED_SUFFIXES:
        # Word, web pages, PDFs and Markdown go through the importers to the same parser
        return notes_from_bytes(data, suffix=path.suffix, file=ref), slugify(path.stem)
    return decode_notes(data, file=ref), slugify(path.stem)


def load_topic(ref: str) -> Topic:
    """Parse the topic that ``ref`` names (see :func:`read_topic_text`)."""
    text, name = read_topic_text(ref)
    return parse_notes(text, name=name)
