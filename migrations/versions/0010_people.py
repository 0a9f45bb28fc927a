"""People: users, their roles in organisations, one-time links, refresh tokens, single
sign-on providers, webhooks and their deliveries, each organisation's escalation address.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _org(nullable: bool = False) -> sa.Column:
    return sa.Column("org_id", sa.String(40), sa.ForeignKey("organisations.id", ondelete="CASCADE"),
                     nullable=nullable, index=True)  # fmt: skip


def _user(nullable: bool = False, index: bool = True) -> sa.Column:
    return sa.Column("user_id", sa.String(40), sa.ForeignKey("users.id", ondelete="CASCADE"),
                     nullable=nullable, index=index)  # fmt: skip


def _when(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("escalation_email", sa.String(320), nullable=True))
    op.create_table(
        "users",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("platform_admin", sa.Boolean(), nullable=False),
        _when("created_at", nullable=False),
        _when("last_login_at"),
    )
    op.create_table(
        "memberships",
        sa.Column("id", sa.String(40), primary_key=True),
        _user(),
        _org(),
        sa.Column("role", sa.String(20), nullable=False),
        _when("created_at", nullable=False),
        sa.UniqueConstraint("user_id", "org_id"),
    )
    op.create_table(
        "one_time_tokens",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _org(nullable=True),
        _user(nullable=True, index=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("created_by", sa.String(80), nullable=False),
        _when("expires_at", nullable=False),
        _when("used_at"),
        _when("created_at", nullable=False),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("family_id", sa.String(40), nullable=False, index=True),
        _user(),
        sa.Column(
            "org_id",
            sa.String(40),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),  # fmt: skip
        sa.Column("token_hash", sa.String(64), nullable=False),
        _when("expires_at", nullable=False),
        _when("replaced_at"),
        _when("revoked_at"),
        _when("created_at", nullable=False),
    )
    op.create_table(
        "webhooks",
        sa.Column("id", sa.String(40), primary_key=True),
        _org(),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("secret_encrypted", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "webhook_id",
            sa.String(40),
            sa.ForeignKey("webhooks.id", ondelete="CASCADE"),
            nullable=False,
        ),  # fmt: skip
        sa.Column("org_id", sa.String(40), nullable=False, index=True),
        sa.Column("event", sa.String(60), nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        _when("created_at", nullable=False),
        _when("delivered_at"),
    )
    op.create_index("ix_deliveries_hook_time", "webhook_deliveries", ["webhook_id", "created_at"])
    op.create_table(
        "sso_configs",
        sa.Column("id", sa.String(40), primary_key=True),
        _org(),
        sa.Column("issuer", sa.String(500), nullable=False),
        sa.Column("client_id", sa.String(300), nullable=False),
        sa.Column("client_secret_encrypted", sa.Text(), nullable=True),
        sa.Column("allowed_domains", sa.JSON(), nullable=False),
        sa.Column("default_role", sa.String(20), nullable=False),
        sa.Column("endpoints", sa.JSON(), nullable=False),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
        sa.UniqueConstraint("org_id"),
    )


def downgrade() -> None:
    op.drop_index("ix_deliveries_hook_time", "webhook_deliveries")
    for table in ("sso_configs", "webhook_deliveries", "webhooks", "refresh_tokens",
                  "one_time_tokens", "memberships", "users"):  # fmt: skip
        op.drop_table(table)
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("escalation_email")
