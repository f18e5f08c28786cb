"""The gazetteer: well-known people, places, organisations and events with their spellings.

The data lives in ``clio/data/gazetteer.json``; the entity finder uses it to recognise names,
and the quiz generator uses it for plausible wrong options of the right kind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from clio.model.topic import EntityKind


@dataclass(frozen=True, kw_only=True)
class GazetteerEntry:
    """One known name: its kind, canonical name, other spellings and (where sensible) years."""

    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    start: int | None = None
    end: int | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, kw_only=True)
class Gazetteer:
    """Every entry, with lookups by kind and by spelling."""

    entries: tuple[GazetteerEntry, ...]
    _by_spelling: dict[str, GazetteerEntry] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        index: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for spelling in entry.spellings:
                index.setdefault(spelling.casefold(), entry)
        object.__setattr__(self, "_by_spelling", index)

    def of_kind(self, kind: EntityKind) -> tuple[GazetteerEntry, ...]:
        """The entries of one kind, in file order."""
        return tuple(e for e in self.entries if e.kind is kind)

    def lookup(self, spelling: str) -> GazetteerEntry | None:
        """The entry one of whose spellings is ``spelling`` (case-insensitive), or None."""
        return self._by_spelling.get(spelling.casefold())


@cache
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer (read once, then cached)."""
    raw = resources.files("clio").joinpath("data", "gazetteer.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    entries = tuple(
        GazetteerEntry(
            kind=EntityKind(item["kind"]),
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            start=item.get("start"),
            end=item.get("end"),
        )
        for item in data["entries"]
    )
    return Gazetteer(entries=entries)
