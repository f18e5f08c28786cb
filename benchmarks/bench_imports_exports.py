"""Time each importer and export against plain-text parsing of the same notes, in one run.

Run: PYTHONPATH=src:. python benchmarks/bench_imports_exports.py [--repeat N] [--copies N]
The notes are the importer tests' sheet repeated ``--copies`` times (about 2 pages per copy).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.importers import documents

from clio.export.anki import apkg_bytes
from clio.export.tabular import items_csv
from clio.export.worksheet import build_sheet, html_to_pdf, render_html
from clio.generate import make_kit
from clio.importers import notes_from_file
from clio.parse import parse_notes


def _best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 3 else statistics.median(times)


def main() -> None:
    """Print one line per format: seconds, and how many times the text baseline that is."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    original = documents.SECTIONS
    documents.SECTIONS = original * args.copies  # type: ignore[misc]
    with tempfile.TemporaryDirectory() as folder:
        files = documents.write_all(Path(folder))
        text = files[".txt"].read_text(encoding="utf-8")
        baseline = _best(lambda: parse_notes(text), args.repeat)
        print(f"notes: {len(text):,} characters, {args.copies * 7} points")
        print(f"{'step':<28}{'seconds':>10}{'x text':>10}")
        print(f"{'parse .txt (baseline)':<28}{baseline:>10.4f}{1:>10.1f}")
        for suffix in (".md", ".html", ".docx", ".pdf"):
            path = files[suffix]
            took = _best(lambda p=path: parse_notes(notes_from_file(p)), args.repeat)
            print(f"{'import + parse ' + suffix:<28}{took:>10.4f}{took / baseline:>10.1f}")
        topic = parse_notes(text, name="bench")
        kit = make_kit(topic, seed=0)
        sheet = build_sheet(topic, kit)
        for name, action in (
            ("export anki", lambda: apkg_bytes(topic, kit, timestamp=1e9)),
            ("export csv", lambda: items_csv(topic, kit)),
            ("worksheet html", lambda: render_html(topic, sheet, scheme=True)),
            ("worksheet pdf", lambda: html_to_pdf(render_html(topic, sheet, scheme=True))),
        ):
            took = _best(action, args.repeat)
            print(f"{name:<28}{took:>10.4f}{took / baseline:>10.1f}")
    documents.SECTIONS = original  # type: ignore[misc]


if __name__ == "__main__":
    main()
