"""OpenAI-compatible endpoints, so OpenAI SDKs and chat front ends can use the service as
a model: POST /v1/chat/completions (stream and non-stream) and GET /v1/models.

The conversation is remembered server-side: its id comes from X-Conversation-Id or the
request's `user` field, and only the last user message is taken from `messages`. With
neither, each request is a new conversation. Citations ride in an extra `citations` field.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from api.auth import require_api_key
from api.chat import CONVERSATION_HEADER, conversation_id_from, json_body
from api.errors import ApiError
from api.openapi import document, responses
from api.schemas import ChatCompletionRequest, ChatCompletionResponse, ModelList
from api.sse import sse_response

bp = Blueprint("openai", __name__, url_prefix="/v1")

MODEL_ID = "grounded-chat"


@bp.get("/models")
@document(resp=responses({"HTTP_200": ModelList}, 401), tags=["openai"], security={"ApiKey": []})
def models() -> Response:
    require_api_key(current_app.config["SETTINGS"].api_keys)
    return jsonify(
        {
            "object": "list",
            "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": MODEL_ID}],
        }
    )


@bp.post("/chat/completions")
@document(
    json=ChatCompletionRequest,
    resp=responses({"HTTP_200": ChatCompletionResponse}, 400, 401, 409, 413, 415, 422, 429, 503),
    tags=["openai"],
    security={"ApiKey": []},
)
def chat_completions() -> Response:
    owner = require_api_key(current_app.config["SETTINGS"].api_keys)
    payload = ChatCompletionRequest.model_validate(json_body())
    try:
        question = payload.question()
    except ValueError as exc:
        raise ApiError(422, f"messages: {exc}") from exc
    raw_id = request.headers.get(CONVERSATION_HEADER) or payload.user
    conversation_id = (
        conversation_id_from(raw_id, source="conversation id (X-Conversation-Id or user)")
        if raw_id
        else f"oa-{uuid.uuid4().hex}"
    )
    service = current_app.extensions["chat_service"]()
    turn = {"owner": owner, "conversation_id": conversation_id, "message": question}
    completion_id = f"chatcmpl-{g.request_id}"
    created = int(time.time())
    if payload.stream:
        return sse_response(
            _chunks(service.stream_chat(**turn), completion_id, created), render=_render_chunk
        )
    reply = service.chat(**turn)
    return jsonify(
        {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_ID,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.answer},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            **_extras(reply.to_dict()),
        }
    )


def _extras(reply: dict[str, Any]) -> dict[str, Any]:
    return {
        "citations": reply["citations"],
        "conversation_id": reply["conversation_id"],
        "mode": reply["mode"],
        "found": reply["found"],
        **({"warning": reply["warning"]} if reply.get("warning") else {}),
    }


def _chunk(completion_id: str, created: int, delta: dict, finish: str | None, **extra: Any) -> dict:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }


def _chunks(
    events: Iterator[tuple[str, Any]], completion_id: str, created: int
) -> Iterator[tuple[str, Any]]:
    first = True
    for event, data in events:
        if event == "token":
            delta = {"content": data["delta"]}
            if first:
                delta["role"] = "assistant"
                first = False
            yield "chunk", _chunk(completion_id, created, delta, None)
        elif event == "done":
            yield "chunk", _chunk(completion_id, created, {}, "stop", **_extras(data))
            yield "done", "[DONE]"


def _render_chunk(event: str, data: Any) -> str:
    if event == "done":
        return "data: [DONE]\n\n"
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
