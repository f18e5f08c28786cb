"""Progress figures from a known history: due, retention, streak, weakest points, export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from clio.errors import InputError
from clio.schedule.memory import Rating
from clio.services import learning, progress
from clio.services.learning import kits as learning_kits
from clio.services.topics import read_builtin_text
from clio.store import accounts, answers
from clio.store.database import Store, open_store

DAY0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.fixture
def history(store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Three days of study on the bundled sheet: the first point always failed."""
    monkeypatch.setattr(learning_kits, "make_kit_for", learning.basic_kit)
    learning.import_topic_text(
        store, read_builtin_text("china-and-the-ussr"), name="china", now=DAY0
    )
    with store.write() as session:
        user = accounts.create_user(session, name="ann", now=DAY0, new_per_day=4)
    failing = None
    for day in range(3):
        now = DAY0 + timedelta(days=day)
        failed_today = False
        for _ in range(6):
            prompt = learning.next_item(store, learner_id=user.id, now=now, kinds=("card",))
            if prompt is None:
                break
            failing = failing or prompt.item.id
            fail = prompt.item.id == failing and not failed_today
            failed_today = failed_today or fail
            rating = Rating.AGAIN if fail else Rating.EASY
            learning.answer_card(
                store, learner_id=user.id, item_id=prompt.item.id, rating=rating, now=now
            )
            now += timedelta(minutes=2)
    assert failing is not None
    return user.id, failing


def test_summary_figures(store: Store, history: tuple[int, int]) -> None:
    learner, _ = history
    now = DAY0 + timedelta(days=2, hours=3)
    report = progress.progress_summary(store, learner_id=learner, now=now)
    assert report.learner == "ann" and report.streak_days == 3
    assert report.studied_items == 12 and report.reviewed_today > 0
    assert report.total_reviews == sum(n for _, n in report.reviews_per_day)
    assert [d for d, _ in report.reviews_per_day][-1] == "2026-03-04"
    assert report.new_available == 0  # four a day, all taken
    assert report.due_today >= report.due_now >= 0
    weakest = report.weakest_points[0]
    assert weakest.again_rate > 0.4 and weakest.topic == "china"
    assert report.weakest_sections[0].again_rate > 0
    # the failed card had graduated, so failing it counts against retention
    assert report.retention_reviews >= 1 and report.retention is not None
    assert report.retention < 1 and weakest.lapses >= 1
    later = DAY0 + timedelta(days=40)
    prompt = learning.next_item(store, learner_id=learner, now=later, kinds=("card",))
    assert prompt is not None and not prompt.is_new
    learning.answer_card(
        store, learner_id=learner, item_id=prompt.item.id, rating=Rating.GOOD, now=later
    )
    after = progress.progress_summary(store, learner_id=learner, now=later)
    assert (after.retention, after.retention_reviews) == (1.0, 1)  # older reviews fall out
    assert after.streak_days == 1 and after.reviewed_today == 1
    assert (
        progress.progress_summary(store, learner_id=learner, now=later, topic="china").studied_items
        == 12
    )


def test_export_import_round_trip_exactly(store: Store, history: tuple[int, int], tmp_path) -> None:  # type: ignore[no-untyped-def]
    learner, _ = history
    with store.write() as session:
        answers.save_draft(session, learner_id=learner, question_id="sq", text="draft", now=DAY0)
        answers.add_marked_answer(
            session, learner_id=learner, question_id="sq", answer="a", score=2, max_marks=4,
            level=1, feedback="f", at=DAY0,
        )  # fmt: skip
    exported = progress.export_progress(store)
    text = json.dumps(exported, sort_keys=True)
    other = open_store(str(tmp_path / "other.sqlite3"))
    summary = progress.import_progress(other, json.loads(text))
    assert summary.reviews == exported["learners"][0]["reviews"].__len__() > 0
    assert json.dumps(progress.export_progress(other), sort_keys=True) == text
    again = progress.import_progress(other, json.loads(text))  # idempotent
    assert (again.reviews, again.states, again.items, again.learners) == (0, 0, 0, 0)
    assert json.dumps(progress.export_progress(other), sort_keys=True) == text
    other.close()


def test_bad_exports_are_input_errors(store: Store) -> None:
    for bad in (
        {},
        {"format": "clio-progress", "version": 99},
        {"format": "clio-progress", "version": 1},
    ):
        with pytest.raises(InputError):
            progress.import_progress(store, bad)
