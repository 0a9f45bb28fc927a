"""Documents record how many of their pages were read by OCR, and how sure it was.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents", sa.Column("ocr_pages", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("documents", sa.Column("ocr_confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("ocr_confidence")
        batch.drop_column("ocr_pages")
