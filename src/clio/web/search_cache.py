"""Search indexes for the ask box, built once per topic content and shared (an LRU)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from clio.model.topic import Topic

if TYPE_CHECKING:
    from clio.search import SearchIndex

_KEPT = 16
_lock = threading.Lock()
_indexes: OrderedDict[tuple[str, ...], SearchIndex] = OrderedDict()


def content_key(topic: Topic) -> tuple[str, ...]:
    """A key that changes whenever the topic's text does (ids are derived from content)."""
    return (
        topic.id,
        topic.title,
        topic.intro,
        *(point.id for _, point in topic.points()),
        *(source.id for source in topic.sources),
    )


def search_index(topic: Topic) -> SearchIndex:
    """The search index of ``topic``, built on first use and then kept."""
    key = content_key(topic)
    with _lock:
        found = _indexes.get(key)
        if found is not None:
            _indexes.move_to_end(key)
            return found
    from clio.search import build_index  # heavy (model, numpy): only when first asked

    index = build_index([topic])
    with _lock:
        _indexes[key] = index
        while len(_indexes) > _KEPT:
            _indexes.popitem(last=False)
    return index
