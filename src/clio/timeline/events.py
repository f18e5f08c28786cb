"""The dated events of a topic, in chronological order: sections, points and source claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from clio.model.period import Period
from clio.model.topic import Point, Section, Topic
from clio.parse.assemble import is_vague_date
from clio.parse.dates import find_dates
from clio.parse.sources import split_sentences


class EventKind(StrEnum):
    """Where a timeline event comes from."""

    SECTION = "section"
    POINT = "point"
    DETAIL = "detail"  # a dated event told inside a point ("More was executed in July 1535")
    CLAIM = "claim"


@dataclass(frozen=True, kw_only=True)
class TimelineEvent:
    """One dated thing on the timeline, with where it came from in the notes."""

    id: str
    kind: EventKind
    label: str
    detail: str
    period: Period
    section_id: str | None = None
    section_heading: str = ""
    source_label: str = ""
    line: int | None = None
    point_id: str | None = None  # the point a point's or a detail's event belongs to

    @property
    def is_range(self) -> bool:
        """True when the event spans more than its own date (e.g. 1950-53)."""
        return self.period.is_range


_KIND_ORDER = {EventKind.SECTION: 0, EventKind.POINT: 1, EventKind.DETAIL: 2, EventKind.CLAIM: 3}


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    short = " ".join(parts[:words])
    return short if len(parts) <= words else short.rstrip(",;:.") + "…"


_LEAD = re.compile(r"^\s*(?:in|on|by|during|from|at the end of)\s+$", re.IGNORECASE)


_INSIDE = re.compile(r"\s+(?:in|on|during)\s+$", re.IGNORECASE)


def _without_leading_date(text: str) -> str:
    """``text`` without the date phrase the chart already shows: an opening one ("In June
    1948, ...") or one early in the sentence ("NATO was set up in April 1949 by ...")."""
    found = find_dates(text[:60])
    if not found:
        return text
    first = found[0]
    if _LEAD.match(text[: first.start]):
        rest = text[first.end :].lstrip(" ,")
        return rest[:1].upper() + rest[1:] if rest else text
    inside = _INSIDE.search(text[: first.start])
    if inside and first.start > 0:
        return text[: inside.start()] + text[first.end :]
    return text


def _point_label(title: str, text: str, period: Period) -> str:
    """The title, unless it is only the date ("1924" over "Lenin dies"): then the text."""
    if not title or title.strip(" ()[],:;–—-") == period.text:
        return _short(_without_leading_date(text))
    return title


def _details(section: Section, point: Point) -> list[TimelineEvent]:
    """The dated events a point's text tells besides the point's own date: each sentence with
    a clear date of its own ("Sir Thomas More refused and was executed in July 1535")."""
    found: list[TimelineEvent] = []
    own = point.period
    seen = {(own.start, own.end)} if own is not None else set()
    clauses = [c.strip() for s in split_sentences(point.text) for c in s.split("; ") if c.strip()]
    for sentence in clauses:
        for number, date in enumerate(find_dates(sentence)):
            period = date.period
            bracketed = sentence[date.start - 1 : date.start] == "(" and period.is_range
            when = (period.start, period.end)
            if when in seen or bracketed or is_vague_date(date.text):
                continue  # the point's own date, a life's years, or a vague time
            seen.add(when)
            found.append(
                TimelineEvent(
                    id=f"{point.id}-d{len(found) + 1}",
                    kind=EventKind.DETAIL,
                    point_id=point.id,
                    label=_detail_label(
                        sentence, date.start, date.end, first=number == 0, point=point
                    ),
                    detail=sentence,
                    period=period,
                    section_id=section.id,
                    section_heading=section.heading,
                    line=point.lines[0] or None,
                )
            )
    return found


_PRONOUN = re.compile(r"^(?:he|she|they|it|this|these)\b", re.IGNORECASE)


def _detail_label(sentence: str, start: int, end: int, *, first: bool, point: Point) -> str:
    """A short label for the event a clause dates: the clause without its opening date, or,
    for a later date in it, the words around that date; a pronoun at the start gets the
    point's title ("The fall of Cromwell: he was executed.")."""
    if first or len(sentence[:start].split()) < 8:
        label = _short(_without_leading_date(sentence) if first else sentence)
    else:
        before = sentence[:start].split()[-8:]
        after = [w for w in sentence[end:].split()[:3] if any(c.isalnum() for c in w)]
        words = " ".join([*before, sentence[start:end], *after]).rstrip(" ,;:.")
        label = "…" + words + ("…" if after else ".")
    title = strip_title_date(point.title)
    if _PRONOUN.match(label) and title:
        return f"{title}: {label[:1].lower()}{label[1:]}"
    return label


def strip_title_date(title: str) -> str:
    """A point's title without its trailing date ("The fall of Cromwell, 1540")."""
    found = find_dates(title)
    if found and found[-1].end >= len(title.rstrip(" )]")) - 1:
        return title[: found[-1].start].rstrip(" ,(–—-")
    return title


def timeline_events(topic: Topic) -> list[TimelineEvent]:
    """Every dated section, point, event told in a point, and source claim of ``topic``,
    earliest first."""
    events: list[TimelineEvent] = []
    for section in topic.sections:
        if section.period is not None:
            events.append(
                TimelineEvent(
                    id=section.id,
                    kind=EventKind.SECTION,
                    label=section.heading,
                    detail="",
                    period=section.period,
                    section_id=section.id,
                    section_heading=section.heading,
                    line=section.lines[0] or None,
                )
            )
        for point in section.points:
            events.extend(_details(section, point))
            if point.period is None:
                continue
            events.append(
                TimelineEvent(
                    id=point.id,
                    kind=EventKind.POINT,
                    point_id=point.id,
                    label=_point_label(point.title, point.text, point.period),
                    detail=point.text,
                    period=point.period,
                    section_id=section.id,
                    section_heading=section.heading,
                    line=point.lines[0] or None,
                )
            )
    for source in topic.sources:
        for number, claim in enumerate(source.claims, start=1):
            events.append(
                TimelineEvent(
                    id=f"{source.id}-c{number}",
                    kind=EventKind.CLAIM,
                    label=_short(claim.text, 12),
                    detail=claim.text,
                    period=claim.period,
                    source_label=source.label,
                    line=source.lines[0] or None,
                )
            )
    events.sort(
        key=lambda e: (
            e.period.start.first_day(),
            _KIND_ORDER[e.kind],
            e.period.end.last_day(),
            e.line or 0,
        )
    )
    return events
