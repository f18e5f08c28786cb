"""Benchmark: the full study kit for the bundled sheet (warm), and 100 / 1,000 sheets.

Run: PYTHONPATH=src python benchmarks/generate.py [--quick]

Prints, in the same run, a baseline (parsing the same notes without generating anything) so
the figures can be compared across machines. The corpus sheets are the bundled sheet and the
test fixtures, each copy made unique (years shifted, a number added to every line) so no cache
can carry work from one sheet to the next.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from clio.generate import make_kit
from clio.parse import parse_notes
from clio.services.topics import read_builtin_text

ROOT = Path(__file__).resolve().parent.parent


def _timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _corpus(size: int) -> list[str]:
    texts = [read_builtin_text("china-and-the-ussr")]
    for folder in ("fixtures/generate", "fixtures/notes"):
        for path in sorted((ROOT / "tests" / folder).glob("*")):
            if path.suffix in {".txt", ".md"}:
                texts.append(path.read_text(encoding="utf-8"))
    sheets = []
    for index in range(size):
        text = texts[index % len(texts)]
        shift = index % 37
        text = re.sub(r"\b(1[89]\d\d)\b", lambda m, s=shift: str(int(m.group(1)) + s), text)
        lines = [f"{line} ({index})" if line.strip() else line for line in text.split("\n")]
        sheets.append("\n".join(lines))
    return sheets


def main() -> None:
    """Print warm timings for the bundled sheet and corpus timings for 100 and 1,000 sheets."""
    quick = "--quick" in sys.argv
    text = read_builtin_text("china-and-the-ussr")
    topic = parse_notes(text, name="china-and-the-ussr")
    make_kit(topic, seed=0)  # warm: lexicon, gazetteer and patterns loaded once
    repeat = 5 if quick else 20
    parse_ms = statistics.median(_timed(lambda: parse_notes(text, name="x"), repeat)) * 1000
    kit_ms = [t * 1000 for t in _timed(lambda: make_kit(topic, seed=1), repeat)]
    kit = make_kit(topic, seed=1)
    print("Bundled sheet (China and the USSR), warm")
    print(f"  baseline parse_notes:      {parse_ms:8.1f} ms (median of {repeat})")
    print(
        f"  make_kit (full kit):       {statistics.median(kit_ms):8.1f} ms median, "
        f"{min(kit_ms):.1f} ms best (target <= 200 ms)"
    )
    print(
        f"  items: {len(kit.flashcards)} flashcards, {len(kit.questions)} questions, "
        f"{len(kit.essay_plans)} essay plans, {len(kit.source_questions)} source questions"
    )
    print()
    print("Corpus (each sheet: parse + full kit; baseline: parse only)")
    sizes = (20, 200) if quick else (100, 1000)
    per_sheet: dict[int, float] = {}
    for size in sizes:
        sheets = _corpus(size)
        start = time.perf_counter()
        topics = [parse_notes(s, name=f"sheet-{i}") for i, s in enumerate(sheets)]
        parse_s = time.perf_counter() - start
        start = time.perf_counter()
        items = 0
        for i, parsed in enumerate(topics):
            built = make_kit(parsed, seed=i)
            items += len(built.flashcards) + len(built.questions)
        kit_s = time.perf_counter() - start
        per_sheet[size] = (parse_s + kit_s) / size
        print(
            f"  {size:5d} sheets: parse {parse_s:7.2f} s, kits {kit_s:7.2f} s, "
            f"{per_sheet[size] * 1000:6.1f} ms per sheet, {items} items"
        )
    small, large = sizes
    ratio = per_sheet[large] / per_sheet[small]
    print(f"  time per sheet at {large} / at {small}: {ratio:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
