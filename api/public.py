"""Public assistants, for visitors without a key: an operator marks an assistant
`is_public`, and anyone may chat with it. Each visitor brings a random identity of its
own (X-Visitor-Id, made by the browser) that scopes its conversations; requests are
limited per client address (PUBLIC_RATE_LIMIT).

    GET  /v1/public/assistants
    POST /v1/public/chat                       (X-Assistant-Id, X-Visitor-Id, X-Conversation-Id)
    GET  /v1/public/conversations/{id}         (X-Assistant-Id, X-Visitor-Id)
    GET  /v1/public/conversations/{id}/artifacts[/{artifact_id}]  (the same headers)
"""

from __future__ import annotations

import hashlib
import re

from flask import Blueprint, Response, g, jsonify, request
from sqlalchemy import select

from agents.conversations import Conversation
from api.audio import recording, voice_turn
from api.chat import (
    artifact_download,
    artifact_listing,
    messages_with_feedback,
    rewound_turn,
    run_turn,
    stop_answer,
)
from api.deps import ASSISTANT_HEADER, get_services
from api.errors import ApiError
from api.feedback import give_feedback
from api.platform_schemas import FeedbackIn, FeedbackSaved
from api.requests import (
    CONVERSATION_HEADER,
    conversation_id_from,
    existing_conversation_id,
    json_body,
)
from api.routing import Routes
from api.schemas import (
    ArtifactList,
    ChatRequest,
    ChatResponse,
    ConversationResponse,
    Download,
    PublicAssistantList,
    StopAccepted,
    VoiceResponse,
)
from tenancy import crud
from tenancy.models import Assistant
from tenancy.profiles import AssistantProfile

bp = Blueprint("public", __name__, url_prefix="/v1/public")
routes = Routes(bp, tag="public")

VISITOR_HEADER = "X-Visitor-Id"
VISITOR_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def public_assistant() -> AssistantProfile:
    """The public assistant named by X-Assistant-Id; 404 for any other (private ones too)."""
    assistant_id = request.headers.get(ASSISTANT_HEADER, "")
    services = get_services()
    with services.db.session() as session:
        found = session.get(Assistant, assistant_id) if assistant_id else None
        if found is None or not found.is_public:
            raise ApiError(
                404, f"no public assistant {assistant_id!r}: name one with {ASSISTANT_HEADER}"
            )
        org_id = found.org_id
    g.assistant = services.profiles.get(org_id=org_id, assistant_id=assistant_id)
    return g.assistant


def visitor_conversation(profile: AssistantProfile, conversation_id: str) -> Conversation:
    visitor = request.headers.get(VISITOR_HEADER, "")
    if not VISITOR_PATTERN.match(visitor):
        raise ApiError(
            400, f"{VISITOR_HEADER} must be a random id of 22-64 characters A-Z a-z 0-9 _ -"
        )
    # Only a digest of the visitor's id is kept, so the id never lands in Redis keys.
    owner = "visitor:" + hashlib.sha256(visitor.encode()).hexdigest()[:24]
    return Conversation(
        org_id=profile.org_id, assistant_id=profile.id, owner=owner, conversation_id=conversation_id
    )


@routes.get("/assistants", scope=None, ok=PublicAssistantList, errors=(429,))
def list_public() -> Response:
    with get_services().db.session() as session:
        rows = session.scalars(select(Assistant).where(Assistant.is_public.is_(True))).all()
        body = [
            {"id": a.id, "name": a.name, "description": a.description,
             "allowed_origins": list(a.allowed_origins or []),
             "suggested_questions": crud.suggested_questions(session, assistant=a)}
            for a in rows
        ]  # fmt: skip
    return jsonify({"assistants": body})


@routes.post(
    "/chat",
    scope=None,
    json=ChatRequest,
    ok=ChatResponse,
    errors=(400, 404, 409, 413, 415, 422, 429, 503),
)
def chat() -> Response:
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    payload = ChatRequest.model_validate(json_body())
    if payload.prompt_name is not None:
        raise ApiError(422, "named prompts need an API key; guests send a message")
    if payload.files:
        raise ApiError(422, "attachments need an API key; guests send text")
    profile = public_assistant()
    conversation = visitor_conversation(profile, conversation_id)
    if payload.regenerate or payload.edit:
        return rewound_turn(conversation, profile, payload, None)
    assert payload.message is not None  # the model requires a message or a prompt
    return run_turn(conversation, profile, payload.message, ignore_history=payload.ignore_history,
                    filters=payload.filters)  # fmt: skip


@routes.get(
    "/conversations/<conversation_id>",
    scope=None,
    ok=ConversationResponse,
    errors=(400, 404, 429, 503),
)
def get_conversation(conversation_id: str) -> Response:
    profile = public_assistant()
    conversation = visitor_conversation(profile, existing_conversation_id(conversation_id))
    return jsonify(
        {
            "conversation_id": conversation.conversation_id,
            "assistant_id": profile.id,
            "messages": messages_with_feedback(conversation),
            "request_id": g.request_id,
        }
    )


@routes.get(
    "/conversations/<conversation_id>/artifacts",
    scope=None,
    ok=ArtifactList,
    errors=(400, 404, 429, 503),
)
def list_artifacts(conversation_id: str) -> Response:
    """The visitor's conversation's files (its `url`s are read here, under /v1/public)."""
    profile = public_assistant()
    return artifact_listing(
        visitor_conversation(profile, existing_conversation_id(conversation_id))
    )


@routes.get(
    "/conversations/<conversation_id>/artifacts/<artifact_id>",
    scope=None,
    ok=Download,
    errors=(400, 404, 429, 503),
)
def download_artifact(conversation_id: str, artifact_id: str) -> Response:
    profile = public_assistant()
    conversation = visitor_conversation(profile, existing_conversation_id(conversation_id))
    return artifact_download(conversation, artifact_id)


@routes.post(
    "/conversations/<conversation_id>/stop",
    scope=None,
    ok={202: StopAccepted},
    errors=(400, 404, 429, 503),
)
def stop_turn(conversation_id: str) -> tuple[Response, int]:
    """Stop the answer being written in the visitor's conversation (see the keyed route)."""
    profile = public_assistant()
    return stop_answer(visitor_conversation(profile, existing_conversation_id(conversation_id)))


@routes.post(
    "/conversations/<conversation_id>/messages/<message_id>/feedback",
    scope=None,
    json=FeedbackIn,
    ok={201: FeedbackSaved, 200: FeedbackSaved},
    errors=(400, 404, 415, 422, 429, 503),
)
def feedback(conversation_id: str, message_id: str) -> tuple[Response, int]:
    """A guest rates an answer of their own conversation."""
    profile = public_assistant()
    conversation = visitor_conversation(profile, existing_conversation_id(conversation_id))
    return give_feedback(conversation, message_id, conversation.owner)


@routes.post(
    "/audio", scope=None, ok=VoiceResponse, errors=(400, 404, 409, 413, 415, 422, 429, 503)
)
def audio() -> Response:
    """A guest asks by voice (as POST /v1/audio)."""
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    data = recording()
    profile = public_assistant()
    return voice_turn(visitor_conversation(profile, conversation_id), profile, data)
