"""Metrics and the learned parts evaluated on the benchmarks (numpy only)."""

from __future__ import annotations

import sys

import numpy as np
from datasets import LABELS, REPO

sys.path.insert(0, str(REPO / "src"))

from clio.mark.classset import MIN_CLASS_SIZE, consensus, peer_weights
from clio.mark.marker import apply_cap, round_half_up
from clio.mark.scorer import choose_l2, expand, fit_ridge

L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation."""
    return float(np.corrcoef(a, b)[0, 1])


def rmse(a: np.ndarray, b: np.ndarray) -> float:
    """Root mean squared error."""
    return float(np.sqrt(np.mean((a - b) ** 2)))


def whole_marks(fractions: np.ndarray, caps: np.ndarray, max_marks: int) -> np.ndarray:
    """What the marker prints: whole marks, rounded half up, then the guards' caps."""
    return np.array(
        [
            apply_cap(round_half_up(f * max_marks), c, max_marks)
            for f, c in zip(fractions, caps, strict=True)
        ],
        dtype=np.float64,
    )


def class_set_column(
    data: dict[str, np.ndarray], keys: list[str] | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``class_consensus`` of every answer against the other answers with the same key.

    As the marker computes it (clio.mark.classset): no labels, the answer itself excluded, only
    answers marked on content (not empty, not capped to 0) as peers. Also returns which answers
    are in a set big enough for the class-set scorer (MIN_CLASS_SIZE live answers).
    """
    keys = np.asarray(keys)
    live = data["cap"] > 0.0
    column, big = np.zeros(len(keys)), np.zeros(len(keys), dtype=bool)
    for key in np.unique(keys):
        idx = np.flatnonzero(keys == key)
        column[idx] = consensus(data["vectors"][idx], peer_weights(data["X"][idx]), live[idx])
        big[idx] = live[idx].sum() >= MIN_CLASS_SIZE
    column[~live] = 0.0  # as the feature rows of empty answers
    return column, big


def with_class_sets(X: np.ndarray, column: np.ndarray) -> np.ndarray:
    """The feature rows with the class-set feature appended."""
    return np.hstack([X, column[:, None]])


def mohler_cross_validated(
    X: np.ndarray,
    gold: np.ndarray,
    groups: np.ndarray,
    caps: np.ndarray,
    *,
    grid: tuple[float, ...] = L2_GRID,
) -> dict[str, np.ndarray]:
    """Leave-one-assignment-out: fit the ridge scorer on 11 assignments, predict the 12th.

    The ridge strength is chosen inside each fold by leave-one-assignment-out on the 11 only.
    """
    fractions = np.zeros(len(gold))
    for group in np.unique(groups):
        test = groups == group
        l2 = choose_l2(X[~test], gold[~test] / 5.0, groups[~test], grid=grid)
        model = fit_ridge(X[~test], gold[~test] / 5.0, l2=l2)
        fractions[test] = model.predict_many(X[test])
    return {
        "continuous": np.minimum(fractions, caps) * 5.0,
        "whole": whole_marks(fractions, caps, 5),
    }


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class Softmax:
    """Multinomial logistic regression with L2, fitted by full-batch gradient descent."""

    def __init__(self, l2: float, steps: int = 600, rate: float = 0.5) -> None:
        self.l2, self.steps, self.rate = l2, steps, rate

    def fit(self, X: np.ndarray, y: np.ndarray) -> Softmax:
        x = expand(X)
        self.mean, self.scale = x.mean(0), x.std(0) + 1e-9
        z = np.hstack([(x - self.mean) / self.scale, np.ones((len(x), 1))])
        onehot = np.eye(len(LABELS))[y]
        w = np.zeros((z.shape[1], len(LABELS)))
        for _ in range(self.steps):
            p = _softmax(z @ w)
            grad = z.T @ (p - onehot) / len(z) + self.l2 * np.vstack(
                [w[:-1], np.zeros((1, w.shape[1]))]
            )
            w -= self.rate * grad
        self.w = w
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        x = expand(X)
        z = np.hstack([(x - self.mean) / self.scale, np.ones((len(x), 1))])
        return np.argmax(z @ self.w, axis=1)


def f1_scores(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Accuracy, macro-F1 and weighted-F1 over the three labels."""
    f1s, support = [], []
    for label in range(len(LABELS)):
        tp = float(np.sum((pred == label) & (gold == label)))
        fp = float(np.sum((pred == label) & (gold != label)))
        fn = float(np.sum((pred != label) & (gold == label)))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        support.append(float(np.sum(gold == label)))
    weights = np.asarray(support) / max(sum(support), 1.0)
    return {
        "accuracy": float(np.mean(gold == pred)),
        "macro_f1": float(np.mean(f1s)),
        "weighted_f1": float(np.dot(f1s, weights)),
    }


def choose_softmax_l2(X: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """Pick the L2 strength by macro-F1 over leave-one-module-out folds of the training set."""
    best, best_score = 0.01, -1.0
    for l2 in (0.001, 0.01, 0.1):
        preds = np.zeros(len(y), dtype=int)
        for group in np.unique(groups):
            test = groups == group
            preds[test] = Softmax(l2).fit(X[~test], y[~test]).predict(X[test])
        score = f1_scores(y, preds)["macro_f1"]
        if score > best_score:
            best, best_score = l2, score
    return best
