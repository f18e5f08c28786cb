"""Stemmed lexical overlap, spelling correction against the reference, negation."""

from __future__ import annotations

from clio.mark.lexical import (
    answer_stems,
    content_stems,
    content_words,
    correct_spelling,
    has_negation,
    overlap,
)


def test_stems_unify_word_forms() -> None:
    assert set(content_stems("exploited")) == set(content_stems("exploitation"))
    assert "the" not in content_words("the treaty of friendship")


def test_overlap_recall_and_precision() -> None:
    ref = content_stems("Soviet loans and experts")
    got = overlap(content_stems("loans from the Soviets"), ref)
    assert got.recall == 2 / 3 and got.precision == 1.0
    assert 0 < got.f1 < 1


def test_question_words_are_demoted() -> None:
    question = frozenset(content_stems("Why did Mao sign the treaty?"))
    ref = content_stems("Mao signed the treaty because China needed loans")
    plain = overlap(content_stems("Mao signed the treaty"), ref)
    demoted = overlap(content_stems("Mao signed the treaty"), ref, demote=question)
    assert plain.recall > 0 and demoted.recall == 0


def test_spelling_is_corrected_towards_the_reference() -> None:
    vocab = frozenset(content_words("Khrushchev visited Beijing"))
    assert correct_spelling(["khruschev", "beijing", "pool"], vocab) == [
        "khrushchev",
        "beijing",
        "pool",
    ]
    assert set(answer_stems("Khruschev came", vocab)) >= set(content_stems("Khrushchev"))


def test_negation() -> None:
    assert has_negation("The USSR did not help") and has_negation("They didn't help")
    assert not has_negation("The USSR helped")
