"""Storage benchmark: choosing the next item and recording an answer, p50/p95/p99.

Builds a database with 10,000 items and 1k, 10k and 100k review logs for one learner (plus
states for the items studied, a few hundred of them due), then times
``clio.services.learning.next_item`` and ``answer_card``, each against a trivial
``SELECT 1`` through the same store in the same run (the baseline).

    python benchmarks/store.py                       # SQLite, in a temporary folder
    python benchmarks/store.py --postgres URL        # also PostgreSQL (a fresh database is
                                                     # created on that server and dropped)
    python benchmarks/store.py --logs 100000 --samples 500

Target (issue 6): both <= 5 ms p95 at 100,000 logs and 10,000 items on SQLite.
"""

from __future__ import annotations

import argparse
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
from clio.services import learning
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


def timings(work: Callable[[int], object], samples: int) -> list[float]:
    """Milliseconds per call of ``work(i)``."""
    out = []
    for i in range(samples):
        start = time.perf_counter()
        work(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(values: list[float]) -> tuple[float, float, float]:
    """(p50, p95, p99) of ``values``."""
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[94], cuts[98]


def measure(store: Store, learner_id: int, samples: int) -> dict[str, tuple[float, float, float]]:
    """Time the baseline, choosing the next item, and answering it."""

    def baseline(_: int) -> None:
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

    for i in range(20):  # warm caches and the connection pool
        baseline(i)
    results = {"SELECT 1 (baseline)": summary(timings(baseline, samples))}
    choose_times, answer_times = [], []
    for i in range(samples):  # choose, then answer what was chosen, as a session does
        start = time.perf_counter()
        choose(i)
        middle = time.perf_counter()
        answer(i)
        choose_times.append((middle - start) * 1000)
        answer_times.append((time.perf_counter() - middle) * 1000)
    results["next item"] = summary(choose_times)
    results["record answer"] = summary(answer_times)
    return results


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
    print(f"\n{label}: {ITEMS:,} items; ms per call (p50 / p95 / p99), {samples} samples")
    print(
        f"{'logs':>8}  {'operation':<20} {'p50':>7} {'p95':>7} {'p99':>7}  {'p95 / baseline':>14}"
    )
    for logs in sizes:
        with contextmanager(make_url_for)(logs) as url:
            store = open_store(url)
            try:
                learner = fill(store, logs=logs)
                results = measure(store, learner, samples)
            finally:
                store.close()
        base = results["SELECT 1 (baseline)"][1]
        for name, (p50, p95, p99) in results.items():
            print(f"{logs:>8,}  {name:<20} {p50:7.2f} {p95:7.2f} {p99:7.2f}  {p95 / base:13.1f}x")


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
