"""Run the ASAG benchmarks and print one table: Mohler 2011, SemEval-2013 SciEntsBank, speed.

    python benchmarks/asag/run.py [--only mohler|semeval|speed] [--quick]

Data: ../shared/benchmarks/asag (beside the clone or a parent of it) or $CLIO_ASAG_DATA.
Features are cached in benchmarks/asag/.cache (keyed by a hash of the marker code and the data).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import LABELS, REPO, load_mohler, load_semeval
from evaluate import (
    Softmax,
    choose_softmax_l2,
    class_set_column,
    f1_scores,
    mohler_cross_validated,
    pearson,
    rmse,
    with_class_sets,
)
from extract import features

sys.path.insert(0, str(REPO / "src"))

MOHLER_PUBLISHED = [
    ("Mohler et al. 2011, best (hybrid, SVR, 12-fold CV)", "0.52", "0.98"),
    ("Sultan, Salazar & Sumner 2016", "0.592", "0.887"),
    ("Ramachandran, Cheng & Foltz 2015", "0.61", "0.86"),
    ("Human: grader 1 vs grader 2", "0.589", "-"),
    ("Gaddipati et al. 2020, ELMo cosine + isotonic", "0.485", "0.978"),
]


def row(cells: list[str], widths: list[int]) -> str:
    """One markdown table row."""
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown table."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [row(header, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    return "\n".join([lines[0], lines[1], *(row(r, widths) for r in rows)])


def mohler() -> None:
    """Zero-training and leave-one-assignment-out figures on Mohler 2011."""
    items = load_mohler()
    data = features("mohler", items, max_marks=5)
    gold = np.array([float(it.gold) for it in items])
    groups = np.array([it.group for it in items])
    cv = mohler_cross_validated(data["X"], gold, groups, data["cap"])
    column, big = class_set_column(data, [it.qid for it in items])
    sets = mohler_cross_validated(with_class_sets(data["X"], column), gold, groups, data["cap"])
    for kind in ("whole", "continuous"):  # a set below the minimum size is marked singly
        sets[kind] = np.where(big, sets[kind], cv[kind])
    mean_rmse = rmse(np.full_like(gold, gold.mean()), gold)
    rows = [
        [
            "Clio, zero training, whole marks",
            f"{pearson(data['zero_score'], gold):.3f}",
            f"{rmse(data['zero_score'], gold):.3f}",
        ],
        [
            "Clio, zero training, continuous",
            f"{pearson(data['zero_raw'], gold):.3f}",
            f"{rmse(data['zero_raw'], gold):.3f}",
        ],
        [
            "Clio, ridge, leave-one-assignment-out, whole marks",
            f"{pearson(cv['whole'], gold):.3f}",
            f"{rmse(cv['whole'], gold):.3f}",
        ],
        [
            "Clio, ridge, leave-one-assignment-out, continuous",
            f"{pearson(cv['continuous'], gold):.3f}",
            f"{rmse(cv['continuous'], gold):.3f}",
        ],
        [
            "Clio, class sets (batch), leave-one-assignment-out, whole marks",
            f"{pearson(sets['whole'], gold):.3f}",
            f"{rmse(sets['whole'], gold):.3f}",
        ],
        [
            "Clio, class sets (batch), leave-one-assignment-out, continuous",
            f"{pearson(sets['continuous'], gold):.3f}",
            f"{rmse(sets['continuous'], gold):.3f}",
        ],
        ["Floor: always the mean gold score (in-sample)", "-", f"{mean_rmse:.3f}"],
        *[[name + " (published)", r, e] for name, r, e in MOHLER_PUBLISHED],
    ]
    flagged = int(np.sum(data["cap"] < 1.0))
    print(
        f"\n### Mohler et al. 2011: {len(items)} answers, {len(set(it.qid for it in items))} "
        f"questions, gold = ave (0-5)\n"
    )
    print(table(["system", "Pearson r", "RMSE"], rows))
    print(
        f"\nGuards capped {flagged} of {len(items)} answers. Targets: r >= 0.62 and RMSE <= 0.85 "
        "cross-validated; r >= 0.50 zero-training. Ridge rows: each answer marked alone "
        "(mark_answer); class-set rows: the answers to each question marked together "
        f"(mark_answers, clio mark --batch; {int(big.sum())} answers in sets big enough)."
    )


def _softmax_model(X: np.ndarray, y: np.ndarray, modules: np.ndarray) -> tuple[Softmax, float]:
    l2 = choose_softmax_l2(X, y, modules)
    return Softmax(l2).fit(X, y), l2


def semeval() -> None:
    """SciEntsBank 3-way, trained on the official training set only; single and class sets."""
    train = load_semeval("train")
    train_data = features("semeval-train", train, max_marks=1)
    y = np.array([LABELS.index(str(it.gold)) for it in train])
    modules = np.array([it.qid.split("_")[0] for it in train])
    model, l2 = _softmax_model(train_data["X"], y, modules)
    train_column, train_big = class_set_column(train_data, [it.qid for it in train])
    class_model, _ = _softmax_model(
        with_class_sets(train_data["X"], train_column)[train_big], y[train_big], modules[train_big]
    )
    majority = Counter(y.tolist()).most_common(1)[0][0]
    rows = []
    for split in ("UA", "UQ", "UD"):
        test = load_semeval(split)
        data = features(f"semeval-{split}", test, max_marks=1)
        gold = np.array([LABELS.index(str(it.gold)) for it in test])
        single = model.predict(data["X"])
        column, big = class_set_column(data, [it.qid for it in test])
        sets = np.where(big, class_model.predict(with_class_sets(data["X"], column)), single)
        floor = f1_scores(gold, np.full_like(gold, majority))
        for label, pred, note in (
            ("single answers", single, ""),
            ("class sets", sets, f" ({int(big.sum())} in sets)"),
        ):
            got = f1_scores(gold, pred)
            rows.append(
                [
                    f"{split} ({len(test)}), {label}{note}",
                    f"{got['accuracy']:.3f}",
                    f"{got['macro_f1']:.3f}",
                    f"{got['weighted_f1']:.3f}",
                    f"{floor['accuracy']:.3f} / {floor['macro_f1']:.3f} / "
                    f"{floor['weighted_f1']:.3f}",
                ]
            )
    print(
        f"\n### SemEval-2013 Task 7, SciEntsBank 3-way (trained on the {len(train)} official "
        f"training answers; softmax regression over the marker's features, l2={l2})\n"
    )
    print(
        table(
            [
                "test split",
                "accuracy",
                "macro-F1",
                "weighted-F1",
                "majority floor acc / macro-F1 / w-F1",
            ],
            rows,
        )
    )
    print(
        "\nClass sets: the test answers to each question read together (unlabelled), with the "
        "class-set feature; questions with fewer than the minimum answers are marked singly. "
        "Published SciEntsBank 3-way figures are not quoted here: we could not verify them "
        "from text we read (see ../shared/benchmarks/asag/README.md)."
    )


def raw_encoder_rate(sentences: list[str]) -> float:
    """Sentences/s of a plain onnxruntime session (default options, fixed batches of 32).

    Independent of Clio's own batching and threading, so runs of different Clio versions on
    the same machine can be compared through it.
    """
    import onnxruntime as ort

    from clio.embed import get_embedder

    embedder = get_embedder()
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(
        str(embedder._model), sess_options=options, providers=["CPUExecutionProvider"]
    )
    encodings = [embedder._tokenizer.encode(t) for t in sentences]

    def run_all() -> None:
        for start in range(0, len(encodings), 32):
            batch = encodings[start : start + 32]
            width = max(len(e.ids) for e in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            for row, enc in enumerate(batch):
                ids[row, : len(enc.ids)] = enc.ids
            mask = (ids != 0).astype(np.int64)
            session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )

    run_all()  # warm
    start = time.perf_counter()
    run_all()
    return len(sentences) / (time.perf_counter() - start)


def speed(quick: bool) -> None:
    """Per-answer latency (warm) and throughput of 1,000 answers, through mark_answer(s)."""
    from clio.mark import mark_answer, mark_answers, scheme_from_reference

    items = load_mohler()
    rng = np.random.default_rng(0)
    picks = [items[i] for i in rng.choice(len(items), size=1000, replace=False)]
    schemes = {it.qid: scheme_from_reference(it.reference, 5) for it in items}
    mark_answer(picks[0].question, schemes[picks[0].qid], "warm up the model")
    singles = picks[: 100 if quick else 200]
    times = []
    for it in singles:
        start = time.perf_counter()
        mark_answer(it.question, schemes[it.qid], it.answer)
        times.append(time.perf_counter() - start)
    # The same answers again: every scheme is now cached, as for a teacher marking a class's
    # answers to one question in the web app. CPU time is steadier than wall time on a busy box.
    warm, warm_cpu = [], []
    for it in singles:
        start, cpu = time.perf_counter(), time.process_time()
        mark_answer(it.question, schemes[it.qid], it.answer)
        warm.append(time.perf_counter() - start)
        warm_cpu.append(time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    mark_answers([(it.question, schemes[it.qid], it.answer) for it in picks])
    batch = time.perf_counter() - start
    batch_cpu = time.process_time() - cpu
    # Baseline in the same run: raw encoder throughput on short sentences, to compare with the
    # about 870 sentences/s measured on a quiet 2-core machine (../shared/STACK.md).
    from clio.embed import get_embedder

    sentences = [
        f"Sentence {i} about the Treaty of Friendship and Soviet loans." for i in range(500)
    ]
    start = time.perf_counter()
    get_embedder().encode(sentences)
    per_second = len(sentences) / (time.perf_counter() - start)
    raw = raw_encoder_rate(sentences)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n### Speed ({os.cpu_count()} CPUs, load average {load:.1f} at the end)\n")
    print(
        table(
            ["measure", "result", "target"],
            [
                [
                    f"mark_answer, one answer, warm, p50 ({len(times)} answers)",
                    f"{1000 * float(np.median(times)):.1f} ms",
                    "<= 20 ms",
                ],
                ["mark_answer p90", f"{1000 * float(np.percentile(times, 90)):.1f} ms", "-"],
                [
                    "mark_answer p50, scheme side cached (same answers again)",
                    f"{1000 * float(np.median(warm)):.1f} ms",
                    "-",
                ],
                [
                    "mark_answer CPU time p50 / mean, scheme side cached",
                    f"{1000 * float(np.median(warm_cpu)):.1f} / "
                    f"{1000 * float(np.mean(warm_cpu)):.1f} ms",
                    "-",
                ],
                ["mark_answers, 1,000 answers in one call", f"{batch:.2f} s", "<= 10 s"],
                ["mark_answers, 1,000 answers, CPU time (all threads)", f"{batch_cpu:.2f} s", "-"],
                [
                    "baseline: encoder alone, short sentences",
                    f"{per_second:.0f} /s",
                    "~870 /s on a quiet 2-core machine",
                ],
                [
                    "baseline: plain onnxruntime session, same sentences, batches of 32",
                    f"{raw:.0f} /s",
                    "-",
                ],
            ],
        )
    )


def main() -> None:
    """Run the chosen benchmarks."""
    parser = argparse.ArgumentParser(description="Clio marking benchmarks")
    parser.add_argument("--only", choices=["mohler", "semeval", "speed"])
    parser.add_argument("--quick", action="store_true", help="fewer timing samples")
    args = parser.parse_args()
    if args.only in (None, "mohler"):
        mohler()
    if args.only in (None, "semeval"):
        semeval()
    if args.only in (None, "speed"):
        speed(args.quick)


if __name__ == "__main__":
    main()
