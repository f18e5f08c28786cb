"""Shared fixtures for the search tests: the question set and one index per sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.model.topic import Topic
from clio.search.evaluate import Case, build_indexes, load_cases
from clio.search.index import SearchIndex, build_index
from clio.services.topics import load_topic

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "fixtures" / "ask" / "questions.json"


@pytest.fixture(scope="session")
def question_set() -> tuple[dict[str, Topic], list[Case]]:
    """The sheets and questions of tests/fixtures/ask/questions.json."""
    refs, cases = load_cases(QUESTIONS, root=ROOT)
    return {name: load_topic(ref) for name, ref in refs.items()}, cases


@pytest.fixture(scope="session")
def indexes(question_set: tuple[dict[str, Topic], list[Case]]) -> dict[str, SearchIndex]:
    """One hybrid index per sheet of the question set."""
    return build_indexes(question_set[0])


@pytest.fixture(scope="session")
def china_index(china: Topic) -> SearchIndex:
    """The hybrid index of the bundled sheet."""
    return build_index([china])
