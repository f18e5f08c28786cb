"""Figures in notes: a number with what it counts ("$300m", "20,000 experts", "95%")."""

from __future__ import annotations

import re

from clio.model.topic import Entity, EntityKind
from clio.parse.folding import plain_lower
from clio.parse.instances import assemble


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FIGURE = EntityKind.FIGURE  # a module constant: Enum member lookups are slow in Python 3.11
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIER = re.compile(
    r"\b(?:nearly|almost|about|around|over|some|roughly|approximately|circa|only|just|"
    r"more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least)\s+$",
    re.I,
)
_SCALES = {
    "k": 1e3, "thousand": 1e3, "hundred": 1e2, "m": 1e6, "mn": 1e6, "million": 1e6,
    "bn": 1e9, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
WORD_NUMBERS = {  # number words and their values ("two" -> 2), shared with clio.search
    "a": 1, "an": 1, "one": 1, "half a": 0.5, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
}  # fmt: skip

_CURRENCY = re.compile(
    rf"(?P<cur>US\$|[$£€¥])\s?(?P<num>{_NUM})"
    r"(?:\s*(?P<scale>(?i:k|mn|m|bn|thousand|million|billion|trillion))\b)?"
)
# (?<![\w.,$£€-])(?P<num>{_NUM}), written to start with a digit (see _COUNT_NUM below)
_PERCENT_NUM = r"\d(?<![\w.,$£€-].)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_PERCENT = re.compile(rf"(?P<num>{_PERCENT_NUM})\s?(?:%|(?i:per\s?cent|percent)\b)")
# The same as (?<![\w.,$£€/:–-])(?P<num>{_NUM}), written to start with a digit so that the regex
# engine skips straight to the next digit instead of trying every position.
_COUNT_NUM = r"\d(?<![\w.,$£€/:–-].)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_COUNT = re.compile(
    rf"(?P<num>{_COUNT_NUM})(?![\w%/:]|[.,]\d|[-–]\d)"
    r"(?:\s+(?P<scale>(?i:thousand|million|billion|trillion|bn))\b)?"
)
# _COUNT without the matches find_figures skips as years: four ASCII digits 1000-2099 and no
# scale word after them. The check stands after the first digit (so that the scan still jumps
# from digit to digit); inside a skipped year no match can start (a digit follows a digit), so
# every other match is the same as _COUNT's, and the loop runs no Python for plain years.
_NOT_A_YEAR = (
    r"(?!(?:(?<=1)[0-9]{3}|(?<=2)0[0-9]{2})(?![\w%/:]|[.,]\d|[-–]\d)"
    r"(?!\s+(?i:thousand|million|billion|trillion|bn)\b))"
)
_COUNT_NOT_YEAR = re.compile(
    rf"(?P<num>{_COUNT_NUM[: _COUNT_NUM.index(')') + 1]}{_NOT_A_YEAR}"
    rf"{_COUNT_NUM[_COUNT_NUM.index(')') + 1 :]})(?![\w%/:]|[.,]\d|[-–]\d)"
    r"(?:\s+(?P<scale>(?i:thousand|million|billion|trillion|bn))\b)?"
)
_WORDED = re.compile(
    r"\b(?P<words>(?i:half\s+a|a\s+hundred|a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety))\s+(?P<scale>(?i:thousand|million|billion))\b"
)
_ANY_FIGURE = re.compile(r"\d|(?i:thousand|million|billion)")
_DIGIT = re.compile(r"\d")
_ANY_CURRENCY = re.compile(r"[$£€¥]")
_ANY_SCALE_WORD = re.compile(r"(?i:thousand|million|billion)")
_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")

