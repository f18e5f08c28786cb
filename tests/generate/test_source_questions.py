"""Source questions: styles, tariffs, schemes with levels and points, provenance specifics."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clio.generate.essay_text import content_tokens
from clio.generate.source_questions import make_source_questions
from clio.generate.source_views import _bears_on
from clio.model.items import SourceQuestion
from clio.model.topic import Topic
from clio.parse import parse_notes
from tests.conftest import FIXTURES
from tests.generate.test_mark_schemes import assert_contiguous

KINDS = {"content", "own_knowledge", "provenance", "judgement"}


def check_question(question: SourceQuestion, topic: Topic) -> None:
    """Every invariant a source question and its scheme must keep."""
    scheme = question.mark_scheme
    assert question.marks == scheme.max_marks > 0
    assert_contiguous(scheme.levels, scheme.max_marks)
    assert scheme.points and scheme.reference.strip()
    assert scheme.style == question.style
    assert question.text.endswith(("?", ".")) and question.text[0].isupper()
    assert question.id.startswith("sq-")
    point_ids = {p.id for _, p in topic.points()}
    source_ids = {s.id for s in topic.sources}
    for point in scheme.points:
        assert point.kind in KINDS, point.kind
        assert point.text.strip()
        assert set(point.source_ids) <= point_ids | source_ids
        if point.kind == "own_knowledge":
            assert set(point.source_ids) & point_ids, point.text
    if question.source_id is not None:
        source = next(s for s in topic.sources if s.id == question.source_id)
        assert source.text in scheme.source_text or scheme.source_text == source.text
    assert "..." not in question.text


def test_bundled_sheet_gives_every_style(china: Topic) -> None:
    questions = make_source_questions(china, seed=0)
    assert len(questions) >= 5
    styles = [q.style for q in questions]
    assert {"inference", "change", "usefulness", "reliability", "interpretation"} <= set(styles)
    for question in questions:
        check_question(question, china)


def test_questions_take_their_subject_from_the_source(china: Topic) -> None:
    by_style = {q.style: q for q in make_source_questions(china, seed=0)}
    assert by_style["inference"].text == (
        "What can you learn from the source about Mao's view of the USSR?"
    )
    assert by_style["inference"].marks == 4
    assert by_style["change"].text.startswith(
        "How did Mao's view of the USSR change between 1955 and 1964?"
    )
    assert "enquiry into China’s relations with the USSR" in by_style["usefulness"].text
    assert by_style["usefulness"].marks == 8
    assert by_style["interpretation"].text.startswith("How far does the source support the view")


def test_usefulness_and_reliability_name_specific_provenance(china: Topic) -> None:
    for question in make_source_questions(china, seed=0):
        if question.style not in {"usefulness", "reliability"}:
            continue
        provenance = [p.text for p in question.mark_scheme.points if p.kind == "provenance"]
        joined = " ".join(provenance)
        assert "Lieberthal" in joined and "1976" in joined
        assert "American scholar" in joined
        assert "hindsight" in joined
        assert "selected writings" in joined  # what the author could see
        assert "Cold War" in joined
        assert all(text != "It is biased." for text in provenance)


def test_interpretation_has_both_sides_and_a_judgement(all_topics: dict[str, Topic]) -> None:
    for topic in all_topics.values():
        for question in make_source_questions(topic, seed=0):
            if question.style != "interpretation":
                continue
            texts = [p.text for p in question.mark_scheme.points]
            assert any(t.startswith("Supports the view") for t in texts)
            assert any(t.startswith("Challenges the view") for t in texts)
            assert any(p.kind == "judgement" for p in question.mark_scheme.points)
            assert "On the other hand" in question.mark_scheme.reference
            assert "Overall" in question.mark_scheme.reference


def test_change_question_credits_own_knowledge_between_the_dates(china: Topic) -> None:
    change = next(q for q in make_source_questions(china, seed=0) if q.style == "change")
    knowledge = [p for p in change.mark_scheme.points if p.kind == "own_knowledge"]
    assert knowledge
    for point in knowledge:
        found = re.findall(r"\b(19\d\d)\b", point.text)
        assert found and all(1955 <= int(y) <= 1964 for y in found[:1]), point.text


def test_fixture_sources_and_notes_questions(cuba: Topic) -> None:
    questions = make_source_questions(cuba, seed=0)
    for question in questions:
        check_question(question, cuba)
    asked = {q.text for q in cuba.questions}
    notes = [q for q in questions if q.text in asked]
    assert [q.marks for q in notes] == [4, 8, 12]
    # a question on one source in an exam style gets that style's scheme, with its tariff
    assert notes[0].style == "inference"
    assert any(p.kind == "judgement" for p in notes[0].mark_scheme.points)
    speech = next(
        q
        for q in questions
        if q.style == "usefulness" and q.text.startswith("How useful is Source A")
    )
    provenance = " ".join(p.text for p in speech.mark_scheme.points if p.kind == "provenance")
    assert "public speech" in provenance and "American public" in provenance
    assert "before the deal (28 Oct 1962)" in provenance
    memoir = next(q for q in questions if q.style == "reliability" and "Source B" in q.text)
    provenance = " ".join(p.text for p in memoir.mark_scheme.points if p.kind == "provenance")
    assert "memoirs" in provenance and "1970" in provenance and "Nikita Khrushchev" in provenance
    assert "From the memoirs" not in memoir.text


def test_notes_essay_question_reuses_the_essay_plan(cuba: Topic) -> None:
    essay = next(
        q for q in make_source_questions(cuba, seed=0) if q.text.startswith("Explain why the USSR")
    )
    assert essay.source_id is None
    assert "most important reason" in essay.mark_scheme.reference
    assert all(p.kind == "own_knowledge" for p in essay.mark_scheme.points)


def test_topics_without_sources_or_questions_give_none(china: Topic) -> None:
    bare = replace(china, sources=(), questions=())
    assert make_source_questions(bare, seed=0) == ()


def test_ids_are_stable_and_output_deterministic(china: Topic) -> None:
    first = make_source_questions(china, seed=1)
    assert first == make_source_questions(china, seed=1)
    assert [q.id for q in first] == [q.id for q in make_source_questions(china, seed=2)]
    assert len({q.id for q in first}) == len(first)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_invariants_hold_for_any_seed(all_topics: dict[str, Topic], seed: int) -> None:
    for topic in all_topics.values():
        for question in make_source_questions(topic, seed=seed):
            check_question(question, topic)


def test_no_view_is_tested_on_a_source_about_something_else() -> None:
    # Source A (Aske's letter on the Pilgrimage of Grace) says nothing about why Henry wanted to
    # break with Rome, the sheet's only why-section: no interpretation question on it, while the
    # source still gets its inference, usefulness and reliability questions
    text = (FIXTURES / "generate" / "reformation.txt").read_text("utf-8")
    topic = parse_notes(text)
    questions = make_source_questions(topic, seed=0)
    styles = [q.style for q in questions]
    assert "interpretation" not in styles
    assert {"inference", "usefulness", "reliability"} <= set(styles)
    for question in questions:
        check_question(question, topic)


def test_a_title_is_no_name_a_source_shares_with_a_factor() -> None:
    # "the King's council" does not bear on "The King's Great Matter": King is no one's name
    factor = content_tokens("The King's Great Matter. Henry wanted a male heir.")
    assert not _bears_on("The people fear the King's council.", factor, frozenset())
    assert _bears_on("The people fear that Henry wants an heir.", factor, frozenset())
