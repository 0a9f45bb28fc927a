"""The audit trail: GET /v1/audit (an organisation's admins, their organisation only)
and GET /v1/admin/audit (platform admins, every organisation or `?org_id=`)."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, request

from api.deps import current_caller, get_services
from api.platform_schemas import AuditList
from api.requests import id_cursor, page_size, time_range
from api.routing import PLATFORM_ADMIN, Routes
from api.serializers import audit_entry_out
from tenancy import audit

bp = Blueprint("audit", __name__, url_prefix="/v1")
routes = Routes(bp, tag="audit")


def _listing(org_id: str | None) -> Response:
    since, until = time_range(default_days=3650)
    limit = page_size()
    before = id_cursor("before")
    with get_services().db.session() as session:
        rows = audit.entries(
            session, org_id=org_id, action=request.args.get("action") or None,
            since=since, until=until, limit=limit, before_id=before,
        )  # fmt: skip
        entries = [audit_entry_out(row) for row in rows]
    return jsonify({"entries": entries, "request_id": g.request_id})


@routes.get("/audit", scope="insights:read", ok=AuditList, errors=(400,))
def organisation_trail() -> Response:
    """The organisation's admin actions, newest first (`?action=&from=&to=&limit=&before=`,
    `before` an entry id for the next page)."""
    return _listing(current_caller().org_id)


@routes.get("/admin/audit", scope=PLATFORM_ADMIN, ok=AuditList, errors=(400,), tag="platform admin")
def platform_trail() -> Response:
    """Every organisation's admin actions (`?org_id=` for one)."""
    return _listing(request.args.get("org_id") or None)
