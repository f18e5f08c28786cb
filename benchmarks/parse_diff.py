"""Prove a parser change leaves every output as it was: parse the same texts with two checkouts.

Run from a checkout:  python benchmarks/parse_diff.py --other ../other-checkout/src [--sheets 2000]

The texts: every fixture in tests/fixtures/notes, the bundled sheet, ``--sheets`` generated
sheets (benchmarks/parse.py's make_sheet, fixed seeds) and ``--mutants`` mutated texts (pieces
of fixtures cut, doubled and sprinkled with dates, names, markers, odd characters; fixed seed).
Each checkout parses them in its own subprocess (with its caches kept, then once more with every
text cache cleared before each text), every Topic is serialised with to_jsonable, and the two
dumps are compared. Prints the number of differences (0 required) and the first few.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Pieces the mutations insert: the things the parser looks for, and characters it folds.
_PIECES = [
    "Dec 1949", "1958-62", "1949–57", "the late 1950s", "c. 1920", "fall of 1959", "31 March 1948",
    "March 12, 1950", "between 1958 and 1962", "Jan-Mar 1950", "22 October", "1962-1958",
    "President ", "General Chuikov", "Mao", "Khrushchev", "U.S.", "USSR", "the Cold War",
    "détente", "Moscow Conference", "Treaty of Friendship", "Kenneth G. Lieberthal", "’s",
    "$300m", "20,000 experts", "95%", "390,000 men dead", "half a million", "(4 marks)",
    "\n• ", "\n◦ ", "\n- ", "\n* ", "\na. ", "\n(b) ", "\n3) ", "\n9-12. ", "\n## ", "\n# ",
    "\nSource A\n", "\nQuestions\n", "**", "_", ":", ";", " - ", "\n\n", "\n", "\t", "\r\n",
    "\u00a0", "\ufeff", "ſ", "İ", "ı", "K", "“", "”", "‘", "—", "–", "é", "É", "ß", "\x07",
]  # fmt: skip


def mutate(rng: random.Random, text: str) -> str:
    """One mutated copy of ``text``: a few random cuts, doublings, insertions and case flips."""
    for _ in range(rng.randint(1, 8)):
        if not text:
            text = rng.choice(_PIECES)
            continue
        at = rng.randrange(len(text))
        span = rng.randint(1, 80)
        choice = rng.random()
        if choice < 0.25:
            text = text[:at] + text[at + span :]
        elif choice < 0.45:
            text = text[:at] + text[at : at + span] + text[at:]
        elif choice < 0.85:
            text = text[:at] + rng.choice(_PIECES) + text[at:]
        else:
            piece = text[at : at + span]
            flipped = piece.swapcase() if rng.random() < 0.5 else piece.upper()
            text = text[:at] + flipped + text[at + span :]
    return text


def texts(sheets: int, mutants: int) -> list[tuple[str, str]]:
    """(name, text) for every text to parse, the same for any checkout."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "src"))
    import parse as bench  # benchmarks/parse.py

    pool = bench.samples()
    found = [(f"sample-{n}", text) for n, text in enumerate(pool)]
    for seed in (7, 11):  # two corpora with fixed seeds
        rng = random.Random(seed)
        found += [(f"sheet-{seed}-{n}", bench.make_sheet(rng, pool)) for n in range(sheets // 2)]
    rng = random.Random(2024)
    for n in range(mutants):
        base = rng.choice(pool)
        if rng.random() < 0.3:  # a piece of a sheet, not all of it
            start = rng.randrange(len(base))
            base = base[start : start + rng.randint(1, 600)]
        found.append((f"mutant-{n}", mutate(rng, base)))
    found += [(f"random-{n}", _random_text(rng)) for n in range(mutants // 4)]
    return found


def _random_text(rng: random.Random) -> str:
    alphabet = "aAbB zZ.,;:-–()\n0123456789•#*ſİé" + "".join(_PIECES)
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))


def dump(src: str, texts_file: str, out_file: str) -> None:
    """Parse every text with the parser under ``src``; write one JSON list of results."""
    sys.path.insert(0, src)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import parse as bench  # benchmarks/parse.py: clear_text_caches (imports clio from sys.path)
    from clio.model.serialise import to_jsonable
    from clio.parse import parse_notes

    items = json.loads(Path(texts_file).read_text("utf-8"))
    results = []
    for cold in (False, True):
        for name, text in items:
            if cold:
                bench.clear_text_caches()
            try:
                result = to_jsonable(parse_notes(text, name="diff"))
            except Exception as error:  # a failure is an output too
                result = {"error": repr(error)}
            results.append([f"{name}{' (cold)' if cold else ''}", result])
    Path(out_file).write_text(json.dumps(results, ensure_ascii=False), "utf-8")


def _run(src: str, texts_file: str, out_file: str) -> list[list[object]]:
    env = {**os.environ, "CLIO_BENCH_SRC": src}
    command = [sys.executable, __file__, "--dump", src, texts_file, out_file]
    subprocess.run(command, check=True, env=env)
    loaded: list[list[object]] = json.loads(Path(out_file).read_text("utf-8"))
    return loaded


def main() -> None:
    """Parse with both checkouts and print the differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", help="the src/ folder of the checkout to compare with")
    parser.add_argument("--sheets", type=int, default=2000)
    parser.add_argument("--mutants", type=int, default=600)
    parser.add_argument("--dump", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(*args.dump)
        return
    if not args.other:
        parser.error("--other is required: the src/ folder of the checkout to compare with")
    with tempfile.TemporaryDirectory(prefix="clio-diff-") as tmp:
        texts_file = str(Path(tmp) / "texts.json")
        items = texts(args.sheets, args.mutants)
        Path(texts_file).write_text(json.dumps(items, ensure_ascii=False), "utf-8")
        mine = _run(str(ROOT / "src"), texts_file, str(Path(tmp) / "mine.json"))
        other = _run(args.other, texts_file, str(Path(tmp) / "other.json"))
    differences = [(a[0], a[1], b[1]) for a, b in zip(mine, other, strict=True) if a != b]
    errors = sum(1 for _, result in mine if isinstance(result, dict) and "error" in result)
    print(f"{len(items)} texts, each parsed twice (caches kept, then cleared): {len(mine)} outputs")
    print(f"compared with {args.other}: {len(differences)} differences; {errors} parse errors")
    for name, ours, theirs in differences[:5]:
        print(f"--- {name}\n  this checkout: {json.dumps(ours)[:600]}")
        print(f"  other: {json.dumps(theirs)[:600]}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
