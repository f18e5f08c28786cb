"""Core ``Table`` handles of the ORM classes, for the prebuilt statements of the hot path."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from clio.store.orm import (
    ItemRow,
    LearnerTopicRow,
    ReviewLogRow,
    ReviewStateRow,
    TopicRow,
    UserRow,
)

items = ItemRow.__table__
states = ReviewStateRow.__table__
users = UserRow.__table__
topics = TopicRow.__table__
cursors = cast(Table, LearnerTopicRow.__table__)
states_t = cast(Table, ReviewStateRow.__table__)
logs_t = cast(Table, ReviewLogRow.__table__)
