"""Warnings for suspicious but valid notes: backwards ranges and events with clashing dates."""

from __future__ import annotations

import re

from clio.ids import normalise_for_id
from clio.model.period import Period
from clio.model.topic import ParseWarning, Section
from clio.parse.dates import find_dates

_YEAR_RANGE = re.compile(r"(?<![\d-])(1\d{3}|20\d{2})\s*[-–—]\s*(1\d{3}|20\d{2})(?![\d-])")


def backwards_ranges(lines: list[str]) -> list[ParseWarning]:
    """A warning for each year range that ends before it starts ("1962-1958")."""
    warnings = []
    for number, line in enumerate(lines, start=1):
        if "-" not in line and "–" not in line and "—" not in line:
            continue
        for match in _YEAR_RANGE.finditer(line):
            first, second = int(match.group(1)), int(match.group(2))
            if second < first:
                warnings.append(
                    ParseWarning(
                        code="backwards_range",
                        message=f"the range {match.group(0)!r} runs backwards "
                        f"(ends in {second}, before it starts in {first})",
                        line=number,
                    )
                )
    return warnings


def _event_name(title: str) -> tuple[str, Period] | None:
    """ "Treaty of Friendship, Dec 1949" -> ("treaty of friendship", Dec 1949)."""
    dates = find_dates(title)
    if not dates:
        return None
    last = dates[-1]
    if title[last.end :].strip(" )]:.;,") != "":
        return None
    name = title[: last.start].rstrip(" ([,;:–—-")
    key = normalise_for_id(name)
    if key.startswith("the "):
        key = key[4:]
    if len(key) < 4:
        return None
    return key, last.period


def clashing_dates(sections: tuple[Section, ...]) -> list[ParseWarning]:
    """A warning when the same event heads two places in the notes with dates that disagree."""
    seen: dict[str, tuple[str, Period, int]] = {}
    warnings: list[ParseWarning] = []
    named: list[tuple[str, int]] = []
    for section in sections:
        named.append((section.heading, section.lines[0]))
        named.extend((point.title, point.lines[0]) for point in section.points if point.title)
    for title, line in named:
        found = _event_name(title)
        if found is None:
            continue
        key, period = found
        if key not in seen:
            seen[key] = (title, period, line)
            continue
        first_title, first_period, first_line = seen[key]
        if not period.overlaps(first_period):
            warnings.append(
                ParseWarning(
                    code="clashing_dates",
                    message=f"{title!r} is dated {period.label()}, but {first_title!r} "
                    f"(line {first_line}) gives {first_period.label()}",
                    line=line,
                )
            )
    return warnings
