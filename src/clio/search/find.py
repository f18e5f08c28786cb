"""`clio search`: the points (and source or intro sentences) matching a query, with highlights."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.errors import InputError
from clio.search.index import SearchIndex, Unit
from clio.search.retrieve import prepare_query, retrieve
from clio.search.text import tokens

MIN_COSINE = 0.35  # a unit sharing no word with the query needs at least this similarity
LEXICAL_COSINE = 0.5  # ... and this much when other units do share words with it


@dataclass(frozen=True, kw_only=True)
class Match:
    """A unit that matches a query, with the character spans of the matching words in its text."""

    unit: Unit
    score: float
    highlights: tuple[tuple[int, int], ...]


def highlight_spans(
    text: str, query_tokens: set[str], *, expand: bool = True
) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that match the query's (stemmed) words."""
    spans = []
    for word in re.finditer(r"[\w’'$%.,\-]+", text):
        raw = word.group(0).strip(".,’'")
        if raw and set(tokens(raw, expand=expand)) & query_tokens:
            start = word.start() + word.group(0).find(raw)
            spans.append((start, start + len(raw)))
    return spans


def search_notes(index: SearchIndex, query: str, *, limit: int = 10) -> list[Match]:
    """The best-matching units for ``query``, best first; nothing when nothing matches."""
    text = query.strip()
    if not text:
        raise InputError("the search query is empty", field="query")
    prepared = prepare_query(index, text)
    wanted = set(prepared.tokens)
    found = []
    seen: set[tuple[str, str]] = set()
    hits = retrieve(index, prepared, k=limit * 2)
    floor = LEXICAL_COSINE if any(h.bm25 > 0 for h in hits) else MIN_COSINE
    for hit in hits:
        unit = index.units[hit.unit]
        if hit.bm25 <= 0 and hit.cosine < floor:
            continue
        key = (unit.ref_id, unit.text)
        if key in seen:
            continue
        seen.add(key)
        spans = highlight_spans(unit.text, wanted, expand=index.expand)
        found.append(Match(unit=unit, score=round(hit.score, 4), highlights=tuple(spans)))
    return found[:limit]
