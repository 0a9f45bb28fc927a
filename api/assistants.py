"""Assistants of the caller's organisation: POST|GET /v1/assistants,
GET|PATCH|DELETE /v1/assistants/{assistant_id}, and their guardrail topics' example
questions: GET|PUT /v1/assistants/{assistant_id}/topic-examples."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, g, jsonify

from api.audit_trail import audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import (
    AssistantIn,
    AssistantList,
    AssistantOut,
    AssistantPatch,
    AssistantView,
    DeletedRecord,
    TopicExamplesIn,
    TopicExamplesOut,
)
from api.requests import json_body
from api.routing import Routes
from api.serializers import assistant_out, assistant_summary
from tenancy import crud

bp = Blueprint("assistants", __name__, url_prefix="/v1/assistants")
routes = Routes(bp, tag="assistants")

# Fields that may be cleared with null (the deployment's default then applies).
NULLABLE = {
    "system_prompt", "not_found_message", "model_name", "temperature", "max_tokens",
    "retrieval_mode", "retrieval_k", "score_threshold", "refusal_message", "handoff_message",
    "max_conversation_history", "visitor_daily_quota", "address_daily_quota", "daily_quota",
}  # fmt: skip


def _fields(payload: AssistantIn | AssistantPatch) -> dict[str, Any]:
    fields = payload.model_dump(exclude_unset=True)
    if payload.knowledge_bases is not None:
        # Each link in full: a field a link leaves out takes its default, so the same
        # PATCH sent twice sets the same links (exclude_unset would drop those fields).
        fields["knowledge_bases"] = [link.model_dump() for link in payload.knowledge_bases]
    if cleared := sorted(k for k, v in fields.items() if v is None and k not in NULLABLE):
        raise ApiError(422, f"these fields cannot be null: {', '.join(cleared)}")
    return fields


@routes.post(
    "",
    scope="content:write",
    json=AssistantIn,
    ok={201: AssistantOut},
    errors=(400, 404, 409, 415, 422),
)
def create() -> tuple[Response, int]:
    fields = _fields(AssistantIn.model_validate(json_body()))
    links = fields.pop("knowledge_bases", [])
    with get_services().db.session() as session:
        assistant = crud.create_assistant(
            session, org_id=current_caller().org_id, knowledge_bases=links, **fields
        )
        audited(session, "assistant.created", "assistant", assistant.id,
                {**fields, "knowledge_bases": links})  # fmt: skip
        body = assistant_out(
            assistant, suggested=crud.suggested_questions(session, assistant=assistant)
        )
        return jsonify(body), 201


@routes.get("", scope="chat", ok=AssistantList)
def list_all() -> Response:
    """The assistants this key may use: in full for an admin key, else each one's
    name and description only."""
    caller = current_caller()
    with get_services().db.session() as session:
        assistants = crud.list_assistants(session, org_id=caller.org_id)
        shown = assistant_out if caller.has("admin") else assistant_summary
        body = [
            shown(a, suggested=crud.suggested_questions(session, assistant=a))
            for a in assistants
            if caller.may_use(a.id)
        ]
    return jsonify({"assistants": body})


@routes.get("/<assistant_id>", scope="chat", ok=AssistantView, errors=(404,))
def get(assistant_id: str) -> Response:
    """The assistant in full for an admin key; its name and description for a chat key."""
    caller = current_caller()
    if not caller.may_use(assistant_id):
        raise ApiError(404, f"no assistant {assistant_id!r} in this organisation")
    with get_services().db.session() as session:
        assistant = crud.get_assistant(session, org_id=caller.org_id, assistant_id=assistant_id)
        shown = assistant_out if caller.has("admin") else assistant_summary
        return jsonify(
            shown(assistant, suggested=crud.suggested_questions(session, assistant=assistant))
        )


@routes.patch(
    "/<assistant_id>",
    scope="content:write",
    json=AssistantPatch,
    ok=AssistantOut,
    errors=(400, 404, 409, 415, 422),
)
def update(assistant_id: str) -> Response:
    fields = _fields(AssistantPatch.model_validate(json_body()))
    links = fields.pop("knowledge_bases", None)
    services = get_services()
    with services.db.session() as session:
        assistant = crud.update_assistant(
            session,
            org_id=current_caller().org_id,
            assistant_id=assistant_id,
            knowledge_bases=links,
            **fields,
        )
        changes = fields if links is None else {**fields, "knowledge_bases": links}
        audited(session, "assistant.updated", "assistant", assistant_id, changes)
        body = assistant_out(
            assistant, suggested=crud.suggested_questions(session, assistant=assistant)
        )
    services.profiles.forget()
    return jsonify(body)


@routes.delete("/<assistant_id>", scope="content:write", ok=DeletedRecord, errors=(404,))
def delete(assistant_id: str) -> Response:
    services = get_services()
    with services.db.session() as session:
        crud.delete_assistant(session, org_id=current_caller().org_id, assistant_id=assistant_id)
        audited(session, "assistant.deleted", "assistant", assistant_id)
    services.profiles.forget()
    return jsonify({"deleted": True, "id": assistant_id, "request_id": g.request_id})


@routes.get(
    "/<assistant_id>/topic-examples", scope="content:write", ok=TopicExamplesOut, errors=(404,)
)
def topic_examples(assistant_id: str) -> Response:
    with get_services().db.session() as session:
        assistant = crud.get_assistant(
            session, org_id=current_caller().org_id, assistant_id=assistant_id
        )
        return jsonify(_examples_out(assistant, get_services().chat.built_in_intents))


@routes.put(
    "/<assistant_id>/topic-examples",
    scope="content:write",
    json=TopicExamplesIn,
    ok=TopicExamplesOut,
    errors=(400, 404, 415, 422),
)
def set_topic_examples(assistant_id: str) -> Response:
    """Replace the example questions of the assistant's guardrail topics: they count
    more than a topic's name when a question is checked."""
    given = TopicExamplesIn.model_validate(json_body()).examples
    services = get_services()
    with services.db.session() as session:
        try:
            assistant = crud.set_topic_examples(
                session, org_id=current_caller().org_id, assistant_id=assistant_id,
                examples=given,
            )  # fmt: skip
        except ValueError as exc:
            raise ApiError(422, str(exc)) from exc
        audited(session, "assistant.topic_examples", "assistant", assistant_id,
                {"topics": sorted(given)})  # fmt: skip
        body = _examples_out(assistant, services.chat.built_in_intents)
    services.profiles.forget()
    return jsonify(body)


def _examples_out(
    assistant: Any, built_in_intents: Callable[[list[str]], dict[str, str]]
) -> dict[str, Any]:
    examples = dict(assistant.topic_examples or {})
    topics = set(crud.topics_of(assistant))
    return {
        "assistant_id": assistant.id,
        "examples": examples,
        "unused": sorted(set(examples) - topics),
        "built_in": built_in_intents(list(assistant.escalation_triggers or [])),
    }
