"""Provenance of a source: nature, origin and purpose, and what they mean for its use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.generate.essay_text import strip_trailing_date
from clio.generate.source_subjects import (
    best_section,
    clean_author,
    section_span,
    source_span,
    span_of,
)
from clio.model.period import Period
from clio.model.topic import EntityKind, Point, Section, Source, Topic
from clio.parse import find_dates
from clio.parse.entities import extract_entities
from clio.parse.gazetteer import load_gazetteer

# (kind, words that reveal it, what it is, a strength, a limitation, its usual purpose)
_KINDS: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "speech",
        r"speech|broadcast|address|on (?:\w+ )?(?:television|radio)",
        "a public speech",
        "it shows what the speaker wanted the audience to believe at the time",
        "a public speech is written to persuade, so it may leave out or overstate things",
        "to explain and justify the speaker's policy to the audience",
    ),
    (
        "memoirs",
        r"memoirs?|autobiograph|recollections|reminiscences",
        "memoirs written after the events",
        "the author took part and can give an insider's account of decisions",
        "memoirs are written with hindsight and are often meant to defend the author's record",
        "to give the author's own account of events and justify his or her actions",
    ),
    (
        "diary",
        r"\bdiary|journal entry",
        "a private diary",
        "a diary is written at the time and usually not meant for others to read",
        "it gives one person's view and may rest on rumour or limited knowledge",
        "to record the writer's private thoughts",
    ),
    (
        "letter",
        r"\bletter|telegram|memorandum|memo\b",
        "a letter",
        "it was written at the time for a particular reader",
        "it may be shaped to suit what the reader wanted to hear",
        "to inform or persuade the person it was written to",
    ),
    (
        "cartoon",
        r"cartoon|poster|propaganda",
        "a cartoon or poster",
        "it shows how an issue was presented to the public at the time",
        "it exaggerates to make a point and gives one side",
        "to make a point to the public, often by mocking opponents",
    ),
    (
        "study",
        r"historian|scholar|professor",
        "a historian's analysis",
        "it is based on study of documents, with the benefit of hindsight",
        "it depends on the evidence the author could see and on the author's own interpretation",
        "to analyse and explain the events for readers and other scholars",
    ),
    (
        "newspaper",
        r"newspaper|article|editorial|magazine|report(?:ed|er)? in",
        "a newspaper report",
        "it was written close to the events for a wide readership",
        "newspapers may simplify or take a political line to suit their readers",
        "to inform readers and shape opinion",
    ),
    (
        "book",
        r"\bbook\b|\bpublished in (?:1[0-9]|20)[0-9]{2}\b",
        "a book written for the public",
        "its author could gather evidence and, as a journalist or witness, may have seen "
        "events at first hand",
        "it was written afterwards, with hindsight, and a book for the public may dramatise "
        "events to tell a good story",
        "to tell readers the story of the events and the author's view of them",
    ),
    (
        "newspaper",
        r"journalist|reporter|correspondent",
        "a newspaper report",
        "it was written close to the events for a wide readership",
        "newspapers may simplify or take a political line to suit their readers",
        "to inform readers and shape opinion",
    ),
    (
        "official",
        r"official|government report|minutes|treaty|decree|resolution|communiqu",
        "an official document",
        "it records what a government said or agreed",
        "it shows the public position, which may hide private aims",
        "to set out a government's position",
    ),
    (
        "study",
        r"scholar|historian|professor|analys|study|book|thesis|research|university|abstract",
        "a historian's analysis",
        "it is based on study of documents, with the benefit of hindsight",
        "it depends on the evidence the author could see and on the author's own interpretation",
        "to analyse and explain the events for readers and other scholars",
    ),
)
_NATIONALITY = re.compile(
    r"\b(American|Soviet|Russian|British|English|Chinese|French|German|Cuban|Japanese|Korean|"
    r"Indian|Italian|Polish|Vietnamese|Israeli|Egyptian|Irish)\b"
)
_APPOSITIVE = re.compile(r"[–—-]\s*(?P<who>an?\s+[^–—]{6,140}?)\s*[–—]")
_WHO_IS = re.compile(r",\s*(?P<who>an?\s+[a-zA-Z][^,.]{4,80}?)(?:,|\.|$)")
_AUDIENCE = re.compile(
    r"\bon\s+(?P<adj>[A-Z]\w+)\s+(?P<medium>television|radio)\b"
    r"|\bto\s+(?P<to>(?:the\s+)?[A-Z][^,.;]{2,60})"
)
_ACCESS = re.compile(
    r"\b(selected\s+writings|published\s+writings|speeches|archives?|interviews?|documents)\b",
    re.I,
)


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """What the notes tell us about who made a source, when, why and for whom."""

    author: str | None
    who: str | None  # "an American scholar who became a Professor ..."
    nationality: str | None
    kind: str | None
    nature: str | None  # "a public speech"
    strength: str | None
    limitation: str | None
    purpose: str | None
    audience: str | None
    year: int | None
    access: str | None  # what the author worked from ("selected writings")
    involved: tuple[Point, ...]  # points of the notes in which the author appears


def _text(source: Source) -> str:
    return " ".join(p for p in (source.provenance, source.citation, source.instruction) if p)


def read_provenance(topic: Topic, source: Source) -> Provenance:
    """Read the provenance lines of a source (and the notes) into a :class:`Provenance`."""
    text = _text(source)
    kind = nature = strength = limitation = purpose = None
    for name, pattern, what, plus, minus, why in _KINDS:
        if re.search(pattern, text, re.I):
            kind, nature, strength, limitation, purpose = name, what, plus, minus, why
            break
    who_match = _APPOSITIVE.search(text) or _WHO_IS.search(text)
    who = who_match.group("who").strip() if who_match else None
    nationality_match = _NATIONALITY.search(who or "") or (
        _NATIONALITY.search(text) if kind in {"study", "newspaper"} else None
    )
    audience = None
    audience_match = _AUDIENCE.search(text)
    if audience_match and audience_match.group("adj"):
        adjective, medium = audience_match.group("adj"), audience_match.group("medium")
        audience = f"the {adjective} public, watching on {medium}"
    elif audience_match and audience_match.group("to") and kind in {"speech", "letter"}:
        audience = audience_match.group("to")
    access_match = _ACCESS.search(text)
    author = clean_author(source)
    return Provenance(
        author=author,
        who=who,
        nationality=nationality_match.group(1) if nationality_match else None,
        kind=kind,
        nature=nature,
        strength=strength,
        limitation=limitation,
        purpose=purpose,
        audience=audience,
        year=source.year,
        access=access_match.group(1).lower() if access_match else None,
        involved=_involved(topic, author),
    )


def _involved(topic: Topic, author: str | None) -> tuple[Point, ...]:
    if not author:
        return ()
    surname = author.split()[-1]
    if len(surname) < 3:
        return ()
    pattern = re.compile(r"\b" + re.escape(surname) + r"\b")
    return tuple(point for _, point in topic.points() if pattern.search(point.full_text))


def timing_note(topic: Topic, source: Source, provenance: Provenance) -> str | None:
    """When the source was made relative to the events it describes and the notes record."""
    year = provenance.year
    if year is None:
        return None
    span = source_span(source)
    events = "the latest events it describes"
    if span is None:
        # a passage with no dates of its own: the events of the notes it bears on
        section = best_section(topic, source)
        span = _events_span(section) if section is not None else None
        events = "the events it bears on in the notes"
    if span is None:
        span = _title_span(topic)  # "The Cuban Missile Crisis: sources"
        events = "the events of the notes"
    if span is None:
        return f"It was produced in {year}; compare that date with the events it describes."
    if year - span.end.year >= 2:
        gap = year - span.end.year
        return (
            f"It was produced in {year}, {gap} years after {events} "
            f"({span.end.label()}), so the author had hindsight but was not writing at the time."
        )
    if span.start.year - year >= 2:
        return f"It was produced in {year}, before {events} ({span.start.label()})."
    when = _source_month(source)
    later: list[Point] = []
    if when is not None:
        for _, point in topic.points():
            start = point.period.start if point.period is not None else None
            if (
                start is not None
                and start.year == year
                and start.month is not None
                and (start.month, start.day or 0) > when
            ):
                later.append(point)
    if later:
        event = max(later, key=lambda p: p.period.sort_key() if p.period else ((0, 0, 0),) * 2)
        name = strip_trailing_date(event.title)
        name = "the " + name[4:] if name.startswith("The ") else name
        label = event.period.label() if event.period else ""
        return (
            f"It was produced during the events, before {name} ({label}), so the author "
            "could not know how they would turn out."
        )
    return f"It was produced in {year}, at the time of the events it describes."


def _events_span(section: Section) -> Period | None:
    """From the first to the last date a section gives: its period, and every date its points
    state ("by 1939 about 150,000 ..." in a point dated 1933)."""
    span = section_span(section)
    found = [m.period for p in section.points for m in find_dates(p.full_text)]
    return span_of(([span] if span is not None else []) + found)


def _title_span(topic: Topic) -> Period | None:
    """The years the notes' title gives, or those of a known event it names."""
    dates = find_dates(topic.title)
    if dates:
        return dates[-1].period
    gazetteer = load_gazetteer()
    for entity in extract_entities(topic.title):
        entry = gazetteer.lookup(entity.name)
        if entry is not None and entry.kind is EntityKind.EVENT and entry.start is not None:
            return Period.years(entry.start, entry.end or entry.start)
    return None


