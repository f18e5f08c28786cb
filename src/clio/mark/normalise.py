"""Normalise dates, numbers and names so that different spellings of one fact compare equal.

"Dec 1949" and "December 1949" give the same date, "$300m" and "300 million dollars" the same
figure, and "Khruschev" matches "Khrushchev" by fuzzy comparison.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_RE = re.compile(rf"\b(?:({_MONTH_WORD})\s+)?((?:1[0-9]|20)[0-9]{{2}})s?\b", re.IGNORECASE)
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}
_NUMBER_RE = re.compile(
    r"(?<![\w.])([$£€])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(thousand|millions?|billions?|mn|bn|k|m|b)?(?![\w])",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "half": 0.5,
}
_WORD_NUMBER_RE = re.compile(
    r"\b(" + "|".join(_WORD_NUMBERS) + r")\s+(hundred|thousand|million|billion)\b", re.IGNORECASE
)
_A_SCALE_RE = re.compile(r"\b(half )?an? (million|billion)\b", re.IGNORECASE)
_CURRENCY_WORDS = {"$": "dollars", "£": "pounds", "€": "euros"}


def fold(text: str) -> str:
    """Lower-case, strip accents and unify quotes and dashes."""
    if text.isascii():
        return text.lower()  # nothing to strip or unify: the same result, much faster
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return text.replace("–", "-").replace("—", "-").lower()


def find_dates(text: str) -> set[tuple[int, int]]:
    """Years and (year, month) pairs in ``text``; month 0 means the year alone.

    A month-year date yields both ``(year, month)`` and ``(year, 0)`` so that "Dec 1949" still
    matches a scheme that only says "1949".
    """
    found: set[tuple[int, int]] = set()
    for match in _DATE_RE.finditer(text):
        year = int(match.group(2))
        found.add((year, 0))
        if match.group(1):
            found.add((year, MONTHS[match.group(1).lower().rstrip(".")[:3]]))
    return found


def _is_year(value: float, scale: str | None, currency: str | None) -> bool:
    return scale is None and currency is None and value.is_integer() and 1000 <= value <= 2099


def find_numbers(text: str) -> set[float]:
    """Quantities in ``text`` as plain values: "$300m" -> 300000000.0, "20,000" -> 20000.0.

    Years are left to :func:`find_dates`; numbers below 10 written as digits are kept too.
    """
    values: set[float] = set()
    for match in _NUMBER_RE.finditer(text):
        currency, digits, scale = match.group(1), match.group(2), match.group(3)
        value = float(digits.replace(",", ""))
        if _is_year(value, scale, currency):
            continue
        if scale:
            value *= _SCALES[scale.lower()]
        values.add(value)
    for match in _WORD_NUMBER_RE.finditer(text):
        base = _WORD_NUMBERS[match.group(1).lower()]
        values.add(base * _SCALES.get(match.group(2).lower(), 100.0))
    for match in _A_SCALE_RE.finditer(text):
        values.add((0.5 if match.group(1) else 1.0) * _SCALES[match.group(2).lower()])
    return values


def expand_figures(text: str) -> str:
    """Spell out money and scaled figures: "$300m" -> "300 million dollars", "20,000" -> "20000"."""

    def spell(match: re.Match[str]) -> str:
        currency, digits, scale = match.group(1), match.group(2), match.group(3)
        number = digits.replace(",", "")
        words = [number]
        if scale:
            value = _SCALES[scale.lower()]
            words.append({1e3: "thousand", 1e6: "million", 1e9: "billion"}[value])
        if currency:
            words.append(_CURRENCY_WORDS[currency])
        return " ".join(words)

    return _NUMBER_RE.sub(spell, text)


def expand_months(text: str) -> str:
    """Write abbreviated months in full: "Dec 1949" -> "december 1949"."""
    names = {
        1: "january",
        2: "february",
        3: "march",
        4: "april",
        5: "may",
        6: "june",
        7: "july",
        8: "august",
        9: "september",
        10: "october",
        11: "november",
        12: "december",
    }

    def spell(match: re.Match[str]) -> str:
        if not match.group(1):
            return match.group(0)
        month = MONTHS[match.group(1).lower().rstrip(".")[:3]]
        return f"{names[month]} {match.group(2)}"

    return _DATE_RE.sub(spell, text)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Fold case and accents, spell out months and figures, so equal facts read alike."""
    return expand_figures(expand_months(fold(text)))


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """How alike two spellings of a name are, 0..1 (case and accents ignored)."""
    a, b = fold(a), fold(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def names_match(a: str, b: str, *, threshold: float = 0.84) -> bool:
    """True if ``a`` and ``b`` are probably the same name misspelt ("Khruschev" ~ "Khrushchev").

    Short words must match exactly: "Mao" is not "Man".
    """
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return name_similarity(a, b) >= threshold
