"""The dated events of a topic, in chronological order: sections, points and source claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from clio.model.period import Period
from clio.model.topic import Topic
from clio.parse.dates import find_dates


class EventKind(StrEnum):
    """Where a timeline event comes from."""

    SECTION = "section"
    POINT = "point"
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

    @property
    def is_range(self) -> bool:
        """True when the event spans more than its own date (e.g. 1950-53)."""
        return self.period.is_range


_KIND_ORDER = {EventKind.SECTION: 0, EventKind.POINT: 1, EventKind.CLAIM: 2}


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


def timeline_events(topic: Topic) -> list[TimelineEvent]:
    """Every dated section, point and source claim of ``topic``, earliest first."""
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
            if point.period is None:
                continue
            events.append(
                TimelineEvent(
                    id=point.id,
                    kind=EventKind.POINT,
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
