"""GET /v1/me: what the presented key (or web-chat session) may do, so a client shows
only what it may use (the web chat shows its Admin link to admin keys alone)."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify

from api.deps import ANY_SCOPE, current_caller
from api.platform_schemas import CallerOut
from api.routing import Routes

bp = Blueprint("me", __name__, url_prefix="/v1")
routes = Routes(bp, tag="api-keys")


@routes.get("/me", scope=ANY_SCOPE, ok=CallerOut)
def me() -> Response:
    """The caller: its key's id and visible prefix, scopes, assistants (null: all of the
    organisation's), whether it is a platform admin, and the end user of a session."""
    caller = current_caller()
    return jsonify(
        {
            "key_id": caller.key_id,
            "prefix": caller.prefix,
            "org_id": caller.org_id,
            "scopes": sorted(caller.scopes),
            "assistant_ids": list(caller.assistant_ids) if caller.assistant_ids else None,
            "platform_admin": caller.platform_admin,
            "session_user": g.get("session_user"),
            "request_id": g.request_id,
        }
    )
