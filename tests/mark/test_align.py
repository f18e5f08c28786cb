"""Point alignment: synonyms, figures written differently and clauses of long sentences."""

from __future__ import annotations

import pytest

from clio.embed import Embedder
from clio.mark import mark_answer, scheme_from_points
from clio.mark.normalise import find_numbers
from clio.mark.prepare import split_clauses

QUESTION = "Explain why many Germans hated the Treaty of Versailles."
ARMY = "Army limited to 100,000"
DIKTAT = "Diktat: not allowed to take part in talks"
POINTS = [ARMY, DIKTAT, "Lost territory such as Alsace-Lorraine", "Reparations of £6.6 billion"]


@pytest.mark.parametrize("text", ["100,000", "100000", "100 thousand", "100k"])
def test_figures_in_any_format_are_one_number(text: str) -> None:
    assert find_numbers(text) == {100000.0}


def test_clauses_split_at_commas_and_conjunctions() -> None:
    clauses = split_clauses("The army was cut to 100,000 men, and it was a Diktat, they agreed.")
    assert clauses == ["The army was cut to 100,000 men", "and it was a Diktat", "they agreed."]
    assert split_clauses("One clause only.") == ["One clause only."]


@pytest.mark.parametrize(
    "answer",
    [
        "The army was cut to 100,000 men, and it was a Diktat, they were not allowed to "
        "negotiate. Germany also lost land like Alsace-Lorraine.",
        "Germany's army was cut to 100000 soldiers. The treaty was a Diktat. Germany also lost "
        "land like Alsace-Lorraine.",
    ],
)
def test_synonyms_and_figures_make_the_points(embedder: Embedder, answer: str) -> None:
    mark = mark_answer(QUESTION, scheme_from_points(POINTS, 12), answer)
    made = {m.point_text for m in mark.made}
    assert {ARMY, DIKTAT} <= made
    assert "Reparations of £6.6 billion" not in made


@pytest.mark.parametrize(
    "answer",
    [
        "Germany lost land like Alsace-Lorraine. It had to pay for the war.",
        "Germany lost land like Alsace-Lorraine. The navy was limited to six battleships. "
        "Germany could not join the League of Nations.",
        "The army was made smaller and Germany lost Alsace-Lorraine.",  # no figure, no synonym
    ],
)
def test_answers_without_the_points_still_miss_them(embedder: Embedder, answer: str) -> None:
    mark = mark_answer(QUESTION, scheme_from_points(POINTS, 12), answer)
    missed = {p.text for p in mark.missed}
    assert DIKTAT in missed
    if "army" not in answer:
        assert ARMY in missed


def test_fewer_points_than_marks_share_the_marks(embedder: Embedder) -> None:
    scheme = scheme_from_points(POINTS, 12)
    three = mark_answer(
        QUESTION,
        scheme,
        "The army was cut to 100,000 men, and it was a Diktat, they were not allowed to "
        "negotiate. Germany also lost land like Alsace-Lorraine.",
    )
    one = mark_answer(QUESTION, scheme, "Germany lost land like Alsace-Lorraine.")
    assert len(three.made) == 3 and three.score >= 8  # 3 of 4 points: most of the 12 marks
    assert three.score - one.score >= 3
