"""Question types: what kind of span answers a question."""

from __future__ import annotations

import pytest

from clio.search.qtype import (
    ACTIVE_WHO,
    AnswerType,
    answer_type,
    definition_subject,
    strip_asking,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When was the Treaty of Friendship signed?", AnswerType.DATE),
        ("In which year did the Korean War end?", AnswerType.DATE),
        ("What year did Stalin die?", AnswerType.DATE),
        ("How many Chinese troops attacked?", AnswerType.NUMBER),
        ("How much money did the USSR lend?", AnswerType.NUMBER),
        ("What percentage of the aid was loans?", AnswerType.NUMBER),
        ("What did a loaf of bread cost in 1923?", AnswerType.NUMBER),
        ("Who called Mao an Asian Hitler?", AnswerType.PERSON),
        ("To whom did Kim Il Sung turn?", AnswerType.PERSON),
        ("Which Soviet leader visited Beijing in 1958?", AnswerType.PERSON),
        ("Where did Mao hold talks with Khrushchev?", AnswerType.PLACE),
        ("Which Manchurian harbours were handed over?", AnswerType.PLACE),
        ("In which country did the crisis take place?", AnswerType.PLACE),
        ("Why did China break with the USSR?", AnswerType.REASON),
        ("What were the reasons for the split?", AnswerType.REASON),
        ("What caused the Sino-Soviet split?", AnswerType.REASON),
        ("What did Khrushchev call the Great Leap Forward?", AnswerType.PHRASE),
        ("Which policy did Mao reject?", AnswerType.PHRASE),
    ],
)
def test_answer_type(question: str, kind: AnswerType) -> None:
    assert answer_type(question) is kind


def test_strip_asking_drops_only_the_asking_words() -> None:
    assert strip_asking("How long did the crisis last?").split() == [
        "did",
        "the",
        "crisis",
        "last?",
    ]
    assert strip_asking("In which year did Stalin die?").strip() == "did Stalin die?"


def test_name_of_a_person_is_a_person_question() -> None:
    assert answer_type("What was the name of the American general in Korea?") is AnswerType.PERSON


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What was the Treaty of Friendship?", "Treaty of Friendship"),
        ("Who was Kim Il Sung?", "Kim Il Sung"),
        ("What were the People's Volunteers", "People's Volunteers"),
        ("What was the name of the general?", None),
        ("What was the cost of the war?", None),
        ("What did Mao want?", None),
        ("Who was president when Saigon fell?", None),
        ("Who was the Chinese commander in Korea?", None),
    ],
)
def test_definition_subject(question: str, subject: str | None) -> None:
    assert definition_subject(question) == subject


def test_when_and_where_inside_a_clause_do_not_set_the_type() -> None:
    assert answer_type("What did Lenin issue when he came back?") is AnswerType.PHRASE
    assert answer_type("Who ruled the city where the riots began?") is AnswerType.PERSON


def test_active_who_is_one_pattern() -> None:
    match = ACTIVE_WHO.match("Who killed Röhm?")
    assert match is not None and match["verb"] == "killed" and match["rest"].strip() == "Röhm"
    assert ACTIVE_WHO.match("Who should have signed it?") is None  # an auxiliary, not the verb
    assert ACTIVE_WHO.match("Who was shot at Sarajevo?") is None


def test_what_something_was_called_is_no_definition() -> None:
    assert definition_subject("What were the shanty towns called?") is None
    assert definition_subject("What was the Marshall Plan?") == "Marshall Plan"
