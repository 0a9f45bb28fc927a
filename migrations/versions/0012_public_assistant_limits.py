"""Public assistants on other sites: daily quotas per visitor, per address and in all,
whether requests without an Origin are answered, whether visitors see the sources; and
the channel each turn came in by.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("visitor_daily_quota", sa.Integer(), nullable=True, server_default="50"),
        sa.Column("address_daily_quota", sa.Integer(), nullable=True, server_default="200"),
        sa.Column("daily_quota", sa.Integer(), nullable=True, server_default="2000"),
        sa.Column(
            "allow_requests_without_origin", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
        sa.Column("show_citations", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def upgrade() -> None:
    with op.batch_alter_table("assistants") as batch:
        for column in columns():
            batch.add_column(column)
    with op.batch_alter_table("turn_records") as batch:
        batch.add_column(sa.Column("channel", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("turn_records") as batch:
        batch.drop_column("channel")
    with op.batch_alter_table("assistants") as batch:
        for column in reversed(columns()):
            batch.drop_column(column.name)
