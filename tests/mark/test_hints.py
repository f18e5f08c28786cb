"""Hints for missed points: plain sentences that point at the idea without giving it away."""

from __future__ import annotations

import re

import pytest

from clio.embed import Embedder
from clio.mark import mark_answer, scheme_from_points
from clio.mark.hints import anchor, hint_for, hints_for
from clio.mark.normalise import find_numbers
from clio.model.items import SourceQuestion
from clio.model.marking import SchemePoint

QUESTION = "Explain why many Germans hated the Treaty of Versailles."
POINTS = (
    "Army limited to 100,000",
    "Diktat: not allowed to take part in talks",
    "Lost territory such as Alsace-Lorraine",
    "Reparations of £6.6 billion",
)
_VERBS = (
    *("Add", "Mention", "Say", "Use", "Look", "Explain", "Think", "Finish", "Bring", "Recall"),
    "Check",
)


def _point(text: str, kind: str = "content") -> SchemePoint:
    return SchemePoint(id="p", text=text, kind=kind)


def _check(hint: str, point: SchemePoint) -> None:
    assert hint.endswith((".", "?")), hint
    assert hint.split()[0] in _VERBS, hint  # an instruction, i.e. it has a verb
    assert not re.fullmatch(r"[^,.]*(?:,[^,.]*){2,}[.?]", hint), hint  # not a bare comma list
    for figure in re.findall(r"\d[\d,.]*\d|\d", point.text):
        if not re.fullmatch(r"(?:1[0-9]|20)\d{2}", figure):  # a year may anchor a source detail
            assert figure not in hint, (figure, hint)
    assert not (find_numbers(point.text) & find_numbers(hint)), hint


@pytest.mark.parametrize("text", POINTS)
def test_hints_are_sentences_that_hide_the_figure(text: str) -> None:
    point = _point(text)
    _check(hint_for(point, QUESTION), point)


def test_hints_name_the_subject() -> None:
    assert anchor("Army limited to 100,000", QUESTION)[0] == "the army"
    assert "reparations" in hint_for(_point(POINTS[3]), QUESTION)
    assert "diktat" in hint_for(_point(POINTS[1]), QUESTION).lower()
    assert "limited" not in hint_for(_point(POINTS[0]), QUESTION)


def test_source_quotation_hint_uses_subject_and_date() -> None:
    point = SchemePoint(
        id="p",
        text='The source suggests that Mao judged the USSR in terms of ideology: it says "In 1955 '
        'Mao regarded the Soviets as a model for building socialism."',
        kind="content",
        source_ids=("s",),
    )
    hint = hint_for(point, "What can you learn from the source about Mao's view of the USSR?")
    assert "Mao and the Soviets in 1955" in hint
    assert "model" not in hint and "ideology" not in hint


def test_at_most_three_different_hints() -> None:
    points = (*(_point(t) for t in POINTS), _point("Army limited to 100,000 men"))
    hints = hints_for(points, QUESTION)
    assert len(hints) == 3 and len(set(hints)) == 3


def test_hints_for_generated_schemes(source_questions: dict[str, SourceQuestion]) -> None:
    for question in source_questions.values():
        for point in question.mark_scheme.points:
            hint = hint_for(point, question.text)
            _check(hint, point)
            assert "What about" not in hint


def test_feedback_hints_are_not_keyword_lists(embedder: Embedder) -> None:
    scheme = scheme_from_points(list(POINTS), 12)
    mark = mark_answer(QUESTION, scheme, "Germany lost land like Alsace-Lorraine.")
    improve = mark.feedback.split("To improve: ", 1)[1]
    assert "What about" not in improve and "100" not in improve and "6.6" not in improve
    assert "the army" in improve


def test_known_names_keep_their_capitals() -> None:
    question = "Why did Mao sign the Treaty of Friendship?"
    assert anchor("China needed Soviet economic aid.", question)[0] == "China"
    assert anchor("Stalin wanted a buffer in Asia.", question)[0] == "Stalin"
    assert anchor("The USSR lent money at low interest.", question)[0] == "the USSR"


def test_labels_lose_bracketed_dates_and_keep_proper_adjectives() -> None:
    question = "Explain why relations broke down in 1946-47."
    point = SchemePoint(
        id="p", text="The Long Telegram (February 1946): Kennan warned Washington.",
        kind="own_knowledge", source_ids=("s",),
    )  # fmt: skip
    hint = hint_for(point, question)
    assert "the Long Telegram" in hint and "(February" not in hint, hint
    soviet = SchemePoint(
        id="q", text="Soviet expansion: by 1948 communists controlled Poland.",
        kind="own_knowledge", source_ids=("s",),
    )  # fmt: skip
    hint = hint_for(soviet, question)
    assert "Soviet expansion by 1948" in hint, hint  # the capital and the notes' own "by"
    _check(hint, soviet)


def test_a_pronoun_subject_is_located_by_its_date() -> None:
    point = _point('The source says "During 1960 he hinted at concern about an attack."')
    hint = hint_for(point, "What can you learn from the source?")
    assert "during 1960" in hint and "concern" not in hint, hint


def test_provenance_hints_fit_the_aspect() -> None:
    hints = {
        hint_for(_point(f"{aspect}: something about the source.", "provenance"), "How reliable?")
        for aspect in ("Nature", "Origin", "Date", "Purpose", "Audience")
    }
    assert len(hints) == 5  # one hint per aspect, none repeating "who made it, when and why"
    assert any("when the source was made" in h for h in hints)


def test_pronoun_subject_points_at_the_date_not_the_detail() -> None:
    point = _point('The source says "During 1960 he hinted at concern about a Soviet attack."')
    hint = hint_for(point, "What can you learn from the source?")
    assert "1960" in hint and "concern" not in hint and "attack" not in hint, hint
    _check(hint, point)


def test_event_names_take_the_article() -> None:
    point = SchemePoint(
        id="k1",
        text="Moscow Conference, 1961: The Chinese walked out over Albania.",
        kind="own_knowledge",
    )
    hint = hint_for(point, "How far did relations change?")
    assert "about the Moscow Conference" in hint, hint


def test_each_provenance_aspect_asks_its_own_question() -> None:
    aspects = ("Origin", "Date", "Purpose", "Nature", "Evidence base", "Context")
    hints = [
        hint_for(SchemePoint(id=f"p{i}", text=f"{a}: about the source.", kind="provenance"), "Q?")
        for i, a in enumerate(aspects)
    ]
    assert len(set(hints)) == len(aspects)  # each aspect asks its own question
    assert "why the source was made" in hints[2] and "what kind of source" in hints[3]


def test_a_quality_the_answer_needs_is_not_a_call_for_a_judgement() -> None:
    quality = _point("Each inference is supported by a detail from the source.", "judgement")
    assert hint_for(quality, "What can you learn from Source A?") == (
        "Check that each inference is supported by a detail from the source."
    )
    judgement = _point("Reaches a judgement on how useful Source A is.", "judgement")
    assert "judgement" in hint_for(judgement, "How useful is Source A?")


def test_an_opening_clause_is_not_the_hints_subject() -> None:
    # "Since their suppression, the service of God ...": not "their suppression the service"
    quoted = 'The source says that "Since their suppression, the service of God is diminished."'
    assert anchor(quoted, "What can you infer?", dated=True) == ("the service", "")
