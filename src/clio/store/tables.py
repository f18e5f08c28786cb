"""Core ``Table`` handles of the ORM classes, for prebuilt statements (the hot path, the export)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from clio.store.orm import (
    DraftRow,
    ItemRow,
    LearnerTopicRow,
    MarkedAnswerRow,
    QuizAttemptRow,
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
topics_t = cast(Table, TopicRow.__table__)
items_t = cast(Table, ItemRow.__table__)
users_t = cast(Table, UserRow.__table__)
attempts_t = cast(Table, QuizAttemptRow.__table__)
marked_t = cast(Table, MarkedAnswerRow.__table__)
drafts_t = cast(Table, DraftRow.__table__)
