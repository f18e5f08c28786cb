"""Parser speed: the bundled sheet warm, and generated corpora of 100, 1,000 and 10,000 sheets.

Run from a checkout:  python benchmarks/parse.py [--sizes 100 1000 10000] [--repeat 200]
(CLIO_BENCH_SRC=<other checkout>/src times that version's parser on the same corpus.)

Prints, in the same run, a baseline for each corpus: the time just to read the files and split
them into lines. Targets (issue 2): bundled sheet <= 5 ms warm; 1,000 sheets <= 5 s on one core;
time grows linearly with the number of sheets. Each corpus is parsed twice: as is, and with
every text, line and word cache cleared before each sheet (generated sheets share blocks far more
than real ones, so the second figure is the honest cost of a sheet never seen before, and the one
the targets are about). "Warm" means the process is warmed up (imports done, regexes compiled,
gazetteer loaded), not that the text was parsed before. Nothing is asserted; figures are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CLIO_BENCH_SRC=/path/to/other/checkout/src times another version of the parser (same corpus)
sys.path.insert(0, os.environ.get("CLIO_BENCH_SRC", str(ROOT / "src")))

from clio.parse import dates, decode_notes, entities, lines, parse_notes  # noqa: E402
from clio.services.topics import read_builtin_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "notes"
TARGET_BYTES = 6_000
_YEAR = re.compile(r"\b(1[89]\d\d)\b")


def samples() -> list[str]:
    """The bundled sheet and every fixture, as text."""
    texts = [read_builtin_text("china-and-the-ussr")]
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in (".txt", ".md"):
            texts.append(path.read_bytes().decode("utf-8-sig"))
    return texts


def _blocks(text: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n(?=\S)", text) if b.strip()]


def make_sheet(rng: random.Random, pool: list[str]) -> str:
    """One sheet of about 6 KB: a sample's blocks, shuffled a little, years shifted, padded."""
    base = rng.choice(pool)
    head, *body = _blocks(base)
    shift = rng.randint(-30, 30)
    blocks = list(body)
    if len(blocks) > 3 and rng.random() < 0.5:
        i, j = rng.sample(range(len(blocks)), 2)
        blocks[i], blocks[j] = blocks[j], blocks[i]
    while len("\n\n".join([head, *blocks])) < TARGET_BYTES:
        extra = _blocks(rng.choice(pool))[1:]
        blocks.extend(extra[: rng.randint(1, max(1, len(extra)))])
    text = "\n\n".join([head, *blocks])[: TARGET_BYTES + 800]
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return text.rsplit("\n", 1)[0] + "\n"


