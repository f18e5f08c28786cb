"""Class-set features on Mohler 2011: the variants tried, set sizes, and how much marks move.

    python benchmarks/asag/explore_classsets.py [--only variants|sizes|fairness]

A class set is the answers to one question read together, unlabelled. Every feature here uses
only the other answers to the answer's own question (never the answer itself, never a label),
and every fitted number (ridge strength, choice of variant) is fitted inside the
leave-one-assignment-out fold, as in evaluate.py. The shipped feature is ``class_consensus``
(clio.mark.classset). Nothing here is used by the marker; it is how docs/marking.md's class-set
rows were measured.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import numpy as np
from datasets import REPO, load_mohler
from evaluate import (
    L2_GRID,
    class_set_column,
    mohler_cross_validated,
    pearson,
    rmse,
    whole_marks,
    with_class_sets,
)
from explore import prepared_items
from extract import features

sys.path.insert(0, str(REPO / "src"))

from clio.mark.classset import consensus, peer_weights
from clio.mark.scorer import choose_l2, fit_ridge

Peers = list[np.ndarray]
Column = Callable[[int, np.ndarray], float]


def _peers(qids: np.ndarray, live: np.ndarray) -> Peers:
    """For every answer: the live answers to its question other than itself."""
    out: Peers = [np.zeros(0, dtype=int)] * len(qids)
    for q in np.unique(qids):
        idx = np.flatnonzero(qids == q)
        for i in idx:
            out[i] = idx[(idx != i) & live[idx]]
    return out


def _line(label: str, cont: np.ndarray, whole: np.ndarray, gold: np.ndarray) -> None:
    print(
        f"| {label} | {rmse(cont, gold):.3f} ({pearson(cont, gold):.3f}) | "
        f"{rmse(whole, gold):.3f} ({pearson(whole, gold):.3f}) |",
        flush=True,
    )


class Mohler:
    """The Mohler features, gold scores and class-set peers, loaded once."""

    def __init__(self) -> None:
        self.items = load_mohler()
        self.data = features("mohler", self.items, max_marks=5)
        self.gold = np.array([float(it.gold) for it in self.items])
        self.groups = np.array([it.group for it in self.items])
        self.qids = np.array([it.qid for it in self.items])
        self.X, self.caps = self.data["X"], self.data["cap"]
        self.live = self.caps > 0
        self.V = self.data["vectors"].astype(np.float64)
        self.w = peer_weights(self.X)
        self.peers = _peers(self.qids, self.live)

    def column(self, fn: Column) -> np.ndarray:
        """A per-answer feature from its peers (0 for answers marked 0 by a guard)."""
        col = np.array(
            [fn(i, self.peers[i]) if len(self.peers[i]) else 0.0 for i in range(len(self.gold))]
        )
        col[~self.live] = 0.0
        return col

    def cv(self, X: np.ndarray, grid: tuple[float, ...] = L2_GRID) -> dict[str, np.ndarray]:
        """Leave-one-assignment-out figures for feature rows X."""
        X = X.copy()
        X[~self.live] = 0.0
        return mohler_cross_validated(X, self.gold, self.groups, self.caps, grid=grid)

    def report(self, label: str, X: np.ndarray, grid: tuple[float, ...] = L2_GRID) -> None:
        """One table row."""
        cv = self.cv(X, grid)
        _line(label, cv["continuous"], cv["whole"], self.gold)


def _centroid(m: Mohler, weights: np.ndarray) -> Column:
    def fn(i: int, p: np.ndarray) -> float:
        c = (weights[p][:, None] * m.V[p]).sum(0)
        norm = float(np.linalg.norm(c))
        return float(m.V[i] @ c / norm) if norm > 0 else 0.0

    return fn


def _knn(m: Mohler, k: int) -> Column:
    return lambda i, p: float(np.sort(m.V[p] @ m.V[i])[-k:].mean())


def _token_columns(m: Mohler) -> dict[str, np.ndarray]:
    """Token-level consensus: BERTScore-like F1 with peers; recall against pseudo-references."""
    tokens = [p.answer.tokens for p in prepared_items()]
    zraw = m.w

    def f1(a: np.ndarray, r: np.ndarray) -> float:
        s = r @ a.T
        rec, pre = s.max(1).mean(), s.max(0).mean()
        return float(2 * rec * pre / (rec + pre)) if rec + pre > 0 else 0.0

    def mean_f1(i: int, p: np.ndarray) -> float:
        vals = [f1(tokens[i], tokens[j]) for j in p if len(tokens[j]) and len(tokens[i])]
        return float(np.mean(vals)) if vals else 0.0

    def pseudo(i: int, p: np.ndarray) -> float:
        top = p[np.argsort(-zraw[p])[:3]]
        a = tokens[i]
        vals = [float((tokens[j] @ a.T).max(1).mean()) for j in top if len(tokens[j]) and len(a)]
        return max(vals) if vals else 0.0

    return {
        "mean token F1 with every peer": m.column(mean_f1),
        "token recall of the best of 3 pseudo-references": m.column(pseudo),
    }


def variants(m: Mohler) -> None:
    """Every class-set variant tried, each added to the 16 single-answer features."""
    X = m.X
    print("| features | continuous RMSE (r) | whole RMSE (r) |\n|---|---|---|")
    m.report("single-answer features (shipped `mark_answer`)", X)

    def stat(fn: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> np.ndarray:
        out = np.zeros_like(X)
        for i, p in enumerate(m.peers):
            if len(p):
                out[i] = fn(X[p], X[i])
        return out

    mean = stat(lambda P, x: P.mean(0))
    std = stat(lambda P, x: P.std(0))
    rank = stat(lambda P, x: ((x > P).sum(0) + 0.5 * (x == P).sum(0)) / len(P))
    zraw = m.w
    peer_mean_z = m.column(lambda i, p: float(zraw[p].mean()))
    peer_sd_z = m.column(lambda i, p: float(zraw[p].std()))
    m.report("+ the 16 peer means", np.hstack([X, mean]))
    m.report("+ the 16 deviations from the peer mean", np.hstack([X, X - mean]))
    m.report("+ the 16 z-scores among peers", np.hstack([X, (X - mean) / (std + 1e-3)]))
    m.report("+ the 16 ranks among peers", np.hstack([X, rank]))
    m.report("+ peer mean of the zero-training score", with_class_sets(X, peer_mean_z))
    m.report("+ peer spread of the zero-training score", with_class_sets(X, peer_sd_z))
    cols: dict[str, np.ndarray] = {
        "cosine to the peers' centroid": m.column(_centroid(m, np.ones(len(zraw)))),
        "cosine to the centroid weighted by the peers' zero-training score": m.column(
            _centroid(m, zraw)
        ),
        "mean cosine to the peers": m.column(lambda i, p: float((m.V[p] @ m.V[i]).mean())),
        "mean cosine to the 3 nearest peers": m.column(_knn(m, 3)),
        "mean cosine to the 10 nearest peers": m.column(_knn(m, 10)),
        "max cosine to the 3 pseudo-references": m.column(
            lambda i, p: float((m.V[p[np.argsort(-zraw[p])[:3]]] @ m.V[i]).max())
        ),
    }
    cols.update(_token_columns(m))
    shipped, _ = class_set_column(m.data, m.qids)
    cols["**class_consensus** (shipped: weighted mean cosine / sqrt(peer coherence))"] = shipped
    for name, col in cols.items():
        m.report(f"+ {name}", with_class_sets(X, col))
    print("\nStrength of the ridge (fixed, or chosen from another grid inside each fold):")
    for grid in ((1.0,), (10.0,), (100.0,), (0.03, 0.3, 3.0, 30.0, 300.0)):
        label = f"l2 = {grid[0]}" if len(grid) == 1 else "l2 grid 0.03..300"
        m.report(f"single, {label}", X, grid)
        m.report(f"class_consensus, {label}", with_class_sets(X, shipped), grid)
    _nested(m, {"single": X, **{k: with_class_sets(X, v) for k, v in cols.items()}})


def _nested(m: Mohler, candidates: dict[str, np.ndarray]) -> None:
    """Choose the variant inside each fold (inner leave-one-assignment-out), then test it."""
    fractions = np.zeros(len(m.gold))
    chosen = []
    for group in np.unique(m.groups):
        test = m.groups == group
        best: tuple[float, str, float] = (np.inf, "", 0.0)
        for name, X in candidates.items():
            X = X.copy()
            X[~m.live] = 0.0
            y, g = m.gold[~test] / 5, m.groups[~test]
            l2 = choose_l2(X[~test], y, g, grid=L2_GRID)
            err = 0.0
            for inner in np.unique(g):
                t = g == inner
                model = fit_ridge(X[~test][~t], y[~t], l2=l2)
                err += float(((model.predict_many(X[~test][t]) - y[t]) ** 2).sum())
            best = min(best, (err, name, l2))
        _, name, l2 = best
        chosen.append(name)
        X = candidates[name].copy()
        X[~m.live] = 0.0
        fractions[test] = fit_ridge(X[~test], m.gold[~test] / 5, l2=l2).predict_many(X[test])
    cont = np.minimum(fractions, m.caps) * 5
    _line("variant chosen inside each fold", cont, whole_marks(fractions, m.caps, 5), m.gold)
    print("chosen:", ", ".join(chosen))


def sizes(m: Mohler) -> None:
    """Smaller classes: each test answer's peers are a random subset of n - 1 of its classmates.

    The scorer is trained on the full sets (as shipped), so this is what a class of n gets.
    """
    X = m.X.copy()
    X[~m.live] = 0.0
    full, _ = class_set_column(m.data, m.qids)
    rows = with_class_sets(X, full)
    models, single = {}, np.zeros(len(m.gold))
    for group in np.unique(m.groups):
        test = m.groups == group
        y, g = m.gold[~test] / 5, m.groups[~test]
        models[group] = fit_ridge(rows[~test], y, l2=choose_l2(rows[~test], y, g, grid=L2_GRID))
        base = fit_ridge(X[~test], y, l2=choose_l2(X[~test], y, g, grid=L2_GRID))
        single[test] = base.predict_many(X[test])
    print("| answers in the class | continuous RMSE | whole RMSE (range over 4 draws) | whole r |")
    print("|---|---|---|---|")
    print(
        f"| 1 (single-answer scorer) | {rmse(np.minimum(single, m.caps) * 5, m.gold):.3f} | "
        f"{rmse(whole_marks(single, m.caps, 5), m.gold):.3f} | "
        f"{pearson(whole_marks(single, m.caps, 5), m.gold):.3f} |"
    )
    for n in (3, 5, 6, 8, 10, 15, 20):
        got = []
        for seed in range(4):
            rng = np.random.default_rng(1000 * n + seed)
            col = np.zeros(len(m.gold))
            for i, p in enumerate(m.peers):
                if not m.live[i] or len(p) < 2:
                    continue
                pick = rng.choice(p, size=min(n - 1, len(p)), replace=False)
                idx = np.concatenate([[i], pick])
                col[i] = consensus(m.V[idx], m.w[idx], np.ones(len(idx), dtype=bool))[0]
            frac = np.zeros(len(m.gold))
            for group, model in models.items():
                test = m.groups == group
                frac[test] = model.predict_many(with_class_sets(X[test], col[test]))
            whole = whole_marks(frac, m.caps, 5)
            got.append(
                (
                    rmse(np.minimum(frac, m.caps) * 5, m.gold),
                    rmse(whole, m.gold),
                    pearson(whole, m.gold),
                )
            )
        a = np.array(got)
        print(
            f"| {n} | {a[:, 0].mean():.3f} | {a[:, 1].mean():.3f} ({a[:, 1].min():.3f}-"
            f"{a[:, 1].max():.3f}) | {a[:, 2].mean():.3f} |",
            flush=True,
        )


def fairness() -> None:
    """How much the marks the marker prints move between single and class-set marking."""
    from clio.mark import mark_answers, scheme_from_reference

    items = load_mohler()
    schemes = {it.reference: scheme_from_reference(it.reference, 5) for it in items}
    triples = [(it.question, schemes[it.reference], it.answer) for it in items]
    alone = mark_answers(triples, class_sets=False)
    together = mark_answers(triples)
    gold = np.array([float(it.gold) for it in items])
    a = np.array([m.score for m in alone], dtype=float)
    b = np.array([m.score for m in together], dtype=float)
    change = b - a
    print(
        f"answers: {len(items)}; marked as class sets: "
        f"{sum(m.scorer == 'class_set' for m in together)}"
    )
    print(f"marks changed: {int((change != 0).sum())} ({100 * np.mean(change != 0):.1f}%)")
    for d in sorted(set(change.tolist())):
        print(f"  change {d:+.0f}: {int((change == d).sum())}")
    print(f"largest change: {np.abs(change).max():.0f} mark(s) of 5")
    print(
        f"in-sample (shipped weights) RMSE single {rmse(a, gold):.3f}, "
        f"class sets {rmse(b, gold):.3f}"
    )
    closer = np.abs(b - gold) < np.abs(a - gold)
    further = np.abs(b - gold) > np.abs(a - gold)
    print(
        f"of the changed marks: {int(closer.sum())} closer to the graders, "
        f"{int(further.sum())} further"
    )


def _semeval_columns(items: list, data: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The consensus variants on one SemEval split, each answer against its question's others."""
    qids = np.array([it.qid for it in items])
    live, V, w = data["cap"] > 0, data["vectors"].astype(np.float64), peer_weights(data["X"])
    names = ("class_consensus", "unweighted consensus", "weighted centroid", "centroid")
    names += ("mean cosine", "top-half centroid", "max cosine to 3 pseudo-references")
    out = {k: np.zeros(len(qids)) for k in names}
    for q in np.unique(qids):
        idx = np.flatnonzero(qids == q)
        out["class_consensus"][idx] = consensus(V[idx], w[idx], live[idx])
        out["unweighted consensus"][idx] = consensus(V[idx], np.ones(len(idx)), live[idx])
        for i in idx:
            p = idx[(idx != i) & live[idx]]
            if len(p) < 2:
                continue
            for name, c in (
                ("weighted centroid", (w[p][:, None] * V[p]).sum(0)),
                ("centroid", V[p].sum(0)),
                ("top-half centroid", V[p[w[p] >= np.median(w[p])]].sum(0)),
            ):
                out[name][i] = float(V[i] @ c) / max(float(np.linalg.norm(c)), 1e-9)
            out["mean cosine"][i] = float((V[p] @ V[i]).mean())
            out["max cosine to 3 pseudo-references"][i] = float(
                (V[p[np.argsort(-w[p])[:3]]] @ V[i]).max()
            )
    for col in out.values():
        col[~live] = 0.0
    return out


