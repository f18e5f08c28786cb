"""Storage benchmark: choosing the next item and recording an answer, p50/p95/p99.

Builds a database with 10,000 items and 1k, 10k and 100k review logs for one learner (plus
states for the items studied, a few hundred of them due), then times
``clio.services.learning.next_item`` and ``answer_card``, each against a trivial
``SELECT 1`` through the same store in the same run (the baseline); then the whole progress
export (``clio export-progress``) against fetching the same tables' rows with plain SQL.
Wall-clock and CPU-time percentiles are both printed: on a busy machine the wall clock
includes waiting for a CPU, the CPU time does not (it leaves out the PostgreSQL server's own work).

    python benchmarks/store.py                       # SQLite, in a temporary folder
    python benchmarks/store.py --postgres URL        # also PostgreSQL (a fresh database is
                                                     # created on that server and dropped)
    python benchmarks/store.py --logs 100000 --samples 500

Target (issue 6): both <= 5 ms p95 at 100,000 logs and 10,000 items on SQLite.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from clio.model.items import CardKind, Flashcard, QuestionKind, QuizQuestion
from clio.schedule.memory import Rating
from clio.services import learning, progress
from clio.store import accounts, hot, topics_repo
from clio.store.database import Store, open_store
from clio.store.items_codec import StudyItem
from clio.store.orm import ReviewLogRow, ReviewStateRow

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
ITEMS = 10_000


def make_items(count: int) -> list[StudyItem]:
    """``count`` items: four cards to each quiz question."""
    items: list[StudyItem] = []
    for i in range(count):
        if i % 5 == 4:
            items.append(
                QuizQuestion(
                    id=f"q-{i:06d}",
                    kind=QuestionKind.MCQ,
                    stem=f"Question {i}?",
                    options=("a", "b", "c", "d"),
                    answer="b",
                    explanation="Because the notes say so.",
                    source_ids=(f"p-{i // 10}",),
                )
            )
        else:
            items.append(
                Flashcard(
                    id=f"c-{i:06d}",
                    kind=CardKind.BASIC,
                    prompt=f"Point {i}",
                    answer=f"The explanation of point {i}, a sentence or two long.",
                    source_ids=(f"p-{i // 10}",),
                )
            )
    return items


def fill(store: Store, *, logs: int, seed: int = 1) -> int:
    """Import the items and bulk-load states and ``logs`` review logs; return the learner id."""
    rng = random.Random(seed)
    with store.write() as session:
        topics_repo.save_topic_items(
            session, name="bench", title="Bench", source_text="bench", items=make_items(ITEMS),
            now=NOW - timedelta(days=400),
        )  # fmt: skip
        # a generous new-item limit so the queue never runs dry while sampling
        learner = accounts.create_user(
            session, name="bench", now=NOW - timedelta(days=400), new_per_day=100_000
        )
        item_ids = [i.id for i in topics_repo.topic_items(session, 1)]
    studied = item_ids[: min(8000, max(logs // 2, 1))]
    states = []
    for item_id in studied:
        due = NOW + timedelta(hours=rng.uniform(-24 * 3, 24 * 60))  # about 5% due now
        last = due - timedelta(days=rng.uniform(1, 30))
        states.append(
            {
                "learner_id": learner.id, "item_id": item_id, "state": 2, "step": None,
                "stability": rng.uniform(1, 60), "difficulty": rng.uniform(2, 8), "due": due,
                "last_review": last, "reps": 3, "lapses": rng.randint(0, 2),
                "introduced_at": last - timedelta(days=rng.uniform(1, 300)),
            }
        )  # fmt: skip
    rows = [
        {
            "learner_id": learner.id, "item_id": rng.choice(studied), "rating": rng.randint(1, 4),
            "reviewed_at": NOW - timedelta(minutes=rng.uniform(60, 60 * 24 * 365)),
            "elapsed_days": rng.uniform(0, 30), "duration_ms": rng.randint(1000, 20000),
            "state_before": 2,
        }
        for _ in range(logs)
    ]  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(insert(ReviewStateRow.__table__), states)
        for start in range(0, len(rows), 10_000):
            connection.execute(insert(ReviewLogRow.__table__), rows[start : start + 10_000])
    with store.engine.begin() as connection:  # as answering those items would have left it
        hot.advance_cursor(connection, learner_id=learner.id, topic_id=1)
    if store.is_sqlite:
        with store.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    return learner.id


Figures = tuple[float, float, float, float, float]  # wall p50, p95, p99; CPU p50, p95


def summary(wall: list[float], cpu: list[float]) -> Figures:
    """Wall-clock p50/p95/p99 and this process's CPU-time p50/p95, in milliseconds."""
    w = statistics.quantiles(wall, n=100, method="inclusive")
    c = statistics.quantiles(cpu, n=100, method="inclusive")
    return statistics.median(wall), w[94], w[98], statistics.median(cpu), c[94]


