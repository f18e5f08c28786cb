"""What the generators work from: clauses of each point with their typed facts, and dated events."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from clio.generate.events import Event, all_label_dates, find_events
from clio.generate.figures import Figure, find_figures
from clio.generate.lexicon import LexEntry, Lexicon, key, load_lexicon
from clio.generate.text import (
    capitalise,
    find_dates,
    point_clauses,
)
from clio.ids import normalise_for_id
from clio.model.period import Period
from clio.model.topic import EntityKind, Point, Section, Topic

# The kinds of fact a clause can hide; names use the lexicon kinds.
DATE, FIGURE, PERSON, PLACE, ORGANISATION, EVENT = (
    "date",
    "figure",
    "person",
    "place",
    "organisation",
    "event",
)
NAME_KINDS = (PERSON, PLACE, ORGANISATION, EVENT)


@dataclass(frozen=True, kw_only=True)
class Slot:
    """One fact inside a clause: a date, a figure or a name, with where it is."""

    kind: str
    text: str
    start: int
    end: int
    period: Period | None = None
    figure: Figure | None = None
    entry: LexEntry | None = None

    @property
    def subtype(self) -> str:
        """Finer type for wrong options: a place's kind, a figure's unit, a date's precision."""
        if self.figure is not None:
            return self.figure.head
        if self.period is not None:
            return f"{self.period.precision}:{'range' if self.period.is_range else 'single'}"
        return self.entry.subtype if self.entry else ""


@dataclass(frozen=True, kw_only=True)
class Clause:
    """A sentence or semicolon clause of a point, with the facts it states."""

    text: str
    point: Point
    section: Section
    slots: tuple[Slot, ...]

    def blanked(self, slot: Slot, blank: str = "____") -> str:
        """The clause with one fact hidden."""
        return capitalise(self.text[: slot.start] + blank + self.text[slot.end :])


@dataclass(frozen=True, kw_only=True)
class Facts:
    """Everything the generators need from one topic, worked out once."""

    topic: Topic
    clauses: tuple[Clause, ...]
    events: tuple[Event, ...]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> names in the notes
    point_periods: dict[str, tuple[Period, ...]] = field(default_factory=dict)
    tags: dict[str, int] = field(default_factory=dict)  # lexicon tags by how often they occur
    lexicon: Lexicon | None = None
    with_the: frozenset[str] = frozenset()  # names the notes write with "the"
    label_dates: dict[str, tuple[Period, ...]] = field(default_factory=dict)  # event -> dates
    era: tuple[int, int] | None = None  # first and last year the notes mention
    stated: frozenset[str] = frozenset()  # every clause, normalised (to spot true "wrong" options)
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    def section_of(self, point: Point) -> Section:
        """The section holding ``point``."""
        found = self.topic.section_of(point.id)
        assert found is not None
        return found


def _entity_kind(kind: EntityKind) -> str | None:
    return {
        EntityKind.PERSON: PERSON,
        EntityKind.PLACE: PLACE,
        EntityKind.ORGANISATION: ORGANISATION,
        EntityKind.EVENT: EVENT,
    }.get(kind)


_AMBIGUOUS = frozenset({"US", "U.S.", "UK", "May", "March", "Bill", "Mark"})


_SENTENCE_START = re.compile(r"^(?:At|In|On|By|From|During|After|Before)\s+(?:the\s+)?(?=[A-Z])")


def find_slots(text: str, point: Point | None, lexicon: Lexicon) -> tuple[Slot, ...]:
    """Dates, figures and known names in ``text``, without overlaps, left to right."""
    extras: dict[str, str] = {}
    if point is not None:
        for entity in point.entities:
            kind = _entity_kind(entity.kind)
            name = _SENTENCE_START.sub("", entity.text)  # "At the Moscow Conference"
            if kind and name not in _AMBIGUOUS:
                extras[name] = kind
    if lexicon is load_lexicon():
        return _find_slots_cached(text, tuple(extras.items()))
    return _find_slots(text, tuple(extras.items()), lexicon)


@lru_cache(maxsize=8192)
def _find_slots_cached(text: str, extras: tuple[tuple[str, str], ...]) -> tuple[Slot, ...]:
    return _find_slots(text, extras, load_lexicon())


