"""Train the marker's content scorer on the Mohler 2011 data and write the shipped weights.

    python benchmarks/asag/train_scorer.py [--out src/clio/data/mark/scorer.json]
                                          [--class-out src/clio/data/mark/scorer_classset.json]

Ridge regression (numpy) over the marker's features and their squares, target = gold ``ave`` / 5,
ridge strength chosen by leave-one-assignment-out on all 12 assignments, then fitted on all 2,273
answers. The marker works without the file (zero-training rule). The class-set scorer is the
same fit with the class-set feature added (each answer against the other answers to its
question; clio.mark.classset). Data: see datasets.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from datasets import REPO, load_mohler
from evaluate import L2_GRID, class_set_column, with_class_sets
from extract import features

sys.path.insert(0, str(REPO / "src"))

from clio.mark.classset import CLASS_FEATURE_NAMES
from clio.mark.features import FEATURE_NAMES
from clio.mark.scorer import choose_l2, fit_ridge, save_scorer

TRAINED_ON = (
    "Mohler et al. 2011, 2,273 answers / 81 questions, target ave/5; "
    "benchmarks/asag/train_scorer.py"
)


def main() -> None:
    """Fit on all of Mohler and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "src/clio/data/mark/scorer.json")
    parser.add_argument(
        "--class-out", type=Path, default=REPO / "src/clio/data/mark/scorer_classset.json"
    )
    args = parser.parse_args()
    items = load_mohler()
    data = features("mohler", items, max_marks=5)
    gold = np.array([float(it.gold) for it in items]) / 5.0
    groups = np.array([it.group for it in items])
    column, _ = class_set_column(data, [it.qid for it in items])
    for rows, names, out in (
        (data["X"], FEATURE_NAMES, args.out),
        (with_class_sets(data["X"], column), FEATURE_NAMES + CLASS_FEATURE_NAMES, args.class_out),
    ):
        l2 = choose_l2(rows, gold, groups, grid=L2_GRID)
        scorer = fit_ridge(rows, gold, l2=l2, trained_on=TRAINED_ON, names=names)
        save_scorer(scorer, out)
        print(f"wrote {out} (l2={l2}, {len(scorer.weights)} weights)")


if __name__ == "__main__":
    main()
