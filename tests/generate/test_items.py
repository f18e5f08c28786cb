"""Specific items a teacher expects from the bundled sheet."""

from __future__ import annotations

from clio.generate import make_flashcards, make_quiz
from clio.model.items import CardKind, QuestionKind
from tests.generate.conftest import topic_named


def test_cards_named_in_the_issue() -> None:
    cards = make_flashcards(topic_named("china"), seed=0)
    by_prompt = {c.prompt: c for c in cards}
    cloze = by_prompt[
        "Though 95% of the Soviet money was in the form of ____, at a high rate of interest, "
        "plus the PRC was forced to send a substantial portion of its bullion reserves to the USSR."
    ]
    assert cloze.answer == "loans" and "{{c1::loans}}" in (cloze.cloze or "")
    agreed = by_prompt[
        "What was agreed about Dalian and Lushun ports in the Treaty of Friendship, Dec 1949?"
    ]
    assert "Manchuria" in agreed.answer
    reasons = by_prompt[
        "Give five reasons why China forged close relations with the USSR, 1949-57."
    ]
    assert reasons.kind is CardKind.SECTION and "Fear of the USA" in reasons.answer
    assert by_prompt["When was the Sino-Indian War?"].answer == "1962"
    assert by_prompt["What happened in 1969, according to your notes?"].answer == (
        "The Sino-Soviet Confrontation"
    )


def test_dates_the_notes_disagree_on_are_not_asked() -> None:
    questions = make_quiz(topic_named("china"), seed=0, kinds=["mcq"])
    stems = [q.stem for q in questions if q.subkind == "when"]
    assert "When was the Sino-Indian War?" in stems
    # "Treaty of Friendship, Dec 1949" and "Treaty of Friendship, 1950"; two Moscow Conferences
    assert not any("Treaty of Friendship" in s or s.endswith("Moscow Conference?") for s in stems)


def test_reason_questions_take_wrong_options_from_the_other_why_section() -> None:
    topic = topic_named("china")
    close = topic.sections[0]
    close_titles = {p.title for p in close.points}
    questions = make_quiz(topic, seed=3, kinds=["mcq"])
    reason = [q for q in questions if q.stem.endswith("why China broke with the USSR?")]
    assert reason
    for q in reason:
        wrong = [o for o in q.options if o != q.answer]
        assert all(o in close_titles for o in wrong), wrong
        assert "Korea" not in wrong  # Korea is a reason for the break as well


def test_kinds_filter_and_true_false_explanations() -> None:
    questions = make_quiz(topic_named("china"), seed=2, kinds=["tf"])
    assert questions and {q.kind for q in questions} == {QuestionKind.TF}
    false = [q for q in questions if q.answer == "False"]
    assert false and all("the notes give" in q.explanation for q in false)
