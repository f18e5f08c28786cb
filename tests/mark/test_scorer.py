"""The content scorer: ridge fitting, the shipped weights, and the zero-training fallback."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from clio.mark.features import FEATURE_NAMES
from clio.mark.scorer import choose_l2, fit_ridge, load_scorer, save_scorer


def test_ridge_recovers_a_linear_target(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    rows = rng.random((300, len(FEATURE_NAMES)))
    target = np.clip(0.2 + 0.5 * rows[:, 0] + 0.2 * rows[:, 3], 0, 1)
    groups = np.repeat(np.arange(6).astype(str), 50)
    l2 = choose_l2(rows, target, groups, grid=(0.01, 1.0, 100.0))
    model = fit_ridge(rows, target, l2=l2)
    assert np.abs(model.predict_many(rows) - target).max() < 0.05
    path = tmp_path / "scorer.json"
    save_scorer(model, path)
    again = load_scorer(str(path))
    assert again is not None and np.allclose(again.predict_many(rows), model.predict_many(rows))


def test_missing_or_stale_weights_fall_back(tmp_path: Path) -> None:
    assert load_scorer(str(tmp_path / "absent.json")) is None
    stale = tmp_path / "stale.json"
    stale.write_text(
        '{"features": ["x"], "mean": [0], "scale": [1], "weights": [1], "bias": 0, "l2": 1}'
    )
    assert load_scorer(str(stale)) is None
    (tmp_path / "bad.json").write_text("not json")
    assert load_scorer(str(tmp_path / "bad.json")) is None


def test_shipped_weights_load_and_match_the_features() -> None:
    scorer = load_scorer()
    assert scorer is not None
    assert scorer.features == FEATURE_NAMES
    assert "Mohler" in scorer.trained_on
