"""Clio's list of history people, places, organisations and events (recognition + wrong options)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
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
    start: int | None = None  # lifespan, existence or when it happened (from the gazetteer)
    end: int | None = None
    roles: tuple[str, ...] = ()  # a person's roles ("president", "general"), from data/people.json
    female: bool = False
    within: str = ""  # the country a city or region lies in (data/places.json)
    port: bool = False
    region: str = ""  # a state's region ("east-asia"), from data/places.json
    nation: str = ""  # the divided nation a rival state claimed to govern ("china" for Taiwan)
    bloc: str = ""  # a state's Cold War bloc ("east", "west"), from data/places.json

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
    by_kind: dict[str, tuple[LexEntry, ...]]

    def lookup(self, text: str) -> LexEntry | None:
        """The entry for a name as written, or None."""
        return self.by_form.get(key(text))

    def of_kind(self, kind: str) -> tuple[LexEntry, ...]:
        """Every entry of one kind."""
        return self.by_kind.get(kind, ())


@lru_cache(maxsize=16384)
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


def _with_gazetteer(entries: list[LexEntry]) -> list[LexEntry]:
    """Add the parser's gazetteer: years for known entries, and the names this list lacks."""
    try:
        from clio.parse.gazetteer import load_gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the parser
        return entries
    known = {key(f): index for index, e in enumerate(entries) for f in e.forms}
    merged = list(entries)
    for item in load_gazetteer().entries:
        kind = item.kind.value
        if kind not in KINDS:
            continue
        spellings = item.spellings
        index = next((known[key(f)] for f in spellings if key(f) in known), None)
        if index is not None:
            old = merged[index]
            if old.kind == kind and old.start is None:
                merged[index] = replace(old, start=item.start, end=item.end)
            continue
        singles = [a for a in item.aliases if len(a.split()) == 1 and a[:1].isupper()]
        short = singles[0] if kind == "person" and singles else item.name
        merged.append(
            LexEntry(
                kind=kind,
                name=item.name,
                short=short,
                aliases=item.aliases,
                start=item.start,
                end=item.end,
            )
        )
        for form in spellings:
            known.setdefault(key(form), len(merged) - 1)
    return merged


def _with_people(entries: list[LexEntry], people: dict[str, str]) -> list[LexEntry]:
    """Give the people their roles, countries and themes (data/people.json); add the people
    that file names with their years and neither list has."""
    index = {key(f): i for i, e in enumerate(entries) if e.kind == "person" for f in e.forms}
    merged = list(entries)
    for name, value in people.items():
        roles, tags, *years = (part.split() for part in value.split(";"))
        female = "female" in tags
        tags = [t for t in tags if t != "female"]
        start, _, end = (years[0][0] if years and years[0] else "").partition("-")
        found = index.get(key(name))
        if found is not None:
            old = merged[found]
            # this file's tags say where a person is from, not which topics mention them
            # (Nixon is "china" in the list above, for his visit): they replace the list's
            merged[found] = replace(
                old,
                roles=tuple(roles),
                female=female,
                tags=tuple(tags),
                start=old.start if old.start is not None or not start else int(start),
                end=old.end if old.end is not None or not end else int(end),
            )
            continue
        if not start:
            continue  # a person neither list knows needs their years (a test checks there is none)
        merged.append(
            LexEntry(
                kind="person",
                name=name,
                short=name,  # no one-word form: "Victoria" alone is also a place
                tags=tuple(tags),
                roles=tuple(roles),
                female=female,
                start=int(start) if start else None,
                end=int(end) if end else None,
            )
        )
    return merged


def _years(text: str) -> tuple[int | None, int | None]:
    """``"1949-1990"`` -> (1949, 1990); ``"1949-"`` -> (1949, None); ``""`` -> (None, None)."""
    start, _, end = text.partition("-")
    return (int(start) if start else None, int(end) if end else None)


def _with_places(
    entries: list[LexEntry], places: dict[str, str], countries: dict[str, str]
) -> list[LexEntry]:
    """Give the places the country they lie in and whether they are ports, and the states
    their region, the nation they claimed and their years (data/places.json)."""
    index = {key(e.name): i for i, e in enumerate(entries) if e.kind == "place"}
    merged = list(entries)
    for name, value in places.items():
        found = index.get(key(name))
        if found is not None:
            country, *rest = value.split()
            merged[found] = replace(merged[found], within=country, port="port" in rest)
    for name, value in countries.items():
        found = index.get(key(name))
        if found is None:
            continue
        region, *rest = value.split()
        bloc = next((r for r in rest if r in ("east", "west")), "")
        nation = next((r for r in rest if not r[:1].isdigit() and r not in ("east", "west")), "")
        start, end = _years(next((r for r in rest if r[:1].isdigit()), ""))
        old = merged[found]
        merged[found] = replace(
            old,
            region=region,
            nation=nation,
            bloc=bloc,
            start=old.start if old.start is not None else start,
            end=old.end if old.end is not None else end,
        )
    return merged


def _with_organisations(entries: list[LexEntry], bodies: dict[str, str]) -> list[LexEntry]:
    """Give the organisations their kind and tags (data/organisations.json), and add the
    ones that file names with their years and neither list has."""
    index = {key(f): i for i, e in enumerate(entries) if e.kind == "organisation" for f in e.forms}
    merged = list(entries)
    for name, value in bodies.items():
        kind, tags, *years = (part.strip() for part in value.split(";"))
        start, end = _years(years[0] if years else "")
        found = index.get(key(name))
        if found is not None:
            old = merged[found]
            merged[found] = replace(
                old,
                subtype=kind,
                tags=tuple(tags.split()),
                start=old.start if old.start is not None else start,
                end=old.end if old.end is not None else end,
            )
        elif start is not None:  # a body neither list knows needs its years (a test checks)
            merged.append(
                LexEntry(
                    kind="organisation",
                    name=name,
                    short=name,
                    subtype=kind,
                    tags=tuple(tags.split()),
                    start=start,
                    end=end,
                )
            )
    return merged


@cache
def load_lexicon() -> Lexicon:
    """Clio's list (data/distractors.json) merged with the parser's gazetteer and what
    data/people.json, places.json and organisations.json say of each name, loaded once."""
    data = resources.files("clio").joinpath("data")
    path = data.joinpath("distractors.json")
    entries = _with_gazetteer(_entries_from(json.loads(path.read_text(encoding="utf-8"))))
    people = json.loads(data.joinpath("people.json").read_text(encoding="utf-8"))["people"]
    entries = _with_people(entries, people)
    places = json.loads(data.joinpath("places.json").read_text(encoding="utf-8"))
    entries = _with_places(entries, places["places"], places["countries"])
    bodies = json.loads(data.joinpath("organisations.json").read_text(encoding="utf-8"))
    entries = _with_organisations(entries, bodies["organisations"])
    by_form: dict[str, LexEntry] = {}
    for entry in entries:
        for form in entry.forms:
            by_form.setdefault(key(form), entry)
    # forms without a leading "the" (the article is taken into a slot separately)
    bare = {f[4:] if f.lower().startswith("the ") else f for e in entries for f in e.forms}
    forms = sorted({f for f in bare if len(f) >= 2 and f != "US"}, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    by_kind = {kind: tuple(e for e in entries if e.kind == kind) for kind in KINDS}
    return Lexicon(entries=tuple(entries), by_form=by_form, pattern=pattern, by_kind=by_kind)
