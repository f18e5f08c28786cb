"""Dump the marks of a benchmark set from one source tree, and diff two dumps.

    python benchmarks/asag/dump_marks.py dump --src /path/to/clio/src --out main.jsonl [--single]
    python benchmarks/asag/dump_marks.py diff main.jsonl branch.jsonl [--ignore scorer]

``dump`` marks every Mohler answer (``--dataset semeval-UA`` etc. for SemEval) with the code in
``--src``: by default through ``clio mark --batch`` (a subprocess, so the two trees never mix),
with ``--single`` one answer at a time through ``mark_answer`` (the web app's path), also
printing the content score and the features at full precision. ``diff`` compares two dumps
line by line: marks must be equal; features are reported by their largest difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import Item, load_mohler, load_semeval


def _items(dataset: str) -> tuple[list[Item], int]:
    if dataset == "mohler":
        return load_mohler(), 5
    split = dataset.removeprefix("semeval-")
    return load_semeval(split), 1


def _batch_lines(items: list[Item], max_marks: int) -> list[str]:
    return [
        json.dumps(
            {
                "id": f"{it.qid}#{n}",
                "question": it.question,
                "reference": it.reference,
                "answer": it.answer,
                "max": max_marks,
            }
        )
        for n, it in enumerate(items)
    ]


def _single_worker(path: str) -> None:
    """Run inside the tree under test: mark each line of ``path`` one at a time."""
    from clio.mark.marker import assess_many
    from clio.mark.schemes import scheme_from_reference
    from clio.model.serialise import to_jsonable

    schemes: dict[tuple[str, int], object] = {}
    for number, text in enumerate(Path(path).read_text().splitlines(), start=1):
        data = json.loads(text)
        key = (data["reference"], data["max"])
        if key not in schemes:
            schemes[key] = scheme_from_reference(data["reference"], data["max"])
        got = assess_many([(data["question"], schemes[key], data["answer"])])[0]  # type: ignore[list-item]
        feats = None if got.features is None else [float(x) for x in got.features.values]
        out = {"line": number, "id": data["id"], **to_jsonable(got.mark)}
        out["_fraction"] = got.fraction
        out["_features"] = feats
        print(json.dumps(out, ensure_ascii=False), flush=False)


def dump(src: str, out: str, *, single: bool, dataset: str, limit: int | None) -> None:
    """Mark the dataset with the code in ``src`` and write one JSON line per answer to ``out``."""
    items, max_marks = _items(dataset)
    if limit:
        items = items[:limit]
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(_batch_lines(items, max_marks)) + "\n")
        batch = handle.name
    try:
        if single:
            cmd = [sys.executable, __file__, "_worker", batch]
            env["PYTHONPATH"] += os.pathsep + str(Path(__file__).resolve().parent)
        else:
            cmd = [sys.executable, "-m", "clio", "mark", "--batch", batch]
        with open(out, "w") as sink:
            subprocess.run(cmd, env=env, stdout=sink, check=True)
    finally:
        os.unlink(batch)


def diff(a: str, b: str, *, ignore: tuple[str, ...] = ()) -> int:
    """Print the differences between two dumps; return the number of answers whose mark differs.

    Keys in ``ignore`` are left out (``scorer``, which older trees do not print).
    """
    left = [json.loads(x) for x in Path(a).read_text().splitlines()]
    right = [json.loads(x) for x in Path(b).read_text().splitlines()]
    for entry in [*left, *right]:
        for key in ignore:
            entry.pop(key, None)
    if len(left) != len(right):
        print(f"different lengths: {len(left)} and {len(right)}")
        return max(len(left), len(right))
    differing = 0
    worst_feature = 0.0
    worst_fraction = 0.0
    for x, y in zip(left, right, strict=True):
        fx, fy = x.pop("_features", None), y.pop("_features", None)
        rx, ry = x.pop("_fraction", None), y.pop("_fraction", None)
        if fx is not None and fy is not None:
            worst_feature = max([worst_feature, *(abs(p - q) for p, q in zip(fx, fy, strict=True))])
        if rx is not None and ry is not None:
            worst_fraction = max(worst_fraction, abs(rx - ry))
        if x != y:
            differing += 1
            keys = sorted(k for k in {*x, *y} if x.get(k) != y.get(k))
            print(f"line {x.get('line')} ({x.get('id')}): differs in {', '.join(keys)}")
            for k in keys:
                print(f"  {k}: {x.get(k)!r}\n  {' ' * len(k)}  {y.get(k)!r}")
    print(
        f"{len(left)} answers, {differing} marks differ; largest feature difference "
        f"{worst_feature:.3g}, largest content-score difference {worst_fraction:.3g}"
    )
    return differing


def main() -> None:
    """Command line: dump or diff."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--src", required=True, help="the src/ folder of the tree to run")
    d.add_argument("--out", required=True)
    d.add_argument("--single", action="store_true", help="mark_answer one at a time")
    d.add_argument("--dataset", default="mohler", help="mohler or semeval-train|UA|UQ|UD")
    d.add_argument("--limit", type=int, default=None)
    c = sub.add_parser("diff")
    c.add_argument("a")
    c.add_argument("b")
    c.add_argument("--ignore", action="append", default=[], help="a key to leave out")
    w = sub.add_parser("_worker")
    w.add_argument("path")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.src, args.out, single=args.single, dataset=args.dataset, limit=args.limit)
    elif args.command == "diff":
        sys.exit(1 if diff(args.a, args.b, ignore=tuple(args.ignore)) else 0)
    else:
        _single_worker(args.path)


if __name__ == "__main__":
    main()