class Clock:
    """Wall time and this process's CPU time of each timed call."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, work: Callable[[], object]) -> None:
        """Run ``work`` once and record how long it took."""
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        self.cpu.append((time.process_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)

    def figures(self) -> Figures:
        """The summary of what was recorded."""
        return summary(self.wall, self.cpu)


def measure(store: Store, learner_id: int, samples: int) -> dict[str, Figures]:
    """Time the baseline, choosing the next item, and answering it."""

    def baseline() -> None:
        with store.connect() as connection:
            connection.execute(text("SELECT 1")).scalar()

    chosen: list[int] = []

    def choose(i: int) -> None:
        prompt = learning.next_item(
            store, learner_id=learner_id, now=NOW + timedelta(seconds=i), kinds=("card", "quiz")
        )
        assert prompt is not None
        chosen.append(prompt.item.id)

    def answer(i: int) -> None:
        learning.answer_card(
            store, learner_id=learner_id, item_id=chosen[i], rating=Rating.GOOD,
            now=NOW + timedelta(seconds=i),
        )  # fmt: skip

    for _ in range(20):  # warm caches and the connection pool
        baseline()
    base, choosing, answering = Clock(), Clock(), Clock()
    for i in range(samples):  # choose, then answer what was chosen, as a session does
        base.time(baseline)
        choosing.time(lambda: choose(i))  # noqa: B023  (called at once)
        answering.time(lambda: answer(i))  # noqa: B023
    return {
        "SELECT 1 (baseline)": base.figures(),
        "next item": choosing.figures(),
        "record answer": answering.figures(),
    }


def time_export(store: Store) -> tuple[float, float, float]:
    """Seconds to write the whole progress export (``clio export-progress``), its size in MB,
    and the baseline: seconds to fetch every row of the tables it reads with plain SQL."""
    out = io.StringIO()
    began = time.perf_counter()
    progress.write_progress(store, out)
    seconds = time.perf_counter() - began
    began = time.perf_counter()
    with store.connect() as connection:
        for table in ("topics", "items", "users", "review_states", "review_logs"):
            connection.exec_driver_sql(f"SELECT * FROM {table}").all()
    return seconds, len(out.getvalue().encode()) / 1e6, time.perf_counter() - began


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A fresh database on the server, dropped afterwards."""
    server = make_url(server_url)
    name = f"clio_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run_backend(label: str, make_url_for: Callable[[int], Iterator[str]], sizes: list[int],
                samples: int) -> None:  # fmt: skip
    """Print one table of timings per log count for one backend."""
    print(f"\n{label}: {ITEMS:,} items, {samples} samples; milliseconds per call")
    print(f"(load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(
        f"{'logs':>8}  {'operation':<20} {'p50':>7} {'p95':>7} {'p99':>7}"
        f"  {'cpu p50':>7} {'cpu p95':>7}  {'p95/base':>8}"
    )
    exports: list[tuple[int, float, float, float]] = []
    for logs in sizes:
        with contextmanager(make_url_for)(logs) as url:
            store = open_store(url)
            try:
                learner = fill(store, logs=logs)
                results = measure(store, learner, samples)
                exports.append((logs, *time_export(store)))
            finally:
                store.close()
        base = results["SELECT 1 (baseline)"][1]
        for name, (p50, p95, p99, c50, c95) in results.items():
            print(
                f"{logs:>8,}  {name:<20} {p50:7.2f} {p95:7.2f} {p99:7.2f}"
                f"  {c50:7.2f} {c95:7.2f}  {p95 / base:7.1f}x"
            )
    print(f"\n{'logs':>8}  {'export-progress':>15} {'MB':>6} {'SELECT * (base)':>15}  {'ratio':>6}")
    for logs, seconds, megabytes, base in exports:
        print(
            f"{logs:>8,}  {seconds:14.2f}s {megabytes:6.1f} {base:14.2f}s  {seconds / base:5.1f}x"
        )
    print(f"(load average after: {os.getloadavg()[0]:.1f})")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--logs", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL server")
    args = parser.parse_args()

    def sqlite_url(logs: int) -> Iterator[str]:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / f'bench-{logs}.sqlite3'}"

    run_backend("SQLite (WAL, synchronous=NORMAL)", sqlite_url, args.logs, args.samples)
    if args.postgres:

        def pg_url(logs: int) -> Iterator[str]:
            with postgres_database(args.postgres) as url:
                yield url

        run_backend("PostgreSQL", pg_url, args.logs, args.samples)


if __name__ == "__main__":
    main()
