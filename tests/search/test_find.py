"""`clio search`: matching points with the matching words highlighted."""

from __future__ import annotations

import pytest

from clio.errors import InputError
from clio.search.find import highlight_spans, search_notes
from clio.search.index import SearchIndex


def test_search_finds_and_highlights(china_index: SearchIndex) -> None:
    matches = search_notes(china_index, "harbours handed over")
    top = matches[0]
    assert top.unit.title == "Dalian and Lushun ports"
    marked = {top.unit.text[a:b] for a, b in top.highlights}
    assert {"ports", "ceded"} <= marked


def test_search_limit_and_no_match(china_index: SearchIndex) -> None:
    assert len(search_notes(china_index, "Mao", limit=3)) == 3
    assert search_notes(china_index, "photosynthesis chlorophyll") == []


def test_empty_query_is_an_input_error(china_index: SearchIndex) -> None:
    with pytest.raises(InputError):
        search_notes(china_index, "  ")


def test_highlight_spans_are_exact_words() -> None:
    text = "Khrushchev called Mao an ‘Asian Hitler’"
    spans = highlight_spans(text, {"call", "hitler"})
    assert [text[a:b] for a, b in spans] == ["called", "Hitler"]
