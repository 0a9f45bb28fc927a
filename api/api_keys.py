"""API keys of the caller's organisation: POST|GET /v1/api-keys, DELETE /v1/api-keys/{id}
(revoke). A key is shown once, when created; only its hash and prefix are stored."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify

from api.audit_trail import audited
from api.deps import current_caller, get_services, refuse_when_impersonated
from api.platform_schemas import ApiKeyCreated, ApiKeyIn, ApiKeyList, ApiKeyOut
from api.requests import json_body
from api.routing import Routes
from api.serializers import api_key_out
from tenancy import crud

bp = Blueprint("api_keys", __name__, url_prefix="/v1/api-keys")
routes = Routes(bp, tag="api keys")


@routes.post("", scope="admin", json=ApiKeyIn, ok={201: ApiKeyCreated}, errors=(400, 404, 415, 422))
def create() -> tuple[Response, int]:
    refuse_when_impersonated("making API keys")
    payload = ApiKeyIn.model_validate(json_body())
    with get_services().db.session() as session:
        record, key = crud.create_api_key(
            session,
            org_id=current_caller().org_id,
            name=payload.name,
            scopes=list(payload.scopes),
            assistant_ids=payload.assistant_ids,
            rate_limit=payload.rate_limit,
            expires_at=payload.expires_at,
        )
        audited(session, "api_key.created", "api_key", record.id,
                payload.model_dump(exclude_unset=True))  # fmt: skip
        body = {**api_key_out(record), "key": key, "request_id": g.request_id}
    return jsonify(body), 201


@routes.get("", scope="admin", ok=ApiKeyList)
def list_all() -> Response:
    with get_services().db.session() as session:
        keys = crud.list_api_keys(session, org_id=current_caller().org_id)
        return jsonify({"api_keys": [api_key_out(k) for k in keys]})


@routes.delete("/<key_id>", scope="admin", ok=ApiKeyOut, errors=(404,))
def revoke(key_id: str) -> Response:
    """Revoke a key: every worker refuses it within a second."""
    refuse_when_impersonated("revoking API keys")
    services = get_services()
    with services.db.session() as session:
        key = crud.revoke_api_key(session, org_id=current_caller().org_id, key_id=key_id)
        audited(session, "api_key.revoked", "api_key", key_id, {"prefix": key.prefix})
        body = api_key_out(key)
    services.keys.forget()
    return jsonify(body)
