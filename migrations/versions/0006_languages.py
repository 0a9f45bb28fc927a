"""Languages: an assistant's own messages per language, and each turn's language.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "assistants", sa.Column("messages", sa.JSON(), nullable=False, server_default="{}")
    )
    # Turns recorded before this release have none (shown as "unknown" in analytics).
    op.add_column("turn_records", sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("turn_records") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("assistants") as batch:
        batch.drop_column("messages")
