"""Topics record who uploaded them: ``topics.owner_id`` (nullable; built-in and CLI imports
have none), so one teacher's upload never replaces another teacher's topic.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_FK = "fk_topics_owner_id_users"


def _is_sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def upgrade() -> None:
    if _is_sqlite():
        # A plain ADD COLUMN with its reference inline. (Alembic's batch mode would copy and
        # drop "topics", and dropping it would cascade to every item and review through
        # items.topic_id ... ON DELETE CASCADE.)
        op.execute(
            f"ALTER TABLE topics ADD COLUMN owner_id INTEGER CONSTRAINT {_FK}"
            " REFERENCES users (id) ON DELETE SET NULL"
        )
        return
    op.add_column("topics", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.create_foreign_key(_FK, "topics", "users", ["owner_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    if _is_sqlite():
        op.execute("ALTER TABLE topics DROP COLUMN owner_id")
        return
    op.drop_constraint(_FK, "topics", type_="foreignkey")
    op.drop_column("topics", "owner_id")
