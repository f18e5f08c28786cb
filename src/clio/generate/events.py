"""Dated events the notes give: short labels, periods, and which dates the notes disagree on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.generate.text import (
    capitalise,
    clean,
    date_bound,
    find_dates,
    is_event_name,
    point_clauses,
    remove_dates,
    starts_with_pronoun,
    title_without_date,
    words,
)
from clio.ids import normalise_for_id
from clio.model.period import Period
from clio.model.topic import Point, Section, Topic


@dataclass(frozen=True, kw_only=True)
class Event:
    """A dated event the notes give: a short label, its period and the points it came from."""

    label: str
    period: Period
    point_ids: tuple[str, ...]
    quote: str
    named: bool  # True when ``label`` is an event's name ("Sino-Indian War")


def quote_point(section: Section, point: Point) -> str:
    """How an explanation quotes a point: where it is, then its words."""
    where = section.heading if not point.title else f"{section.heading} — {point.title}"
    return f"From the notes ({where}): “{clean(point.text) or point.title}.”"


def all_label_dates(topic: Topic) -> dict[str, tuple[Period, ...]]:
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
    # "Cominform: linked the parties ...": a label and its verb are subject and verb
    plain = re.sub(r"^([A-Z][\w’' -]{0,40}?):\s+(?=[a-z]+ed\s)", r"\1 ", plain)
    if starts_with_pronoun(plain) or not 4 <= len(plain.split()) <= 18:
        return None
    if _BACK_REFERENCE.match(plain) and not re.search(r"\s[A-Z0-9]", plain):
        return None  # "The ‘massacre’ became public": which massacre the title said, not this
    if re.match(r"^[\w’'-]+,\s", plain):
        return None  # "Passed, it let Hitler ...": the date carried the sentence
    dates = find_dates(text)
    if _SUBORDINATE.match(plain) and dates and not text[: dates[0].start].strip():
        return None  # "August 1964, when North Vietnamese boats ...": the date was the clause
    return capitalise(plain)


# "The ‘massacre’ ...", "The temporary currency ...": a definite description naming nothing
_BACK_REFERENCE = re.compile(r"^the\s+[‘'\"]?[a-z]", re.IGNORECASE)

# A leading phrase whose date belongs to its own noun, not to the sentence's event
_LEAD_PHRASE = re.compile(r"^(?:after|before|following|since|until)\s[^,]*$", re.IGNORECASE)

_SUBORDINATE = re.compile(
    r"^(?:when|whenever|while|whilst|although|though|because|since|as|if|unless|until|after|"
    r"before|which|who|whose|where|so that)\b",
    re.IGNORECASE,
)


def _dated_mentions(topic: Topic) -> list[tuple[str, tuple[Period, ...]]]:
    """Every title, heading and clause with the dates it gives."""
    found: list[tuple[str, tuple[Period, ...]]] = []
    for section in topic.sections:
        found.append((section.heading, tuple(m.period for m in find_dates(section.heading))))
        for point in section.points:
            found.append((point.title, tuple(m.period for m in find_dates(point.title))))
            for text in point_clauses(section.heading, point.title, point.text):
                found.append((text, tuple(m.period for m in find_dates(text))))
    return found


def _label_dates(label: str, mentions: list[tuple[str, tuple[Period, ...]]]) -> list[Period]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.I)
    return [p for text, periods in mentions if pattern.search(text) for p in periods]


def find_events(topic: Topic) -> tuple[Event, ...]:
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
        clauses = point_clauses(section.heading, point.title, point.text)
        first_dates = find_dates(clauses[0]) if clauses else []
        if not clauses or any(not d.period.overlaps(period) for d in first_dates):
            return []
        if any(date_bound(clauses[0][: d.start]) for d in first_dates):
            return []  # "By November 1950, the army had almost reached ...": a bound, not when
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
    for text in point_clauses(section.heading, point.title, point.text):
        dates = [d for d in find_dates(text) if not d.period.approximate]
        if len(dates) != 1 or dates[0].start > 40 or date_bound(text[: dates[0].start]):
            continue  # none, several, late in the sentence, or a bound ("By 1934 the SA had")
        if _LEAD_PHRASE.match(text[: dates[0].start]) and text[dates[0].end :].startswith(","):
            continue  # "After the Great Stink of 1858, Bazalgette built ...": not built in 1858
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
