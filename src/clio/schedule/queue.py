"""The study queue: due items first by due date, new items spread among them, kinds interleaved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """An item that could be studied next: due (with its due time) or new (``due`` None)."""

    item_id: int
    kind: str
    due: datetime | None = None

    @property
    def is_new(self) -> bool:
        """True for items never studied."""
        return self.due is None


def mix_new(due: Sequence[Candidate], new: Sequence[Candidate]) -> list[Candidate]:
    """Spread new items evenly among the due ones, keeping each list's own order."""
    total = len(due) + len(new)
    mixed: list[Candidate] = []
    new_iter, due_iter = iter(new), iter(due)
    placed_new = 0
    for index in range(total):
        # how many new items should be placed once position ``index`` is filled (rounded)
        target = ((2 * index + 1) * len(new) + total) // (2 * total)
        if placed_new < target:
            mixed.append(next(new_iter))
            placed_new += 1
        else:
            mixed.append(next(due_iter))
    return mixed


def interleave_kinds(
    candidates: Sequence[Candidate], *, previous_kind: str | None = None, window: int = 6
) -> list[Candidate]:
    """Reorder so the same kind rarely comes twice running (a quiz question between cards).

    Greedy: take the first candidate of a different kind than the last one shown, looking at
    most ``window`` places ahead, so due order is only disturbed locally.
    """
    remaining = list(candidates)
    ordered: list[Candidate] = []
    last = previous_kind
    while remaining:
        pick = 0
        for index, candidate in enumerate(remaining[:window]):
            if candidate.kind != last:
                pick = index
                break
        chosen = remaining.pop(pick)
        ordered.append(chosen)
        last = chosen.kind
    return ordered


def plan_queue(
    due: Sequence[Candidate],
    new: Sequence[Candidate],
    *,
    new_left: int,
    previous_kind: str | None = None,
) -> list[Candidate]:
    """The study order: due items, up to ``new_left`` new ones mixed in, kinds interleaved."""
    ordered_due = sorted(due, key=lambda c: (c.due, c.item_id))
    return interleave_kinds(
        mix_new(ordered_due, list(new)[: max(new_left, 0)]), previous_kind=previous_kind
    )
