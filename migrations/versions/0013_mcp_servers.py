"""MCP servers an organisation registers, and the tools of theirs each assistant may call.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 05:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mcp_servers",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "org_id",
            sa.String(40),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            index=True,
            nullable=False,
        ),  # fmt: skip
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("auth_type", sa.String(30), nullable=False, server_default="none"),
        sa.Column("secret_encrypted", sa.Text(), nullable=True),
        sa.Column("token_url", sa.String(2000), nullable=True),
        sa.Column("client_id", sa.String(300), nullable=True),
        sa.Column("scope", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("org_id", "name"),
    )
    with op.batch_alter_table("assistants") as batch:
        batch.add_column(sa.Column("mcp_tools", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("assistants") as batch:
        batch.drop_column("mcp_tools")
    op.drop_table("mcp_servers")
