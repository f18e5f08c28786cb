"""Clio's list of history people, places, organisations and events (recognition + wrong options)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from clio.ids import normalise_for_id

KINDS = ("person", "place", "organisation", "event")
_FILE_KEYS = {"people": "person", "places": "place", "organisations": "organisation"}


@dataclass(frozen=True, kw_only=True)
class LexEntry:
    """One known name: its kind, display forms, subtype (country, city...) and tags."""

    kind: str
    name: str
    short: str
    aliases: tuple[str, ...] = ()
    subtype: str = ""
    tags: tuple[str, ...] = ()
    near: tuple[str, ...] = ()  # names that mean (nearly) the same and so are never wrong options

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way of writing this name."""
        return (self.name, self.short, *self.aliases)


@dataclass(frozen=True, kw_only=True)
class Lexicon:
    """Known names, indexed by every written form."""

    entries: tuple[LexEntry, ...]
    by_form: dict[str, LexEntry]
    pattern: re.Pattern[str]  # matches any written form, longest first

    def lookup(self, text: str) -> LexEntry | None:
        """The entry for a name as written, or None."""
        return self.by_form.get(key(text))

    def of_kind(self, kind: str) -> tuple[LexEntry, ...]:
        """Every entry of one kind."""
        return tuple(e for e in self.entries if e.kind == kind)


def key(text: str) -> str:
    """Normalised form of a name for lookups ("the USSR" and "USSR" agree)."""
    folded = normalise_for_id(text).replace("\u2019", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    return folded.removeprefix("the ").strip()


def _entries_from(data: dict[str, object]) -> list[LexEntry]:
    entries: list[LexEntry] = []
    for file_key, raw in data.items():
        kind = _FILE_KEYS.get(file_key, file_key.rstrip("s"))
        if kind not in KINDS or not isinstance(raw, list):
            continue
        for item in raw:
            if not isinstance(item, dict) or not item.get("name"):
                continue
            name = str(item["name"])
            entries.append(
                LexEntry(
                    kind=kind,
                    name=name,
                    short=str(item.get("short") or name),
                    aliases=tuple(str(a) for a in item.get("aliases", ())),
                    subtype=str(item.get("type", "")),
                    tags=tuple(str(t) for t in item.get("tags", ())),
                    near=tuple(str(t) for t in item.get("near", ())),
                )
            )
    return entries


@cache
def load_lexicon() -> Lexicon:
    """The built-in list (src/clio/data/distractors.json), loaded once."""
    path = resources.files("clio").joinpath("data", "distractors.json")
    entries = _entries_from(json.loads(path.read_text(encoding="utf-8")))
    by_form: dict[str, LexEntry] = {}
    for entry in entries:
        for form in entry.forms:
            by_form.setdefault(key(form), entry)
    forms = sorted(
        {f for e in entries for f in e.forms if len(f) >= 2 and f != "US"}, key=len, reverse=True
    )
    body = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    return Lexicon(entries=tuple(entries), by_form=by_form, pattern=pattern)
