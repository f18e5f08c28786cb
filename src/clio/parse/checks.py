"""Warnings for suspicious but valid notes: backwards ranges and events with clashing dates."""

from __future__ import annotations

import re

from clio.ids import normalise_for_id
from clio.model.period import Period
from clio.model.topic import ParseWarning, Section

# (?<![\d-])(1\d{3}|20\d{2})\s*[-–—]\s*(1\d{3}|20\d{2})(?![\d-]), written to start with the
# year's first digit so that the regex engine skips from one "1" or "2" to the next.
_YEAR_RANGE = re.compile(
    r"([12](?<![\d-].)(?:(?<=1)\d{3}|(?<=2)0\d{2}))\s*[-–—]\s*(1\d{3}|20\d{2})(?![\d-])"
)


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


def _event_name(title: str, period: Period | None) -> str | None:
    """ "Treaty of Friendship, Dec 1949" dated Dec 1949 -> "treaty of friendship"."""
    if period is None or not period.text:
        return None
    stripped = title.rstrip(" )]:.;,")
    if not stripped.endswith(period.text):
        return None  # the date is not at the end: not a dated event title
    name = stripped[: -len(period.text)].rstrip(" ([,;:–—-")
    key = normalise_for_id(name)
    if key.startswith("the "):
        key = key[4:]
    return key if len(key) >= 4 else None


def clashing_dates(sections: tuple[Section, ...]) -> list[ParseWarning]:
    """A warning when the same event heads two places in the notes with dates that disagree."""
    seen: dict[str, tuple[str, Period, int]] = {}
    warnings: list[ParseWarning] = []
    named: list[tuple[str, Period | None, int]] = []
    for section in sections:
        named.append((section.heading, section.period, section.lines[0]))
        named.extend(
            (point.title, point.period, point.lines[0]) for point in section.points if point.title
        )
    for title, period, line in named:
        key = _event_name(title, period)
        if key is None or period is None:
            continue
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
