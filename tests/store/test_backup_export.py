"""The streamed progress export: the same text as ``json.dumps`` of the whole export."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clio.errors import NotFoundError
from clio.schedule.memory import Rating
from clio.services import learning, progress
from clio.store import accounts, backup_export
from clio.store.database import Store
from tests.store.kits import card, mcq

NOW = datetime(2026, 2, 1, 8, tzinfo=UTC)

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _standard(value: object) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True)


@given(_json)
def test_dumps_writes_what_json_dumps_writes(value: object) -> None:
    assert backup_export.dumps(value) == _standard(value)


def test_dumps_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        backup_export.dumps({"when": NOW})


def _studied(store: Store) -> None:
    from clio.store import topics_repo

    with store.write() as session:
        topics_repo.save_topic_items(
            session, name="china", title="Chïna", source_text="notes ü", items=[card(1), mcq(1)],
            now=NOW,
        )  # fmt: skip
        ann = accounts.create_user(session, name="ann", now=NOW)
        accounts.create_user(session, name="bob", now=NOW)
        items = topics_repo.topic_items(session, topics_repo.get_topic(session, "china").id)
    for step in range(3):
        learning.answer_card(
            store, learner_id=ann.id, item_id=items[0].id, rating=Rating.GOOD,
            now=NOW + timedelta(days=step),
        )  # fmt: skip
    learning.answer_quiz(store, learner_id=ann.id, item_id=items[1].id, given="b", now=NOW)


def test_streamed_export_is_the_dumped_export(store: Store) -> None:
    _studied(store)
    for learners in (None, ["ann"], []):
        out = io.StringIO()
        progress.write_progress(store, out, learners=learners)
        data = progress.export_progress(store, learners=learners)
        assert out.getvalue() == _standard(data)
        assert json.loads(out.getvalue()) == data
    assert [len(x["reviews"]) for x in progress.export_progress(store)["learners"]] == [4, 0]


def test_a_missing_learner_writes_nothing(store: Store) -> None:
    _studied(store)
    out = io.StringIO()
    with pytest.raises(NotFoundError, match="'zed'"):
        progress.write_progress(store, out, learners=["ann", "zed"])
    assert out.getvalue() == ""
