"""What the rest of the service calls to tell someone: an event for the organisation's
webhooks, a mail. Both only queue work (sent by the task queue's workers); a failure to
queue is logged, never the failure of the action that caused it."""

from __future__ import annotations

import logging
from typing import Any

from config import Settings
from ingestion.queue import IngestionQueue, QueueUnavailable
from notifications import webhooks
from tenancy.db import Database
from tenancy.models import Organisation

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, *, db: Database, queue: IngestionQueue, settings: Settings) -> None:
        self.db = db
        self.queue = queue
        self.settings = settings

    def emit(self, org_id: str, event: str, data: dict[str, Any]) -> None:
        try:
            with self.db.session() as session:
                made = webhooks.record_event(session, org_id=org_id, event=event, data=data)
            for delivery_id in made:
                self.queue.enqueue_webhook(delivery_id)
        except Exception:  # the action that caused the event has happened all the same
            log.exception("webhook event %s not queued", event)

    def mail(self, *, to: str, subject: str, text: str) -> None:
        if not self.settings.smtp_host:
            return
        try:
            self.queue.enqueue_mail(to=to, subject=subject, text=text)
        except QueueUnavailable:
            log.warning("mail not queued: the task queue is unavailable")

    def escalated(self, *, org_id: str, conversation_id: str, assistant_id: str,
                  question: str, reason: str) -> None:  # fmt: skip
        """A conversation handed over to a person: the webhooks, and a mail to the
        organisation's escalation address with a link to the conversation."""
        data = {"conversation_id": conversation_id, "assistant_id": assistant_id,
                "question": question, "reason": reason}  # fmt: skip
        self.emit(org_id, "conversation.escalated", data)
        with self.db.session() as session:
            org = session.get(Organisation, org_id)
            address = org.escalation_email if org else None
        if address:
            link = f"{self.settings.public_url_or_local}/?conversation={conversation_id}"
            self.mail(
                to=address, subject="A conversation needs a person",
                text=f"The assistant handed a conversation over ({reason}).\n\n"
                     f"Question: {question}\n\nConversation: {link}\n",
            )  # fmt: skip
