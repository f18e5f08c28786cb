"""Answers from the notes: the question set's figures, and the cases that matter most."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clio.errors import InputError
from clio.model.topic import Topic
from clio.search import NOT_IN_NOTES, AnswerType, answer_question, build_index
from clio.search.evaluate import Case, score
from clio.search.index import SearchIndex, UnitKind


def _point_id(topic: Topic, title: str) -> str:
    (point,) = [p for _, p in topic.points() if p.title == title]
    return point.id


def test_question_set_is_big_enough(question_set: tuple[dict[str, Topic], list[Case]]) -> None:
    _, cases = question_set
    assert len(cases) >= 60
    assert sum(not c.answerable for c in cases) >= 15
    assert sum("paraphrase" in c.tags for c in cases) >= 10
    assert {c.kind for c in cases if c.answerable} >= {t.value for t in AnswerType}


def test_question_set_scores(
    question_set: tuple[dict[str, Topic], list[Case]], indexes: dict[str, SearchIndex]
) -> None:
    topics, cases = question_set
    result = score(cases, topics, indexes)
    assert result.citation_accuracy >= 0.85
    assert result.exact_accuracy >= 0.75
    assert result.refusal_recall >= 0.75
    assert result.refusal_precision >= 0.7


def test_paraphrase_with_few_shared_words(china: Topic, china_index: SearchIndex) -> None:
    answer = answer_question(china_index, "Which Manchurian harbours were handed over?")
    assert answer.answered
    assert answer.text == "Dalian and Lushun"
    assert answer.citations[0].ref_id == _point_id(china, "Dalian and Lushun ports")
    assert "two ports" in answer.citations[0].quote
    assert answer.context.startswith("Dalian and Lushun ports:")


@pytest.mark.parametrize(
    ("question", "kind", "expected", "title"),
    [
        ("When did Kim Il Sung attack South Korea?", AnswerType.DATE, "June 1950",
         "Kim Il Sung, Jun 1950"),
        ("How many Chinese troops entered the war in December 1950?", AnswerType.NUMBER,
         "500,000", "Human Wave tactics, Dec 1950"),
        ("Who called Mao an Asian Hitler?", AnswerType.PERSON, "Khrushchev",
         "Moscow Conference, 1961"),
        ("Where did Khrushchev go to try to repair relations?", AnswerType.PLACE, "Beijing",
         "Khrushchev’s Beijing visit, 1958"),
        ("Why did Mao have to back down over Taiwan?", AnswerType.REASON,
         "refused to offer even moral support", "Taiwan, 1958"),
        ("What did Khrushchev call the Great Leap Forward?", AnswerType.PHRASE, "harebrained",
         "Ideological differences, 1957"),
    ],
)  # fmt: skip
def test_each_question_type(
    china: Topic, china_index: SearchIndex, question: str, kind: AnswerType, expected: str,
    title: str,
) -> None:  # fmt: skip
    answer = answer_question(china_index, question)
    assert answer.answer_type is kind
    assert answer.answered
    assert expected in answer.text
    assert len(answer.text.split()) <= len(expected.split()) + 6  # a span, not the whole point
    assert answer.citations[0].ref_id == _point_id(china, title)
    assert answer.citations[0].quote in answer.context


def test_source_answers_cite_the_source(china: Topic, china_index: SearchIndex) -> None:
    answer = answer_question(china_index, "When did Mao say the USSR was a fascist dictatorship?")
    assert answer.answered and "1962" in answer.text
    assert answer.citations[0].kind is UnitKind.SOURCE
    assert answer.citations[0].ref_id == china.sources[0].id


@pytest.mark.parametrize(
    "question",
    [
        "When did Zhou Enlai visit Moscow?",
        "Who succeeded Khrushchev as Soviet leader?",
        "Why did Nixon visit China in 1972?",
        "How many people starved in the famine of 1959-61?",
        "When did China explode its first atomic bomb?",
    ],
)
def test_refuses_what_the_notes_do_not_say(china_index: SearchIndex, question: str) -> None:
    answer = answer_question(china_index, question)
    assert not answer.answered
    assert answer.text == NOT_IN_NOTES
    assert answer.citations == ()
    assert answer.nearest  # where the notes come closest, for "see also"
    assert 0.0 <= answer.confidence < 0.5


def test_confidence_is_a_probability(china_index: SearchIndex) -> None:
    for question in ("When was the truce signed?", "What is the capital of Peru?"):
        answer = answer_question(china_index, question)
        assert 0.0 <= answer.confidence <= 1.0


def test_topics_are_indexed_on_the_fly(china: Topic) -> None:
    answer = answer_question([china], "How many students did the Soviets train?")
    assert answer.answered and "80,000" in answer.text


def test_without_embeddings_bm25_still_answers(china: Topic) -> None:
    index = build_index([china], embedder=None)
    assert index.vectors is None
    answer = answer_question(index, "How many Soviet experts were sent to China?")
    assert "20,000" in answer.text


def test_answer_is_frozen(china_index: SearchIndex) -> None:
    answer = answer_question(china_index, "When was the truce signed?")
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("question", ["", "   ", "x" * 501])
def test_bad_questions_are_input_errors(china_index: SearchIndex, question: str) -> None:
    with pytest.raises(InputError):
        answer_question(china_index, question)


def test_empty_notes_say_nothing() -> None:
    empty = Topic(id="empty", name="empty", title="Empty")
    answer = answer_question(build_index([empty]), "When did Stalin die?")
    assert not answer.answered


_WORDS = (
    (
        "When Who How-many Why Where What Mao Stalin treaty ports Korea 1950 troops loans Beijing "
        "nuclear split the did ?"
    )
    .replace("-", " ")
    .split(" ")
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8))
def test_quotes_are_verbatim_from_the_notes(
    china_text: str, china_index: SearchIndex, parts: list[str]
) -> None:
    answer = answer_question(china_index, " ".join(parts))
    assert 0.0 <= answer.confidence <= 1.0
    notes = " ".join(china_text.split())
    for cite in answer.citations + answer.nearest:
        assert " ".join(cite.quote.split()) in notes
    if answer.answered:
        assert answer.citations and answer.text != NOT_IN_NOTES
    else:
        assert answer.citations == () and answer.text == NOT_IN_NOTES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What were the People's Volunteers?", "200,000 Chinese troops"),
        ("What was the Panmunjong Truce?", "signed a truce to end the fighting"),
        ("What was Lysenkoism?", "was rubbish"),
    ],
)
def test_what_was_x_describes_x(china_index: SearchIndex, question: str, expected: str) -> None:
    answer = answer_question(china_index, question)
    assert answer.answered
    assert expected in answer.text


def test_what_was_x_where_x_heads_a_section_is_that_sections_points(
    china: Topic, china_index: SearchIndex
) -> None:
    answer = answer_question(china_index, "What was the Treaty of Friendship?")
    assert answer.answered
    assert answer.text.startswith("Treaty of Friendship, Dec 1949: $300m loans and aid; ")
    section = next(s for s in china.sections if s.heading.startswith("Treaty of Friendship"))
    assert [c.ref_id for c in answer.citations] == [p.id for p in section.points]
    # a point's own subject is still answered from that point
    other = answer_question(china_index, "What was the Great Leap Forward?")
    assert not other.text.startswith("Treaty")


def test_a_passive_with_no_doer_names_no_one() -> None:
    """ "Who murdered Rasputin?" against "... until he was murdered in December 1916": the
    Tsarina is in the sentence but did not murder him."""
    from clio.parse import parse_notes
    from clio.search.answer import _agent_unsaid
    from tests.conftest import FIXTURES

    text = (FIXTURES / "notes" / "russia-key-questions.txt").read_text("utf-8")
    answer = answer_question(build_index([parse_notes(text)]), "Who murdered Rasputin?")
    assert not answer.answered and answer.text == NOT_IN_NOTES
    assert not _agent_unsaid("Who murdered Rasputin?", "he was murdered by nobles in 1916")
    assert not _agent_unsaid("Who signed the treaty?", "Stalin signed the treaty in 1939")
