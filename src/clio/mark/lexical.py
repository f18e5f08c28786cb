"""Lexical overlap with stemming: which content words of a reference an answer uses.

Words are folded (case, accents), figures and months spelt out, stop words dropped and the rest
stemmed with the Snowball English (Porter 2) stemmer. Misspelt words in the answer are mapped onto
a reference word when they are close enough ("Khruschev" -> "khrushchev").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from clio.mark.normalise import names_match, normalise

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either else
    etc even ever every few for from further get gets got had has have having he her here hers
    herself him himself his how i if in into is it its itself just let like made make many may
    me might more most much must my myself no nor not now of off often on once one only or
    other others our ours ourselves out over own per quite rather really same several shall she
    should since so some such than that the their theirs them themselves then there these they
    this those through thus to too under until up upon us use used uses using very was way we
    well were what when where whether which while who whom whose why will with within without
    would yes yet you your yours yourself yourselves s t
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nothing", "cannot", "without", "n't"})


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word."""
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.replace("'s", "").replace("'", "") for w in _WORD_RE.findall(normalise(text)))


@lru_cache(maxsize=8192)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (stop words kept)."""
    return list(_words(text))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (stop words and single letters dropped)."""
    return list(_content_words(text))


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order, repeats kept."""
    return [stem(w) for w in content_words(text)]


@lru_cache(maxsize=1024)
def _by_initial(vocabulary: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in vocabulary:
        if len(word) >= 5:
            index.setdefault(word[0], []).append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


@lru_cache(maxsize=131072)
def _correct(token: str, vocabulary: frozenset[str]) -> str:
    for word in _by_initial(vocabulary).get(token[0], ()):
        if abs(len(word) - len(token)) <= max(2, len(token) // 4) and names_match(token, word):
            return word
    return token


def correct_spelling(tokens: Iterable[str], vocabulary: frozenset[str]) -> list[str]:
    """Map each token not in ``vocabulary`` onto a close vocabulary word, if one is close enough."""
    return [
        t if t in vocabulary or len(t) < 5 or t.isdigit() else _correct(t, vocabulary)
        for t in tokens
    ]


@dataclass(frozen=True, kw_only=True)
class Overlap:
    """How far two texts share content stems: recall of the reference, precision of the answer."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        """Harmonic mean of recall and precision."""
        total = self.recall + self.precision
        return 0.0 if total == 0 else 2 * self.recall * self.precision / total


def overlap(
    answer: Iterable[str], reference: Iterable[str], *, demote: frozenset[str] = frozenset()
) -> Overlap:
    """Stem overlap of ``answer`` against ``reference``, ignoring stems in ``demote``.

    ``demote`` usually holds the question's stems: repeating the question earns nothing.
    """
    ans = set(answer) - demote
    ref = set(reference) - demote
    if not ans or not ref:
        return Overlap(recall=0.0, precision=0.0)
    shared = len(ans & ref)
    return Overlap(recall=shared / len(ref), precision=shared / len(ans))


def answer_stems(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Content stems of an answer after correcting its spelling against ``vocabulary`` words."""
    return [stem(w) for w in correct_spelling(content_words(text), vocabulary)]


def has_negation(text: str) -> bool:
    """True if ``text`` contains a negation word ("not", "never", "n't"...)."""
    folded = normalise(text)
    return "n't" in folded or any(w in NEGATIONS for w in _WORD_RE.findall(folded))
