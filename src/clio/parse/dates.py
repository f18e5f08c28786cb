"""Find dates in running text and turn them into :class:`Period` values.

Handles "1949", "Dec 1949", "December 1949", "31 March 1948", "March 31, 1948", "1950-53",
"1949–57", "1958-1962", "between 1958 and 1962", "the late 1950s", "the early 1930s",
"the mid-1950s", "the 1960s", "fall/autumn of 1959", "c. 1920", "Jan 1947".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from clio.model.period import PartialDate, Period
from clio.parse.folding import is_word_char, plain_lower
from clio.parse.instances import assemble

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_WORDS = frozenset(_MONTHS)  # month names and their abbreviations, lower case
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 12),
}  # fmt: skip

_MONTH = r"(?P<{name}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?P<{name}>1[0-9]{{3}}|20[0-9]{{2}})"
_DASH = r"\s*(?:-|–|—|to|until)\s*"


def _m(name: str) -> str:
    return _MONTH.format(name=name)


def _y(name: str) -> str:
    return _YEAR.format(name=name)


def _y_first(name: str, not_after: str) -> str:
    """``(?<![\\w<not_after>])`` + the year group, written to start with the year's first digit.

    A pattern that starts with a character class lets the regex engine jump from one "1" or "2"
    to the next instead of trying every position; the look-behind after that digit checks the
    character before it, as a leading \\b (and look-behind) would.
    """
    return rf"(?P<{name}>[12](?<![\w{not_after}].)(?:(?<=1)[0-9]{{3}}|(?<=2)0[0-9]{{2}}))"


def _d_first(name: str) -> str:
    """``\\b(?P<name>[0-3]?\\d)`` (a day), written to start with a digit (see :func:`_y_first`)."""
    return rf"(?P<{name}>\d(?<!\w.)(?:(?<=[0-3])\d)?)"


# "c. 1920", "ca. 1920", "circa 1920", "around 1920", and the exam boards' "c1250"
_CIRCA = r"(?:c\.|ca\.|circa|around|about|c(?=[12][0-9]{3}))"
# (in words from the eleventh only: "the second century" is more often not a date)
_ORDINAL_WORDS = {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
# "19th", "nineteenth": a century's number (1st to 21st)
_CENTURY_NUMBER = r"(?:[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)|" + "|".join(
    sorted((w.replace(" ", r"\s") for w in _ORDINAL_WORDS), key=len, reverse=True)
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 31 March 1948 - 2 April 1948 / 31 March - 2 April 1948 are rare; single full dates first
    # "1 September 1939 - 2 September 1945", "22 June - 5 December 1941"
    ("dmdmy_range", re.compile(rf"{_d_first('d1')}(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m1')}(?:\s*,?\s+{_y('y1')})?\s*(?:-|–|—|to|until)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m')}\s*,?\s+{_y('y')}\b", re.I)),
    ("dmy_range", re.compile(rf"{_d_first('d1')}(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m')}\s*,?\s+{_y('y')}\b", re.I)),
    ("dmy", re.compile(rf"{_d_first('d')}(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m')}\s*,?\s+{_y('y')}\b", re.I)),
    ("mdy", re.compile(rf"\b{_m('m')}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+){_y('y')}\b", re.I)),
    ("my_range", re.compile(rf"\b{_m('m1')}\s+{_y('y1')}{_DASH}{_m('m2')}\s+{_y('y2')}\b", re.I)),
    ("mm_range", re.compile(rf"\b{_m('m1')}{_DASH}{_m('m2')}\s+{_y('y')}\b", re.I)),
    ("my", re.compile(rf"\b{_m('m')}\s*,?\s+(?:of\s+)?{_y('y')}\b", re.I)),
    ("season", re.compile(rf"\b(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?{_y('y')}(?:\s*(?:-|–|—|/)\s*(?P<y2>[0-9]{{2}}(?:[0-9]{{2}})?))?\b(?![,.]?\d)", re.I)),
    # "30/9/1938", read day first as British notes write it (month first when the day says so)
    ("numeric", re.compile(rf"(?<![\w/.])(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/{_y('y')}\b(?![/.]?\d)")),
    # "the late 1950s", and "the 1920s-30s", "the 1920s and 1930s"
    ("decade", re.compile(r"\b(?:the\s+)?(?P<q>early|mid|late)?[\s-]*(?P<dec>1[0-9]{2}0|20[0-9]0)'?s\b(?:\s*(?:-|–|—|to|and)\s*(?:the\s+)?(?P<dec2>(?:1[0-9]|20)?[0-9]0)'?s\b)?", re.I)),
    ("century", re.compile(rf"\b(?:(?P<q>early|mid|late)[\s-]+)?(?P<n>{_CENTURY_NUMBER})(?:(?:\s+and\s+|\s*(?:-|–|—)\s*|\s+to\s+)(?:the\s+)?(?P<n2>{_CENTURY_NUMBER}))?[\s-]+centur(?:y|ies)\b", re.I)),
    ("between", re.compile(rf"\bbetween\s+{_y('y1')}\s+and\s+{_y('y2')}\b", re.I)),
    ("circa_range", re.compile(rf"\b{_CIRCA}\s*{_y('y1')}\s*(?:-|–|—|/|to)\s*(?:c\.?\s*)?(?P<y2>[0-9]{{2}}(?:[0-9]{{2}})?)\b(?![,.]?\d)", re.I)),
    ("range", re.compile(rf"{_y_first('y1', '')}\s*(?:-|–|—|/|to)\s*(?P<c2>c\.?\s*)?(?P<y2>[0-9]{{2}}(?:[0-9]{{2}})?)\b(?![,.]?\d)", re.I)),
    ("part_year", re.compile(rf"\b(?P<q>early|mid|late)(?:-|\s+)(?:in\s+)?{_y('y')}\b(?![,.]\d|\s*%)", re.I)),
    ("circa", re.compile(rf"\b{_CIRCA}\s*{_y('y')}\b", re.I)),
    # "AD 43", "793 AD", "410 CE": years before 1000 are read only with their era
    ("era", re.compile(r"\b(?:AD|A\.D\.)\s*(?P<y>[1-9][0-9]{0,3})\b|\b(?P<y2>[1-9][0-9]{0,3})\s*(?:AD|A\.D\.|CE|C\.E\.)(?!\w)")),
    ("year", re.compile(rf"{_y_first('y', ',.$£€')}\b(?![,.]\d|\s*%)", re.I)),
]  # fmt: skip

# Only used when the year is known from context (a section dated "October 1962").
_YEARLESS: list[tuple[str, re.Pattern[str]]] = [
    ("dm_range", re.compile(rf"{_d_first('d1')}(?:st|nd|rd|th)?\s*(?:-|–|—)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m')}(?!\s*,?\s*\d)", re.I)),
    ("dm", re.compile(rf"{_d_first('d')}(?:st|nd|rd|th)?\s+(?:of\s+)?{_m('m')}(?!\s*,?\s*\d)", re.I)),
    ("md", re.compile(rf"\b{_m('m')}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", re.I)),
]  # fmt: skip
_WITH_YEARLESS = [*_PATTERNS[:3], *_YEARLESS, *_PATTERNS[3:]]  # the order when a year is known


_YEARISH = re.compile(r"(?:1\d|20)\d\d")
_DIGIT = re.compile(r"\d")
_MONTH_KINDS = frozenset(
    ["dmdmy_range", "dmy_range", "dmy", "mdy", "my_range", "mm_range", "my", "dm_range", "dm", "md"]
)
_MONTH_START = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_MONTH_PREFIXES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# Month-first patterns (after a leading \b): their matches begin where a month name does.
_MONTH_FIRST = frozenset(["mdy", "my_range", "mm_range", "my", "md"])
_YEARLESS_KINDS = frozenset(["dm_range", "dm", "md"])
_TRIGGERS = (
    (_MONTH_START, _MONTH_KINDS),
    (re.compile(r"(?i:spring|summer|fall|autumn|winter)"), frozenset(["season"])),
    (re.compile(r"0['’]?s"), frozenset(["decade"])),
    (re.compile(r"(?i:between)"), frozenset(["between"])),
    (re.compile(r"(?i:c\.|ca\.|circa|around|about|c[12])"), frozenset(["circa", "circa_range"])),
    (re.compile(r"(?i:early|mid|late)"), frozenset(["part_year"])),
    (re.compile(r"(?i:centur)"), frozenset(["century"])),
    (re.compile(r"AD|A\.D\.|CE|C\.E\."), frozenset(["era"])),
    (re.compile(r"/"), frozenset(["numeric"])),
)
# The triggers as plain substrings of the lower-cased text (of the text itself for the
# case-sensitive decade one). Each is implied by its regex, so nothing that could match is
# skipped; a false alarm only costs running the full pattern, which then finds nothing.
# (The month trigger is :func:`month_starts`, which also says where such dates may begin.)
_CIRCA_KINDS = _TRIGGERS[4][1]
_PLAIN_TRIGGERS: tuple[Callable[[str, str], bool], ...] = (  # (text, lower) -> may match
    lambda _, s: "spring" in s or "summer" in s or "fall" in s or "autumn" in s or "winter" in s,
    lambda t, _: "0s" in t or "0's" in t or "0’s" in t,
    lambda _, s: "between" in s,
    lambda _, s: "c." in s or "ca." in s or "circa" in s or "around" in s or "about" in s
    or "c1" in s or "c2" in s,
    lambda _, s: "early" in s or "mid" in s or "late" in s,
    lambda _, s: "centur" in s,
    lambda t, _: "AD" in t or "A.D." in t or "CE" in t or "C.E." in t,
    lambda t, _: "/" in t,
)  # fmt: skip


def _impossible_kinds(text: str) -> set[str]:
    """Pattern kinds that cannot match ``text`` (cheap checks; the full regexes are slower)."""
    lower = plain_lower(text)
    skip = _skipped(text, lower)
    if lower is not None and not month_starts(text, lower):
        skip |= _MONTH_KINDS
    return skip


def _skipped(text: str, lower: str | None) -> set[str]:
    """The kinds other than month names' that cannot match (``lower``: see plain_lower)."""
    if lower is None:
        return _impossible_kinds_slow(text) - _MONTH_KINDS
    # _PLAIN_TRIGGERS written out (a call per trigger costs more than its substring tests)
    skip: set[str] = set()
    s = lower
    if not ("spring" in s or "summer" in s or "fall" in s or "autumn" in s or "winter" in s):
        skip.add("season")
    if not ("0s" in text or "0's" in text or "0’s" in text):
        skip.add("decade")
    if "between" not in s:
        skip.add("between")
    if not (
        "c." in s or "ca." in s or "circa" in s or "around" in s or "about" in s
        or "c1" in s or "c2" in s
    ):  # fmt: skip
        skip.update(_CIRCA_KINDS)
    if not ("early" in s or "mid" in s or "late" in s):
        skip.add("part_year")
    if "centur" not in s:
        skip.add("century")
    if "/" not in text:
        skip.add("numeric")
    if not _names_era(text):
        skip.add("era")
    # What the month-name forms need besides a month: a dash or "to" between two days, the
    # comma of "March 12, 1950", and a dash, "to" or "until" between two month names.
    dashes = "-" in text or "–" in text or "—" in text
    if not dashes:
        skip.add("dm_range")
    if not (dashes or "to" in lower):
        skip.add("dmy_range")
    if not (dashes or "to" in lower or "until" in lower) or not _two_month_words(lower):
        skip |= _TWO_MONTH_KINDS
    return skip


