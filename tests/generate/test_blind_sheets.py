"""Faults found by reading the kits of two new sheets (Korean War, Soviet Eastern Europe)."""

from __future__ import annotations

from pathlib import Path

from clio.generate import make_kit
from clio.generate.events import find_events
from clio.generate.lexicon import load_lexicon
from clio.generate.mcq import is_sentence
from clio.generate.text import looks_like_name, point_clauses, remove_dates
from clio.model.items import QuizQuestion
from clio.parse import parse_notes

SHEETS = Path(__file__).resolve().parents[1] / "fixtures" / "generate"


def _sheet(name: str):  # type: ignore[no-untyped-def]
    return parse_notes((SHEETS / name).read_text(encoding="utf-8"), name=name)


def _questions(topic, fragment: str, seeds: range = range(4)) -> list[QuizQuestion]:  # type: ignore[no-untyped-def]
    return [
        q
        for seed in seeds
        for q in make_kit(topic, seed=seed).questions
        if fragment in q.stem or any(fragment in str(o) for o in q.options)
    ]


def test_a_label_and_its_verb_read_as_a_sentence() -> None:
    assert remove_dates("Cominform (1947): linked the parties") == "Cominform: linked the parties"
    labels = {e.label for e in find_events(_sheet("eastern-europe.txt"))}
    assert any(label.startswith("Cominform linked the communist parties") for label in labels)
    assert not any(" : " in label for label in labels)


def test_a_thing_titled_point_takes_its_passive() -> None:
    assert not looks_like_name("The Brezhnev Doctrine")
    clauses = point_clauses("Unit 3", "The Brezhnev Doctrine", "Announced in November 1968.")
    assert clauses[0].startswith("The Brezhnev Doctrine was announced in November 1968")
    stems = [q.stem for q in _questions(_sheet("eastern-europe.txt"), "Brezhnev Doctrine")]
    assert stems and not any("Doctrine announced" in s for s in stems)


def test_no_subject_is_hidden_before_a_denial() -> None:
    europe = _sheet("eastern-europe.txt")
    assert not _questions(europe, "____ was not prepared to risk a nuclear war")
    stems = [q.stem for q in _questions(europe, "not prepared to risk")]
    assert stems and all("The USA was not prepared" in s for s in stems)


def test_a_rough_figure_has_wrong_options_well_away() -> None:
    europe, korea = _sheet("eastern-europe.txt"), _sheet("korean-war.md")
    for question in _questions(europe, "about ____ people were killed"):
        if question.kind.value == "mcq":
            wrong = [float(o) for o in question.options if o != question.answer]
            assert all(w >= 160 or w <= 55 for w in wrong), question.options
    for question in _questions(korea, "about ____ of the UN forces"):
        if question.kind.value == "mcq":
            wrong = [float(o.rstrip("%")) for o in question.options if o != question.answer]
            assert all(abs(w - 90) >= 15 for w in wrong), question.options


def test_one_person_under_two_names_is_matched_once() -> None:
    europe = _sheet("eastern-europe.txt")
    for question in _questions(europe, "Match each person"):
        surnames = [o.split()[-1] for o in question.options]
        assert len(surnames) == len(set(surnames)), question.options


def test_a_state_of_the_answers_bloc_first_in_the_cold_war() -> None:
    europe = _sheet("eastern-europe.txt")
    lexicon = load_lexicon()
    found = _questions(europe, "Dubcek promised that ____ would stay")
    assert found
    for question in found:
        blocs = {lexicon.lookup(o).bloc for o in question.options}  # type: ignore[union-attr]
        assert "west" not in blocs, question.options


def test_half_of_a_shared_name_is_not_hidden() -> None:
    korea = _sheet("korean-war.md")
    assert not _questions(korea, "divided North and ____")
    assert _questions(korea, "asked members to help ____")


def test_about_covers_both_figures_of_a_pair() -> None:
    europe = _sheet("eastern-europe.txt")
    found = [
        q
        for q in _questions(europe, "200,000 Soviet troops and ____ tanks")
        if q.kind.value == "mcq"
    ]
    assert found
    for question in found:
        wrong = [float(o.replace(",", "")) for o in question.options if o != question.answer]
        assert all(w >= 1600 or w <= 550 for w in wrong), question.options


def test_a_sub_heading_run_into_its_text_is_left_out() -> None:
    clauses = point_clauses(
        "Hungary",
        "The Hungarian Rising",
        "Background Matyas Rakosi ruled Hungary. Events On 23 October 1956 students rose. "
        "Why the West did not help Britain and France were busy with Suez.",
    )
    assert clauses == ["Matyas Rakosi ruled Hungary", "On 23 October 1956 students rose"]
    stems = " ".join(q.stem for q in make_kit(_sheet("eastern-europe.txt"), seed=0).questions)
    assert "Events On" not in stems and "Background Matyas" not in stems
    assert "Why the West" not in stems


def test_a_place_the_points_title_names_is_no_wrong_option() -> None:
    korea = _sheet("korean-war.md")
    found = _questions(korea, "behind North Korean lines and recaptured ____")
    assert found and all("Inchon" not in q.options for q in found)


def test_a_sentence_title_is_not_offered_among_headings() -> None:
    korea = _sheet("korean-war.md")
    found = _questions(korea, "In 1948 two states were set up")
    # (matching needs no options of one form; fill-the-gap stems quote the sentence)
    assert not [q for q in found if q.kind.value == "mcq" and q.subkind in ("section", "reason")]
    assert is_sentence("In 1948 two states were set up")
    assert is_sentence('The kulaks were "liquidated as a class"')
    assert not is_sentence("Stalemate") and not is_sentence("Kirov's murder")


def test_a_sentence_title_and_its_lowercase_text_are_one_sentence() -> None:
    clauses = point_clauses(
        "Background", "In 1948 two states were set up", "the Republic of Korea in the South."
    )
    assert clauses == ["In 1948 two states were set up: the Republic of Korea in the South"]
    assert point_clauses("Key people", "Lenin", "led the Bolsheviks.") == [
        "Lenin led the Bolsheviks"
    ]
