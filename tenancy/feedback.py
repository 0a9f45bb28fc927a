"""Feedback on answers: one rating per message (replaced when given again), kept with
the question, the answer and its citations so a bad answer leads to its documents."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tenancy.models import Feedback, TurnRecord, new_id


def save(
    session: Session,
    *,
    org_id: str,
    assistant_id: str,
    key_id: str,
    conversation_hash: str,
    message_id: str,
    rating: str,
    comment: str | None,
    question: str | None,
    answer: str,
    citations: list[dict[str, Any]],
) -> tuple[Feedback, bool]:
    """The message's feedback, created or replaced; True when it was new."""
    existing = session.scalar(
        select(Feedback).where(
            Feedback.org_id == org_id,
            Feedback.conversation_hash == conversation_hash,
            Feedback.message_id == message_id,
        )
    )
    if existing is not None:
        existing.rating, existing.comment, existing.key_id = rating, comment, key_id[:80]
        session.flush()
        return existing, False
    feedback = Feedback(
        id=new_id("fb"),
        org_id=org_id,
        assistant_id=assistant_id,
        key_id=key_id[:80],
        conversation_hash=conversation_hash,
        message_id=message_id,
        rating=rating,
        comment=comment,
        question=question,
        answer=answer,
        citations=citations,
    )
    session.add(feedback)
    session.flush()
    return feedback, True


def listed(
    session: Session,
    *,
    org_id: str,
    since: datetime,
    until: datetime,
    assistant_id: str | None = None,
    rating: str | None = None,
    limit: int = 1000,
) -> list[Feedback]:
    """Rated from `since` to `until` (exclusive), newest first."""
    query = (
        select(Feedback)
        .where(Feedback.org_id == org_id, Feedback.updated_at >= since, Feedback.updated_at < until)
        .order_by(Feedback.updated_at.desc(), Feedback.id)
        .limit(limit)
    )
    if assistant_id:
        query = query.where(Feedback.assistant_id == assistant_id)
    if rating:
        query = query.where(Feedback.rating == rating)
    return list(session.scalars(query))


def of_conversation(
    session: Session, *, org_id: str, conversation_hash: str
) -> dict[str, Feedback]:
    """The conversation's feedback by message id."""
    rows = session.scalars(
        select(Feedback).where(
            Feedback.org_id == org_id, Feedback.conversation_hash == conversation_hash
        )
    )
    return {row.message_id: row for row in rows}


def forget_conversation(session: Session, *, org_id: str, conversation_hash: str) -> None:
    """A deleted conversation leaves no turn records or feedback behind."""
    for model in (TurnRecord, Feedback):
        session.execute(
            delete(model).where(
                model.org_id == org_id, model.conversation_hash == conversation_hash
            )
        )
