"""The study queue: due order, new items spread and limited, kinds interleaved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clio.schedule.queue import Candidate, interleave_kinds, mix_new, plan_queue

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def due(i: int, kind: str = "card") -> Candidate:
    return Candidate(item_id=i, kind=kind, due=T0 + timedelta(minutes=i))


def new(i: int, kind: str = "card") -> Candidate:
    return Candidate(item_id=1000 + i, kind=kind)


def test_new_items_are_spread_among_due_ones() -> None:
    mixed = mix_new([due(i) for i in range(6)], [new(0), new(1)])
    assert [c.item_id for c in mixed] == [0, 1, 1000, 2, 3, 4, 1001, 5]


def test_daily_limit_caps_new_items() -> None:
    queue = plan_queue([due(0)], [new(i) for i in range(5)], new_left=2)
    assert sum(c.is_new for c in queue) == 2
    assert plan_queue([], [new(0)], new_left=0) == []


def test_quiz_questions_are_interleaved_with_cards() -> None:
    cands = [due(i) for i in range(4)] + [due(10 + i, "quiz") for i in range(2)]
    kinds = [c.kind for c in plan_queue(cands, [], new_left=0)]
    assert kinds == ["card", "quiz", "card", "quiz", "card", "card"]
    assert interleave_kinds([due(0), due(1, "quiz")], previous_kind="card")[0].kind == "quiz"


kinds = st.sampled_from(["card", "quiz", "source"])


@given(
    due_kinds=st.lists(kinds, max_size=30),
    new_kinds=st.lists(kinds, max_size=30),
    new_left=st.integers(min_value=-2, max_value=40),
    previous=st.none() | kinds,
)
def test_queue_invariants(
    due_kinds: list[str], new_kinds: list[str], new_left: int, previous: str | None
) -> None:
    due_items = [due(i, k) for i, k in enumerate(due_kinds)]
    new_items = [new(i, k) for i, k in enumerate(new_kinds)]
    queue = plan_queue(due_items, new_items, new_left=new_left, previous_kind=previous)
    allowed_new = new_items[: max(new_left, 0)]
    assert sorted(c.item_id for c in queue) == sorted(c.item_id for c in due_items + allowed_new)
    # items of the same kind keep their relative order (due order within a kind)
    for kind in ("card", "quiz", "source"):
        due_order = [c.item_id for c in queue if c.kind == kind and not c.is_new]
        assert due_order == sorted(due_order)
    # a kind repeats only when the next few waiting items are all of that kind
    base = mix_new(sorted(due_items, key=lambda c: c.due or T0), allowed_new)
    for index, chosen in enumerate(queue):
        last = queue[index - 1].kind if index else previous
        if chosen.kind == last:
            placed = {c.item_id for c in queue[:index]}
            waiting = [c for c in base if c.item_id not in placed]
            assert all(c.kind == last for c in waiting[:6])


@given(n_due=st.integers(0, 20), n_new=st.integers(0, 20))
def test_mix_new_keeps_both_orders(n_due: int, n_new: int) -> None:
    mixed = mix_new([due(i) for i in range(n_due)], [new(i) for i in range(n_new)])
    assert [c.item_id for c in mixed if not c.is_new] == list(range(n_due))
    assert [c.item_id for c in mixed if c.is_new] == [1000 + i for i in range(n_new)]
