"""What a question asks of its answer beyond its type: the counted thing, the fate, the winner."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.search import NOT_IN_NOTES, answer_question, build_index
from clio.search.figures import find_figures
from clio.search.index import SearchIndex
from clio.search.names import NameKind, find_names
from clio.search.relations import (
    asked_work,
    asks_authorship,
    asks_winner,
    counted_fate,
    counted_thing,
    fates,
    names_event,
    other_phase,
    says_winner,
)
from clio.search.text import stem
from clio.services.topics import load_topic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How many banks failed?", "bank"),
        ("How many kulaks died?", "kulak"),
        ("How many young men did the CCC employ?", "man"),
        ("How many more Chinese soldiers joined the fighting?", stem("troops")),
        ("How many tonnes of coal did he mine?", stem("tonnes")),
        ("How many were arrested?", None),
        ("How many died?", None),
        ("How many Model Ts had been sold?", None),
        ("When did the war end?", None),
    ],
)
def test_counted_thing(question: str, thing: str | None) -> None:
    assert counted_thing(question) == thing


def test_counted_fate() -> None:
    assert counted_fate("How many people died in the famine?") == "death"
    assert counted_fate("How many kulaks were deported?") == "deport"
    assert counted_fate("How many people did the NKVD arrest?") == "arrest"
    assert counted_fate("How many seats did the Nazis win?") is None
    assert fates("about 5 million were deported") == {"deport"}
    assert fates("The Chinese admitted to losing 390,000 men dead") == {"death"}


def _spans(sentence: str, question: str) -> list[str]:
    return [span for span, _, _ in find_figures(sentence, question, set())]


def test_a_figure_that_counts_another_thing_is_no_answer() -> None:
    laws = "Roosevelt closed the banks for four days and passed fifteen major laws."
    assert _spans(laws, "How many banks failed?") == []
    assert _spans("By 1929 about 60% of cars were bought this way.", "How many cars?") == []
    # the same kind of thing, in other words
    dead = "The Chinese admitted to losing 390,000 men dead."
    assert _spans(dead, "How many casualties did China suffer?") == ["390,000 men dead"]
    sent = "Khrushchev sent 42 medium-range missiles to Cuba."
    assert _spans(sent, "How many medium-range missiles were sent?") == ["42 medium-range"]
    # a figure with no unit says nothing against it
    assert _spans("In December 500,000 more joined.", "How many soldiers joined?") == ["500,000"]


def test_winners_and_authors() -> None:
    assert asks_winner("Who won the 1932 election?")
    assert not asks_winner("Who was president in 1932?")
    assert says_winner("Roosevelt was elected in a landslide")
    assert not says_winner("From a speech by Herbert Hoover during the 1932 election campaign.")
    assert asks_authorship("Who drew the cartoon?") and asks_authorship("Who gave the speech?")
    assert not asks_authorship("Who won the 1932 election?")
    assert not asks_authorship("Who replied to Khrushchev's letter?")  # answering is not making


def test_an_amount_is_no_count_of_people() -> None:
    sentence = "The USA dropped an atomic bomb that killed about 80,000 people instantly."
    assert _spans(sentence, "How much did the USSR spend on the atomic bomb?") == []
    assert _spans("It lent $300m in loans.", "How much did the USSR lend?") == ["$300m"]


def test_the_maker_of_a_work() -> None:
    assert asked_work("Who drew the Daily Mail cartoon?") == stem("cartoon")
    assert asked_work("Who is shown in the cartoon?") is None  # shown, not made
    assert asked_work("Who won the election?") is None


def test_when_it_ended_is_not_when_it_began() -> None:
    asked = "When did the Bolsheviks abandon War Communism?"
    assert other_phase(asked, "Under War Communism, introduced in June 1918, ...")
    assert other_phase("When did Lister stop using carbolic spray?", "used it from 1865")
    assert not other_phase("When did the famine end?", "the famine, from 1959 to 1961, killed")
    assert not other_phase("When did Stalin end the blockade?", "Stalin lifted the blockade")
    assert other_phase("When did the war begin?", "the war ended in 1953")


def test_an_event_is_no_person() -> None:
    assert names_event("Great Terror") and names_event("Enabling Act")
    assert not names_event("Nikolai Yezhov")
    assert [n.kind for n in find_names("The Great Terror, 1937-38")] == [NameKind.OTHER]


@pytest.fixture(scope="module")
def sheets() -> dict[str, SearchIndex]:
    """Sheets whose notes leave these questions unanswered."""
    refs = {
        "stalin": FIXTURES / "layouts" / "nested-headings.md",
        "usa": FIXTURES / "layouts" / "usa-key-topics.txt",
        "nazi": FIXTURES / "ask" / "nazi-consolidation.txt",
        "ww1": FIXTURES / "e2e" / "ww1-causes.txt",
        "sa": FIXTURES / "e2e" / "apartheid.txt",
        "med": FIXTURES / "layouts" / "medicine-key-question.txt",
        "cw": FIXTURES / "notes" / "cold-war-origins.md",
        "rcw": FIXTURES / "e2e" / "russian-civil-war.txt",
    }
    indexes = {name: build_index([load_topic(str(ref))]) for name, ref in refs.items()}
    indexes["china"] = build_index([load_topic("china-and-the-ussr")])
    return indexes


@pytest.mark.parametrize(
    ("sheet", "question"),
    [
        # a scope the notes never name (the famine's toll is not the Gulag's)
        ("stalin", "How many people died in the Gulag?"),
        # another fate: the kulaks were deported
        ("stalin", "How many kulaks died?"),
        # "the Great Terror" is an event, not whoever replaced Yezhov
        ("stalin", "Who replaced Yezhov as head of the NKVD?"),
        # "fifteen major laws" and "four days" count no banks
        ("usa", "How many banks failed?"),
        # the author of a campaign speech did not thereby win
        ("usa", "Who won the 1932 election?"),
        # the Dutch communist is who the question is about, not whom he worked for
        ("nazi", "Who did the Dutch communist work for?"),
        # the points about the experts are dated, but never say they were withdrawn
        ("china", "When did the USSR withdraw its experts?"),
        # a person who did something else to something else
        ("med", "Who discovered penicillin?"),
        # the people a cartoon shows did not draw it
        ("cw", "Who drew the Daily Mail cartoon?"),
        # its start is not its end
        ("rcw", "When did the Bolsheviks abandon War Communism?"),
    ],
)
def test_refusals(sheets: dict[str, SearchIndex], sheet: str, question: str) -> None:
    answer = answer_question(sheets[sheet], question)
    assert not answer.answered and answer.text == NOT_IN_NOTES, answer.text


@pytest.mark.parametrize(
    ("sheet", "question", "expected"),
    [
        ("stalin", "How many kulaks were deported?", "about 5 million"),
        ("stalin", "How many people did the NKVD arrest?", "about 1.5 million people"),
        ("usa", "How many veterans marched on Washington?", "About 20,000 veterans"),
        ("usa", "Who did Hoover send to clear the veterans' camp?", "General Douglas MacArthur"),
        # a provenance line answers what it says of its author
        ("ww1", "Who was the British Foreign Secretary?", "Sir Edward Grey"),
        # a person named in a point's title did what the point says
        ("sa", "Who founded the Black Consciousness Movement?", "Steve Biko"),
        # a range of dates says when it ended
        ("stalin", "When did the First Five-Year Plan end?", "1932"),
    ],
)
def test_answers_kept(
    sheets: dict[str, SearchIndex], sheet: str, question: str, expected: str
) -> None:
    answer = answer_question(sheets[sheet], question)
    assert answer.answered and answer.text.rstrip(".") == expected
