"""Question types: what kind of span answers a question."""

from __future__ import annotations

import pytest

from clio.search.qtype import AnswerType, answer_type, strip_asking


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