_TWO_MONTH_KINDS = frozenset(["my_range", "mm_range", "dmdmy_range"])


def _two_month_words(lower: str) -> bool:
    """Whether month names' first three letters occur twice (anywhere) in ``lower``."""
    seen = 0
    for prefix in _MONTH_PREFIXES:
        if prefix in lower:  # cheaper than a str.count method call when it is not there
            seen += lower.count(prefix)
        if seen > 1:
            return True
    return False


def _impossible_kinds_slow(text: str) -> set[str]:
    """Pattern kinds that cannot match ``text``: one regex search per trigger (any text)."""
    skip: set[str] = set()
    for trigger, kinds in _TRIGGERS:
        if trigger.search(text) is None:
            skip |= kinds
    return skip


@dataclass(frozen=True, kw_only=True)
class DateMatch:
    """A date found in text: the period, and where it was (character offsets)."""

    period: Period
    start: int
    end: int
    text: str


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


# Which third of a year, a decade or a century "early", "mid" and "late" mean
_THIRD = {"early": 0, "mid": 1, "late": 2}


def _century(number: str) -> int:
    """19 for "19th" or "nineteenth"."""
    word = " ".join(number.lower().replace("-", " ").split())
    return _ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else int(number[:-2])


def _expand_year(first: int, second: str) -> int:
    if len(second) == 4:
        return int(second)
    century = first - first % 100
    value = century + int(second)
    return value if value >= first else value + 100


