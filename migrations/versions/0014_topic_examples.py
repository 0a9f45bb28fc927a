"""Guardrail topics' example questions: an assistant's own questions per topic, which the
offline check weighs above the topic's name.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "assistants",
        sa.Column("topic_examples", sa.JSON(), nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    with op.batch_alter_table("assistants") as batch:
        batch.drop_column("topic_examples")
