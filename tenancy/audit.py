"""The audit trail: every admin action, with who did it (key id and prefix), when, on
what, and a summary of the change. Written in the session of the change itself, so an
action and its entry are committed together. Summaries never hold secrets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tenancy.models import AuditEntry

# Fields whose values never enter a summary: only that they changed.
SECRET_FIELDS = frozenset(
    {
        "llm_api_key",
        "key",
        "api_key",
        "password",
        "token",
        "secret",
        "refresh_token",
        "access_token",
    }
)
MAX_VALUE_CHARS = 200


def summarise(fields: dict[str, Any]) -> dict[str, Any]:
    """A change as the trail keeps it: secrets masked, long texts cut."""
    summary: dict[str, Any] = {}
    for name, value in fields.items():
        if name in SECRET_FIELDS or name.endswith("_encrypted"):
            summary[name] = "(changed)" if value else None
        elif isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
            summary[name] = value[:MAX_VALUE_CHARS] + "…"
        elif isinstance(value, datetime):
            summary[name] = value.isoformat()
        else:
            summary[name] = value
    return summary


def record(
    session: Session,
    *,
    org_id: str,
    actor_key_id: str,
    actor_prefix: str,
    action: str,
    target_type: str,
    target_id: str,
    changes: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            org_id=org_id,
            actor_key_id=actor_key_id[:80],
            actor_prefix=actor_prefix[:20],
            action=action,
            target_type=target_type,
            target_id=target_id[:200],
            summary=summarise(changes or {}),
        )
    )


def entries(
    session: Session,
    *,
    org_id: str | None,
    since: datetime,
    until: datetime,
    action: str | None = None,
    limit: int = 100,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """Made from `since` to `until` (exclusive), newest first; `org_id=None` for the
    whole platform."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.created_at >= since, AuditEntry.created_at < until)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if org_id is not None:
        query = query.where(AuditEntry.org_id == org_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query))
