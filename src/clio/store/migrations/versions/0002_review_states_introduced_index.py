"""Index review states by learner and introduction time (daily new-item limit).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_review_states_learner_introduced",
        "review_states",
        ["learner_id", "introduced_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_review_states_learner_introduced", table_name="review_states")
