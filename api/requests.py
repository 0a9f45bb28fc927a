"""Request parsing shared by the views: JSON bodies and ids, with errors that say what
to change."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import current_app, request
from pydantic import ValidationError

from api.errors import ApiError
from api.schemas import ConversationId

CONVERSATION_HEADER = "X-Conversation-Id"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a 413/415/400/422 that says what was wrong."""
    limit = current_app.config["SETTINGS"].max_request_bytes
    if (request.content_length or 0) > limit:
        raise ApiError(413, f"request body exceeds {limit} bytes")
    if not request.is_json:
        raise ApiError(415, "send a JSON body with Content-Type: application/json")
    try:
        body = json.loads(request.get_data(cache=True))
    except RecursionError as exc:  # json.loads recurses once per level of [ or {
        raise ApiError(400, "the JSON body is nested too deeply") from exc
    except ValueError as exc:
        raise ApiError(400, "the request body is not valid JSON") from exc
    if not isinstance(body, dict):
        kind = "null" if body is None else type(body).__name__
        raise ApiError(422, f"the JSON body must be an object, not {kind}")
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


def existing_conversation_id(conversation_id: str) -> str:
    """A path id that could never have been created names no conversation: 404."""
    try:
        return ConversationId(conversation_id=conversation_id).conversation_id
    except ValidationError as exc:
        raise ApiError(404, "no such conversation (never started, deleted or expired)") from exc


def idempotency_key() -> str | None:
    """The Idempotency-Key header: a retry with the same key gets the first reply."""
    value = request.headers.get(IDEMPOTENCY_HEADER)
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z0-9._:-]{1,128}", value):
        raise ApiError(
            400, f"invalid {IDEMPOTENCY_HEADER}: use 1-128 characters of A-Z a-z 0-9 . _ : -"
        )
    return value