_NOT_UNITS = _words(
    "a an the and or but nor to in on at of for from by with was were is are be been had has "
    "have he she it they we you i his her their its this that these those who which when where "
    "while as than then so if also only more less per each after before during until since "
    "into onto over under about between against among not no yes years' year's "
    "could would should might must can will shall may did do does"  # "men over 21 could vote"
)
_MONTHS = _words(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december bc bce ad ce"
)
_ADJECTIVE_ENDINGS = ("ic", "al", "ian", "ese", "ish", "ed", "ive", "ary", "ern", "ful")
_NATIONALITY = ("ese", "an", "ish", "ian", "ic", "ch", "ek", "qi", "ni", "li")
_PROPER_ADJECTIVES = _words("soviet nazi communist nationalist allied red white thai swiss")
# adjectives without an adjective's ending that come before what a figure counts
_PLAIN_ADJECTIVES = _words(
    "young old new major minor small large big great poor rich black white free skilled "
    "unskilled elderly senior junior female male armed unarmed innocent ordinary"
)
_DIRECTIONS = _words("east west north south eastern western northern southern")
_TRAILING = _words(
    "dead killed wounded injured missing captured homeless unemployed strong deep long high "
    "wide old lost"
)


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def unit_after(text: str, position: int) -> tuple[str | None, int]:
    """The unit words right after ``position``, and where they end."""
    words: list[str] = []
    end = position
    for _ in range(3):
        match = _WORD.match(text, end)
        if not match:
            break
        word = match.group(1)
        lower = word.lower()
        if lower in _NOT_UNITS or lower.rstrip(".") in _MONTHS:
            break
        if words and not _extends_unit(words, word):
            break
        words.append(word)
        end = match.end()
    return (" ".join(words) if words else None), end


def _extends_unit(words: list[str], word: str) -> bool:
    """Whether ``word`` continues the unit: "men dead", "Chinese troops", "East Germans"."""
    if word.lower() in _TRAILING:
        return True
    if len(words) != 1:
        return False
    first = words[0]
    if first[:1].isupper():  # only a capitalised adjective: "Chinese troops", not "Nazis tried"
        return _is_adjective(first) and (word[:1].islower() or first.lower() in _DIRECTIONS)
    low = first.lower()
    return word[:1].islower() and (low.endswith(_ADJECTIVE_ENDINGS) or low in _PLAIN_ADJECTIVES)


def _is_adjective(word: str) -> bool:
    lower = word.lower()
    if "-" in lower and lower.endswith(("ed", "en", "ing")):  # "CIA-trained", "Soviet-built"
        return True
    return lower in _PROPER_ADJECTIVES or lower in _DIRECTIONS or lower.endswith(_NATIONALITY)


def _is_year(number: str, scale: str | None) -> bool:
    return scale is None and len(number) == 4 and number.isdigit() and 1000 <= int(number) < 2100


def make_entity(
    kind: EntityKind, text: str, name: str, value: float | None = None, unit: str | None = None
) -> Entity:
    """``Entity(kind=..., text=..., name=..., value=..., unit=...)``, made fast (notes name many
    people, places and figures; see ``assemble``)."""
    return assemble(
        Entity, {"kind": kind, "text": text, "name": name, "value": value, "unit": unit}
    )


