"""The search index holds every point, source sentence and intro sentence."""

from __future__ import annotations

from clio.model.topic import Topic
from clio.search.index import SearchIndex, UnitKind, topic_units


def test_units_cover_points_sources_and_intro(china: Topic) -> None:
    units = topic_units(china)
    kinds = [u.kind for u in units]
    assert kinds.count(UnitKind.POINT) == 25
    assert kinds.count(UnitKind.SOURCE) >= 8
    assert kinds.count(UnitKind.INTRO) == 2
    point = next(u for u in units if u.kind is UnitKind.POINT)
    assert point.heading == "Why China forged close relations with the USSR, 1949-57"
    assert point.context == point.text


def test_source_sentences_keep_the_whole_source_as_context(china: Topic) -> None:
    units = [u for u in topic_units(china) if u.kind is UnitKind.SOURCE]
    assert all(u.context == china.sources[0].text for u in units)
    assert any(u.text.startswith("In 1962 Mao claimed") for u in units)


def test_index_has_vectors_for_every_unit(china_index: SearchIndex) -> None:
    assert china_index.vectors is not None and china_index.vector_rows is not None
    assert china_index.vector_rows.shape == (china_index.size,)
    assert china_index.vectors.shape == (china_index.vector_rows.max() + 1, 384)
    for unit in range(china_index.size):
        vector = china_index.unit_vector(unit)
        assert vector is not None and abs(float(vector @ vector) - 1.0) < 1e-3
    assert china_index.idf("zhou") > china_index.idf("mao")
