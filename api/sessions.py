"""Single sign-on into the web chat: POST /v1/sessions (a key with scope chat) makes a
single-use sign-in link for one end user of one assistant; the web chat redeems it with
POST /v1/sessions/redeem for a session token of its own (sent as X-Session-Token)."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, g, jsonify, request

from api.deps import (
    ASSISTANT_HEADER,
    assistant_for,
    current_caller,
    get_services,
    presented_key,
)
from api.errors import ApiError
from api.platform_schemas import RedeemIn, SessionIn, SessionLink, WebSession
from api.requests import json_body
from api.routing import Routes
from tenancy.keys import hash_key

bp = Blueprint("sessions", __name__, url_prefix="/v1/sessions")
routes = Routes(bp, tag="sessions")

LINK_UNUSABLE = "this sign-in link has expired or was already used: ask for a new one"


@routes.post(
    "", scope="chat", json=SessionIn, ok={201: SessionLink}, errors=(400, 404, 415, 422, 429, 503)
)
def create() -> tuple[Response, int]:
    """A sign-in link for one of your users: opening it signs them into the web chat as
    that user of that assistant (their own conversations), without your key."""
    if g.get("session_user"):
        raise ApiError(403, "a web-chat session cannot open sign-in links", code="forbidden")
    payload = SessionIn.model_validate(json_body())
    caller = current_caller()
    profile = assistant_for(caller, request.headers.get(ASSISTANT_HEADER) or payload.assistant_id)
    services = get_services()
    grant = {
        "org_id": caller.org_id,
        "key_digest": hash_key(presented_key()),
        "assistant_id": profile.id,
        "assistant_name": profile.name,
        "user": payload.user,
        "display_name": payload.display_name,
    }
    token = services.web_sessions.issue_link(grant)
    base = services.settings.web_chat_url.rstrip("/")
    body = {
        "token": token,
        "url": f"{base}/?{urlencode({'sso': token})}",
        "expires_in": services.web_sessions.link_seconds,
        "user": payload.user,
        "assistant_id": profile.id,
        "request_id": g.request_id,
    }
    return jsonify(body), 201


@routes.post(
    "/redeem", scope=None, json=RedeemIn, ok=WebSession, errors=(400, 401, 415, 422, 429, 503)
)
def redeem() -> Response:
    """Consume a sign-in link's token (once) for a web-chat session token."""
    payload = RedeemIn.model_validate(json_body())
    services = get_services()
    opened = services.web_sessions.redeem(payload.token)
    if opened is None:
        raise ApiError(401, LINK_UNUSABLE, code="link_unusable")
    session_token, grant = opened
    return jsonify(
        {
            "session_token": session_token,
            "expires_in": services.web_sessions.session_seconds,
            "user": grant["user"],
            "display_name": grant.get("display_name"),
            "assistant_id": grant["assistant_id"],
            "assistant_name": grant["assistant_name"],
            "request_id": g.request_id,
        }
    )
