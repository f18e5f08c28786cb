"""Tests for clio.embed: shape, normalisation, meaning, determinism."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clio.embed import BATCH_SIZE, BATCH_TOKENS, DIM, Embedder, get_embedder, plan_batches


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The process-wide model, loaded once for the whole test session."""
    return get_embedder()


def test_shape_dtype_and_unit_rows(embedder: Embedder) -> None:
    vecs = embedder.encode(["Mao met Stalin in Moscow.", "The Sino-Soviet split", "x"])
    assert vecs.shape == (3, DIM)
    assert vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_empty_input(embedder: Embedder) -> None:
    vecs = embedder.encode([])
    assert vecs.shape == (0, DIM)
    assert vecs.dtype == np.float32


def test_empty_string_still_unit(embedder: Embedder) -> None:
    vecs = embedder.encode([""])
    assert np.isclose(np.linalg.norm(vecs[0]), 1.0, atol=1e-5)


def test_rejects_a_bare_string(embedder: Embedder) -> None:
    with pytest.raises(TypeError):
        embedder.encode("one string")  # type: ignore[arg-type]


def test_paraphrases_closer_than_unrelated(embedder: Embedder) -> None:
    a, b, c, d = embedder.encode(
        [
            "The USSR withdrew its technical experts from China in 1960.",
            "In 1960 Soviet advisers were pulled out of China by Moscow.",
            "Photosynthesis turns sunlight into chemical energy in plants.",
            "Khrushchev denounced Stalin in his secret speech of 1956.",
        ]
    )
    assert float(a @ b) > 0.6
    assert float(a @ b) > float(a @ c) + 0.3
    assert float(a @ b) > float(a @ d)


def test_deterministic_and_order_independent(embedder: Embedder) -> None:
    texts = ["short", "a much longer sentence about the Korean War and Chinese volunteers", "mid"]
    first = embedder.encode(texts)
    again = embedder.encode(list(reversed(texts)))[::-1]
    single = np.vstack([embedder.encode([t]) for t in texts])
    assert np.array_equal(first, embedder.encode(texts))
    assert np.allclose(first, again, atol=1e-5)
    assert np.allclose(first, single, atol=1e-4)


def test_many_texts_batch(embedder: Embedder) -> None:
    texts = [f"Sentence number {i} about the Great Leap Forward." for i in range(70)]
    vecs = embedder.encode(texts)
    assert vecs.shape == (70, DIM)
    assert np.allclose(vecs[5], embedder.encode([texts[5]])[0], atol=1e-4)


def test_long_text_is_truncated_not_rejected(embedder: Embedder) -> None:
    vecs = embedder.encode(["word " * 2000])
    assert vecs.shape == (1, DIM)


def test_get_embedder_is_one_instance_across_threads() -> None:
    seen: list[Embedder] = []
    threads = [threading.Thread(target=lambda: seen.append(get_embedder())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(e) for e in seen}) == 1
    assert seen[0] is get_embedder()


def test_token_vectors_come_with_the_same_sentence_vectors(embedder: Embedder) -> None:
    texts = ["Mao visited Moscow in 1949.", "Khrushchev could not swim."]
    pooled, tokens = embedder.encode_with_tokens(texts)
    assert np.allclose(pooled, embedder.encode(texts), atol=1e-5)
    assert [t.shape[1] for t in tokens] == [DIM, DIM]
    assert all(len(t) >= 5 for t in tokens)
    assert np.allclose(np.linalg.norm(tokens[0], axis=1), 1.0, atol=1e-4)


def test_span_vectors_are_pooled_in_context(embedder: Embedder) -> None:
    text = "Stalin died in 1953. The Chinese signed a truce within a month."
    spans = [[(0, 20), (21, len(text)), (len(text), len(text))]]
    _, _, per_span = embedder.encode_with_spans([text], spans)
    vecs = per_span[0]
    assert vecs.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vecs[:2], axis=1), 1.0, atol=1e-4)
    assert not vecs[2].any()  # an empty span has no tokens
    alone = embedder.encode(["Stalin died in 1953.", "The Chinese signed a truce within a month."])
    assert float(vecs[0] @ alone[0]) > 0.7 and float(vecs[1] @ alone[1]) > 0.7
    assert float(vecs[0] @ alone[0]) > float(vecs[0] @ alone[1])


@given(st.lists(st.integers(min_value=2, max_value=256), max_size=200))
def test_plan_batches_covers_every_text_once_in_small_runs(lengths: list[int]) -> None:
    batches = plan_batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert 1 <= len(batch) <= BATCH_SIZE
        padded = len(batch) * max(lengths[i] for i in batch)
        assert padded <= BATCH_TOKENS or len(batch) == 1
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat)  # similar lengths share a run: little padding


def test_vectors_do_not_depend_on_the_batch(embedder: Embedder) -> None:
    """Bit for bit: the marker batches and de-duplicates freely because of this."""
    texts = [
        f"The Soviets sent {i} advisers to China" + " in the 1950s" * (i % 7) for i in range(80)
    ]
    texts += texts[:5]  # repeats are run once and shared
    spans = [[(0, 12), (4, len(t))] for t in texts]
    pooled, tokens, per_span = embedder.encode_with_spans(texts, spans)
    for i in (0, 3, 41, 79, 82):
        alone, alone_tokens, alone_spans = embedder.encode_with_spans([texts[i]], [spans[i]])
        assert np.array_equal(alone[0], pooled[i])
        assert np.array_equal(alone_tokens[0], tokens[i])
        assert np.array_equal(alone_spans[0], per_span[i])


def test_a_forked_child_gets_its_own_worker_threads(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    pool = embedder._workers()
    assert embedder._workers() is pool
    monkeypatch.setattr(os, "getpid", lambda: -1)  # as in a child after fork()
    assert embedder._workers() is not pool
