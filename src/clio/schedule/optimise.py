"""Fit a learner's FSRS parameters to their own review log (fsrs's optimizer, an optional extra)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

MIN_REVIEWS = 512  # below this the fit is noisier than FSRS's defaults


@dataclass(frozen=True, kw_only=True)
class LoggedReview:
    """One review as the optimiser needs it."""

    item_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None = None


@dataclass(frozen=True, kw_only=True)
class Optimisation:
    """The outcome: new parameters, or why there are none."""

    status: str  # "optimised", "not-enough-reviews", "optimizer-missing"
    reviews: int
    parameters: tuple[float, ...] | None = None
    message: str = ""


def optimizer_available() -> bool:
    """True when ``fsrs[optimizer]`` (torch, pandas) is installed."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("torch", "pandas"))


def _fsrs_optimizer(logs: list[Any]) -> Any:
    from fsrs.optimizer import Optimizer

    return Optimizer(logs)


def optimise_parameters(
    reviews: Sequence[LoggedReview],
    *,
    min_reviews: int = MIN_REVIEWS,
    make_optimizer: Callable[[list[Any]], Any] | None = None,
) -> Optimisation:
    """Fit FSRS parameters to ``reviews`` when there are enough and the optimizer is installed."""
    if len(reviews) < min_reviews:
        return Optimisation(
            status="not-enough-reviews",
            reviews=len(reviews),
            message=f"{len(reviews)} reviews; at least {min_reviews} are needed to optimise",
        )
    if make_optimizer is None:
        if not optimizer_available():
            return Optimisation(
                status="optimizer-missing",
                reviews=len(reviews),
                message='the optimiser is not installed: pip install "clio[optimizer]"',
            )
        make_optimizer = _fsrs_optimizer
    from fsrs import Rating, ReviewLog

    logs = [
        ReviewLog(
            card_id=r.item_id,
            rating=Rating(r.rating),
            review_datetime=r.reviewed_at.astimezone(UTC),
            review_duration=r.duration_ms,
        )
        for r in reviews
    ]
    try:
        parameters = make_optimizer(logs).compute_optimal_parameters()
    except ImportError as error:
        return Optimisation(status="optimizer-missing", reviews=len(reviews), message=str(error))
    return Optimisation(
        status="optimised",
        reviews=len(reviews),
        parameters=tuple(float(p) for p in parameters),
        message=f"fitted to {len(reviews)} reviews",
    )
