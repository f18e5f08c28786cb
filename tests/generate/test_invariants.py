"""Property tests: every item of every kit meets the issue's invariants, for many seeds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clio.generate import make_kit
from tests.generate.conftest import TOPICS, topic_named
from tests.generate.invariants import check_kit


@pytest.mark.parametrize("name", TOPICS)
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_every_item_meets_the_invariants(name: str, seed: int) -> None:
    topic = topic_named(name)
    check_kit(topic, make_kit(topic, seed=seed))


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_bundled_sheet_over_many_seeds(seed: int) -> None:
    topic = topic_named("china")
    check_kit(topic, make_kit(topic, seed=seed))


def test_same_seed_same_kit() -> None:
    topic = topic_named("china")
    assert make_kit(topic, seed=7) == make_kit(topic, seed=7)


def test_seed_changes_options_not_ids_of_cards() -> None:
    topic = topic_named("china")
    one, two = make_kit(topic, seed=1), make_kit(topic, seed=2)
    assert [c.id for c in one.flashcards] == [c.id for c in two.flashcards]
    options_one = {q.id: q.options for q in one.questions}
    changed = [q for q in two.questions if q.id in options_one and options_one[q.id] != q.options]
    assert changed, "options are shuffled with the seed"
