"""Recording admin actions from views: the actor is the calling key."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.deps import current_caller, get_services
from tenancy import audit


def audited(
    session: Session,
    action: str,
    target_type: str,
    target_id: str,
    changes: dict[str, Any] | None = None,
    *,
    org_id: str | None = None,
) -> None:
    """Add the entry to `session`, so it commits (or not) with the change itself."""
    caller = current_caller()
    if caller.impersonator:  # both identities: who did it, and as whom
        changes = {**(changes or {}), "impersonated_by": caller.impersonator}
    audit.record(
        session,
        org_id=org_id or caller.org_id,
        actor_key_id=caller.key_id,
        actor_prefix=caller.prefix,
        action=action,
        target_type=target_type,
        target_id=target_id,
        changes=changes,
    )


def audit_now(
    action: str, target_type: str, target_id: str, changes: dict[str, Any] | None = None
) -> None:
    """For actions done outside a database session of the view (deletions of points,
    queued uploads): the entry in a session of its own, after the action succeeded."""
    with get_services().db.session() as session:
        audited(session, action, target_type, target_id, changes)
