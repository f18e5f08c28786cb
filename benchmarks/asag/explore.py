"""Try candidate features on Mohler 2011 without re-embedding: the same protocol as run.py.

    python benchmarks/asag/explore.py

The prepared answers (token and sentence vectors, stems) are pickled once in
benchmarks/asag/.cache (keyed like extract.py's cache), so a new feature takes seconds to try.
Each candidate is appended to the marker's feature rows and scored by leave-one-assignment-out
cross-validation with the ridge strength chosen inside each fold (evaluate.py), printing the
continuous and whole-mark RMSE and r beside the shipped features' own figures. Nothing here is
used by the marker; it is how the candidates in docs/marking.md were measured.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable

import numpy as np
from datasets import REPO, load_mohler
from evaluate import mohler_cross_validated, pearson, rmse
from extract import CACHE, _code_hash, _data_hash, features

sys.path.insert(0, str(REPO / "src"))

from clio.mark.align import align
from clio.mark.marker import PreparedItem, prepare_items
from clio.mark.prepare import reference_weights
from clio.mark.schemes import scheme_from_reference

Candidate = Callable[[PreparedItem], float]


def prepared_items() -> list[PreparedItem]:
    """The Mohler answers prepared by the marker (embedded once, then read from the cache)."""
    items = load_mohler()
    path = CACHE / f"mohler-prepared-{_code_hash()}-{_data_hash(items, 5)}.pkl"
    if path.exists():
        with path.open("rb") as f:
            loaded: list[PreparedItem] = pickle.load(f)
            return loaded
    schemes = {it.reference: scheme_from_reference(it.reference, 5) for it in items}
    out = prepare_items([(it.question, schemes[it.reference], it.answer) for it in items])
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(out, f, protocol=5)
    return out


def recall_beyond_question(item: PreparedItem) -> float:
    """Token recall of the reference where answer tokens close to the question count less."""
    p, a = item.prepared, item.answer
    ref, ans = p.reference.tokens, a.tokens
    if len(ref) == 0 or len(ans) == 0:
        return 0.0
    own = reference_weights(ans, p.question.tokens)
    w = p.reference_weights
    return float((((ref @ ans.T) * own[None, :]).max(axis=1) * w).sum() / w.sum())


def answer_question_closeness(item: PreparedItem) -> float:
    """Mean closeness of the answer's tokens to the question's tokens."""
    ans, q = item.answer.tokens, item.prepared.question.tokens
    return float((ans @ q.T).max(axis=1).mean()) if len(ans) and len(q) else 0.0


def weakest_point(item: PreparedItem) -> float:
    """The lowest point-alignment score (references split into several points)."""
    return min((x.score for x in align(item.answer, item.prepared)), default=0.0)


CANDIDATES: dict[str, Candidate] = {
    "recall_beyond_question": recall_beyond_question,
    "answer_question_closeness": answer_question_closeness,
    "weakest_point": weakest_point,
}


def report(
    label: str, X: np.ndarray, gold: np.ndarray, groups: np.ndarray, caps: np.ndarray
) -> None:
    """One line: continuous and whole-mark RMSE and r, cross-validated."""
    cv = mohler_cross_validated(X, gold, groups, caps)
    c, w = cv["continuous"], cv["whole"]
    print(
        f"{label:34s} continuous {rmse(c, gold):.4f} r {pearson(c, gold):.4f} | "
        f"whole {rmse(w, gold):.4f} r {pearson(w, gold):.4f}"
    )


def main() -> None:
    """Score the shipped features, then each candidate added to them."""
    items = load_mohler()
    data = features("mohler", items, max_marks=5)
    gold = np.array([float(it.gold) for it in items])
    groups = np.array([it.group for it in items])
    X, caps = data["X"], data["cap"]
    prepared = prepared_items()
    report("shipped features", X, gold, groups, caps)
    for name, candidate in CANDIDATES.items():
        column = np.array([[candidate(p)] for p in prepared])
        column[caps == 0.0] = 0.0  # the marker computes no features for empty answers
        report(f"+ {name}", np.hstack([X, column]), gold, groups, caps)


if __name__ == "__main__":
    main()
