"""The spread order of new items: every kind spread through a topic, each in its own order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clio.store.new_order import OrderEntry, SpreadOrder, group_of, spread


def _entries(groups: list[str]) -> list[OrderEntry]:
    return [
        OrderEntry(item_id=100 + p, kind=g.split(":")[0], group=g, position=p)
        for p, g in enumerate(groups)
    ]


def test_quiz_questions_are_grouped_by_their_kind() -> None:
    assert group_of("quiz", "order") == "quiz:order"
    assert group_of("card", "basic") == "card" and group_of("quiz", None) == "quiz"


def test_every_kind_comes_at_the_front_then_in_proportion() -> None:
    # as a kit stores them: all the multiple-choice questions before the first ordering one
    groups = ["card", "quiz:mcq"] * 8 + ["quiz:tf"] * 4 + ["quiz:order"] * 2 + ["source"]
    order = [e.group for e in spread(_entries(groups))]
    assert set(order[:5]) == {"card", "quiz:mcq", "quiz:tf", "quiz:order", "source"}
    assert order[:5] == ["card", "quiz:mcq", "quiz:tf", "quiz:order", "source"]
    # the second ordering question comes among the others, not after every one of them
    last_mcq = len(order) - 1 - order[::-1].index("quiz:mcq")
    assert order.index("quiz:order", 4) < last_mcq


@given(st.lists(st.sampled_from(["card", "quiz:mcq", "quiz:tf", "quiz:order", "source"])))
def test_spread_is_a_permutation_keeping_each_groups_order(groups: list[str]) -> None:
    entries = _entries(groups)
    order = spread(entries)
    assert sorted(e.item_id for e in order) == [e.item_id for e in entries]
    for group in set(groups):
        positions = [e.position for e in order if e.group == group]
        assert positions == sorted(positions)
    first = [e.group for e in order[: len(set(groups))]]
    assert sorted(first) == sorted(set(groups))  # one of each kind first


@given(
    st.lists(st.sampled_from(["card", "quiz:mcq", "quiz:order"]), max_size=40),
    st.integers(min_value=0, max_value=45),
)
def test_from_cursor_gives_exactly_the_entries_at_or_after_it(
    groups: list[str], cursor: int
) -> None:
    order = SpreadOrder.of(_entries(groups))
    expected = [e for e in order.entries if e.position >= cursor]
    assert list(order.from_cursor(cursor)) == expected