def _source_month(source: Source) -> tuple[int, int] | None:
    for match in find_dates(source.citation or source.provenance):
        start = match.period.start
        if start.month is not None:
            return (start.month, start.day or 0)
    return None


_SUPERPOWERS = re.compile(
    r"\b(?:USA|US|USSR|America|American|Americans|Soviets?|Russia|Russian|Moscow|Washington|"
    r"Kremlin|Cold War|superpowers?|nuclear|missiles?|NATO|Warsaw Pact|capitalis[mt]|"
    r"imperialis[mt]|Stalin|Khrushchev|Brezhnev|Kennedy|Truman|Eisenhower|Nixon|Reagan)\b"
)


def cold_war_note(provenance: Provenance, text: str | None = None) -> str | None:
    """The Cold War context of an author writing between 1947 and 1991, when it applies.

    With ``text`` (the passage), only when the passage touches the superpowers' rivalry: a
    1991 memoir of a Chinese famine does not "reflect the rivalry between the superpowers"."""
    if provenance.year is None or not 1947 <= provenance.year <= 1991:
        return None
    if text is not None and not _SUPERPOWERS.search(text):
        return None
    if provenance.nationality not in {"American", "Soviet", "Russian", "British", "Chinese"}:
        return None
    maker = "newspaper" if provenance.kind in {"newspaper", "cartoon"} else "author"
    article = "an" if provenance.nationality[0] in "AEIOU" else "a"
    return (
        f"It comes from {article} {provenance.nationality} {maker} in {provenance.year}, during "
        "the Cold War, so it may reflect the rivalry between the superpowers."
    )