def _find_slots(
    text: str, extras: tuple[tuple[str, str], ...], lexicon: Lexicon
) -> tuple[Slot, ...]:
    slots: list[Slot] = []

    def free(start: int, end: int) -> bool:
        return not any(start < s.end and s.start < end for s in slots)

    for found in find_dates(text):
        start, shown = found.start, found.text
        lead = re.match(r"(?:between|from)\s+", shown, re.I)
        if lead:  # keep "between" in the sentence: "between ____"
            start, shown = start + lead.end(), shown[lead.end() :]
        slots.append(Slot(kind=DATE, text=shown, start=start, end=found.end, period=found.period))
    for figure in find_figures(text):
        if free(figure.start, figure.end):
            slots.append(
                Slot(
                    kind=FIGURE, text=figure.text, start=figure.start, end=figure.end, figure=figure
                )
            )
    # The notes' own names, where a known name is only part of one ("Labour" in "German Labour
    # Front"): the known name is not a fact of that sentence.
    longer = [
        (start, start + len(name)) for name, _ in extras for start in _whole_word_starts(text, name)
    ]
    for match in lexicon.pattern.finditer(text):
        entry = lexicon.lookup(match.group(0))
        inside = any(
            s <= match.start() and match.end() < e and text[match.end() + 1 : e][:1].isupper()
            for s, e in longer
        )
        if entry and not inside and free(match.start(), match.end()):
            slots.append(
                Slot(
                    kind=entry.kind,
                    text=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    entry=entry,
                )
            )
    for name, kind in extras:
        for start in _whole_word_starts(text, name):
            end = start + len(name)
            if free(start, end):
                entry = lexicon.lookup(name) or LexEntry(
                    kind=kind, name=name, short=name.split()[-1]
                )
                slots.append(Slot(kind=kind, text=name, start=start, end=end, entry=entry))
    kept = [
        s
        for s in slots
        if s.kind in (DATE, FIGURE)
        or not (_quoted(text, s.start) or "/" in text[max(0, s.start - 1) : s.end + 1])
    ]
    return tuple(_with_article(text, s) for s in sorted(kept, key=lambda s: s.start))


