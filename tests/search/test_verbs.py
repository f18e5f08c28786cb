"""Verbs a student words otherwise, and figures, dates and doers bound to the question's verb."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.parse import parse_notes
from clio.search import NOT_IN_NOTES, answer_question, build_index
from clio.search.evaluate import build_indexes, load_cases, score
from clio.search.index import SearchIndex
from clio.search.relations import counted_fate, counts_other_event
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
        "src": FIXTURES / "notes" / "sources.txt",
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
    assert set(tokens("seized")) == set(tokens("captured"))
    assert set(tokens("announced victory")) == set(tokens("declared won"))


@pytest.mark.parametrize(
    ("sheet", "question", "expected"),
    [
        ("rkq", "When did Nicholas II give up the throne?", "15 March 1917"),
        ("fr", "When was Marie Antoinette put to death?", "October 1793"),
        ("fr", "How many people lost their lives in the Vendée revolt?", "200,000 people"),
        # a group that did it, named by no name: the people right before the question's verb
        ("wkd", "Who signed the armistice?", "the politicians"),
        ("fr", "Who stormed the Tuileries Palace?", "the sans-culottes"),
        ("fr", "Who attacked the Bastille?", "a Paris crowd"),
        ("sp", "In which cities did the rising fail?", "Madrid and Barcelona"),
        # the place after the question's verb ("arrested at"), not after the timing clause's
        ("fr", "Where was the royal family caught when they tried to escape?", "Varennes"),
        # the point's title is who "it won the general election" is about
        ("sp", "Who won the election of February 1936?", "Popular Front"),
        ("sp", "Which town did the Condor Legion bomb in April 1937?", "Guernica"),
        ("sp", "When did Franco announce he had won?", "1 April 1939"),
        ("fr", "When did France declare war on Austria?", "April 1792"),
        # "before 1789" rules out May 1789
        ("fr", "When had the Estates-General last met before 1789?", "1614"),
        # "it" is the point's title: "Committee of Public Safety: ...; Robespierre joined it"
        ("fr", "When did Robespierre join the Committee of Public Safety?", "July 1793"),
        # the author of a letter is who it is by, not whom it is to
        ("src", "Who wrote the letter of 26 October 1962?", "Nikita Khrushchev"),
        # the name after "called"; a name the question's noun is part of
        ("gd", "What were the shanty towns called?", "Hoovervilles"),
        ("wkd", "Which article let the President rule by decree?", "Article 48"),
        # what follows the question's verb (capture = seize) in the sentence
        ("rkq", "What did the Red Guards capture on 25 October 1917?", "the Winter Palace"),
        # "since 1614" is a time, the cause comes after it
        ("fr", "Why did Louis XVI call the Estates-General?", "because he needed new taxes"),
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
        # Charlotte Corday stabbed Marat; the notes say nothing of who stabbed Robespierre
        ("fr", "Who stabbed Robespierre?"),
        # France declared war on Austria, not on Britain
        ("fr", "When did France declare war on Britain?"),
        # a source's provenance names who wrote the letter, not who replied to it
        ("src", "Who replied to Khrushchev's letter?"),
        # the Popular Front won in 1936; no one is said to have won in 1933
        ("sp", "Who won the election of 1933?"),
        # the refugees counted fled Barcelona
        ("sp", "How many refugees fled Madrid?"),
        # the banks counted failed; none were said to reopen
        ("gd", "How many banks did Roosevelt reopen?"),
        # the Vendée's dead are not said to have been executed
        ("fr", "How many people were executed in the Vendée?"),
    ],
)
def test_refusals(sheets: dict[str, SearchIndex], sheet: str, question: str) -> None:
    answer = answer_question(sheets[sheet], question)
    assert not answer.answered and answer.text == NOT_IN_NOTES, answer.text


def test_a_count_of_one_event_is_no_count_of_another() -> None:
    assert counts_other_event("How many banks did Roosevelt reopen?", "9,000 banks had failed")
    assert not counts_other_event("How many banks failed?", "9,000 banks had collapsed")
    # a paraphrase of the same event, or a sentence that says no event, may answer
    assert not counts_other_event("How many schools were opened?", "it built 500 schools")
    assert not counts_other_event("How many soldiers did Italy send?", "about 75,000 troops")
    assert counted_fate("How many people were executed?") == "execution"
    assert counted_fate("How many people died?") == "death"


def test_a_paraphrase_of_the_counted_event_still_answers() -> None:
    notes = "The New Deal\n\n- Banks: within a month Roosevelt reopened about 5,000 banks.\n"
    index = build_index([parse_notes(notes)])
    answer = answer_question(index, "How many banks did Roosevelt open?")
    assert answer.answered and answer.text == "about 5,000 banks", answer.text


@pytest.mark.parametrize(
    ("name", "exact", "recall"),
    [
        # no longer held out: its misses prompted session 6's rules (blind: 0.636 / 0.684)
        ("heldout3.json", 0.85, 0.9),
        ("honest-heldout2.json", 0.95, 0.9),
    ],
)
def test_session_six_sets(name: str, exact: float, recall: float) -> None:
    """Floors for the sets session 6 used (their figures are in docs/ask.md)."""
    refs, cases = load_cases(FIXTURES / "ask" / name, root=FIXTURES.parents[1])
    topics = {key: load_topic(ref) for key, ref in refs.items()}
    result = score(cases, topics, build_indexes(topics))
    assert result.exact_accuracy >= exact
    assert result.citation_accuracy >= 0.9
    assert result.refusal_precision >= 0.85
    assert result.refusal_recall >= recall
