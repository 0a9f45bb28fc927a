"""OpenAI-compatible endpoints, so OpenAI SDKs and chat front ends can use the service as
a model: POST /v1/chat/completions (stream and non-stream) and GET /v1/models.

`model` names the assistant (its id or name; `grounded-chat` means the key's only
assistant). With X-Conversation-Id or the request's `user` field, the conversation is
remembered server-side and only the last user message is taken from `messages`. With
neither, each request is a new conversation that starts from the user and assistant
messages the client sent, as OpenAI clients keep the conversation themselves. Citations
ride in an extra `citations` field.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, g, jsonify, request

from api.chat import conversation_of
from api.deps import assistant_for, current_caller, get_services
from api.errors import ApiError
from api.requests import CONVERSATION_HEADER, conversation_id_from, idempotency_key, json_body
from api.routing import Routes
from api.schemas import ChatCompletionRequest, ChatCompletionResponse, ModelList
from api.sse import sse_response
from knowledge.documents.attributes import search_filter
from tenancy import crud

bp = Blueprint("openai", __name__, url_prefix="/v1")
routes = Routes(bp, tag="openai")

MODEL_ID = "grounded-chat"
# The service does not count a model's tokens; OpenAI clients expect the field.
NO_USAGE = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
# The citations again, as a header: OpenAI clients drop fields they do not know from the
# body, but LangChain's ChatOpenAI(include_response_headers=True) keeps every header in
# response_metadata["headers"]. JSON, ASCII only; snippets go first when it is too long.
CITATIONS_HEADER = "X-Citations"
CITATIONS_HEADER_LIMIT = 6000


@routes.get("/models", scope="chat", ok=ModelList)
def models() -> Response:
    """The assistants this key may use, as models."""
    caller = current_caller()
    with get_services().db.session() as session:
        assistants = crud.list_assistants(session, org_id=caller.org_id)
        data = [
            {
                "id": a.id,
                "object": "model",
                "created": int(a.created_at.timestamp()),
                "owned_by": caller.org_id,
                "name": a.name,
            }
            for a in assistants
            if caller.may_use(a.id)
        ]
    return jsonify({"object": "list", "data": data})


@routes.post(
    "/chat/completions",
    scope="chat",
    json=ChatCompletionRequest,
    ok=ChatCompletionResponse,
    errors=(400, 404, 409, 413, 415, 422, 429, 503),  # 404: a model naming no assistant
)
def chat_completions() -> Response:
    caller = current_caller()
    payload = ChatCompletionRequest.model_validate(json_body())
    if unsupported := payload.unsupported_fields():
        raise ApiError(400, f"unsupported fields: {', '.join(unsupported)}")
    if payload.n != 1:
        raise ApiError(400, "n must be 1: the service gives one grounded answer per turn")
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
    profile = assistant_for(caller, None if payload.model == MODEL_ID else payload.model)
    service = get_services().chat
    conversation = conversation_of(caller, profile, conversation_id, payload.user)
    turn = {
        # One request, one conversation, when the client keeps the history: not listed.
        "conversation": replace(conversation, listed=bool(raw_id)),
        "profile": profile,
        "message": question,
        "idempotency_key": idempotency_key(),
        # Remembered server-side, the conversation has its earlier turns already.
        "prior": [] if raw_id else payload.prior_messages(),
        # The service's own extra field: metadata filters, applied inside the search.
        "narrowed": search_filter(payload.filters),
    }
    completion_id = f"chatcmpl-{g.request_id}"
    created = int(time.time())
    if payload.stream:
        return sse_response(
            _chunks(
                service.stream_chat(**turn),
                completion_id,
                created,
                profile.id,
                usage=payload.usage_chunk(),
            ),
            render=_render_chunk,
        )
    reply = service.chat(**turn).to_dict()
    response = jsonify(
        {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": profile.id,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply["answer"]},
                    "finish_reason": "stop",
                }
            ],
            "usage": NO_USAGE,
            **_extras(reply),
        }
    )
    response.headers[CITATIONS_HEADER] = citations_header(reply["citations"])
    return response


def citations_header(citations: list[dict[str, Any]]) -> str:
    """The citations as one header value, within CITATIONS_HEADER_LIMIT characters."""
    value = _compact(citations)
    if len(value) > CITATIONS_HEADER_LIMIT:
        citations = [{k: v for k, v in c.items() if k != "snippet"} for c in citations]
        value = _compact(citations)
    while len(value) > CITATIONS_HEADER_LIMIT:
        citations = citations[:-1]
        value = _compact(citations)
    return value


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _extras(reply: dict[str, Any]) -> dict[str, Any]:
    """The service's own reply fields beside OpenAI's (the answer is the message)."""
    return {name: value for name, value in reply.items() if name != "answer"}


def _chunk(
    completion_id: str, created: int, model: str, delta: dict, finish: str | None, **extra: Any
) -> dict:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }


def _chunks(
    events: Iterator[tuple[str, Any]],
    completion_id: str,
    created: int,
    model: str,
    *,
    usage: bool,
) -> Iterator[tuple[str, Any]]:
    first = True
    for event, data in events:
        if event == "token":
            delta = {"content": data["delta"]}
            if first:
                delta["role"] = "assistant"
                first = False
            yield "chunk", _chunk(completion_id, created, model, delta, None)
        elif event == "done":
            yield "chunk", _chunk(completion_id, created, model, {}, "stop", **_extras(data))
            if usage:  # as OpenAI sends it: a chunk of no choices after the last one
                last = _chunk(completion_id, created, model, {}, None, usage=NO_USAGE)
                yield "chunk", {**last, "choices": []}
            yield "done", "[DONE]"


def _render_chunk(event: str, data: Any) -> str:
    if event == "done":
        return "data: [DONE]\n\n"
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
