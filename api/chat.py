"""POST /v1/chat: one turn of a conversation."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, jsonify, request
from pydantic import ValidationError

from api.auth import require_api_key
from api.errors import ApiError
from api.openapi import document, responses
from api.schemas import (
    ChatHeaders,
    ChatRequest,
    ChatResponse,
    ConversationId,
    ConversationResponse,
    DeletedConversation,
)
from api.sse import sse_response, wants_event_stream

bp = Blueprint("chat", __name__, url_prefix="/v1")

CONVERSATION_HEADER = "X-Conversation-Id"


def json_body() -> dict:
    """The request's JSON object, or a 413/415/400 that says what was wrong."""
    limit = current_app.config["SETTINGS"].max_request_bytes
    if (request.content_length or 0) > limit:
        raise ApiError(413, f"request body exceeds {limit} bytes")
    if not request.is_json:
        raise ApiError(415, "send a JSON body with Content-Type: application/json")
    body = request.get_json(silent=True)
    if body is None:
        raise ApiError(400, "the request body is not valid JSON")
    if not isinstance(body, dict):
        raise ApiError(422, "the JSON body must be an object")
    return body


def conversation_id_from(value: str | None, *, source: str) -> str:
    if not value:
        raise ApiError(400, f"missing {source}")
    try:
        return ConversationId(conversation_id=value).conversation_id
    except ValidationError as exc:
        raise ApiError(
            400, f"invalid {source}: use 1-128 characters of A-Z a-z 0-9 . _ : -"
        ) from exc


@bp.post("/chat")
@document(
    json=ChatRequest,
    headers=ChatHeaders,
    resp=responses({"HTTP_200": ChatResponse}, 400, 401, 409, 413, 415, 422, 429, 503),
    tags=["chat"],
    security={"ApiKey": []},
)
def chat() -> Response:
    owner = require_api_key(current_app.config["SETTINGS"].api_keys)
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    payload = ChatRequest.model_validate(json_body())
    service = current_app.extensions["chat_service"]()
    turn = {"owner": owner, "conversation_id": conversation_id, "message": payload.message}
    if wants_event_stream(request.headers.get("Accept", "")):
        events = service.stream_chat(**turn)
        return sse_response(_with_request_id(events))
    reply = service.chat(**turn)
    return jsonify({**reply.to_dict(), "request_id": g.request_id})


def _with_request_id(events):  # type: ignore[no-untyped-def]
    for event, data in events:
        yield event, ({**data, "request_id": g.request_id} if event == "done" else data)


def _existing_id(conversation_id: str) -> str:
    """A path id that could never have been created names no conversation: 404."""
    try:
        return ConversationId(conversation_id=conversation_id).conversation_id
    except ValidationError as exc:
        raise ApiError(404, "no such conversation (never started, deleted or expired)") from exc


@bp.get("/conversations/<conversation_id>")
@document(
    resp=responses({"HTTP_200": ConversationResponse}, 400, 401, 404, 503),
    tags=["conversations"],
    security={"ApiKey": []},
)
def get_conversation(conversation_id: str) -> Response:
    owner = require_api_key(current_app.config["SETTINGS"].api_keys)
    conversation_id = _existing_id(conversation_id)
    service = current_app.extensions["chat_service"]()
    messages = service.history(owner=owner, conversation_id=conversation_id)
    if messages is None:
        raise ApiError(404, "no such conversation (never started, deleted or expired)")
    return jsonify(
        {"conversation_id": conversation_id, "messages": messages, "request_id": g.request_id}
    )


@bp.delete("/conversations/<conversation_id>")
@document(
    resp=responses({"HTTP_200": DeletedConversation}, 400, 401, 404, 503),
    tags=["conversations"],
    security={"ApiKey": []},
)
def delete_conversation(conversation_id: str) -> Response:
    owner = require_api_key(current_app.config["SETTINGS"].api_keys)
    conversation_id = _existing_id(conversation_id)
    service = current_app.extensions["chat_service"]()
    if not service.delete(owner=owner, conversation_id=conversation_id):
        raise ApiError(404, "no such conversation (never started, deleted or expired)")
    return jsonify(
        {"deleted": True, "conversation_id": conversation_id, "request_id": g.request_id}
    )
