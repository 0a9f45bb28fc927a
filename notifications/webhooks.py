"""Webhooks of an organisation: made, listed, deleted; an event becomes one delivery per
webhook that chose it, each sent (and retried) by the task queue.

A delivery is a POST of `{"event", "id", "created_at", "data"}` with the header
`X-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the
webhook's secret: the receiver recomputes it, and refuses old timestamps (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.documents.crawler import SafeFetcher
from tenancy.crud import NotFound
from tenancy.db import Database
from tenancy.models import Webhook, WebhookDelivery, new_id, utcnow
from tenancy.secrets_box import SecretsBox
from utils.outbound import AddressRefused, check_outbound_url

log = logging.getLogger(__name__)

EVENTS = (
    "conversation.escalated",
    "feedback.negative",
    "document.failed",
    "document.completed",
    "source.failed",
)
SIGNATURE_HEADER = "X-Webhook-Signature"
MAX_BACKOFF_S = 3600.0


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def check_url(url: str, *, allowed_hosts: list[str]) -> None:
    """HTTPS to a public address (an allowed host may use http: a local receiver)."""
    check_outbound_url(url, allowed_hosts=allowed_hosts, require_https=True,
                       allow_setting="WEBHOOK_ALLOWED_HOSTS")  # fmt: skip


def create(session: Session, box: SecretsBox, *, org_id: str, url: str,
           events: list[str]) -> tuple[Webhook, str]:  # fmt: skip
    secret = "whsec_" + secrets.token_urlsafe(32)
    record = Webhook(id=new_id("wh"), org_id=org_id, url=url, events=sorted(set(events)),
                     secret_encrypted=box.encrypt(secret), active=True)  # fmt: skip
    session.add(record)
    session.flush()
    return record, secret


def get(session: Session, *, org_id: str, webhook_id: str) -> Webhook:
    record = session.get(Webhook, webhook_id)
    if record is None or record.org_id != org_id:
        raise NotFound("webhook", webhook_id)
    return record


def list_all(session: Session, *, org_id: str) -> list[Webhook]:
    query = select(Webhook).where(Webhook.org_id == org_id)
    return list(session.scalars(query.order_by(Webhook.created_at, Webhook.id)))


def deliveries(session: Session, *, org_id: str, webhook_id: str,
               limit: int = 100) -> list[WebhookDelivery]:  # fmt: skip
    get(session, org_id=org_id, webhook_id=webhook_id)
    query = select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
    return list(session.scalars(query.order_by(WebhookDelivery.created_at.desc()).limit(limit)))


def webhook_out(record: Webhook) -> dict[str, Any]:
    return {"id": record.id, "url": record.url, "events": record.events,
            "active": record.active, "created_at": record.created_at.isoformat()}  # fmt: skip


def delivery_out(record: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": record.id, "webhook_id": record.webhook_id, "event": record.event,
        "event_id": record.event_id, "status": record.status, "attempts": record.attempts,
        "response_status": record.response_status, "error": record.error,
        "created_at": record.created_at.isoformat(),
        "delivered_at": record.delivered_at.isoformat() if record.delivered_at else None,
    }  # fmt: skip


def record_event(session: Session, *, org_id: str, event: str,
                 data: dict[str, Any]) -> list[str]:  # fmt: skip
    """One pending delivery per active webhook of the organisation that chose `event`;
    their ids (the caller sends them to the queue once the session commits)."""
    event_id = new_id("evt")
    body = json.dumps({"event": event, "id": event_id, "created_at": utcnow().isoformat(),
                       "data": data}, separators=(",", ":"))  # fmt: skip
    made = []
    for hook in list_all(session, org_id=org_id):
        if hook.active and event in hook.events:
            delivery = WebhookDelivery(id=new_id("dlv"), webhook_id=hook.id, org_id=org_id,
                                       event=event, event_id=event_id, body=body)  # fmt: skip
            session.add(delivery)
            made.append(delivery.id)
    return made


@dataclass(frozen=True)
class Attempt:
    """How one attempt went; `retry_in` asks the queue to try again then."""

    status: str  # delivered | failed | retry | gone
    retry_in: float | None = None


class Deliverer:
    def __init__(
        self, *, db: Database, box: SecretsBox, fetcher: Callable[[], SafeFetcher],
        max_attempts: int, retry_base_s: float,
    ) -> None:  # fmt: skip
        self.db = db
        self.box = box
        self.fetcher = fetcher
        self.max_attempts = max_attempts
        self.retry_base_s = retry_base_s

    def deliver(self, delivery_id: str) -> Attempt:
        with self.db.session() as session:
            delivery = session.get(WebhookDelivery, delivery_id)
            hook = session.get(Webhook, delivery.webhook_id) if delivery else None
            if delivery is None or hook is None or delivery.status != "pending":
                return Attempt("gone")  # deleted, or sent already (a message delivered again)
            url, body = hook.url, delivery.body.encode()
            secret = self.box.decrypt(hook.secret_encrypted)
        status_code, error = self._post(url, secret, body, delivery_id)
        with self.db.session() as session:
            delivery = session.get(WebhookDelivery, delivery_id)
            if delivery is None:
                return Attempt("gone")
            delivery.attempts += 1
            delivery.response_status = status_code
            delivery.error = error
            if error is None:
                delivery.status, delivery.delivered_at = "delivered", utcnow()
                return Attempt("delivered")
            if delivery.attempts >= self.max_attempts:
                delivery.status = "failed"
                return Attempt("failed")
            delay = min(MAX_BACKOFF_S, self.retry_base_s * 2 ** (delivery.attempts - 1))
            return Attempt("retry", retry_in=delay)

    def _post(self, url: str, secret: str, body: bytes,
              delivery_id: str) -> tuple[int | None, str | None]:  # fmt: skip
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(secret, int(time.time()), body),
            "X-Webhook-Delivery": delivery_id,
        }
        fetcher = self.fetcher()
        try:
            response = fetcher.post(url, content=body, headers=headers)
        except AddressRefused as exc:
            return None, str(exc)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:500]
        finally:
            fetcher.close()
        if 200 <= response.status_code < 300:
            return response.status_code, None
        return response.status_code, f"the receiver answered {response.status_code}"
