"""Optimising FSRS parameters: only with enough reviews and the optional optimiser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest

from clio.schedule import optimise
from clio.schedule.optimise import LoggedReview, optimise_parameters

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _reviews(n: int) -> list[LoggedReview]:
    return [
        LoggedReview(item_id=i % 50, rating=1 + i % 4, reviewed_at=T0 + timedelta(hours=i))
        for i in range(n)
    ]


class FakeOptimizer:
    """Stands in for fsrs's torch-based Optimizer, recording what it was given."""

    seen: ClassVar[list[Any]] = []

    def __init__(self, logs: list[Any]) -> None:
        FakeOptimizer.seen = logs

    def compute_optimal_parameters(self) -> list[float]:
        return [0.5] * 21


def test_too_few_reviews() -> None:
    outcome = optimise_parameters(_reviews(10), min_reviews=100)
    assert outcome.status == "not-enough-reviews" and outcome.parameters is None
    assert outcome.reviews == 10


def test_missing_optimizer_is_skipped_gracefully(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimise, "optimizer_available", lambda: False)
    outcome = optimise_parameters(_reviews(20), min_reviews=5)
    assert outcome.status == "optimizer-missing" and outcome.parameters is None
    assert "clio[optimizer]" in outcome.message


def test_fit_runs_with_an_optimizer() -> None:
    outcome = optimise_parameters(_reviews(20), min_reviews=5, make_optimizer=FakeOptimizer)
    assert outcome.status == "optimised" and outcome.parameters == (0.5,) * 21
    assert len(FakeOptimizer.seen) == 20
    assert {int(log.rating) for log in FakeOptimizer.seen} == {1, 2, 3, 4}


def test_real_optimizer_when_installed() -> None:
    if not optimise.optimizer_available():
        outcome = optimise_parameters(_reviews(600))
        assert outcome.status == "optimizer-missing"
        return
    outcome = optimise_parameters(_reviews(600))  # pragma: no cover - needs torch
    assert outcome.status == "optimised" and len(outcome.parameters or ()) == 21
