"""Set work: a class's teacher sets a topic due by a date; learners see theirs and their part."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from clio.errors import InputError, NotFoundError, PermissionDenied
from clio.model.items import Kit
from clio.schedule.memory import Rating
from clio.services import learning
from clio.services.learning import kits as learning_kits
from clio.services.learning import set_work
from clio.store import accounts, topics_repo
from clio.store.database import Store

NOW = datetime(2026, 11, 30, 9, tzinfo=UTC)
NOTES = "Topic one\n\nSection A\n\na.  Point one\n\nExplained here\n"


@pytest.fixture
def school(store: Store, kit: Kit) -> dict[str, int]:
    """A topic, two teachers, a class of two learners and a third learner elsewhere."""
    learning.import_topic_text(store, NOTES, name="t", now=NOW)
    with store.write() as session:
        ids = {
            name: accounts.create_user(session, name=name, now=NOW, role=role).id
            for name, role in [
                ("tess", "teacher"),
                ("tom", "teacher"),
                ("ann", "learner"),
                ("bob", "learner"),
                ("cy", "learner"),
            ]
        }
        mine = accounts.create_class(session, name="10B", teacher_id=ids["tess"], now=NOW)
        other = accounts.create_class(session, name="9C", teacher_id=ids["tom"], now=NOW)
        for learner in ("ann", "bob"):
            accounts.join_class(session, user_id=ids[learner], join_code=mine.join_code, now=NOW)
        accounts.join_class(session, user_id=ids["cy"], join_code=other.join_code, now=NOW)
        ids |= {
            "class": mine.id,
            "other": other.id,
            "topic": topics_repo.get_topic(session, "t").id,
        }
    return ids


def _set(store: Store, ids: dict[str, int], **given: str) -> set_work.SetWork:
    fields = {"kind": "quiz", "due": "2026-12-07"} | given
    return set_work.set_work(
        store,
        teacher_id=ids["tess"],
        class_id=ids["class"],
        topic_id=ids["topic"],
        now=NOW,
        **fields,
    )


def test_the_teacher_sets_work_and_sees_each_learners_part(
    store: Store, school: dict[str, int]
) -> None:
    work = _set(store, school, note="Chapter 3 <b>first</b>")
    assert (work.kind, work.due_on, work.class_name) == ("quiz", date(2026, 12, 7), "10B")
    with store.read() as session:  # setting work shares the topic with the class
        assert [t.name for t in accounts.topics_of_class(session, school["class"])] == ["t"]
    with store.read() as session:
        quiz = [i for i in topics_repo.topic_items(session, school["topic"]) if i.kind == "quiz"]
        card = next(
            i for i in topics_repo.topic_items(session, school["topic"]) if i.kind == "card"
        )
    for item in quiz:  # ann answers every question, the first one wrong
        given = "wrong" if item is quiz[0] else item.item.answer  # type: ignore[union-attr]
        learning.answer_quiz(store, learner_id=school["ann"], item_id=item.id, given=given, now=NOW)
    learning.answer_card(  # a card is not part of quiz work
        store, learner_id=school["bob"], item_id=card.id, rating=Rating.GOOD, now=NOW
    )
    (report,) = set_work.class_work(store, teacher_id=school["tess"], class_id=school["class"])
    parts = {p.learner.name: p.done for p in report.parts}
    assert (parts["ann"].studied, parts["ann"].total, parts["ann"].done) == (5, 5, True)
    assert parts["ann"].score == 80  # 4 of 5 right at the last answer
    assert (parts["bob"].studied, parts["bob"].done, parts["bob"].score) == (0, False, None)
    assert report.finished == 1 and "cy" not in parts
    again = set_work.work_report(
        store, teacher_id=school["tess"], class_id=school["class"], work_id=work.id
    )
    assert again == report


def test_learners_see_only_their_own_classes_work(store: Store, school: dict[str, int]) -> None:
    _set(store, school, kind="", due="2026-12-01")
    _set(store, school, kind="card", due="2026-11-30")
    with store.read() as session:
        item = topics_repo.topic_items(session, school["topic"])[0]
    learning.answer_card(
        store, learner_id=school["ann"], item_id=item.id, rating=Rating.AGAIN, now=NOW
    )
    mine = set_work.learner_work(store, learner_id=school["ann"], now=NOW)
    assert [(w.work.kind, w.days_left) for w in mine] == [("card", 0), (None, 1)]
    assert (mine[0].done.studied, mine[0].done.total, mine[0].done.score) == (1, 4, 0)
    assert mine[1].done.total == 10  # cards, quiz and source questions; essays are not work
    later = set_work.learner_work(
        store, learner_id=school["ann"], now=datetime(2026, 12, 5, tzinfo=UTC)
    )
    assert all(w.overdue for w in later)
    assert set_work.learner_work(store, learner_id=school["cy"], now=NOW) == []


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("", "give the date"),
        ("31/12/2026", "not a date"),
        ("2026-02-30", "not a date"),
        ("<script>", "not a date"),
        ("2026-11-29", "already passed"),
    ],
)
def test_a_bad_due_date_is_refused(
    store: Store, school: dict[str, int], due: str, message: str
) -> None:
    with pytest.raises(InputError, match=message) as caught:
        _set(store, school, due=due)
    assert caught.value.field == "due"
    assert set_work.class_work(store, teacher_id=school["tess"], class_id=school["class"]) == []


def test_work_of_a_kind_the_topic_lacks_is_refused(
    store: Store, school: dict[str, int], kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = dataclasses.replace(kit, source_questions=())
    monkeypatch.setattr(learning_kits, "make_kit_for", lambda topic, *, seed=0: bare)
    learning.import_topic_text(store, NOTES.replace("one", "two"), name="bare", now=NOW)
    with store.read() as session:
        topic_id = topics_repo.get_topic(session, "bare").id
    with pytest.raises(InputError, match="this topic has no source questions"):
        _set(store, school | {"topic": topic_id}, kind="source")
    assert _set(store, school | {"topic": topic_id}, kind="all").kind is None


def test_a_bad_kind_or_long_note_is_refused(store: Store, school: dict[str, int]) -> None:
    with pytest.raises(InputError, match="kind"):
        _set(store, school, kind="essay")
    with pytest.raises(InputError, match="note"):
        _set(store, school, note="x" * 501)


def test_only_the_classs_teacher_sets_sees_or_deletes_its_work(
    store: Store, school: dict[str, int]
) -> None:
    work = _set(store, school)
    for who in ("tom", "ann"):
        with pytest.raises(PermissionDenied):
            set_work.set_work(
                store,
                teacher_id=school[who],
                class_id=school["class"],
                topic_id=school["topic"],
                kind="",
                due="2026-12-07",
                now=NOW,
            )
        with pytest.raises(PermissionDenied):
            set_work.class_work(store, teacher_id=school[who], class_id=school["class"])
        with pytest.raises(PermissionDenied):
            set_work.delete_work(
                store, teacher_id=school[who], class_id=school["class"], work_id=work.id
            )
    # tom's own class, but not his work
    with pytest.raises(PermissionDenied):
        set_work.delete_work(
            store, teacher_id=school["tom"], class_id=school["other"], work_id=work.id
        )
    with pytest.raises(NotFoundError):
        set_work.work_report(
            store, teacher_id=school["tom"], class_id=school["other"], work_id=work.id
        )
    set_work.delete_work(
        store, teacher_id=school["tess"], class_id=school["class"], work_id=work.id
    )
    assert set_work.learner_work(store, learner_id=school["ann"], now=NOW) == []
    with pytest.raises(NotFoundError):
        set_work.delete_work(
            store, teacher_id=school["tess"], class_id=school["class"], work_id=work.id
        )


def test_a_learner_who_leaves_the_class_no_longer_sees_its_work(
    store: Store, school: dict[str, int]
) -> None:
    _set(store, school)
    with store.write() as session:
        accounts.leave_class(session, user_id=school["bob"], class_id=school["class"])
    assert set_work.learner_work(store, learner_id=school["bob"], now=NOW) == []
    (report,) = set_work.class_work(store, teacher_id=school["tess"], class_id=school["class"])
    assert [p.learner.name for p in report.parts] == ["ann"]
