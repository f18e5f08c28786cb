"""Database fixtures for these tests (see tests/store/db_fixtures.py) and the sample kit."""

import pytest

from clio.model.items import Kit
from clio.model.topic import Topic
from clio.services.learning import kits as learning_kits
from tests.store.db_fixtures import (  # noqa: F401
    db_url,
    postgres_module_db,
    postgres_template,
    sqlite_template,
    store,
    store_url,
)
from tests.store.kits import sample_kit


@pytest.fixture
def kit(monkeypatch: pytest.MonkeyPatch) -> Kit:
    """Every import gives the hand-made sample kit: 4 cards, 5 quiz questions, 1 source, 1 essay."""
    made = sample_kit()

    def fake(topic: Topic, *, seed: int = 0) -> Kit:
        return made

    monkeypatch.setattr(learning_kits, "make_kit_for", fake)
    return made
