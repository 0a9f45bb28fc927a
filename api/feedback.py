"""Feedback on answers: POST /v1/conversations/{id}/messages/{message_id}/feedback (any
key that may chat in the conversation), GET /v1/feedback (admins: JSON or CSV export),
GET /v1/conversations/{id}/export (the whole conversation with its feedback)."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, g, jsonify, request

from agents.conversations import Conversation
from api.audit_trail import audited
from api.chat import NO_CONVERSATION, conversation_at, messages_with_feedback
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import ConversationExport, FeedbackIn, FeedbackList, FeedbackSaved
from api.requests import choice, json_body, time_range
from api.routing import Routes
from api.serializers import feedback_out
from tenancy import feedback as feedback_store
from tenancy.models import utcnow
from tenancy.turns import conversation_hash
from utils.csv_export import csv_text
from utils.transcript import as_markdown

bp = Blueprint("feedback", __name__, url_prefix="/v1")
routes = Routes(bp, tag="feedback")

EXPORT_LIMIT = 10_000
CSV_COLUMNS = (
    "id", "created_at", "updated_at", "assistant_id", "message_id", "rating", "comment",
    "question", "answer", "sources", "citations",
)  # fmt: skip


@routes.post(
    "/conversations/<conversation_id>/messages/<message_id>/feedback",
    scope="chat",
    json=FeedbackIn,
    ok={201: FeedbackSaved, 200: FeedbackSaved},
    errors=(400, 404, 415, 422, 503),
)
def rate(conversation_id: str, message_id: str) -> tuple[Response, int]:
    """Rate one answer up or down, with an optional comment; rating it again replaces
    the earlier rating (201 the first time, 200 after)."""
    return give_feedback(conversation_at(conversation_id), message_id, current_caller().key_id)


def give_feedback(conversation: Conversation, message_id: str, key_id: str) -> tuple[Response, int]:
    """Store the request's rating of one answer of `conversation` (also for guests)."""
    payload = FeedbackIn.model_validate(json_body())
    services = get_services()
    messages = services.chat.history(conversation=conversation)
    if messages is None:
        raise ApiError(404, NO_CONVERSATION)
    answer, question = _answer_and_question(messages, message_id)
    with services.db.session() as session:
        record, created = feedback_store.save(
            session,
            org_id=conversation.org_id,
            assistant_id=conversation.assistant_id,
            key_id=key_id,
            conversation_hash=conversation_hash(conversation.thread_id),
            message_id=message_id,
            rating=payload.rating,
            comment=payload.comment,
            question=question,
            answer=answer["content"],
            citations=answer.get("citations") or [],
        )
        body = {
            **feedback_out(record),
            "conversation_id": conversation.conversation_id,
            "request_id": g.request_id,
        }
    if payload.rating == "down":
        services.notifier.emit(conversation.org_id, "feedback.negative", {
            "conversation_id": conversation.conversation_id, "message_id": message_id,
            "assistant_id": conversation.assistant_id, "comment": payload.comment,
            "question": question,
        })  # fmt: skip
    return jsonify(body), 201 if created else 200


def _answer_and_question(messages: list[dict], message_id: str) -> tuple[dict, str | None]:
    for index, message in enumerate(messages):
        if message.get("message_id") == message_id:
            if message["role"] != "assistant":
                raise ApiError(422, "feedback is given on the assistant's answers only")
            earlier = [m for m in messages[:index] if m["role"] == "user"]
            return message, (earlier[-1]["content"] if earlier else None)
    raise ApiError(404, f"no message {message_id!r} in this conversation")


@routes.get("/feedback", scope="insights:read", ok=FeedbackList, errors=(400,))
def export() -> Response:
    """The organisation's feedback, newest first, each with the question, the answer and
    its citations: `?assistant_id=&rating=up|down&from=&to=`, as JSON or, with
    `?format=csv` or `Accept: text/csv`, as CSV. Each export is in the audit trail."""
    rating = choice("rating", ("up", "down"))
    wanted = "csv" if "text/csv" in request.headers.get("Accept", "") else "json"
    fmt = choice("format", ("json", "csv"), wanted)
    since, until = time_range(default_days=3650)
    assistant_id = request.args.get("assistant_id") or None
    caller = current_caller()
    with get_services().db.session() as session:
        rows = feedback_store.listed(
            session, org_id=caller.org_id, assistant_id=assistant_id, rating=rating,
            since=since, until=until, limit=EXPORT_LIMIT,
        )  # fmt: skip
        items = [feedback_out(row) for row in rows]
        audited(
            session, "feedback.exported", "feedback", assistant_id or "*",
            {"rating": rating, "from": since, "to": until, "format": fmt, "count": len(items)},
        )  # fmt: skip
    if fmt == "csv":
        return Response(
            _as_csv(items),
            mimetype="text/csv",
            headers={"Content-Disposition": "attachment; filename=feedback.csv"},
        )
    return jsonify({"feedback": items, "request_id": g.request_id})


def _as_csv(items: list[dict[str, Any]]) -> str:
    rows = (
        {
            **item,
            "sources": "; ".join(
                f"[{c['n']}] {c['title']} ({c['source']})" for c in item["citations"]
            ),
            "citations": json.dumps(item["citations"]),
        }
        for item in items
    )
    return csv_text(CSV_COLUMNS, rows)


@routes.get(
    "/conversations/<conversation_id>/export",
    scope="chat",
    ok=ConversationExport,
    errors=(400, 404, 503),
    tag="conversations",
)
def export_conversation(conversation_id: str) -> Response:
    """The whole conversation as JSON: every message with its citations, and the
    feedback given on each answer; `?format=markdown` (or `Accept: text/markdown`): as a
    Markdown document, each answer with its sources."""
    wanted = "markdown" if "text/markdown" in request.headers.get("Accept", "") else "json"
    fmt = choice("format", ("json", "markdown"), wanted)
    conversation = conversation_at(conversation_id)
    messages = messages_with_feedback(conversation)
    if fmt == "markdown":
        title = get_services().chat.title(conversation=conversation) or messages[0]["content"]
        text = as_markdown(title=title, exported_at=utcnow().strftime("%Y-%m-%d %H:%M UTC"),
                           messages=messages)  # fmt: skip
        name = f"conversation-{conversation.conversation_id}.md"
        return Response(text, mimetype="text/markdown",
                        headers={"Content-Disposition": f"attachment; filename={name}"})  # fmt: skip
    return jsonify(
        {
            "conversation_id": conversation.conversation_id,
            "assistant_id": conversation.assistant_id,
            "exported_at": utcnow().isoformat(),
            "messages": messages,
            "request_id": g.request_id,
        }
    )
