"""What the generators work from: clauses of each point with their typed facts, and dated events."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clio.generate.figures import Figure, find_figures
from clio.generate.lexicon import LexEntry, Lexicon, key, load_lexicon
from clio.generate.text import (
    capitalise,
    clean,
    find_dates,
    is_event_name,
    remove_dates,
    split_clauses,
    starts_with_pronoun,
    title_without_date,
    words,
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
class Event:
    """A dated event the notes give: a short label, its period and the points it came from."""

    label: str
    period: Period
    point_ids: tuple[str, ...]
    quote: str
    named: bool  # True when ``label`` is an event's name ("Sino-Indian War")


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


def quote_point(section: Section, point: Point) -> str:
    """How an explanation quotes a point: where it is, then its words."""
    where = section.heading if not point.title else f"{section.heading} — {point.title}"
    return f"From the notes ({where}): “{clean(point.text) or point.title}.”"


def _entity_kind(kind: EntityKind) -> str | None:
    return {
        EntityKind.PERSON: PERSON,
        EntityKind.PLACE: PLACE,
        EntityKind.ORGANISATION: ORGANISATION,
        EntityKind.EVENT: EVENT,
    }.get(kind)


def find_slots(text: str, point: Point | None, lexicon: Lexicon) -> tuple[Slot, ...]:
    """Dates, figures and known names in ``text``, without overlaps, left to right."""
    slots: list[Slot] = []

    def free(start: int, end: int) -> bool:
        return not any(start < s.end and s.start < end for s in slots)

    for match in find_dates(text):
        slots.append(
            Slot(kind=DATE, text=match.text, start=match.start, end=match.end, period=match.period)
        )
    for figure in find_figures(text):
        if free(figure.start, figure.end):
            slots.append(
                Slot(
                    kind=FIGURE, text=figure.text, start=figure.start, end=figure.end, figure=figure
                )
            )
    extra: dict[str, str] = {}
    if point is not None:
        for entity in point.entities:
            kind = _entity_kind(entity.kind)
            if kind:
                extra[entity.text] = kind
    for match in lexicon.pattern.finditer(text):
        entry = lexicon.lookup(match.group(0))
        if entry and free(match.start(), match.end()):
            slots.append(
                Slot(
                    kind=entry.kind,
                    text=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    entry=entry,
                )
            )
    for name, kind in extra.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if free(match.start(), match.end()):
                slots.append(
                    Slot(
                        kind=kind,
                        text=name,
                        start=match.start(),
                        end=match.end(),
                        entry=lexicon.lookup(name)
                        or LexEntry(kind=kind, name=name, short=name.split()[-1]),
                    )
                )
    kept = [s for s in slots if s.kind in (DATE, FIGURE) or not _quoted(text, s.start)]
    return tuple(_with_article(text, s) for s in sorted(kept, key=lambda s: s.start))


def _quoted(text: str, index: int) -> bool:
    """True when ``index`` is inside a quotation (names in quotes are words, not facts)."""
    before = text[:index]
    if before.count("‘") > before.count("’") - before.count("’s") or before.count(
        "“"
    ) > before.count("”"):
        return True
    return len(re.findall(r"(?:^|[\s(])'", before)) > len(re.findall(r"'(?:\s|$|[,.;:])", before))


def _with_article(text: str, slot: Slot) -> Slot:
    """Take a "the" before a name into the slot, so wrong options can bring their own article."""
    if slot.kind not in (PLACE, ORGANISATION, EVENT) or slot.text.lower().startswith("the "):
        return slot
    before = text[: slot.start]
    if re.match(r"\s+[A-Z]", text[slot.end :]):
        return slot  # part of a longer name ("the Moscow Conference")
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
        for text in split_clauses(point.text):
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
        events=_events(topic),
        names={k: tuple(v) for k, v in names.items()},
        point_periods={k: tuple(v) for k, v in periods.items()},
        tags=tags,
        lexicon=lexicon,
        with_the=frozenset(with_the),
        label_dates=_all_label_dates(topic),
        era=_era(periods),
        stated=frozenset(normalise_for_id(c.text) for c in clauses),
    )


def _era(periods: dict[str, list[Period]]) -> tuple[int, int] | None:
    years = [y for found in periods.values() for p in found for y in (p.start.year, p.end.year)]
    return (min(years), max(years)) if years else None


def _all_label_dates(topic: Topic) -> dict[str, tuple[Period, ...]]:
    """Every date the notes give alongside each named event (lower-cased label)."""
    mentions = _dated_mentions(topic)
    labels: set[str] = set()
    for section in topic.sections:
        labels.add(title_without_date(section.heading))
        labels.update(title_without_date(p.title) for p in section.points if p.title)
    found = {}
    for label in sorted(labels):
        if is_event_name(label):
            dates = _label_dates(label, mentions)
            if dates:
                found[label.casefold()] = tuple(dates)
    return found


def _describe(text: str) -> str | None:
    """A clause as a short event label: dates, asides and trailing qualifications removed."""
    plain = remove_dates(text)
    plain = re.sub(r"\s*\([^)]*\)", "", plain)
    plain = re.split(r",\s+(?:but|though|although|which|while|and then)\b|\s[–—]\s", plain)[0]
    plain = clean(plain)
    if starts_with_pronoun(plain) or not 4 <= len(plain.split()) <= 18:
        return None
    return capitalise(plain)


def _dated_mentions(topic: Topic) -> list[tuple[str, tuple[Period, ...]]]:
    """Every title, heading and clause with the dates it gives."""
    found: list[tuple[str, tuple[Period, ...]]] = []
    for section in topic.sections:
        found.append((section.heading, tuple(m.period for m in find_dates(section.heading))))
        for point in section.points:
            found.append((point.title, tuple(m.period for m in find_dates(point.title))))
            for text in split_clauses(point.text):
                found.append((text, tuple(m.period for m in find_dates(text))))
    return found


def _label_dates(label: str, mentions: list[tuple[str, tuple[Period, ...]]]) -> list[Period]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.I)
    return [p for text, periods in mentions if pattern.search(text) for p in periods]


def _events(topic: Topic) -> tuple[Event, ...]:
    mentions = _dated_mentions(topic)
    named: dict[str, Period] = {}
    ambiguous: set[str] = set()

    def consider(label: str, period: Period) -> None:
        dates = _label_dates(label, mentions)
        if any(not d.overlaps(period) for d in dates) or any(
            d.start != period.start or d.end != period.end for d in dates if d.contains(period)
        ):
            ambiguous.add(label.casefold())
        named.setdefault(label.casefold(), period)

    for section in topic.sections:
        label = title_without_date(section.heading)
        if section.period is not None and is_event_name(label) and label != section.heading:
            consider(label, section.period)
        for point in section.points:
            label = title_without_date(point.title) if point.title else ""
            if point.period is not None and label and label != point.title and is_event_name(label):
                consider(label, point.period)

    drafts: list[Event] = []
    for section in topic.sections:
        label = title_without_date(section.heading)
        if (
            section.period is not None
            and label.casefold() in named
            and label.casefold() not in ambiguous
        ):
            drafts.append(
                Event(
                    label=label,
                    period=section.period,
                    point_ids=tuple(p.id for p in section.points),
                    quote=f"From the notes: the section “{section.heading}”.",
                    named=True,
                )
            )
        for point in section.points:
            drafts.extend(_point_events(section, point, named, ambiguous))
    return _merge(drafts)


def _mentions_other(
    text: str, period: Period, named: dict[str, Period], ambiguous: set[str]
) -> bool:
    lower = text.casefold()
    for label, when in named.items():
        if label in lower and (label in ambiguous or when != period):
            return True
    return False


def _point_events(
    section: Section, point: Point, named: dict[str, Period], ambiguous: set[str]
) -> list[Event]:
    quote = quote_point(section, point)
    title_dates = find_dates(point.title) if point.title else []
    if point.period is not None and title_dates:
        period = point.period
        label = title_without_date(point.title)
        if label.casefold() in named and label.casefold() not in ambiguous:
            return [
                Event(label=label, period=period, point_ids=(point.id,), quote=quote, named=True)
            ]
        clauses = split_clauses(point.text)
        if not clauses or any(not d.period.overlaps(period) for d in find_dates(clauses[0])):
            return []
        description = _describe(clauses[0])
        dated_here = any(d.period.overlaps(period) for d in find_dates(clauses[0]))
        if description is None or (
            not dated_here and _mentions_other(description, period, named, ambiguous)
        ):
            return []
        return [
            Event(label=description, period=period, point_ids=(point.id,), quote=quote, named=False)
        ]
    events: list[Event] = []
    for text in split_clauses(point.text):
        dates = [d for d in find_dates(text) if not d.period.approximate]
        if len(dates) != 1 or dates[0].start > 40:
            continue
        description = _describe(text)
        if description is None:
            continue
        events.append(
            Event(
                label=description,
                period=dates[0].period,
                point_ids=(point.id,),
                quote=quote,
                named=False,
            )
        )
    return events


def event_key(label: str) -> str:
    """Events with the same key are the same event."""
    return " ".join(w for w in words(normalise_for_id(label)) if w not in {"the", "a", "an"})


def _merge(drafts: list[Event]) -> tuple[Event, ...]:
    """Merge repeats of one event; drop events the notes date in two different ways."""
    by_key: dict[str, list[Event]] = {}
    for event in drafts:
        by_key.setdefault(event_key(event.label), []).append(event)
    merged: list[Event] = []
    for group in by_key.values():
        periods = {(e.period.start, e.period.end) for e in group}
        if len(periods) > 1:
            continue  # the notes disagree (e.g. "Treaty of Friendship, Dec 1949" and "..., 1950")
        first = group[0]
        ids = tuple(dict.fromkeys(i for e in group for i in e.point_ids))
        merged.append(
            Event(
                label=first.label,
                period=first.period,
                point_ids=ids,
                quote=first.quote,
                named=first.named,
            )
        )
    return tuple(merged)


def bare(name: str) -> str:
    """A name without a leading "the"."""
    return name[4:] if name.lower().startswith("the ") else name


_NO_ARTICLE = frozenset(
    """
    nato seato comintern cominform comecon kristallnacht collectivisation politburo
    """.split()  # noqa: SIM905
)


def takes_article(name: str, entry: LexEntry | None, facts: Facts) -> bool:
    """True when a name is written with "the" ("the USSR", "the Korean War", not "China")."""
    base = bare(name)
    if key(base) in facts.with_the:
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
