"""Fixtures for the marker tests: the bundled sheet's source questions, loaded once."""

from __future__ import annotations

import pytest

from clio.embed import Embedder, get_embedder
from clio.model.items import SourceQuestion


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The embedding model, loaded once per test session."""
    return get_embedder()


@pytest.fixture(scope="session")
def source_questions(embedder: Embedder) -> dict[str, SourceQuestion]:
    """The bundled sheet's source questions by style (inference, usefulness...)."""
    from clio.generate.source_questions import make_source_questions
    from clio.services.topics import load_topic

    questions = make_source_questions(load_topic("china-and-the-ussr"), seed=1)
    return {q.style: q for q in questions if q.source_id}
