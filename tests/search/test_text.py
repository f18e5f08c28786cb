"""Search tokens: stems, stop words, synonyms and sentence splitting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clio.search.text import split_sentences, stem, tokens


def test_stems_fold_inflections_and_demonyms() -> None:
    assert stem("harbours") == stem("ports") == "port"
    assert stem("Manchurian") == stem("Manchuria")
    assert stem("ceded") == stem("cede")
    assert stem("invasion") == stem("invade")
    assert stem("gave") == stem("give")
    assert stem("Soviets") == stem("Russia") == stem("USSR")


def test_phrases_are_folded_before_tokens() -> None:
    assert "ced" in tokens("Which harbours were handed over?")
    assert "ussr" in tokens("the Soviet Union")
    assert tokens("the Soviet Union", expand=False) != tokens("the Soviet Union")


def test_stop_words_and_asking_words_are_dropped() -> None:
    assert tokens("How many of the men were there?") == ("man",)


def test_split_sentences_keeps_clauses_verbatim() -> None:
    text = "Mao resented this; he said so. Then Stalin died."
    parts = split_sentences(text)
    assert parts == ["Mao resented this", "he said so.", "Then Stalin died."]
    assert all(part in text for part in parts)


@given(st.text(max_size=200))
def test_split_sentences_returns_substrings(text: str) -> None:
    for part in split_sentences(text):
        assert part and part in text


@given(st.text(max_size=100))
def test_tokens_are_deterministic_and_non_empty(text: str) -> None:
    first = tokens(text)
    assert first == tokens(text)
    assert all(first)


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Some advice (e.g. Lysenkoism) was rubbish. Kenneth G. Lieberthal wrote it."
    assert split_sentences(text) == [
        "Some advice (e.g. Lysenkoism) was rubbish.",
        "Kenneth G. Lieberthal wrote it.",
    ]
