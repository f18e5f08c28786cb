"""The hybrid search index: points, source sentences and intro sentences, for BM25 and vectors."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import bm25s
import numpy as np

from clio.model.period import Period
from clio.model.topic import Entity, Topic
from clio.search.text import split_sentences, tokens


class UnitKind(StrEnum):
    """Where in the notes a searchable unit comes from."""

    POINT = "point"
    SOURCE = "source"
    INTRO = "intro"


@dataclass(frozen=True, kw_only=True)
class Unit:
    """One searchable passage: a whole point, a source sentence, or an intro sentence."""

    kind: UnitKind
    ref_id: str
    topic_id: str
    text: str
    context: str
    heading: str
    title: str = ""
    period: Period | None = None
    entities: tuple[Entity, ...] = ()


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors (see clio.embed)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, d) float32 array, one normalised row per text."""
        ...


@dataclass(frozen=True, kw_only=True, eq=False)
class SearchIndex:
    """Units with their BM25 index, token sets, document frequencies and (optional) vectors."""

    units: tuple[Unit, ...]
    bm25: bm25s.BM25
    unit_tokens: tuple[frozenset[str], ...]
    df: dict[str, int]
    vectors: np.ndarray | None = None
    vector_rows: np.ndarray | None = None
    embedder: Embedder | None = None
    expand: bool = True
    topics: tuple[Topic, ...] = field(default=())

    def unit_vector(self, unit: int) -> np.ndarray | None:
        """The vector of one unit, or None without vectors."""
        if self.vectors is None or self.vector_rows is None:
            return None
        vector: np.ndarray = self.vectors[self.vector_rows[unit]]
        return vector

    @property
    def size(self) -> int:
        """How many units the index holds."""
        return len(self.units)

    def idf(self, token: str) -> float:
        """Inverse document frequency; words the notes never use weigh the most."""
        n = len(self.units)
        return math.log((n + 1) / (self.df.get(token, 0) + 0.5))


_AUTO = object()


def default_embedder() -> Embedder | None:
    """The shared sentence-embedding model, or None when it is not installed."""
    from clio.embed import EmbeddingModelError, get_embedder

    try:
        embedder: Embedder = get_embedder()
    except (EmbeddingModelError, ImportError, OSError):  # degrade to BM25 rather than fail
        return None
    return embedder


def topic_units(topic: Topic) -> list[Unit]:
    """The searchable units of one topic: its points, source sentences and intro sentences."""
    units: list[Unit] = []
    for section, point in topic.points():
        units.append(
            Unit(
                kind=UnitKind.POINT,
                ref_id=point.id,
                topic_id=topic.id,
                text=point.full_text,
                context=point.full_text,
                heading=section.heading,
                title=point.title,
                period=point.period or section.period,
                entities=point.entities,
            )
        )
    for source in topic.sources:
        heading = source.citation or source.title or source.label
        lead = [source.provenance] if source.provenance else []
        for sentence in lead + split_sentences(source.text):
            units.append(
                Unit(
                    kind=UnitKind.SOURCE,
                    ref_id=source.id,
                    topic_id=topic.id,
                    text=sentence.lstrip("•*- \t"),
                    context=source.text,
                    heading=heading,
                    title=source.author or "",
                    entities=source.entities,
                )
            )
    for sentence in split_sentences(topic.intro):
        units.append(
            Unit(
                kind=UnitKind.INTRO,
                ref_id=f"{topic.id}:intro",
                topic_id=topic.id,
                text=sentence,
                context=topic.intro,
                heading=topic.title,
            )
        )
    return units


def unit_search_text(unit: Unit) -> str:
    """The text a unit is found by: its own words plus its heading as context."""
    return f"{unit.heading}. {unit.text}"


def build_index(
    topics: Sequence[Topic], *, embedder: Embedder | object | None = _AUTO, expand: bool = True
) -> SearchIndex:
    """Index every topic once; reuse the index for every question."""
    units = [unit for topic in topics for unit in topic_units(topic)]
    token_lists = [tokens(unit_search_text(unit), expand=expand) for unit in units]
    retriever = bm25s.BM25()
    retriever.index([list(t) or ["\x00"] for t in token_lists] or [["\x00"]], show_progress=False)
    unit_tokens = tuple(frozenset(t) for t in token_lists)
    df: Counter[str] = Counter()
    for token_set in unit_tokens:
        df.update(token_set)
    model: Embedder | None = default_embedder() if embedder is _AUTO else embedder  # type: ignore[assignment]
    vectors, rows = _embed_units(model, units) if model is not None and units else (None, None)
    return SearchIndex(
        units=tuple(units),
        bm25=retriever,
        unit_tokens=unit_tokens,
        df=dict(df),
        vectors=vectors,
        vector_rows=rows,
        embedder=model,
        expand=expand,
        topics=tuple(topics),
    )


def _embed_units(model: Embedder, units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """Vectors of the distinct passages, and for each unit the row of its passage.

    Identical passages (shared sheets in a school library) are embedded and scored once.
    """
    texts = [unit_search_text(unit) for unit in units]
    distinct = list(dict.fromkeys(texts))
    rows = {text: i for i, text in enumerate(distinct)}
    matrix = np.ascontiguousarray(model.encode(distinct), dtype=np.float32)
    return matrix, np.array([rows[text] for text in texts], dtype=np.int64)
