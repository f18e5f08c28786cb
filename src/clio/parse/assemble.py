"""Turn drafts into sections and points, with ids, periods, entities and warnings."""

from __future__ import annotations

import re

from clio.ids import content_id
from clio.model.period import Period
from clio.model.topic import ParseWarning, Point, Section
from clio.parse.dates import find_dates
from clio.parse.drafts import PointDraft, SectionDraft, joined
from clio.parse.entities import extract_entities, is_person_name

_DECADE = re.compile(r"\d0'?s$|^(?:spring|summer|fall|autumn|winter)", re.I)
_CENTURY = re.compile(r"centur(?:y|ies)$", re.I)


def build_sections(
    drafts: list[SectionDraft], warnings: list[ParseWarning], *, context: Period | None
) -> tuple[Section, ...]:
    """Sections and points from their drafts (warnings for empty ones are appended)."""
    sections: list[Section] = []
    seen_ids: set[str] = set()
    for position, draft in enumerate(drafts):
        is_last = position == len(drafts) - 1
        if not draft.points and is_last:
            # an empty heading before another heading is a part heading ("Key people"), fine
            warnings.append(
                ParseWarning(
                    code="empty_section",
                    message=f"section {draft.heading!r} has no points",
                    line=draft.first_line,
                )
            )
        period = heading_period(draft.heading)
        points = [
            point
            for number, p in enumerate(draft.points, start=1)
            if (point := _build_point(p, number, period or context, seen_ids, warnings)) is not None
        ]
        last_line = points[-1].lines[1] if points else draft.first_line
        sections.append(
            Section(
                id=_unique(content_id("s", draft.heading), seen_ids),
                heading=draft.heading,
                period=period,
                points=tuple(points),
                lines=(draft.first_line, last_line),
                part=draft.part or None,
            )
        )
    return tuple(sections)


def _build_point(
    p: PointDraft,
    number: int,
    section_period: Period | None,
    seen_ids: set[str],
    warnings: list[ParseWarning],
) -> Point | None:
    text, title = joined(p.text_lines), p.title
    bulleted = p.style.startswith(("bullet", "paragraph"))
    if not text and bulleted:
        text, title = title, ""  # a one-line bullet is a statement, not a bare title
    if not text and not title:
        return None
    if not text:
        warnings.append(
            ParseWarning(
                code="empty_point",
                message=f"point {p.label} {title!r} has no text",
                line=p.first_line,
            )
        )
    return Point(
        id=_unique(content_id("p", title, text), seen_ids),
        label=str(number) if bulleted else p.label,
        title=title,
        text=text,
        period=_point_period(title, text, section_period),
        lines=(p.first_line, max(p.last_line, p.first_line)),
        entities=extract_entities(f"{title}. {text}" if title else text),
    )


def is_vague_date(text: str) -> bool:
    """Whether a date as written is only a time around an event: a decade or part of one, a
    season, a century ("the 1960s", "winter of 1941", "the 19th century")."""
    return bool(_DECADE.search(text) or _CENTURY.search(text))


def _unique(candidate: str, seen: set[str]) -> str:
    result, counter = candidate, 2
    while result in seen:
        result = f"{candidate}-{counter}"
        counter += 1
    seen.add(result)
    return result


def heading_period(heading: str) -> Period | None:
    """The date a heading gives: the one at its end ("..., 1949-57"), else its last one."""
    dates = find_dates(heading)
    return dates[-1].period if dates else None


def _refined(title: str, text: str, period: Period) -> Period:
    """A title that is only a year, made exact by the one day its text gives.

    "1918 – Kaiser Wilhelm II abdicates (9 November)" is 9 November 1918.
    """
    single_year = period.start == period.end and period.start.month is None
    if not single_year or title.strip(" ()[],:;–—-") != period.text or ";" in text:
        return period
    own = {d.start for d in find_dates(text)}
    dated = [d for d in find_dates(text, year=period.start.year) if d.start not in own]
    if len(dated) == 1 and not dated[0].period.approximate:
        return dated[0].period
    return period


def _is_lifespan(title: str, period: Period) -> bool:
    """Whether the title is a person with their years ("Joseph Stalin (1878–1953)"): a life,
    not the date of what the point tells."""
    if period.start.year + 15 > period.end.year or not period.text:
        return False
    return is_person_name(title.replace(period.text, "").strip(" ()[],–—-"))


def _point_period(title: str, text: str, section_period: Period | None) -> Period | None:
    if title:
        from_title = heading_period(title)
        if from_title is not None and not _is_lifespan(title, from_title):
            return _refined(title, text, from_title)
    found = find_dates(text)
    # vague dates in the text are its context, not the point's date: a part of a decade, a
    # season, a century
    dates = [
        d
        for d in found
        if (not d.period.approximate or not _DECADE.search(d.text)) and not _CENTURY.search(d.text)
    ]
    if dates:
        return dates[0].period
    if section_period is not None and section_period.start.year == section_period.end.year:
        # "on 22 October" under "The thirteen days, October 1962" means 22 October 1962
        dated = find_dates(f"{title}. {text}", year=section_period.start.year)
        exact = [d for d in dated if not d.period.approximate and not _CENTURY.search(d.text)]
        return exact[0].period if exact else None
    return None
