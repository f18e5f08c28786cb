"""How often the text-only guards fire on real answers (they should almost never).

    python benchmarks/asag/guard_firings.py [--show N]

Counts ``keyword_list`` (a bare list of key words) on every answer of Mohler 2011 and of
SemEval-2013 SciEntsBank and Beetle (training and test sets): real students' answers, many of
them terse, none of them written to game a marker. Prints the firings per set and the first N
answers it fired on. No model is needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO, Item, _load_semeval_dir, data_root, load_mohler, load_semeval

sys.path.insert(0, str(REPO / "src"))

from clio.mark.guards import check_keyword_list


def _sets() -> dict[str, list[Item]]:
    out = {"Mohler 2011": load_mohler()}
    for split in ("train", "UA", "UQ", "UD"):
        out[f"SciEntsBank {split}"] = load_semeval(split)
    base = data_root() / "semeval2013-task7"
    for split, folder in (
        ("train", base / "training" / "3way" / "beetle"),
        ("UA", base / "test" / "3way" / "beetle" / "test-unseen-answers"),
        ("UQ", base / "test" / "3way" / "beetle" / "test-unseen-questions"),
    ):
        if folder.is_dir():
            out[f"Beetle {split}"] = _load_semeval_dir(folder, split)
    return out


def main() -> None:
    """Print the keyword_list firings on every real answer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=5, help="answers to print per set")
    args = parser.parse_args()
    total = fired = 0
    print("| set | answers | keyword_list fires |\n|---|---|---|")
    shown: list[str] = []
    for name, items in _sets().items():
        hits = [it for it in items if check_keyword_list(SimpleNamespace(text=it.answer))]  # type: ignore[arg-type]
        total += len(items)
        fired += len(hits)
        print(f"| {name} | {len(items)} | {len(hits)} |")
        shown += [f"{name} (gold {it.gold}): {it.answer[:100]!r}" for it in hits[: args.show]]
    print(f"| all | {total} | {fired} |\n")
    print("\n".join(shown))


if __name__ == "__main__":
    main()
