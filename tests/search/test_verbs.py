"""Verbs a student words otherwise, and figures, dates and doers bound to the question's verb."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.search import NOT_IN_NOTES, answer_question, build_index
from clio.search.index import SearchIndex
from clio.search.text import tokens
from clio.services.topics import load_topic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def sheets() -> dict[str, SearchIndex]:
    """The sheets these questions are asked of."""
    refs = {
        "rkq": FIXTURES / "notes" / "russia-key-questions.txt",
        "gd": FIXTURES / "notes" / "prose.txt",
        "wkd": FIXTURES / "notes" / "weimar-key-dates.txt",
        "fr": FIXTURES / "ask" / "french-revolution.txt",
        "sp": FIXTURES / "ask" / "spanish-civil-war.md",
    }
    return {name: build_index([load_topic(str(ref))]) for name, ref in refs.items()}


def test_verb_paraphrases_meet_the_notes_words() -> None:
    assert "abdic" in tokens("When did Nicholas II give up the throne?")
    assert set(tokens("given up")) == set(tokens("ceded"))  # "give up" alone is still to cede
    assert set(tokens("put to death")) == set(tokens("executed"))
    assert set(tokens("lost their lives")) == set(tokens("died"))
    assert set(tokens("caught")) == set(tokens("arrested"))
    assert set(tokens("escaped")) == set(tokens("fled"))


@pytest.mark.parametrize(
    ("sheet", "question", "expected"),
    [
        ("rkq", "When did Nicholas II give up the throne?", "15 March 1917"),
        ("fr", "When was Marie Antoinette put to death?", "October 1793"),
        ("fr", "How many people lost their lives in the Vendée revolt?", "200,000 people"),
    ],
)
def test_answers(sheets: dict[str, SearchIndex], sheet: str, question: str, expected: str) -> None:
    answer = answer_question(sheets[sheet], question)
    assert answer.answered and answer.text.rstrip(".") == expected, answer.text


@pytest.mark.parametrize(
    ("sheet", "question"),
    [
        # the deaths counted are the Vendée's, not the Bastille's
        ("fr", "How many people died storming the Bastille?"),
    ],
)
def test_refusals(sheets: dict[str, SearchIndex], sheet: str, question: str) -> None:
    answer = answer_question(sheets[sheet], question)
    assert not answer.answered and answer.text == NOT_IN_NOTES, answer.text
