"""Cheap pre-checks for case-insensitive regexes: plain substring tests on lower-cased text."""

from __future__ import annotations

import re

# The only non-ASCII characters a case-insensitive regex takes for an ASCII letter
# (İ ı ſ and the Kelvin sign); text with one of them must go to the regex itself.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def plain_lower(text: str) -> str | None:
    """``text`` lower-cased, or None when a substring test on it could miss a regex match.

    If a case-insensitive regex matches an ASCII word in ``text``, that word is then a
    substring of the result, so "word not in plain_lower(text)" proves the regex cannot match.
    """
    if not text.isascii() and _ODD_CASE.search(text):
        return None
    return text.lower()


def is_word_char(char: str) -> bool:
    """Whether ``char`` is a regex word character (``\\w`` on text)."""
    return char.isalnum() or char == "_"
