"""The topics the web app serves: the built-in ones plus notes uploaded through the browser.

Uploaded notes are kept as UTF-8 files under ``<data_dir>/topics`` so they survive a restart;
each is parsed once and cached by the hash of its text.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from clio.errors import InputError, NotFoundError
from clio.ids import slugify
from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from clio.services.topics import builtin_topics, read_builtin_text


@dataclass(frozen=True, kw_only=True)
class LibraryEntry:
    """One topic on the library shelf."""

    name: str
    title: str
    builtin: bool
    owner: str | None = None


class TopicLibrary:
    """Built-in and uploaded topics by name, parsed on demand and cached."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[str, Topic]] = {}

    def entries(self) -> list[LibraryEntry]:
        """Every topic, built-in first, then uploads by name."""
        found = [LibraryEntry(name=t.name, title=t.title, builtin=True) for t in builtin_topics()]
        builtin_names = {e.name for e in found}
        if self._folder.is_dir():
            for path in sorted(self._folder.glob("*.txt")):
                if path.stem not in builtin_names:
                    found.append(
                        LibraryEntry(name=path.stem, title=self.get(path.stem).title, builtin=False)
                    )
        return found

    def text(self, name: str) -> str:
        """The notes text of the topic called ``name``."""
        if name in {t.name for t in builtin_topics()}:
            return read_builtin_text(name)
        path = self._path(name)
        if not path.is_file():
            raise NotFoundError(f"there is no topic called {name!r}")
        return path.read_text(encoding="utf-8")

    def get(self, name: str) -> Topic:
        """The parsed topic called ``name``."""
        text = self.text(name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        cached = self._cache.get(name)
        if cached and cached[0] == digest:
            return cached[1]
        topic = parse_notes(text, name=name)
        self._cache[name] = (digest, topic)
        return topic

    def add(self, data: bytes, *, filename: str, name: str | None = None) -> Topic:
        """Decode, parse and keep uploaded notes; returns the topic (errors name the line)."""
        text = decode_notes(data, file=filename)
        topic = parse_notes(text, name=slugify(name) if name else None)
        if not topic.sections and not topic.sources:
            raise InputError(
                "no sections or points were found; give headings and numbered, lettered or "
                "bulleted points",
                file=filename,
                line=1,
            )
        slug = topic.name
        if slug in {t.name for t in builtin_topics()}:
            slug = f"{slug}-notes"
            topic = parse_notes(text, name=slug)
        with self._lock:
            self._folder.mkdir(parents=True, exist_ok=True)
            self._path(slug).write_text(text, encoding="utf-8")
        return topic

    def _path(self, name: str) -> Path:
        if slugify(name) != name:
            raise NotFoundError(f"there is no topic called {name!r}")
        return self._folder / f"{name}.txt"
