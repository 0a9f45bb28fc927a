"""Guardrails on assistants, retention on organisations; turn records, feedback and the
audit trail.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: on SQLite a batch rebuild drops the old
    # table, and with foreign keys on that would cascade to every child row.
    op.add_column("organisations", sa.Column("retention_days", sa.Integer(), nullable=True))
    op.add_column(
        "organisations",
        sa.Column("log_questions", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    for name in ("allowed_topics", "forbidden_topics", "escalation_triggers"):
        op.add_column("assistants", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
    op.add_column(
        "assistants",
        sa.Column("strictness", sa.String(10), nullable=False, server_default="moderate"),
    )
    op.add_column("assistants", sa.Column("refusal_message", sa.Text(), nullable=True))
    op.add_column("assistants", sa.Column("handoff_message", sa.Text(), nullable=True))
    op.add_column("assistants", sa.Column("max_conversation_history", sa.Integer(), nullable=True))
    op.add_column(
        "assistants",
        sa.Column("citation_required", sa.Boolean(), nullable=False, server_default=sa.false()),
    )

    op.create_table(
        "turn_records",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "org_id",
            sa.String(40),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("assistant_id", sa.String(40), nullable=False),
        sa.Column("key_id", sa.String(80), nullable=False),
        sa.Column("conversation_hash", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("stage_ms", sa.JSON(), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("citation_count", sa.Integer(), nullable=False),
        sa.Column("tokens", sa.Integer(), nullable=True),
        sa.Column("question", sa.Text(), nullable=True),
    )
    op.create_index("ix_turn_records_conversation_hash", "turn_records", ["conversation_hash"])
    op.create_index(
        "ix_turn_records_scope_time", "turn_records", ["org_id", "assistant_id", "created_at"]
    )

    op.create_table(
        "feedback",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "org_id",
            sa.String(40),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("assistant_id", sa.String(40), nullable=False),
        sa.Column("key_id", sa.String(80), nullable=False),
        sa.Column("conversation_hash", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("rating", sa.String(4), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.UniqueConstraint("org_id", "conversation_hash", "message_id"),
    )
    op.create_index("ix_feedback_conversation_hash", "feedback", ["conversation_hash"])
    op.create_index("ix_feedback_scope_time", "feedback", ["org_id", "assistant_id", "created_at"])

    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("org_id", sa.String(40), nullable=False),
        sa.Column("actor_key_id", sa.String(80), nullable=False),
        sa.Column("actor_prefix", sa.String(20), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("target_type", sa.String(40), nullable=False),
        sa.Column("target_id", sa.String(200), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_index("ix_audit_entries_created_at", "audit_entries", ["created_at"])
    op.create_index("ix_audit_org_time", "audit_entries", ["org_id", "created_at"])


def downgrade() -> None:
    op.drop_table("audit_entries")
    op.drop_table("feedback")
    op.drop_table("turn_records")
    with op.batch_alter_table("assistants", schema=None) as batch_op:
        for name in (
            "citation_required", "max_conversation_history", "handoff_message",
            "refusal_message", "strictness", "escalation_triggers", "forbidden_topics",
            "allowed_topics",
        ):  # fmt: skip
            batch_op.drop_column(name)
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("log_questions")
        batch_op.drop_column("retention_days")
