"""Two processes studying at once never corrupt anything or lose an answer."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from clio.services import learning
from clio.services.learning import kits as learning_kits
from clio.store.database import open_store
from clio.store.orm import ReviewLogRow, ReviewStateRow
from tests.store.kits import sample_kit

SRC = Path(__file__).resolve().parents[2] / "src"
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ANSWERS = 12

STUDENT = """
import sys
from datetime import datetime, timedelta
from clio.schedule.memory import Rating
from clio.services import learning
from clio.store.database import open_store

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(url)
now = datetime.fromisoformat(sys.argv[4])
learner = learning.learner_named(store, name, now=now)
done = 0
for step in range(count):
    at = now + timedelta(seconds=step)
    prompt = learning.next_item(store, learner_id=learner.id, now=at, kinds=("card", "quiz"))
    if prompt is None:
        break
    learning.answer_card(
        store, learner_id=learner.id, item_id=prompt.item.id, rating=Rating.GOOD, now=at
    )
    done += 1
print(done)
"""


@pytest.mark.slow
def test_two_processes_studying_at_once(store_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(learning_kits, "make_kit_for", lambda topic, seed=0: sample_kit(cards=30))
    with open_store(store_url) as store:
        learning.import_topic_text(store, "T\n\nS\n\na.  P\n\nQ\n", name="t", now=NOW)
        learning.learner_named(store, "ann", now=NOW)  # created up front: both share her
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", STUDENT, store_url, name, str(ANSWERS), NOW.isoformat()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("ann", "ann", "bob")
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    answered = [int(out) for out, _ in outputs]
    assert answered == [ANSWERS] * 3
    with open_store(store_url) as store, store.read() as session:
        logs = session.scalar(select(func.count()).select_from(ReviewLogRow))
        assert logs == sum(answered)
        # every state's repetition count matches its log: no update was lost
        grouped = select(ReviewLogRow.learner_id, ReviewLogRow.item_id, func.count()).group_by(
            ReviewLogRow.learner_id, ReviewLogRow.item_id
        )
        per_item = {(learner, item): count for learner, item, count in session.execute(grouped)}
        states = {
            (s.learner_id, s.item_id): s.reps for s in session.scalars(select(ReviewStateRow))
        }
        assert states == per_item
        if store.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def _write_b(path: str, log: str) -> None:
    from pathlib import Path as _Path

    from clio.store.database import WriteQueue

    queue = WriteQueue(_Path(path))
    with queue.turn(), open(log, "a", encoding="utf-8") as out:
        out.write("B\n")


def test_writers_of_two_processes_take_turns(tmp_path: Path) -> None:
    """A second process's writer waits for the first one's turn to end (the lock file)."""
    import multiprocessing
    import time

    from clio.store.database import WriteQueue

    lock, log = tmp_path / "db.sqlite.write-lock", tmp_path / "log.txt"
    queue = WriteQueue(lock)
    context = multiprocessing.get_context("spawn")
    with queue.turn():
        other = context.Process(target=_write_b, args=(str(lock), str(log)))
        other.start()
        time.sleep(1.0)  # time enough for B to write, were it not waiting for the turn
        with open(log, "a", encoding="utf-8") as out:
            out.write("A\n")
    other.join(timeout=30)
    queue.close()
    assert other.exitcode == 0
    assert log.read_text(encoding="utf-8").split() == ["A", "B"]


def test_a_turn_taken_again_in_the_same_thread_keeps_the_outer_one(tmp_path: Path) -> None:
    from clio.store.database import WriteQueue

    queue = WriteQueue(tmp_path / "db.write-lock")
    with queue.turn():
        with queue.turn():
            pass
        assert queue._depth == 1  # the inner turn did not release the outer one's lock
    assert queue._depth == 0
    queue.close()
