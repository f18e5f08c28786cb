"""Wrong options of the answer's kind beyond people: places, figures, dates, reasons, events."""

from __future__ import annotations

from pathlib import Path

from clio.generate import make_kit
from clio.generate.events import find_events
from clio.generate.lexicon import load_lexicon
from clio.generate.text import names_the_day, starts_with_pronoun
from clio.model.items import QuizQuestion
from clio.model.period import PartialDate, Period
from clio.parse import parse_notes
from tests.generate.conftest import topic_named

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _layout(name: str):  # type: ignore[no-untyped-def]
    return parse_notes((LAYOUTS / name).read_text(encoding="utf-8"), name=name)


def _questions(topic, fragment: str, seeds: range = range(4)) -> list[QuizQuestion]:  # type: ignore[no-untyped-def]
    return [
        q
        for seed in seeds
        for q in make_kit(topic, seed=seed).questions
        if fragment in q.stem or any(fragment in str(o) for o in q.options)
    ]


def test_ports_for_a_port_and_places_of_the_answers_country() -> None:
    china = topic_named("china")
    lexicon = load_lexicon()
    ports = [q for q in _questions(china, "Dalian and ____") if q.kind.value == "mcq"]
    assert ports
    for question in ports:
        for option in question.options:
            entry = lexicon.lookup(option)
            assert entry is not None and entry.port and entry.within == "china", option
    regions = [q for q in _questions(china, "mineral rights in ____") if q.kind.value == "mcq"]
    assert regions
    for question in regions:
        assert all(lexicon.lookup(o).within == "china" for o in question.options)  # type: ignore[union-attr]


def test_a_fall_stays_a_fall_and_no_option_repeats_the_clause() -> None:
    medicine = _layout("medicine-key-question.txt")
    for question in _questions(medicine, "fell from"):
        if question.kind.value == "mcq" and "fell from ____ to 15%" in question.stem:
            assert all(float(o.rstrip("%")) > 15 for o in question.options)
        if question.kind.value == "mcq" and "fell from 46% to ____" in question.stem:
            assert all(float(o.rstrip("%")) < 46 for o in question.options)
        assert "from 15% to 15%" not in question.stem and "46% to 46%" not in question.stem


def test_no_date_question_where_the_sentence_names_the_day() -> None:
    massacre = Period.single(PartialDate(year=1929, month=2, day=14))
    assert names_the_day("the St Valentine's Day Massacre", massacre)
    assert not names_the_day("the Wall Street Crash", massacre)
    usa = _layout("usa-key-topics.txt")
    found = _questions(usa, "Valentine")
    assert found  # the true statement is still asked
    assert not any(q.kind.value == "mcq" or q.answer == "False" for q in found)


def test_glossary_terms_are_no_reasons() -> None:
    medicine = _layout("medicine-key-question.txt")
    kit = make_kit(medicine, seed=0)
    for question in kit.questions:
        if question.subkind in ("reason", "section"):
            assert not {"Miasma", "Laissez-faire"} & set(question.options)


def test_sentences_that_cannot_stand_alone() -> None:
    assert starts_with_pronoun("All confessed to absurd crimes after torture")
    assert starts_with_pronoun("They advanced into South Korea")
    assert not starts_with_pronoun("All power to the Soviets was the slogan")
    assert not starts_with_pronoun("Many peasants were deported")
    china = topic_named("china")
    assert not _questions(china, "They advanced into ____")


def test_a_leading_phrase_or_a_bound_dates_no_event() -> None:
    medicine = _layout("medicine-key-question.txt")
    assert not any("sewers" in e.label for e in find_events(medicine))
    china = topic_named("china")
    assert not any("almost reached the Chinese border" in e.label for e in find_events(china))


def test_subjects_from_a_one_word_person_heading() -> None:
    bullets = topic_named("bullets.txt")
    statements = [q.stem for q in make_kit(bullets, seed=0).questions]
    assert any("Trotsky planned the seizure of power" in s for s in statements)
    assert any("Kerensky was weakened by the Kornilov Affair" in s for s in statements)
    assert not any("“Planned the seizure" in s for s in statements)
    # nor is the person the page is about hidden ("____ returned from exile": Zinoviev too)
    assert not any("____ returned from exile" in s for s in statements)


def test_a_definite_description_naming_nothing_is_no_event() -> None:
    """ "When did this happen? The ‘massacre’ became public": which massacre?"""
    vietnam = topic_named("messy-crlf.txt")
    labels = [e.label for e in find_events(vietnam)]
    assert "The Tet Offensive" in labels
    assert not any("massacre" in label for label in labels)


def test_wrong_figures_keep_away_from_a_figure_in_words() -> None:
    """ "losing ____ men dead, modern sources put the figure at nearly a million": no 980,000."""
    china = topic_named("china")
    found = [q for q in _questions(china, "losing ____ men dead") if q.kind.value == "mcq"]
    assert found
    for question in found:
        assert all(float(o.replace(",", "")) < 700_000 for o in question.options)
