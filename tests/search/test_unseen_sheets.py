"""Regressions from a review on sheets the question set never saw (tests/fixtures/e2e/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.search import NOT_IN_NOTES, answer_question, build_index
from clio.search.figures import counted_noun, find_figures
from clio.search.index import SearchIndex
from clio.search.text import stem
from clio.services.topics import load_topic

E2E = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "e2e"


@pytest.fixture(scope="module")
def sheets() -> dict[str, SearchIndex]:
    """One index per reviewed sheet."""
    names = ("ww1-causes.txt", "maos-china.txt", "vietnam.md")
    return {name: build_index([load_topic(str(E2E / name))]) for name in names}


@pytest.mark.parametrize(
    ("sheet", "question", "expected"),
    [
        # The figure in the clause naming the question's subject, not the sentence's first.
        ("ww1-causes.txt", "How many dreadnoughts did Germany have in 1914?", "17"),
        ("ww1-causes.txt", "How many dreadnoughts did Britain have in 1914?", "29"),
        # The figure counting what the question counts.
        ("maos-china.txt", "How many communes were there by the end of 1958?", "26,000 communes"),
        ("maos-china.txt", "How many peasants were in communes by the end of 1958?", "700 million"),
        # A role the notes give as a title: the person holding it at the event asked about.
        (
            "vietnam.md",
            "Who was president when the Gulf of Tonkin Resolution was passed?",
            "President Johnson",
        ),
    ],
)
def test_unseen_answers(
    sheets: dict[str, SearchIndex], sheet: str, question: str, expected: str
) -> None:
    answer = answer_question(sheets[sheet], question)
    assert answer.answered
    assert expected in answer.text


def test_who_is_never_answered_by_another_time_or_type(sheets: dict[str, SearchIndex]) -> None:
    # The notes name no president for 1975: not Eisenhower (1954), not a date, not a sentence.
    answer = answer_question(sheets["vietnam.md"], "Who was president when Saigon fell?")
    assert answer.text == NOT_IN_NOTES
    assert not answer.answered
    assert answer.confidence <= 0.3


def test_counted_noun() -> None:
    assert counted_noun("How many communes were there by the end of 1958?") == stem("communes")
    assert counted_noun("How many Soviet experts went to China?") == stem("experts")
    assert counted_noun("How much did it cost?") is None


def test_elliptical_figure_borrows_its_unit() -> None:
    sentence = "By 1914 Britain had 29 dreadnoughts and Germany 17."
    spans = [span for span, _, _ in find_figures(sentence, "How many?", frozenset())]
    assert spans == ["29 dreadnoughts", "17 dreadnoughts"]
