"""A question embedded alone (one-thread session) gets the vector it gets in a batch."""

from __future__ import annotations

import numpy as np

from clio.embed import get_embedder


def test_single_text_matches_batch() -> None:
    embedder = get_embedder()
    texts = ["Who was president when Saigon fell?", "How many communes were there by 1958?"]
    batch = embedder.encode(texts)
    for row, text in enumerate(texts):
        alone = embedder.encode([text])[0]
        assert np.allclose(alone, batch[row], atol=1e-5)
