"""The learning loop: import, the due queue, answering cards, quizzes and free text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clio.errors import InputError, NotFoundError, PermissionDenied
from clio.model.items import Kit
from clio.model.marking import Mark
from clio.model.topic import Topic
from clio.schedule.memory import Phase, Rating
from clio.services import learning
from clio.services.learning import kits as learning_kits
from clio.services.topics import read_builtin_text
from clio.store import accounts, answers, reviews, topics_repo
from clio.store.database import Store
from clio.store.new_order import SpreadOrder
from tests.store.kits import MATCH, ORDER, SOURCE_Q, TF, sample_kit

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
NOTES = "Topic one\n\nSection A\n\na.  Point one\n\nExplained here\n"


def _learner(store: Store, per_day: int = 20) -> int:
    with store.write() as session:
        user = accounts.create_user(session, name="ann", now=NOW, new_per_day=per_day)
    return user.id


def test_import_builtin_sheet_and_reimport(store: Store) -> None:
    text = read_builtin_text("china-and-the-ussr")
    first = learning.import_topic_text(store, text, name="china", now=NOW)
    assert first.created and len(first.added) > 10
    again = learning.import_topic_text(store, text, name="china", now=NOW)
    assert again.unchanged_text and again.added == () and len(again.kept) == len(first.added)


def test_import_paths_reads_folders(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NOTES, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(NOTES.replace("one", "two"), encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    seen: list[str] = []
    outcomes = learning.import_paths(
        store, [str(tmp_path)], now=NOW, on_file=lambda p: seen.append(p.name)
    )
    assert seen == ["a.txt", "b.md"]
    assert [o.report.topic for o in outcomes if o.report] == ["a", "b"]
    with pytest.raises(InputError):
        learning.import_paths(store, [str(tmp_path / "missing.txt")], now=NOW)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        learning.note_files([str(tmp_path / "empty")])


def test_kit_items_mix_kinds_in_proportion() -> None:
    items = learning.kit_items(sample_kit(cards=4, quizzes=2))
    kinds = [type(i).__name__ for i in items]
    assert kinds[:4] == ["Flashcard", "QuizQuestion", "SourceQuestion", "QuizQuestion"]
    assert kinds.count("Flashcard") == 4 and kinds[-1] == "EssayPlan"


def test_queue_interleaves_new_cards_and_questions(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    kinds = []
    for prompt in learning.iter_session(store, learner_id=learner, clock=lambda: NOW, limit=6):
        kinds.append(prompt.item.kind)
        assert prompt.is_new and prompt.intervals[Rating.GOOD] == timedelta(minutes=10)
        learning.answer_card(
            store, learner_id=learner, item_id=prompt.item.id, rating=Rating.EASY, now=NOW
        )
    assert kinds == ["card", "quiz", "card", "quiz", "card", "quiz"]


def test_daily_new_limit_and_due_order(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store, per_day=3)
    first_ids = []
    for _ in range(3):
        prompt = learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",))
        assert prompt is not None and prompt.new_left == 3 - len(first_ids)
        first_ids.append(prompt.item.id)
        learning.answer_card(
            store, learner_id=learner, item_id=prompt.item.id, rating=Rating.EASY, now=NOW
        )
    assert learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",)) is None
    assert learning.session_counts(store, learner_id=learner, now=NOW, kinds=("card",)) == (0, 0)
    later = NOW + timedelta(days=9)  # all three due again, and a fresh day's new items
    assert learning.session_counts(store, learner_id=learner, now=later, kinds=("card",)) == (3, 1)
    shown = []
    for _ in range(4):
        prompt = learning.next_item(store, learner_id=learner, now=later, kinds=("card",))
        assert prompt is not None
        shown.append((prompt.item.id, prompt.is_new))
        learning.answer_card(
            store, learner_id=learner, item_id=prompt.item.id, rating=Rating.GOOD, now=later
        )
    assert [i for i, new in shown if not new] == first_ids
    assert sum(new for _, new in shown) == 1


def test_learning_steps_come_back_within_the_session(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store, per_day=1)
    prompt = learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",))
    assert prompt is not None
    answered = learning.answer_card(
        store, learner_id=learner, item_id=prompt.item.id, rating=Rating.AGAIN, now=NOW
    )
    assert answered.memory.phase == Phase.LEARNING
    again = learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",))
    assert again is not None and again.item.id == prompt.item.id and not again.is_new


def test_retired_items_are_not_offered(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = sample_kit(cards=2, quizzes=0)
    monkeypatch.setattr(learning_kits, "make_kit_for", lambda topic, seed=0: kit)
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    for _ in kit.flashcards:
        prompt = learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",))
        assert prompt is not None
        learning.answer_card(
            store, learner_id=learner, item_id=prompt.item.id, rating=Rating.EASY, now=NOW
        )
    smaller = Kit(topic_id="t", seed=0, flashcards=kit.flashcards[:1])
    monkeypatch.setattr(learning_kits, "make_kit_for", lambda topic, seed=0: smaller)
    report = learning.import_topic_text(store, NOTES + "\nmore\n", name="t", now=NOW)
    assert kit.flashcards[1].id in report.retired and kit.flashcards[0].id not in report.retired
    later = NOW + timedelta(days=30)
    prompt = learning.next_item(store, learner_id=learner, now=later, kinds=("card",))
    assert prompt is not None and prompt.item.uid == kit.flashcards[0].id
    learning.answer_card(
        store, learner_id=learner, item_id=prompt.item.id, rating=Rating.EASY, now=later
    )
    assert learning.next_item(store, learner_id=learner, now=later, kinds=("card",)) is None


def test_topic_filter(store: Store) -> None:
    learning.import_topic_text(store, NOTES, name="one", now=NOW)
    learning.import_topic_text(store, NOTES.replace("one", "two"), name="two", now=NOW)
    learner = _learner(store)
    ids = learning.topic_ids_for(store, "two")
    prompt = learning.next_item(store, learner_id=learner, now=NOW, topic_ids=ids, kinds=("card",))
    assert prompt is not None and prompt.item.topic_name == "two"
    assert learning.topic_ids_for(store, None) is None


def _find(store: Store, learner: int, uid: str) -> int:
    from clio.store import topics_repo

    with store.read() as session:
        found = topics_repo.find_item(session, "t", uid)
    assert found is not None
    return found.id


def test_quiz_answers_are_checked_stored_and_scheduled(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    cases = [
        ("q-0000", "RIGHT ", True),
        ("q-0001", "wrong", False),
        (TF.id, "true", True),
        (ORDER.id, ["1949", "1950", "1969"], True),
        (ORDER.id, ["1950", "1949", "1969"], False),
        (MATCH.id, [["Stalin", "USSR"], ["Mao", "China"]], True),
        (MATCH.id, [["Mao", "USSR"], ["Stalin", "China"]], False),
    ]
    for step, (uid, given, correct) in enumerate(cases):
        at = NOW + timedelta(minutes=step)
        result = learning.answer_quiz(
            store, learner_id=learner, item_id=_find(store, learner, uid), given=given, now=at
        )
        assert result.correct is correct
        assert result.rating == (Rating.GOOD if correct else Rating.AGAIN)
    with store.read() as session:
        attempts = answers.quiz_attempts(session, learner)
        logs = reviews.learner_logs(session, learner)
    assert [a.correct for a in attempts] == [c for _, _, c in cases]
    assert attempts[3].given == ["1949", "1950", "1969"]
    assert len(logs) == len(cases)
    with pytest.raises(InputError):
        learning.answer_quiz(
            store, learner_id=learner, item_id=_find(store, learner, "c-0000"), given="x", now=NOW
        )


def test_free_text_is_marked_or_self_rated(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    item_id = _find(store, learner, SOURCE_Q.id)
    with store.write() as session:
        answers.save_draft(
            session, learner_id=learner, question_id=SOURCE_Q.id, text="half", now=NOW
        )

    def marker(question, text: str) -> Mark:  # type: ignore[no-untyped-def]
        assert question == SOURCE_Q
        return Mark(score=3, max_marks=4, level=2, feedback=f"good: {text}")

    result = learning.answer_free_text(
        store, learner_id=learner, item_id=item_id, text="loans", now=NOW, marker=marker
    )
    assert result.rating == Rating.GOOD and result.mark is not None
    with store.read() as session:
        (marked,) = answers.marked_answers(session, learner)
        assert answers.get_draft(session, learner_id=learner, question_id=SOURCE_Q.id) is None
    assert (marked.score, marked.max_marks, marked.level) == (3, 4, 2)
    assert marked.feedback == "good: loans" and marked.question_id == SOURCE_Q.id
    with pytest.raises(InputError):
        learning.answer_free_text(store, learner_id=learner, item_id=item_id, text="x", now=NOW)
    self_rated = learning.answer_free_text(
        store, learner_id=learner, item_id=item_id, text="x", now=NOW, self_rating=Rating.HARD
    )
    assert self_rated.rating == Rating.HARD and self_rated.mark is None


def test_settings_and_optimisation(store: Store) -> None:
    learner = _learner(store)
    user = learning.update_settings(store, learner_id=learner, desired_retention=0.8)
    assert user.desired_retention == 0.8
    outcome = learning.optimise_learner(store, learner_id=learner)
    assert outcome.status == "not-enough-reviews"


def test_the_builtin_kit_falls_back_to_point_cards(china: Topic) -> None:
    kit = learning.basic_kit(china)
    assert len(kit.flashcards) == sum(1 for _ in china.points())
    assert all(card.source_ids for card in kit.flashcards)


def test_default_marker_calls_clio_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    calls = []

    def mark_answer(question: str, scheme, answer: str) -> Mark:  # type: ignore[no-untyped-def]
        calls.append((question, scheme, answer))
        return Mark(score=1, max_marks=scheme.max_marks, level=1)

    fake = types.ModuleType("clio.mark")
    fake.mark_answer = mark_answer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "clio.mark", fake)
    marker = learning.default_marker()
    assert marker is not None
    assert marker(SOURCE_Q, "my answer").max_marks == 4
    assert calls == [(SOURCE_Q.text, SOURCE_Q.mark_scheme, "my answer")]
    monkeypatch.setitem(sys.modules, "clio.mark", None)  # not installed
    assert learning.default_marker() is None


def test_free_text_with_the_real_marker(store: Store, kit: Kit) -> None:
    marker = learning.default_marker()
    if marker is None:  # pragma: no cover - clio.mark ships with Clio; kept for partial installs
        pytest.skip("clio.mark is not installed")
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    result = learning.answer_free_text(
        store,
        learner_id=learner,
        item_id=_find(store, learner, SOURCE_Q.id),
        text="Source A suggests the Soviet aid was mostly loans, so China paid for it.",
        now=NOW,
        marker=marker,
    )
    assert result.mark is not None and 0 <= result.mark.score <= SOURCE_Q.marks
    with store.read() as session:
        (stored,) = answers.marked_answers(session, learner)
    assert (stored.score, stored.level) == (result.mark.score, result.mark.level)


def test_answer_card_checks_topic_and_kind_in_its_transaction(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    card = learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",))
    quiz = learning.next_item(store, learner_id=learner, now=NOW, kinds=("quiz",))
    assert card is not None and quiz is not None
    with pytest.raises(PermissionDenied):
        learning.answer_card(
            store, learner_id=learner, item_id=card.item.id, rating=Rating.GOOD, now=NOW,
            topics=frozenset({"other"}),
        )  # fmt: skip
    with pytest.raises(InputError):
        learning.answer_card(
            store, learner_id=learner, item_id=quiz.item.id, rating=Rating.GOOD, now=NOW,
            only_cards=True,
        )  # fmt: skip
    with pytest.raises(NotFoundError, match="no item"):
        learning.answer_card(store, learner_id=learner, item_id=10**9, rating=Rating.GOOD, now=NOW)
    with pytest.raises(NotFoundError, match="no learner"):
        learning.answer_card(
            store, learner_id=10**9, item_id=card.item.id, rating=Rating.GOOD, now=NOW
        )
    assert (
        learning.next_item(store, learner_id=learner, now=NOW, kinds=("card",)) == card
    )  # nothing recorded
    done = learning.answer_card(
        store, learner_id=learner, item_id=card.item.id, rating=Rating.GOOD, now=NOW,
        topics=frozenset({"t"}), only_cards=True,
    )  # fmt: skip
    assert done.memory.phase == Phase.LEARNING


def _group(prompt: learning.StudyPrompt) -> str:
    item = prompt.item.item
    return f"quiz:{item.kind.value}" if prompt.item.kind == "quiz" else prompt.item.kind


def _first_new(store: Store, learner: int, kinds: tuple[str, ...], count: int) -> list[str]:
    shown = []
    session = learning.iter_session(
        store, learner_id=learner, clock=lambda: NOW, kinds=kinds, limit=count
    )
    for prompt in session:
        assert prompt.is_new
        shown.append(_group(prompt))
        learning.answer_card(
            store, learner_id=learner, item_id=prompt.item.id, rating=Rating.EASY, now=NOW
        )
    return shown


def test_the_first_new_items_of_the_builtin_topic_mix_every_kind(store: Store) -> None:
    learning.import_topic_text(store, read_builtin_text("china-and-the-ussr"), name="c", now=NOW)
    quiz_kinds = {"quiz:mcq", "quiz:tf", "quiz:order", "quiz:match"}
    with store.read() as session:  # as stored (unchanged): 54 MCQs before any other question
        topic_id = topics_repo.get_topic(session, "c").id
        stored = [i for i in topics_repo.topic_items(session, topic_id) if i.kind == "quiz"]
    assert {f"quiz:{i.item.kind.value}" for i in stored[:40]} == {"quiz:mcq"}
    with store.write() as session:
        learners = [
            accounts.create_user(session, name=n, now=NOW, new_per_day=20).id
            for n in ("ann", "bob", "cy")
        ]
    everything = _first_new(store, learners[0], learning.STUDY_KINDS, 20)
    assert set(everything) >= quiz_kinds | {"card", "source"}
    assert everything.count("card") >= 5  # cards still come in their share
    assert _first_new(store, learners[1], learning.STUDY_KINDS, 20) == everything  # no chance
    quiz_only = _first_new(store, learners[2], ("quiz",), 8)
    assert set(quiz_only[:4]) == quiz_kinds and set(quiz_only) == quiz_kinds


def test_new_items_come_even_when_the_cached_order_is_stale(store: Store, kit: Kit) -> None:
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    learner = _learner(store)
    first = learning.next_item(store, learner_id=learner, now=NOW)
    assert first is not None
    # another process re-imported the topic at the same instant: the cached order lacks items
    topic_id = first.item.topic_id
    stamp, _ = store.new_orders._orders[topic_id]
    store.new_orders._orders[topic_id] = (stamp, SpreadOrder.of([]))
    again = learning.next_item(store, learner_id=learner, now=NOW)
    assert again is not None and again.item.id == first.item.id and again.is_new
