"""The gazetteer as lookup tables for the entity finder, and where names may start in text.

Words are compared by their folded keys (curly quotes and dashes made plain, dots dropped, case
folded); a name is a tuple of keys. Candidates for the start of a name are capitalised words and
the few lower-case words that begin a gazetteer name ("détente", "cold war").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from clio.parse.folding import is_word_char
from clio.parse.gazetteer import GazetteerEntry, load_gazetteer

# A token is (start offset, word as written); keys are folded on demand (and cached).
Token = tuple[int, str]

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?<!\w)\d{1,3}(?:st|nd|rd|th)\b|(?<!\w)[^\W\d_](?:[\w'’-]*\w)?"
)
_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("–", "-"), ("—", "-"))  # curly quotes, dashes -> plain


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> tuple[str, str]:
    """The lookup key of a word, and the key without a possessive "'s"."""
    if not word.isascii():  # str.replace beats str.translate with a dict; ASCII needs neither
        for char, plain in _FOLD_PAIRS:
            if char in word:
                word = word.replace(char, plain)
    key = (word.replace(".", "") if "." in word else word).casefold()
    return key, key[:-2] if key[-2:] == "'s" else key


def cap(token: Token) -> bool:
    """Whether the token's word starts with a capital."""
    return token[1][:1].isupper()


def tokens(text: str) -> list[Token]:
    """Every word of ``text`` as a token (initials such as "U.S." and "21st" included)."""
    return [(m.start(), m.group(0)) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, kw_only=True)
class NameIndex:
    """The gazetteer's names by the folded keys of their words, and what names start with."""

    names: dict[tuple[str, ...], tuple[GazetteerEntry, str]]
    singles: dict[str, tuple[GazetteerEntry, str]]  # one-word names no longer name starts with
    firsts: frozenset[str]  # first words of every name
    prefixes: frozenset[tuple[str, ...]]  # the beginnings of names of two or more words
    lower_words: tuple[str, ...]  # first words of names that may start in lower case
    lower_starts: re.Pattern[str]  # the same, as a regex
    lower_plain: bool  # whether they are all word characters (then found without the regex)


@cache
def name_index() -> NameIndex:
    """The index of the bundled gazetteer (built once)."""
    names: dict[tuple[str, ...], tuple[GazetteerEntry, str]] = {}
    lower: set[str] = set()
    for entry in load_gazetteer().entries:
        for spelling in entry.spellings:
            plain = spelling[4:] if spelling.lower().startswith("the ") else spelling
            words = tokens(plain)
            key = tuple(fold(t[1])[0] for t in words)
            if key:
                stored = names.setdefault(key, (entry, plain))
                if stored[0] is entry and not plain[:1].isupper() and stored[1][:1].isupper():
                    names[key] = (entry, plain)  # "détente" may be written in lower case
                if not plain[:1].isupper():
                    lower.add(re.escape(words[0][1]))
    prefixes = frozenset(key[:n] for key in names for n in range(1, len(key)))
    ordered = sorted(lower, key=len, reverse=True)
    lower_words = tuple(word.replace("\\", "") for word in ordered)
    lower_starts = re.compile(rf"(?:{'|'.join(map(_first_then_boundary, lower_words))})(?![\w'’-])")
    return NameIndex(
        names=names,
        singles={k[0]: v for k, v in names.items() if len(k) == 1 and k not in prefixes},
        firsts=frozenset(key[0] for key in names),
        prefixes=prefixes,
        lower_words=lower_words,
        lower_starts=lower_starts,
        lower_plain=all(re.fullmatch(r"\w+", word) for word in lower_words),
    )


def _first_then_boundary(word: str) -> str:
    """``\\b`` + ``word`` as a regex that starts with the word's first character (faster scans)."""
    return rf"{re.escape(word[0])}(?<!\w.){re.escape(word[1:])}"


# Where a name may start: a capital (initials and dotted acronyms such as U.S. included).
# The capital comes first and "(?<!\w.)" stands for the leading \b, so that the regex engine
# can skip ahead to the next capital instead of trying every position (about twice as fast).
_CAPITALISED = re.compile(r"[^\W\d_a-zß-öø-ÿ](?<!\w.)(?:\.(?:[A-Z]\.)+|(?:[\w'’-]*\w)?)")


_START, _WORD = re.Match.start, re.Match.group


def candidates(text: str) -> list[Token]:
    """Words that may start a name: capitalised ones, and known lower-case starts."""
    matches = list(_CAPITALISED.finditer(text))
    # (start, word) pairs made by C-level maps (a list comprehension runs Python per match)
    found = list(zip(map(_START, matches), map(_WORD, matches), strict=True))
    index = name_index()
    if index.lower_plain:
        lower = lower_starts(text, index.lower_words)
    else:
        lower = [(m.start(), m.group(0)) for m in index.lower_starts.finditer(text)]
    if lower:
        found.extend(lower)
        found.sort()
    return found


def lower_starts(text: str, words: tuple[str, ...]) -> list[Token]:
    """Where the (all word-character) ``words`` stand as whole words in ``text``.

    The same as ``lower_starts.finditer`` (a regex alternation, several times slower): a whole
    word is preceded by no word character and followed by no word character, quote or hyphen,
    so no two of them overlap and at most one of ``words`` stands at any place.
    """
    found: list[Token] = []
    size = len(text)
    for word in words:
        if word not in text:
            continue  # most words: "in" is cheaper than a str.find method call
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not is_word_char(text[at - 1])) and (
                end == size or not (is_word_char(text[end]) or text[end] in "'’-")
            ):
                found.append((at, word))
            at = text.find(word, at + 1)
    return found


def case_ok(spelling: str, matched: list[Token]) -> bool:
    """Whether the words as written may be ``spelling`` (acronyms exactly, names capitalised)."""
    acronym, capital = case_rule(spelling)
    if acronym is not None:  # acronyms must match exactly: US is not "us"
        written = "".join(t[1].replace(".", "") for t in matched)
        return written == acronym or written.rstrip("s'’") == acronym
    return not capital or cap(matched[0])


def word_case_ok(spelling: str, word: str) -> bool:
    """:func:`case_ok` for a name of one word."""
    acronym, capital = case_rule(spelling)
    if acronym is not None:
        written = word.replace(".", "")
        return written == acronym or written.rstrip("s'’") == acronym
    return not capital or word[:1].isupper()


@cache
def case_rule(spelling: str) -> tuple[str | None, bool]:
    """A gazetteer spelling's letters if it is an acronym, and whether it starts with a capital."""
    letters = spelling.replace(".", "").replace(" ", "")
    acronym = letters if letters.isupper() and len(letters) <= 6 else None
    return acronym, spelling[:1].isupper()
