"""Turn an answer's features into a content score (a fraction of the marks), learned or not.

The learned scorer is a ridge regression over the features and their squares, trained by
``benchmarks/asag/train_scorer.py`` and shipped as ``clio/data/mark/scorer.json``. Without that
file (or with one for other features) the zero-training rule is used instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from clio.mark.features import FEATURE_NAMES, AnswerFeatures

Matrix = npt.NDArray[np.float64]

# Zero-training rule: the mean of the point-alignment score and the question-aware token recall,
# mapped linearly from "unrelated" (ZERO_AT) to "says what the reference says" (FULL_AT). Fixed by
# reasoning about the two measures (a verbatim reference scores about 1, an unrelated sentence about
# 0.2), not fitted to any benchmark.
ZERO_AT = 0.2
FULL_AT = 0.65


def zero_training_fraction(features: AnswerFeatures) -> float:
    """Content score in 0..1 without any learned weights."""
    raw = 0.5 * features["point_score_mean"] + 0.5 * features["token_recall_new"]
    return float(np.clip((raw - ZERO_AT) / (FULL_AT - ZERO_AT), 0.0, 1.0))


def expand(rows: Matrix) -> Matrix:
    """The regression inputs: each feature and its square."""
    return np.hstack([rows, rows**2])


@dataclass(frozen=True, kw_only=True)
class LinearScorer:
    """Ridge regression weights over standardised, expanded features; predicts a 0..1 fraction."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    l2: float
    trained_on: str = ""

    def predict_many(self, rows: Matrix) -> npt.NDArray[np.float64]:
        """Fractions for many feature rows (clipped to 0..1)."""
        z = (expand(rows) - np.asarray(self.mean)) / np.asarray(self.scale)
        out: npt.NDArray[np.float64] = np.clip(z @ np.asarray(self.weights) + self.bias, 0.0, 1.0)
        return out

    def predict(self, features: AnswerFeatures, extra: tuple[float, ...] = ()) -> float:
        """The content score of one answer as a fraction of the marks.

        ``extra`` holds the values of features beyond :data:`FEATURE_NAMES` (class sets).
        """
        row = np.asarray([features.values + extra], dtype=np.float64)
        return float(self.predict_many(row)[0])


def fit_ridge(
    rows: Matrix,
    target: Sequence[float],
    *,
    l2: float,
    trained_on: str = "",
    names: tuple[str, ...] = FEATURE_NAMES,
) -> LinearScorer:
    """Fit ridge regression of ``target`` (fractions 0..1) on expanded ``rows``."""
    x = expand(np.asarray(rows, dtype=np.float64))
    y = np.asarray(target, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    bias = float(y.mean())
    weights = np.linalg.solve(z.T @ z + l2 * np.eye(z.shape[1]), z.T @ (y - bias))
    return LinearScorer(
        features=names,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in weights),
        bias=bias,
        l2=l2,
        trained_on=trained_on,
    )


def choose_l2(
    rows: Matrix, target: Sequence[float], groups: Sequence[str], *, grid: Sequence[float]
) -> float:
    """Pick the ridge strength by leave-one-group-out error on the given (training) data only."""
    y = np.asarray(target, dtype=np.float64)
    g = np.asarray(groups)
    best, best_err = grid[0], float("inf")
    for l2 in grid:
        err = 0.0
        for group in np.unique(g):
            test = g == group
            model = fit_ridge(rows[~test], y[~test], l2=l2)
            err += float(((model.predict_many(rows[test]) - y[test]) ** 2).sum())
        if err < best_err:
            best, best_err = l2, err
    return best


DEFAULT_PATH = "data/mark/scorer.json"
CLASS_SET_PATH = "data/mark/scorer_classset.json"


def save_scorer(scorer: LinearScorer, path: Path) -> None:
    """Write the scorer as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(scorer), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_scorer(
    path: str | None = None, *, names: tuple[str, ...] = FEATURE_NAMES
) -> LinearScorer | None:
    """The shipped scorer, or None if the file is missing or was trained on other features."""
    file = Path(path) if path else Path(str(resources.files("clio") / DEFAULT_PATH))
    if not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        scorer = LinearScorer(
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            weights=tuple(data["weights"]),
            bias=float(data["bias"]),
            l2=float(data["l2"]),
            trained_on=str(data.get("trained_on", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if scorer.features != names or len(scorer.weights) != 2 * len(names):
        return None
    return scorer


def load_class_scorer() -> LinearScorer | None:
    """The shipped class-set scorer (features + class-set features), or None if missing."""
    from clio.mark.classset import CLASS_FEATURE_NAMES

    path = str(resources.files("clio") / CLASS_SET_PATH)
    return load_scorer(path, names=FEATURE_NAMES + CLASS_FEATURE_NAMES)


def content_fraction(features: AnswerFeatures, scorer: LinearScorer | None) -> float:
    """Learned content score if a scorer is given, else the zero-training rule."""
    if scorer is None:
        return zero_training_fraction(features)
    return scorer.predict(features)
