"""Hybrid retrieval: BM25 over stemmed, synonym-folded words plus cosine over sentence vectors."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from clio.search.index import SearchIndex
from clio.search.qtype import strip_asking
from clio.search.text import tokens, words

BM25_WEIGHT = 0.6
VECTOR_WEIGHT = 1.0
CANDIDATES = 24


# "European", "Chinese", "British": adjectives of origin, not names the notes must contain.
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|ic|i)$")


@dataclass(frozen=True, kw_only=True)
class Hit:
    """A unit found for a query, with the evidence for it."""

    unit: int
    score: float
    bm25: float
    cosine: float
    coverage: float


@dataclass(frozen=True, kw_only=True)
class Query:
    """A question prepared once: its tokens, their weights and its vector."""

    text: str
    tokens: tuple[str, ...]
    weights: dict[str, float]
    vector: np.ndarray | None
    names: frozenset[str] = frozenset()


def prepare_query(index: SearchIndex, text: str, *, embed: bool = True) -> Query:
    """Tokenise and embed a question against ``index`` (``embed=False``: words only)."""
    body = strip_asking(text)
    toks = tuple(dict.fromkeys(tokens(body, expand=index.expand)))
    weights = {t: index.idf(t) for t in toks}
    # Capitalised words past the first are names: unknown names mean the notes don't cover it.
    names = frozenset(
        t
        for word in words(text)[1:]
        if word[:1].isupper() and not _DEMONYM.search(word)
        for t in tokens(word, expand=index.expand)
    ) & set(toks)
    vector = None
    if embed and index.embedder is not None and index.vectors is not None:
        vector = np.asarray(index.embedder.encode([text])[0], dtype=np.float32)
    return Query(text=text, tokens=toks, weights=weights, vector=vector, names=names)


def coverage(index: SearchIndex, query: Query, unit: int, *, common: bool = False) -> float:
    """The idf-weighted share of the question's words that the unit (with its heading) contains.

    With ``common``, only the question's ordinary words count (names left out): "When did
    Castro die?" shares the name with a point about Castro but not the verb.
    """
    weights = {t: w for t, w in query.weights.items() if not (common and t in query.names)}
    total = sum(weights.values())
    if total <= 0:
        return 1.0 if common else 0.0
    have = index.unit_tokens[unit]
    return sum(w for t, w in weights.items() if t in have) / total


def retrieve(index: SearchIndex, query: Query, *, k: int = 8) -> list[Hit]:
    """The ``k`` best units for ``query``, best first."""
    n = index.size
    if n == 0:
        return []
    known = [t for t in query.tokens if t in index.df]
    bm25 = (
        np.asarray(index.bm25.get_scores(known), dtype=np.float32)
        if known
        else np.zeros(n, dtype=np.float32)
    )
    top_bm25 = float(bm25.max()) if n else 0.0
    combined = BM25_WEIGHT * bm25 / top_bm25 if top_bm25 > 0 else np.zeros(n, dtype=np.float32)
    cos = np.zeros(n, dtype=np.float32)
    if query.vector is not None and index.vectors is not None and index.vector_rows is not None:
        cos = (index.vectors @ query.vector)[index.vector_rows]
        combined = combined + VECTOR_WEIGHT * cos
    pool = min(CANDIDATES, n)
    candidates = np.argpartition(-combined, pool - 1)[:pool] if pool < n else np.arange(n)
    hits = []
    for i in candidates:
        unit = int(i)
        cover = coverage(index, query, unit)
        score = float(combined[unit]) + 0.5 * cover
        hits.append(
            Hit(
                unit=unit,
                score=score,
                bm25=float(bm25[unit]),
                cosine=float(cos[unit]),
                coverage=cover,
            )
        )
    hits.sort(key=lambda h: (-h.score, h.unit))
    return hits[:k]


def sigmoid(x: float) -> float:
    """The logistic function, safe for large magnitudes."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
