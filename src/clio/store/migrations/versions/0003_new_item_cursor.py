"""Fast new-item search: per-learner topic cursors, a (topic, position) index, due index by item.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learner_topics",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("new_cursor", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["users.id"],
            name=op.f("fk_learner_topics_learner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_learner_topics_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("learner_id", "topic_id", name=op.f("pk_learner_topics")),
    )
    op.create_index("ix_items_topic_position", "items", ["topic_id", "position"], unique=False)
    op.drop_index("ix_review_states_learner_due", table_name="review_states")
    op.create_index(
        "ix_review_states_learner_due",
        "review_states",
        ["learner_id", "due", "item_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_review_states_learner_due", table_name="review_states")
    op.create_index(
        "ix_review_states_learner_due", "review_states", ["learner_id", "due"], unique=False
    )
    op.drop_index("ix_items_topic_position", table_name="items")
    op.drop_table("learner_topics")
