"""Ask and search the notes: the service the CLI and the web app share."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock
from typing import Any

from clio.model.topic import Topic
from clio.search.answer import Answer, answer_question
from clio.search.find import Match, search_notes
from clio.search.index import SearchIndex, build_index
from clio.services.topics import builtin_topics, load_topic

_CACHE_SIZE = 16
_cache: OrderedDict[tuple[str, ...], SearchIndex] = OrderedDict()
_lock = Lock()


def _key(topics: Sequence[Topic]) -> tuple[str, ...]:
    # Point and source ids come from their content, so edited notes get a fresh index.
    parts: list[str] = []
    for topic in topics:
        parts.append(topic.id)
        parts.append(topic.intro)
        parts.extend(p.id for _, p in topic.points())
        parts.extend(s.id + s.text for s in topic.sources)
    return tuple(parts)


def index_for(topics: Sequence[Topic]) -> SearchIndex:
    """The search index of these topics, built once and kept for reuse (small LRU)."""
    key = _key(topics)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    index = build_index(topics)
    with _lock:
        _cache[key] = index
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index


def ask(topics: Sequence[Topic], question: str) -> Answer:
    """Answer ``question`` from ``topics`` (cited, or "the notes don't say")."""
    return answer_question(index_for(topics), question)


def ask_topic(ref: str, question: str) -> Answer:
    """Answer ``question`` from the topic ``ref`` names (built-in name, path or '-')."""
    return ask([load_topic(ref)], question)


def search(topics: Sequence[Topic], query: str, *, limit: int = 10) -> list[Match]:
    """The units of ``topics`` that match ``query``, best first, with highlight spans."""
    return search_notes(index_for(topics), query, limit=limit)


def topics_for(ref: str | None) -> list[Topic]:
    """The topic ``ref`` names, or every built-in topic when it is None."""
    if ref is None:
        return [load_topic(t.name) for t in builtin_topics()]
    return [load_topic(ref)]


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The documented JSON form of an answer (docs/ask.md)."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "answered": answer.answered,
        "confidence": answer.confidence,
        "answer_type": answer.answer_type.value,
        "citations": [
            {"point_id": c.ref_id, "kind": c.kind.value, "quote": c.quote, "topic_id": c.topic_id}
            for c in answer.citations
        ],
        "context": answer.context,
        "nearest": [
            {"point_id": c.ref_id, "kind": c.kind.value, "quote": c.quote, "topic_id": c.topic_id}
            for c in answer.nearest
        ],
    }


def match_to_json(match: Match) -> dict[str, Any]:
    """The JSON form of a search match."""
    unit = match.unit
    return {
        "point_id": unit.ref_id,
        "kind": unit.kind.value,
        "topic_id": unit.topic_id,
        "heading": unit.heading,
        "text": unit.text,
        "score": match.score,
        "highlights": [list(span) for span in match.highlights],
    }
