"""Text tools behind the prompts: clauses, titles, give-away checks, cause phrasing."""

from __future__ import annotations

import pytest

from clio.generate.text import (
    cause_phrase,
    gives_away,
    is_event_name,
    past_tense,
    remove_dates,
    split_clauses,
    title_without_date,
    why_clause,
    with_article,
)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Why did China break with the USSR?", "why China broke with the USSR"),
        ("Why did the League of Nations fail?", "why the League of Nations failed"),
        ("Why was the Weimar Republic weak in 1923?", "why the Weimar Republic was weak in 1923"),
        ("Why China forged close relations with the USSR, 1949-57", "why China forged close "
         "relations with the USSR, 1949-57"),
        ("Treaty of Friendship, Dec 1949", None),
    ],
)  # fmt: skip
def test_why_clause(heading: str, expected: str | None) -> None:
    assert why_clause(heading) == expected


def test_cause_phrases() -> None:
    reasons = cause_phrase("Reasons for Hitler's rise to power")
    causes = cause_phrase("Causes of the Cuban Missile Crisis")
    assert reasons is not None and causes is not None
    assert (reasons.noun, reasons.link) == ("reason", "for Hitler's rise to power")
    assert (causes.noun, causes.outcome) == ("cause", "the Cuban Missile Crisis")


def test_past_tense() -> None:
    assert [past_tense(v) for v in ("break", "fail", "try", "stop", "agree")] == [
        "broke", "failed", "tried", "stopped", "agreed"
    ]  # fmt: skip


def test_clauses_keep_abbreviations_together() -> None:
    text = "Soviet experts imposed ideology … some of their advice (e.g. Lysenkoism) was rubbish"
    assert split_clauses(text) == [
        "Soviet experts imposed ideology",
        "some of their advice (e.g. Lysenkoism) was rubbish",
    ]


def test_titles_and_dates() -> None:
    assert title_without_date("Kim Il Sung, Jun 1950") == "Kim Il Sung"
    assert title_without_date("Korean War, 1950-53") == "Korean War"
    assert title_without_date("$300m loans and aid") == "$300m loans and aid"
    assert remove_dates("In December 1950, 500,000 more Chinese troops entered the war") == (
        "500,000 more Chinese troops entered the war"
    )
    assert remove_dates("At the Moscow Conference in 1957, Mao disagreed") == (
        "At the Moscow Conference, Mao disagreed"
    )


def test_event_names_and_articles() -> None:
    assert is_event_name("Sino-Indian War") and is_event_name("Mao’s Moscow visit")
    assert not is_event_name("Why the Weimar Republic faced crisis")
    assert not is_event_name("Kim Il Sung")
    assert with_article("Sino-Indian War") == "the Sino-Indian War"
    assert with_article("Mao’s Moscow visit") == "Mao’s Moscow visit"
    assert with_article("The Cuban Revolution") == "the Cuban Revolution"


def test_give_aways() -> None:
    assert gives_away("India", "the USSR gave fighter-planes to the Indians")
    assert gives_away("Albania", "When the Albanian government refused")
    assert gives_away("1962", "In 1962 there was a war")
    assert not gives_away("Manchuria", "China ceded two ports in ____")
    assert not gives_away("US", "Mao thus stepped in")


def test_numbering_labels_leave_the_heading_a_why_section() -> None:
    from clio.generate.text import why_clause
    from clio.model.topic import Section, bare_heading

    heading = "Key Question 1: Why did the Tsar's regime collapse in 1917?"
    assert bare_heading(heading) == "Why did the Tsar's regime collapse in 1917?"
    assert bare_heading("Topic 2.1 - Causes of the war") == "Causes of the war"
    assert bare_heading("Why the USSR collapsed") == "Why the USSR collapsed"
    # a bare number or roman numeral is a label too, but not a name's initials
    assert bare_heading("IV. The 18th and 19th centuries") == "The 18th and 19th centuries"
    assert bare_heading("2) Crises of the Cold War") == "Crises of the Cold War"
    assert bare_heading("V. I. Lenin") == "V. I. Lenin"
    assert bare_heading("F. W. de Klerk") == "F. W. de Klerk"
    assert Section(id="s", heading=heading).is_why
    # a possessive belongs to the subject: the verb is the word after the noun it owns
    assert why_clause(heading.split(": ", 1)[1]) == "why the Tsar's regime collapsed in 1917"


def test_a_quoted_passage_is_split_without_its_quotation_marks() -> None:
    from clio.generate.essay_text import sentences

    assert sentences("“The Bay of Pigs was a failure. The CIA gave poor advice.”") == [
        "The Bay of Pigs was a failure.",
        "The CIA gave poor advice.",
    ]
    assert sentences('"It was a perfect failure."') == ["It was a perfect failure."]
    # quotations inside a sentence stay
    assert sentences("The kulaks were “liquidated as a class”.") == [
        "The kulaks were “liquidated as a class”."
    ]


def test_a_coined_name_keeps_its_capital_mid_sentence() -> None:
    from clio.generate.essay_text import looks_coined, noun_phrase

    assert looks_coined("Bizonia") and looks_coined("Lebensraum")
    assert not looks_coined("Pressure") and not looks_coined("Appeasement")
    assert noun_phrase("Bizonia (Jan 1947)", proper=frozenset(), corpus="") == "Bizonia"
    assert noun_phrase("Pressure from the army", proper=frozenset(), corpus="").startswith(
        "pressure"
    )
