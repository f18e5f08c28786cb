"""Every kind of study item survives the trip to a JSON payload and back."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clio.errors import InputError
from clio.model.items import CardKind, Flashcard
from clio.store.items_codec import item_from_payload, item_kind, item_to_payload
from tests.store.kits import ESSAY, MATCH, ORDER, SOURCE_Q, TF, card, mcq


@pytest.mark.parametrize("item", [card(1), mcq(1), ORDER, MATCH, TF, SOURCE_Q, ESSAY])
def test_round_trip(item) -> None:  # type: ignore[no-untyped-def]
    payload = json.loads(json.dumps(item_to_payload(item)))
    assert item_from_payload(item_kind(item), payload) == item


@given(
    prompt=st.text(),
    answer=st.text(),
    sources=st.lists(st.text(min_size=1), max_size=3),
    cloze=st.none() | st.text(),
    kind=st.sampled_from(list(CardKind)),
)
def test_cards_round_trip(prompt: str, answer: str, sources: list[str], cloze, kind) -> None:  # type: ignore[no-untyped-def]
    item = Flashcard(
        id="c-x", kind=kind, prompt=prompt, answer=answer, source_ids=tuple(sources), cloze=cloze
    )
    assert item_from_payload("card", json.loads(json.dumps(item_to_payload(item)))) == item


def test_malformed_payloads_are_input_errors() -> None:
    with pytest.raises(InputError):
        item_from_payload("card", {"id": "x"})
    with pytest.raises(InputError):
        item_from_payload("poem", {})