def semeval() -> None:
    """The consensus variants on SciEntsBank 3-way: training leave-one-module-out and tests."""
    from datasets import LABELS, load_semeval
    from evaluate import Softmax, choose_softmax_l2, f1_scores

    train = load_semeval("train")
    train_data = features("semeval-train", train, max_marks=1)
    y = np.array([LABELS.index(str(it.gold)) for it in train])
    modules = np.array([it.qid.split("_")[0] for it in train])
    train_cols = _semeval_columns(train, train_data)
    tests = {}
    for split in ("UA", "UQ", "UD"):
        items = load_semeval(split)
        data = features(f"semeval-{split}", items, max_marks=1)
        gold = np.array([LABELS.index(str(it.gold)) for it in items])
        tests[split] = (data, gold, _semeval_columns(items, data))
    print("| features | train leave-one-module-out acc / macro-F1 | UA | UQ | UD |")
    print("|---|---|---|---|---|")
    for name in (None, *train_cols):
        X = train_data["X"] if name is None else with_class_sets(train_data["X"], train_cols[name])
        l2 = choose_softmax_l2(X, y, modules)
        preds = np.zeros(len(y), dtype=int)
        for module in np.unique(modules):
            test = modules == module
            preds[test] = Softmax(l2).fit(X[~test], y[~test]).predict(X[test])
        inner = f1_scores(y, preds)
        model = Softmax(l2).fit(X, y)
        cells = [f"{inner['accuracy']:.3f} / {inner['macro_f1']:.3f}"]
        for data, gold, cols in tests.values():
            rows = data["X"] if name is None else with_class_sets(data["X"], cols[name])
            got = f1_scores(gold, model.predict(rows))
            cells.append(f"{got['accuracy']:.3f} / {got['macro_f1']:.3f}")
        print(f"| {name or 'single-answer features'} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    """Run the chosen parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["variants", "sizes", "fairness", "semeval"])
    args = parser.parse_args()
    if args.only in (None, "variants", "sizes"):
        m = Mohler()
        if args.only in (None, "variants"):
            variants(m)
        if args.only in (None, "sizes"):
            sizes(m)
    if args.only in (None, "fairness"):
        fairness()
    if args.only in (None, "semeval"):
        semeval()


if __name__ == "__main__":
    main()
