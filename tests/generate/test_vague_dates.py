"""Vague dates ("the late 1950s") are asked with wrong options of the same form."""

from __future__ import annotations

from clio.generate.kit import make_kit
from clio.generate.vague_dates import is_vague, vague_options
from clio.parse import find_dates, parse_notes


def _period(text: str):  # type: ignore[no-untyped-def]
    return find_dates(text)[0].period


def test_options_share_no_year_with_the_answer() -> None:
    late = _period("the late 1950s")
    options = vague_options(late, [])
    assert "the early 1950s" in options and "the early 1960s" in options
    assert "the late 1950s" not in options and "the mid-1950s" not in options  # 1956 shared
    assert all(o.startswith("the ") and o.endswith("0s") for o in options)
    assert vague_options(_period("the 1960s"), [])[:2] == ["the 1950s", "the 1970s"]
    circa = vague_options(_period("c. 1920"), [])
    assert "c. 1910" in circa and "c. 1920" not in circa


def test_a_bound_keeps_options_on_one_side() -> None:
    earlier = vague_options(_period("the late 1950s"), [], side=-1)
    assert earlier and all(int(o[-5:-1]) < 1960 for o in earlier), earlier
    assert "the early 1950s" in earlier


def test_plain_dates_are_not_vague() -> None:
    assert not is_vague(_period("December 1949"))
    assert is_vague(_period("the early 1930s"))


def test_a_vague_date_becomes_a_question() -> None:
    notes = (
        "Black Consciousness\n\nSteve Biko\n\n"
        "a. The movement\nBiko founded the Black Consciousness Movement in the late 1960s.\n\n"
        "b. His death\nBiko died in police custody in September 1977.\n"
    )
    kit = make_kit(parse_notes(notes), seed=0)
    asked = [q for q in kit.questions if q.answer == "the late 1960s"]
    assert asked, [q.stem for q in kit.questions]
    for question in asked:
        assert len(set(question.options)) == 4
        assert all(o.startswith("the ") for o in question.options)


def test_a_vague_date_cloze_keeps_the_notes_words() -> None:
    notes = "Biko\n\nSteve Biko\n\na. The movement\nBiko founded a movement in the late 1960s.\n"
    kit = make_kit(parse_notes(notes), seed=0)
    answers = {card.answer for card in kit.flashcards}
    assert "the late 1960s" in answers
    assert not any("c. 1966" in a for a in answers)
