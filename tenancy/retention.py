"""Retention: turn records, feedback and audit entries older than their organisation's
`retention_days` are purged, periodically in every API process (the deletes are
idempotent, so several processes may run them) and on demand (`cli.py db purge`).
Conversations themselves expire in Redis by their TTL."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from tenancy.db import Database, DatabaseError
from tenancy.models import AuditEntry, Feedback, Organisation, TurnRecord, utcnow
from utils.periodic import Periodic

log = logging.getLogger(__name__)


def purge_expired(db: Database, *, now: datetime | None = None) -> dict[str, int]:
    """Delete what is older than each organisation's retention; counts per table."""
    now = now or utcnow()
    counts = {"turn_records": 0, "feedback": 0, "audit_entries": 0}
    with db.session() as session:
        kept = session.execute(
            select(Organisation.id, Organisation.retention_days).where(
                Organisation.retention_days.is_not(None)
            )
        ).all()
        for org_id, days in kept:
            cutoff = now - timedelta(days=days)
            for name, model in (
                ("turn_records", TurnRecord),
                ("feedback", Feedback),
                ("audit_entries", AuditEntry),
            ):
                result = session.execute(
                    delete(model).where(model.org_id == org_id, model.created_at < cutoff)
                )
                counts[name] += result.rowcount or 0  # type: ignore[attr-defined]
    return counts


class RetentionPurger(Periodic):
    """Runs purge_expired every `interval_seconds` on a daemon thread."""

    def __init__(self, db: Database, *, interval_seconds: float) -> None:
        super().__init__("retention", interval_seconds, self.purge)
        self.db = db

    def purge(self) -> None:
        try:
            counts = purge_expired(self.db)
        except DatabaseError as exc:  # the next round tries again
            log.warning("retention purge failed: %s", type(exc).__name__)
            return
        if any(counts.values()):
            log.info("retention purge", extra={"purged": counts})
