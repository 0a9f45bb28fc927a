"""Webhooks of the caller's organisation: POST|GET /v1/webhooks, GET|DELETE
/v1/webhooks/{id}, GET /v1/webhooks/{id}/deliveries. The secret is shown once."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from pydantic import Field, field_validator

from api.audit_trail import audited
from api.deps import current_caller, get_services, refuse_when_impersonated
from api.errors import ApiError
from api.platform_schemas import Deleted, Strict
from api.requests import json_body
from api.routing import Routes
from notifications import webhooks
from utils.outbound import AddressRefused

bp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks")
routes = Routes(bp, tag="webhooks")


class WebhookIn(Strict):
    url: str = Field(..., min_length=1, max_length=2000)
    events: list[str] = Field(..., min_length=1, max_length=len(webhooks.EVENTS))

    @field_validator("events")
    @classmethod
    def known(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(webhooks.EVENTS))
        if unknown:
            raise ValueError(f"unknown events {unknown}; known: {', '.join(webhooks.EVENTS)}")
        return value


class WebhookOut(Strict):
    id: str
    url: str
    events: list[str]
    active: bool
    created_at: str
    secret: str | None = None
    request_id: str | None = None


class WebhookList(Strict):
    webhooks: list[WebhookOut]
    request_id: str | None = None


class DeliveryOut(Strict):
    id: str
    webhook_id: str
    event: str
    event_id: str
    status: str
    attempts: int
    response_status: int | None
    error: str | None
    created_at: str
    delivered_at: str | None


class DeliveryList(Strict):
    deliveries: list[DeliveryOut]
    request_id: str | None = None


@routes.post("", scope="admin", json=WebhookIn, ok={201: WebhookOut},
             errors=(400, 413, 415, 422))  # fmt: skip
def create() -> tuple[Response, int]:
    """An HTTPS endpoint told of the chosen events; each body is signed with the secret
    returned here (once): `X-Webhook-Signature: t=<unix>,v1=<hex HMAC-SHA256("<t>.<body>")>`."""
    refuse_when_impersonated("making webhooks (their secrets)")
    payload = WebhookIn.model_validate(json_body())
    settings = current_app.config["SETTINGS"]
    try:
        webhooks.check_url(payload.url, allowed_hosts=settings.webhook_hosts)
    except AddressRefused as exc:
        raise ApiError(422, str(exc)) from exc
    services = get_services()
    with services.db.session() as session:
        record, secret = webhooks.create(session, services.box, org_id=current_caller().org_id,
                                         url=payload.url, events=payload.events)  # fmt: skip
        audited(session, "webhook.created", "webhook", record.id, payload.model_dump())
        body = {**webhooks.webhook_out(record), "secret": secret}
    return jsonify(body), 201


@routes.get("", scope="admin", ok=WebhookList)
def list_all() -> Response:
    with get_services().db.session() as session:
        records = webhooks.list_all(session, org_id=current_caller().org_id)
        return jsonify({"webhooks": [webhooks.webhook_out(r) for r in records]})


@routes.get("/<webhook_id>", scope="admin", ok=WebhookOut, errors=(404,))
def get(webhook_id: str) -> Response:
    with get_services().db.session() as session:
        record = webhooks.get(session, org_id=current_caller().org_id, webhook_id=webhook_id)
        return jsonify(webhooks.webhook_out(record))


@routes.delete("/<webhook_id>", scope="admin", ok=Deleted, errors=(404,))
def delete(webhook_id: str) -> Response:
    with get_services().db.session() as session:
        record = webhooks.get(session, org_id=current_caller().org_id, webhook_id=webhook_id)
        session.delete(record)
        audited(session, "webhook.deleted", "webhook", webhook_id, {"url": record.url})
    return jsonify({"id": webhook_id, "deleted": True})


@routes.get("/<webhook_id>/deliveries", scope="admin", ok=DeliveryList, errors=(400, 404))
def deliveries(webhook_id: str) -> Response:
    """The latest deliveries (`?limit=`, at most 500), newest first, with each one's
    status (pending, delivered, failed), attempts and the receiver's last answer."""
    try:
        limit = min(500, max(1, int(request.args.get("limit", "100"))))
    except ValueError as exc:
        raise ApiError(400, "limit: a whole number") from exc
    with get_services().db.session() as session:
        records = webhooks.deliveries(session, org_id=current_caller().org_id,
                                      webhook_id=webhook_id, limit=limit)  # fmt: skip
        return jsonify({"deliveries": [webhooks.delivery_out(r) for r in records]})
