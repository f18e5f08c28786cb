"""Wrong options for vague dates: "the late 1950s", "the 1960s", "c. 1920".

A vague answer gets wrong options written the same way ("the early 1960s", "the late 1940s"),
each of which shares no year with the answer nor with any date the notes give for the event,
so every one is false according to the notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clio.model.period import PartialDate, Period

_PART = re.compile(
    r"^(?P<the>the\s+)?(?P<part>early|mid|late)[-\s]?(?P<decade>\d{3})0s$", re.IGNORECASE
)
_DECADE = re.compile(r"^(?P<the>the\s+)?(?P<decade>\d{3})0s$", re.IGNORECASE)
_CIRCA = re.compile(r"^(?P<word>c\.|circa|around|about)\s*(?P<year>\d{4})$", re.IGNORECASE)
_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def is_vague(period: Period) -> bool:
    """True for a date the notes give vaguely, which a vague answer must match in form."""
    return vague_form(period.text) is not None


def askable(period: Period | None, text: str) -> bool:
    """True for a fact whose date can be asked: none, a plain date, or a vague date in a form
    wrong options can copy (not "c. 1956-59" from a phrase Clio cannot write again)."""
    if period is None or is_vague(period):
        return True
    return not (period.approximate or re.search(r"\d0[’']?s\b", text))


def shown(period: Period) -> str:
    """How an answer writes a date: the notes' words for a vague one ("the late 1960s")."""
    return period.text.strip() if is_vague(period) else period.label()


def vague_form(text: str) -> str | None:
    """Which kind of vague date ``text`` is ("part", "decade", "circa"), or None."""
    clean = text.strip()
    for name, pattern in (("part", _PART), ("decade", _DECADE), ("circa", _CIRCA)):
        if pattern.match(clean):
            return name
    return None


def _years(first: int, last: int) -> Period:
    return Period(start=PartialDate(year=first), end=PartialDate(year=last))


def _options(text: str) -> list[tuple[str, Period]]:
    """Every same-form vague date near ``text``, nearest first, with the years it covers."""
    clean = text.strip()
    found: list[tuple[str, Period]] = []
    if match := _PART.match(clean):
        the = "the " if match["the"] else ""
        decade = int(match["decade"]) * 10
        for shift in (0, -10, 10, -20, 20):
            for part, (low, high) in _PARTS.items():
                start = decade + shift
                joined = "-" if part == "mid" else " "
                label = f"{the}{part}{joined}{start}s"
                found.append((label, _years(start + low, start + high)))
    elif match := _DECADE.match(clean):
        the = "the " if match["the"] else ""
        decade = int(match["decade"]) * 10
        for shift in (-10, 10, -20, 20, -30, 30):
            found.append((f"{the}{decade + shift}s", _years(decade + shift, decade + shift + 9)))
    elif match := _CIRCA.match(clean):
        year = int(match["year"])
        for shift in (-10, 10, -20, 20, -30, 30):
            found.append((f"{match['word']} {year + shift}", _years(year + shift, year + shift)))
    return found


def vague_options(answer: Period, forbidden: Iterable[Period], *, side: int = 0) -> list[str]:
    """Same-form vague dates sharing no year with the answer or the notes' dates for it.

    ``side`` -1 keeps only earlier ones, 1 only later ones ("by the late 1950s": earlier only).
    """
    own = _years(answer.start.year, answer.end.year)
    # "c. 1920" could mean a few years either way: keep wrong options clear of that.
    slack = 4 if vague_form(answer.text) == "circa" else 0
    taken = [_years(own.start.year - slack, own.end.year + slack), *forbidden]
    chosen: list[str] = []
    for text, period in _options(answer.text):
        if any(period.overlaps(t) for t in taken):
            continue
        if side < 0 and not period.end.year < own.start.year:
            continue
        if side > 0 and not period.start.year > own.end.year:
            continue
        chosen.append(text)
    return chosen
