"""Sample questions of assistants (the web chat offers them to start a conversation).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The default assistant answers from the bundled sample knowledge base: these were the
# web chat's examples for every organisation before they became an assistant's own.
DEFAULT_ASSISTANT_ID = "asst_default"
SAMPLE_KB_QUESTIONS = [
    "How do I start the service?",
    "How long are conversations kept?",
    "Which language models can I use?",
    "What does a 429 error mean?",
]


def upgrade() -> None:
    op.add_column(
        "assistants", sa.Column("sample_questions", sa.JSON(), nullable=False, server_default="[]")
    )
    assistants = sa.table("assistants", sa.column("id"), sa.column("sample_questions", sa.JSON))
    op.execute(
        assistants.update()
        .where(assistants.c.id == DEFAULT_ASSISTANT_ID)
        .values(sample_questions=SAMPLE_KB_QUESTIONS)
    )


def downgrade() -> None:
    with op.batch_alter_table("assistants") as batch:
        batch.drop_column("sample_questions")