def find_figures(text: str) -> list[tuple[int, Entity]]:
    """Every figure in ``text`` with its start offset, left to right, without overlaps."""
    found: list[tuple[int, int, Entity]] = []

    def add(start: int, end: int, value: float, unit: str | None) -> None:
        if any(start < e and s < end for s, e, _ in found):
            return
        # a qualifier ends in white space just before the figure: test that first (it is cheap)
        qualifier = (
            _QUALIFIER.search(text, max(0, start - 16), start)
            if start and text[start - 1].isspace()
            else None
        )
        if qualifier:
            start = qualifier.start()
        words = text[start:end].strip()
        found.append((start, end, make_entity(_FIGURE, words, words, value, unit)))

    lower = plain_lower(text)
    if not _DIGIT.search(text) and not _has_scale_word_in(text, lower):
        return []  # the same test as _ANY_FIGURE, in two cheaper parts
    # the same test as _ANY_CURRENCY.search(text), as substring tests (several times cheaper)
    has_currency = "$" in text or "£" in text or "€" in text or "¥" in text
    currency = _CURRENCY.finditer(text) if has_currency else ()
    for match in currency:
        scale = (match.group("scale") or "").lower()
        add(match.start(), match.end(), _value(match.group("num")) * _SCALES.get(scale, 1), "$"
            if match.group("cur") == "US$" else match.group("cur"))  # fmt: skip
    percent = _PERCENT.finditer(text) if "%" in text or "cent" in text else ()
    for match in percent:
        add(match.start(), match.end(), _value(match.group("num")), "%")
    for match in _COUNT_NOT_YEAR.finditer(text):
        number, scale = match.group("num"), match.group("scale")
        if _is_year(number, scale) or _ordinal_or_label(text, match.end()):
            continue
        unit, end = unit_after(text, match.end())
        if unit is None and scale is None:
            continue
        value = _value(number) * _SCALES.get((scale or "").lower(), 1)
        add(match.start(), end, value, unit)
    for match in worded_matches(text, lower):
        words = " ".join(match.group("words").lower().split())
        unit, end = unit_after(text, match.end())
        value = WORD_NUMBERS[words] * _SCALES[match.group("scale").lower()]
        add(match.start(), end, value, unit)
    found.sort(key=lambda item: item[0])
    return [(start, entity) for start, _, entity in found]


def worded_matches(text: str, lower: str | None) -> list[re.Match[str]]:
    """``_WORDED.finditer(text)``, trying only where a worded figure can start.

    A worded figure is one or two words ("two", "half a") then white space and a scale word,
    so it starts where the first or the second word before a scale word does (``lower`` as
    :func:`_worded_start_in`). Trying those places in order, and going on after each match's
    end, gives the matches finditer gives; the regex runs a few times instead of at every
    place of the text (most of the cost of finding figures in a passage with a scale word).
    """
    if lower is None:
        start = _worded_start_in(text, lower)
        return [] if start is None else list(_WORDED.finditer(text, start))
    if "thousand" not in lower and "million" not in lower and "billion" not in lower:
        return []
    starts: set[int] = set()
    for word in ("thousand", "million", "billion"):
        at = lower.find(word)
        while at >= 0:
            back = at
            for _ in range(2):
                while back > 0 and text[back - 1].isspace():
                    back -= 1
                while back > 0 and text[back - 1].isalpha():
                    back -= 1
                starts.add(back)
            at = lower.find(word, at + 1)
    matches = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = _WORDED.match(text, start)
        if match is not None:
            matches.append(match)
            end = match.end()
    return matches


def _worded_start(text: str) -> int | None:
    """Where a worded figure ("half a million") may first start, or None if none can."""
    return _worded_start_in(text, plain_lower(text))


def _worded_start_in(text: str, lower: str | None) -> int | None:
    """:func:`_worded_start` given ``lower = plain_lower(text)``.

    Each worded figure ends in a scale word after at most two words ("half a"), so none starts
    before the second word back from the first scale word (a walk back over spaces, then
    letters, twice).
    """
    if lower is None:
        return 0 if _ANY_SCALE_WORD.search(text) else None
    found = [lower.find(word) for word in ("thousand", "million", "billion") if word in lower]
    if not found:
        return None
    at = min(found)
    for _ in range(2):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and text[at - 1].isalpha():
            at -= 1
    return at


def _has_scale_word(text: str) -> bool:
    return _has_scale_word_in(text, plain_lower(text))


def _has_scale_word_in(text: str, lower: str | None) -> bool:
    if lower is None:
        return _ANY_SCALE_WORD.search(text) is not None
    return "thousand" in lower or "million" in lower or "billion" in lower


def _ordinal_or_label(text: str, end: int) -> bool:
    follow = text[end : end + 8].lstrip().lower()
    return follow.startswith(("marks", "mark)", "mark ")) and "(" in text[max(0, end - 6) : end]