def _build(kind: str, match: re.Match[str], year: int | None = None) -> Period | None:
    """The period a pattern's match states (built once per distinct reading, then cached)."""
    return _build_from(kind, match.group(0), match.groups(), year)


# Each kind's group names in group order: match.groups() and these make match.groupdict()
# (a tuple the match hands out as is, cheaper than a dict made and turned into a tuple).
_GROUP_NAMES = {
    kind: tuple(sorted(pattern.groupindex, key=pattern.groupindex.__getitem__))
    for kind, pattern in _WITH_YEARLESS
}


@lru_cache(maxsize=1 << 12)
def _date(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """``PartialDate(year=year, month=month, day=day)``, one shared (frozen) instance per date.

    Building a date and checking it costs more than finding it; a sheet names the same years
    over and over ("1949", "Dec 1949", "1949-57").
    """
    return PartialDate(year=year, month=month, day=day)


def _years(
    start: int, end: int | None = None, *, approximate: bool = False, text: str = ""
) -> Period:
    """``Period.years(...)`` made of shared dates."""
    last = _date(start if end is None else end)
    return Period(start=_date(start), end=last, approximate=approximate, text=text)


@lru_cache(maxsize=1 << 12)
def _build_from(
    kind: str, matched: str, groups: tuple[Any, ...], year: int | None
) -> Period | None:
    text = matched.strip()
    if kind == "year" and year is None:  # the commonest by far: one group, the year
        return _years(int(groups[0]), text=text)
    # as groupdict(): a group that took part is a str
    g: dict[str, Any] = dict(zip(_GROUP_NAMES[kind], groups, strict=True))
    if year is not None:
        g["y"] = str(year)
    try:
        if kind == "dmdmy_range":
            end_date = _date(int(g["y"]), month=_month(g["m"]), day=int(g["d"]))
            first_year = int(g["y1"]) if g.get("y1") else end_date.year
            return Period(
                start=_date(first_year, month=_month(g["m1"]), day=int(g["d1"])),
                end=end_date,
                text=text,
            )
        if kind == "numeric":
            first, second = int(g["a"]), int(g["b"])
            day, month = (second, first) if first <= 12 < second else (first, second)
            return Period.single(_date(int(g["y"]), month=month, day=day), text=text)
        if kind in ("dmy_range", "dm_range"):
            month = _month(g["m"])
            return Period(
                start=_date(int(g["y"]), month=month, day=int(g["d1"])),
                end=_date(int(g["y"]), month=month, day=int(g["d"])),
                text=text,
            )
        if kind in ("dmy", "mdy", "dm", "md"):
            date = _date(int(g["y"]), month=_month(g["m"]), day=int(g["d"]))
            return Period.single(date, text=text)
        if kind == "my_range":
            return Period(
                start=_date(int(g["y1"]), month=_month(g["m1"])),
                end=_date(int(g["y2"]), month=_month(g["m2"])),
                text=text,
            )
        if kind == "mm_range":
            year = int(g["y"])
            return Period(
                start=_date(year, month=_month(g["m1"])),
                end=_date(year, month=_month(g["m2"])),
                text=text,
            )
        if kind == "my":
            return Period.single(_date(int(g["y"]), month=_month(g["m"])), text=text)
        if kind == "season":
            first, last = _SEASONS[g["s"].lower()]
            year = int(g["y"])
            end_year = _expand_year(year, g["y2"]) if g.get("y2") else year
            if end_year == year + 1 and first == 12:
                first, last = 12, 2  # "the winter of 1941-42": December to February
            elif end_year != year:
                return None  # "summer 1940-45" is no season
            return Period(
                start=_date(year, month=first),
                end=_date(end_year, month=last),
                approximate=True,
                text=text,
            )
        if kind == "century":
            first = (_century(g["n"]) - 1) * 100
            if g.get("n2"):
                last = (_century(g["n2"]) - 1) * 100 + 99
                return _years(first, last, text=text) if last > first else None
            part = (g.get("q") or "").lower()
            if part:
                start = first + 33 * _THIRD[part]
                return _years(start, start + 33, approximate=True, text=text)
            return _years(first, first + 99, text=text)
        if kind == "part_year":
            first = 1 + 4 * _THIRD[g["q"].lower()]  # four months: Jan-Apr, May-Aug, Sep-Dec
            year = int(g["y"])
            return Period(
                start=_date(year, month=first),
                end=_date(year, month=first + 3),
                approximate=True,
                text=text,
            )
        if kind == "era":
            return _years(int(g["y"] or g["y2"]), text=text)
        if kind == "decade":
            decade = int(g["dec"])
            part = (g.get("q") or "").lower()
            last = _expand_year(decade, g["dec2"]) + 9 if g.get("dec2") else 0
            if decade < last - 9 <= decade + 50:  # "the 1920s-30s": to the end of the second
                start = decade + 3 * _THIRD.get(part, 0)
                return _years(start, last, approximate=bool(part), text=text)
            if part:
                start = decade + 3 * _THIRD[part]
                return _years(start, start + 3, approximate=True, text=text)
            return _years(decade, decade + 9, text=text)
        if kind in ("range", "between", "circa_range"):
            first = int(g["y1"])
            second = _expand_year(first, g["y2"])
            if second - first > (1000 if kind == "circa_range" else 200):
                return None  # "1000-1500 men" are no years; "c1000-c1500" are
            if second < first:
                return None
            approximate = kind == "circa_range" or bool(g.get("c2"))  # "1066-c1200"
            return _years(first, second, approximate=approximate, text=text)
        if kind == "circa":
            return _years(int(g["y"]), approximate=True, text=text)
        if kind == "year":
            return _years(int(g["y"]), text=text)
    except (ValueError, KeyError):
        return None
    return None


def find_dates(text: str, *, year: int | None = None) -> list[DateMatch]:
    """Every date in ``text``, left to right, longest reading first, without overlaps.

    With ``year``, day-and-month dates without a year ("on 22 October") are read in that year.
    """
    return list(_dates_in(text, year))


@lru_cache(maxsize=1 << 14)
def _dates_in(text: str, year: int | None) -> tuple[DateMatch, ...]:
    """:func:`find_dates`, once per distinct (text, year): headings and titles recur."""
    return tuple(_scan_dates(text, year))


def _no_year_form(text: str) -> bool:
    """Whether ``text`` may hold a date with no four-digit year: a century or an era's year."""
    return _names_era(text) or "centur" in text.lower()


def _names_era(text: str) -> bool:
    """Whether ``text`` may hold a year with its era ("AD 43", "410 CE"): the era pattern's
    trigger."""
    return "AD" in text or "A.D." in text or "CE" in text or "C.E." in text


def _scan_dates(text: str, year: int | None) -> list[DateMatch]:
    """The dates in ``text`` (uncached; see :func:`find_dates`)."""
    if not (_YEARISH if year is None else _DIGIT).search(text) and not _no_year_form(text):
        return []  # nearly every date form has a four-digit year: most lines of notes have none
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    lower = plain_lower(text)
    skip = _skipped(text, lower)
    months = month_starts(text, lower)
    days: list[int] | None = None
    for kind, pattern in _PATTERNS if year is None else _WITH_YEARLESS:
        if kind in skip:
            continue
        if kind in _MONTH_KINDS:
            if not months:
                continue  # no month name anywhere
            if kind in _MONTH_FIRST:
                matches = _anchored(pattern, text, months)
            elif lower is not None:  # day first: "31st of March 1948", "12-14 Mar 1948"
                if days is None:
                    days = day_starts(text, months)
                matches = _anchored(pattern, text, days)
            else:
                matches = None
        elif kind == "part_year" and lower is not None:  # "early 1942": at those words only
            matches = _anchored(pattern, text, _word_starts(text, lower, _PART_WORDS))
        else:
            matches = None
        for match in pattern.finditer(text) if matches is None else matches:
            start, end = match.span()
            if taken and any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            matched = match.group(0)
            period = _build_from(
                kind, matched, match.groups(), year if kind in _YEARLESS_KINDS else None
            )
            if period is None:
                continue
            taken.append((start, end))
            found.append(_date_match(period, start, end, matched))
    if len(found) > 1:
        found.sort(key=lambda m: m.start)
    return found


def _date_match(period: Period, start: int, end: int, text: str) -> DateMatch:
    """``DateMatch(period=..., start=..., end=..., text=...)``, made fast (see ``assemble``)."""
    return assemble(DateMatch, {"period": period, "start": start, "end": end, "text": text})


def _anchored(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can only begin at ``starts``.

    finditer tries every position left to right and goes on after the end of each match;
    trying only the possible starts (sorted) the same way gives the same matches.
    """
    matches = []
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            matches.append(match)
            end = match.end()
    return matches


# What may stand between a day-first date's first digit and its month: digits, white space,
# "st" "nd" "rd" "th", "of", "to" and dashes (the letters in either case; text with a character
# a case-insensitive regex folds oddly never gets here).
_BEFORE_MONTH = frozenset("ofstndrhOFSTNDRH-–—")


def day_starts(text: str, months: list[int]) -> list[int]:
    """Sorted offsets where a day-first date ("31 March 1948", "12-14 Mar 1948") may begin.

    Such a date's month is at one of ``months`` (see :func:`month_starts`) and only digits,
    white space, ordinal endings, "of", "to" and dashes stand between its first digit and the
    month; so it begins at a digit in the stretch of those characters just before a month
    (``text`` must have no character that :func:`clio.parse.folding.plain_lower` refuses).
    """
    starts: set[int] = set()
    before = _BEFORE_MONTH
    for month in months:
        at = month
        while at > 0:
            char = text[at - 1]
            if not (char in before or char.isspace() or char.isdecimal()):
                break
            at -= 1
            if char.isdecimal():
                starts.add(at)
    return sorted(starts)


_PART_WORDS = ("early", "mid", "late")


def month_starts(text: str, lower: str | None) -> list[int]:
    """Sorted offsets where a word may begin with a month name's first three letters.

    Every month-name date form has its (first) month at such a place: a month-first pattern
    starts there (after its leading \\b), a day-first one reaches it after a space.
    ``lower`` is ``plain_lower(text)``.
    """
    if lower is None:
        return [m.start() for m in _MONTH_START.finditer(text)]
    return _word_starts(text, lower, _MONTH_PREFIXES)


def _word_starts(text: str, lower: str, prefixes: tuple[str, ...]) -> list[int]:
    """Sorted offsets where a word of ``text`` begins with one of ``prefixes`` (lower case;
    ``lower`` is ``plain_lower(text)``): where a pattern that starts with ``\\b`` and one of
    them can match."""
    starts: list[int] = []
    for prefix in prefixes:
        if prefix not in lower:
            continue  # most: "in" is cheaper than a str.find method call
        at = lower.find(prefix)
        while at >= 0:
            if at == 0 or not is_word_char(text[at - 1]):
                starts.append(at)
            at = lower.find(prefix, at + 1)
    if len(starts) > 1:
        starts.sort()
    return starts


def parse_period(text: str) -> Period | None:
    """The single period ``text`` states, or None (e.g. ``"Dec 1949"`` -> 1949-12)."""
    dates = find_dates(text)
    return dates[0].period if dates else None


def trailing_period(text: str) -> Period | None:
    """The period at the end of a heading or title: "..., 1949-57" or "... (July 1959)"."""
    dates = find_dates(text)
    if not dates:
        return None
    last = dates[-1]
    tail = text[last.end :].strip(" )]:.;,\u00a0")
    if tail == "":
        return last.period
    return None