def write_corpus(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` generated sheets into ``folder``; returns the total bytes."""
    rng = random.Random(seed)
    pool = samples()
    total = 0
    for number in range(count):
        data = make_sheet(rng, pool).encode("utf-8")
        (folder / f"sheet-{number:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) since ``start``; CPU time is steadier on a busy machine."""
    wall, cpu = _clocks()
    return wall - start[0], cpu - start[1]


# Every cache the parser keeps across parses that is keyed by text: whole passages and lines
# (dates, entities, line kinds) and single words or date phrases (word keys, entities, periods,
# dates).
# Kept warm: only what depends on the gazetteer alone (its index, its spellings' case rules).
TEXT_CACHES = [
    cached
    for module, name in (
        (dates, "_dates_in"),
        (dates, "_build_from"),
        (dates, "_date"),
        (entities, "extract_entities"),
        (entities, "_fold"),
        (entities, "_entity"),
        (lines, "_fields"),
    )
    if (cached := getattr(module, name, None)) is not None  # older checkouts lack some
]


def clear_text_caches() -> None:
    """Forget every text-, line- and word-level result kept across parses.

    Generated sheets reuse the samples' blocks, so across a corpus the same point texts recur
    far more than in a real teacher's folder; clearing before each sheet gives the honest cost
    of a sheet none of whose texts were seen before (repeats within the sheet still count).
    """
    for cached in TEXT_CACHES:
        cached.cache_clear()


def time_baseline(files: list[Path]) -> tuple[float, float]:
    """Seconds to read every file and split it into lines (the floor for any parser)."""
    start = _clocks()
    for path in files:
        path.read_bytes().decode("utf-8-sig").splitlines()
    return _since(start)


def time_parse(files: list[Path], *, cold: bool = False) -> tuple[float, float]:
    """Seconds to read, decode and parse every file (``cold``: text caches cleared per sheet)."""
    start = _clocks()
    for path in files:
        if cold:
            clear_text_caches()
        parse_notes(decode_notes(path.read_bytes(), file=path.name), name=path.stem)
    return _since(start)


def bench_bundled(repeat: int) -> None:
    """Warm parse time of the bundled sheet, against splitting it into lines."""
    text = read_builtin_text("china-and-the-ussr")
    for _ in range(20):
        parse_notes(text)  # warm: gazetteer index, regex caches
    runs, cold, split = [], [], []
    for _ in range(repeat):
        start = _clocks()
        parse_notes(text)
        runs.append(_since(start))
    for _ in range(repeat):
        clear_text_caches()
        start = _clocks()
        parse_notes(text)
        cold.append(_since(start))
    for _ in range(repeat):
        start = _clocks()
        text.splitlines()
        split.append(_since(start))
    print(f"bundled sheet ({len(text.encode()):,} bytes), {repeat} warm runs (target <= 5 ms):")
    labels = ("same text again (memoised)", "new text: caches cleared (the figure)")
    for label, timings in zip(labels, (runs, cold), strict=True):
        wall = [w * 1000 for w, _ in timings]
        cpu = [c * 1000 for _, c in timings]
        print(
            f"  parse, {label:<38} wall min {min(wall):6.2f} ms  median"
            f" {statistics.median(wall):6.2f} ms  cpu median {statistics.median(cpu):6.2f} ms"
        )
    split_wall = [w * 1000 for w, _ in split]
    print(f"  split  wall min {min(split_wall):6.3f} ms  (baseline: read nothing, split only)")


def bench_corpora(sizes: list[int], seed: int) -> None:
    """Parse generated corpora of the given sizes, with the read+split baseline."""
    print(
        "\n  sheets    MB   read+split s   parse wall s   parse cpu s   ms/sheet(cpu)"
        "   parse/baseline   growth"
    )
    first_rate: dict[bool, float] = {}
    with tempfile.TemporaryDirectory(prefix="clio-bench-") as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            total = write_corpus(folder, size, seed)
            files = sorted(folder.iterdir())
            time_baseline(files)  # warm the page cache so both timings read from memory
            baseline, _ = time_baseline(files)
            clear_text_caches()
            for cold in (False, True):
                wall, cpu = time_parse(files, cold=cold)
                rate = cpu / size
                first = first_rate.setdefault(cold, rate)
                note = "  all text caches cleared per sheet (the figure)" if cold else "  memoised"
                target = "  (target <= 5 s)" if size == 1000 and cold else ""
                print(
                    f"{size:>8,}  {total / 1e6:5.1f}   {baseline:10.3f}   {wall:12.2f}"
                    f"   {cpu:11.2f}   {rate * 1000:12.2f}   {wall / baseline:12.0f}x"
                    f"   {rate / first:5.2f}x{target}{note}"
                )


def main() -> None:
    """Parse the command line and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"python {sys.version.split()[0]} ({sys.executable}), {os.cpu_count()} cpus,"
        f" load average {load:.1f}\n(an interpreter built without profile-guided optimisation,"
        " such as pyenv's default build, runs the parser about 20% slower than Debian's own"
        " python3.11)\n"
    )
    bench_bundled(args.repeat)
    bench_corpora(args.sizes, args.seed)


if __name__ == "__main__":
    main()
