"""Benchmark: the full study kit for the bundled sheet (warm), and 100 / 1,000 sheets.

Run: PYTHONPATH=src python benchmarks/generate.py [--quick]

Prints, in the same run, a baseline (parsing the same notes without generating anything) so
the figures can be compared across machines. Each figure is given as wall-clock time and as
CPU time of this process: on a shared machine (many processes per core) wall-clock time
includes waiting for a core, CPU time does not. The corpus sheets are the bundled sheet and the
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


def _timed(action: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


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
    parse_wall, parse_cpu = _timed(lambda: parse_notes(text, name="x"), repeat)
    kit_wall, kit_cpu = _timed(lambda: make_kit(topic, seed=1), repeat)
    kit = make_kit(topic, seed=1)
    print(f"Bundled sheet (China and the USSR), warm; medians of {repeat} runs")
    print("                              wall-clock    CPU time")
    print(f"  baseline parse_notes:     {_ms(parse_wall)}  {_ms(parse_cpu)}")
    print(f"  make_kit (full kit):      {_ms(kit_wall)}  {_ms(kit_cpu)}   (target <= 200 ms)")
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
        start, start_cpu = time.perf_counter(), time.process_time()
        topics = [parse_notes(s, name=f"sheet-{i}") for i, s in enumerate(sheets)]
        parse_s, parse_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        start, start_cpu = time.perf_counter(), time.process_time()
        items = 0
        for i, parsed in enumerate(topics):
            built = make_kit(parsed, seed=i)
            items += len(built.flashcards) + len(built.questions)
        kit_s, kit_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        per_sheet[size] = (parse_cpu + kit_cpu) / size
        print(
            f"  {size:5d} sheets: parse {parse_s:6.2f} s wall / {parse_cpu:6.2f} s CPU, "
            f"kits {kit_s:6.2f} s wall / {kit_cpu:6.2f} s CPU; "
            f"{per_sheet[size] * 1000:5.1f} ms CPU per sheet; {items} items"
        )
    small, large = sizes
    ratio = per_sheet[large] / per_sheet[small]
    print(f"  CPU time per sheet at {large} / at {small}: {ratio:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