def _whole_word_starts(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text`` as a whole word (no letter, digit or hyphen around)."""
    found, index = [], text.find(word)
    while index >= 0:
        before = text[index - 1] if index else " "
        after = text[index + len(word)] if index + len(word) < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            found.append(index)
        index = text.find(word, index + 1)
    return found


def _quoted(text: str, index: int) -> bool:
    """True when ``index`` is inside a quotation (names in quotes are words, not facts)."""
    before = text[:index]
    if before.count("‘") > before.count("’") - before.count("’s") or before.count(
        "“"
    ) > before.count("”"):
        return True
    opening = len(re.findall(r"(?:^|[\s(])'", before))
    closing = len(re.findall(r"(?<=\w)'(?=\s|$|[,.;:)])", before))
    return opening > closing


_HEAD_NOUNS = frozenset(
    """
    garrison army government border party region area city port coast front conference
    treaty agreement people troops forces navy economy leader leaders question crisis problem
    capital soviet workers peasants delegation embassy press regime authorities zone sector
    peace settlement talks summit negotiations market exchange valley railway uprising rising
    """.split()  # noqa: SIM905
)


def _with_article(text: str, slot: Slot) -> Slot:
    """Take a "the" before a name into the slot, so wrong options can bring their own article."""
    if slot.kind not in (PLACE, ORGANISATION, EVENT) or slot.text.lower().startswith("the "):
        return slot
    before = text[: slot.start]
    after = text[slot.end :]
    if re.match(r"\s+[A-Z]", after):
        return slot  # part of a longer name ("the Moscow Conference")
    following = re.match(r"\s+([a-z]+)", after)
    if following and following.group(1) in _HEAD_NOUNS:
        return slot  # used as an adjective ("the Petrograd garrison")
    if re.search(r"\bthe\s$", before, re.I):
        start = slot.start - 4
        return Slot(
            kind=slot.kind,
            text=text[start : slot.end],
            start=start,
            end=slot.end,
            entry=slot.entry,
        )
    return slot


def build_facts(topic: Topic) -> Facts:
    """Work out clauses, facts and events for ``topic``."""
    lexicon = load_lexicon()
    clauses: list[Clause] = []
    periods: dict[str, list[Period]] = {}
    names: dict[str, dict[str, None]] = {k: {} for k in NAME_KINDS}
    tags: dict[str, int] = {}
    with_the: set[str] = set()
    for section, point in topic.points():
        found = periods.setdefault(point.id, [])
        if section.period is not None:
            found.append(section.period)
        for part in (point.title, point.text):
            found.extend(m.period for m in find_dates(part))
        for text in point_clauses(section.heading, point.title, point.text):
            slots = find_slots(text, point, lexicon)
            clauses.append(Clause(text=text, point=point, section=section, slots=slots))
            for slot in slots:
                if slot.kind in names:
                    names[slot.kind][bare(slot.text)] = None
                    if slot.text.lower().startswith("the "):
                        with_the.add(key(slot.text))
                if slot.entry is not None:
                    for tag in slot.entry.tags:
                        tags[tag] = tags.get(tag, 0) + 1
        for slot in find_slots(point.title, point, lexicon):
            if slot.kind in names:
                names[slot.kind][bare(slot.text)] = None
    for source in topic.sources:
        for slot in find_slots(source.text, None, lexicon):
            if slot.entry is not None:
                for tag in slot.entry.tags:
                    tags[tag] = tags.get(tag, 0) + 1
    return Facts(
        topic=topic,
        clauses=tuple(clauses),
        events=find_events(topic),
        names={k: tuple(v) for k, v in names.items()},
        point_periods={k: tuple(v) for k, v in periods.items()},
        tags=tags,
        lexicon=lexicon,
        with_the=frozenset(with_the),
        label_dates=all_label_dates(topic),
        era=_era(periods),
        stated=frozenset(normalise_for_id(c.text) for c in clauses),
    )


def _era(periods: dict[str, list[Period]]) -> tuple[int, int] | None:
    years = [y for found in periods.values() for p in found for y in (p.start.year, p.end.year)]
    return (min(years), max(years)) if years else None


def bare(name: str) -> str:
    """A name without a leading "the"."""
    return name[4:] if name.lower().startswith("the ") else name


_NO_ARTICLE = frozenset(
    """
    nato seato comintern cominform comecon kristallnacht collectivisation politburo anzus cento
    opec congress solidarity
    """.split()  # noqa: SIM905
)


def takes_article(name: str, entry: LexEntry | None, facts: Facts) -> bool:
    """True when a name is written with "the" ("the USSR", "the Korean War", not "China")."""
    base = bare(name)
    if key(base) in facts.with_the or (entry is not None and entry.name.lower().startswith("the ")):
        return True
    if key(base) in _NO_ARTICLE:
        return False
    kind = entry.kind if entry else ""
    if kind in (ORGANISATION, EVENT):
        return True
    if kind == PLACE:
        return (base.isupper() and len(base) >= 2) or any(
            w in base.split() for w in ("Union", "States", "Republic", "Kingdom", "River")
        )
    return False


def article_form(name: str, entry: LexEntry | None, facts: Facts) -> str:
    """The name as it would be written in a sentence: with "the" when it takes one."""
    base = bare(name)
    return f"the {base}" if takes_article(base, entry, facts) else base


def known_names(facts: Facts) -> set[str]:
    """Every name the notes mention, normalised (so wrong options avoid them when needed)."""
    return {key(n) for values in facts.names.values() for n in values}


def ubiquitous(facts: Facts) -> set[str]:
    """Names mentioned in so many clauses that hiding them makes a poor question."""
    cached = facts.memo.get("ubiquitous")
    if isinstance(cached, set):
        return cached
    counts: dict[str, int] = {}
    for clause in facts.clauses:
        for name in {s.text.lower().removeprefix("the ") for s in clause.slots if s.entry}:
            counts[name] = counts.get(name, 0) + 1
    limit = max(4, len(facts.clauses) // 7)
    found = {name for name, count in counts.items() if count >= limit}
    facts.memo["ubiquitous"] = found
    return found
