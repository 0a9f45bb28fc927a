"""Public assistants, for visitors without a key: an operator marks an assistant
`is_public` and lists the sites that may use it (`allowed_origins`). Each visitor brings
a random identity of its own (X-Visitor-Id, made by the browser) that scopes its
conversations.

Every request must come from a page of an allowed site (its Origin, matched exactly:
scheme, host and port) unless the assistant answers requests without an Origin
(`allow_requests_without_origin`); the web chat's own server is the one caller exempt,
by a key made from the web chat's secret (utils/web_chat_secret.py). A copied assistant
id replayed with a forged Origin is still bound by the assistant's daily quotas: per
visitor, per client address and in all (tenancy/public_quotas.py), on top of the
per-address rate limit (PUBLIC_RATE_LIMIT).

    GET  /v1/public/assistants                 (the web chat's own server only)
    GET  /v1/public/assistants/{id}            (a widget's assistant: name, questions)
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
from api.channels import channel_of_request, from_web_chat
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
    WidgetAssistant,
)
from tenancy import crud
from tenancy.models import Assistant
from tenancy.profiles import AssistantProfile

bp = Blueprint("public", __name__, url_prefix="/v1/public")
routes = Routes(bp, tag="public")

VISITOR_HEADER = "X-Visitor-Id"
VISITOR_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def normalised_origin(origin: str) -> str:
    """An origin as browsers send it: scheme and host in lower case, no default port."""
    scheme, _, rest = origin.strip().rstrip("/").partition("://")
    scheme, rest = scheme.lower(), rest.lower()
    for default in (":443",) if scheme == "https" else (":80",) if scheme == "http" else ():
        rest = rest.removesuffix(default)
    return f"{scheme}://{rest}"


def site_allowed(profile: AssistantProfile) -> None:
    """403 unless the request comes from a page of a site the assistant allows."""
    if from_web_chat():
        return
    origin = request.headers.get("Origin")
    if origin is None:
        if profile.allow_requests_without_origin:
            return
        raise ApiError(
            403,
            "this public assistant answers the pages of the sites it allows (allowed_origins), "
            "and this request names no site (no Origin header): call /v1/chat with an API "
            "key, or set allow_requests_without_origin on the assistant",
            code="origin_required",
        )
    allowed = {normalised_origin(o) for o in profile.allowed_origins}
    if "*" not in profile.allowed_origins and normalised_origin(origin) not in allowed:
        raise ApiError(
            403,
            f"the site {origin[:200]} is not among this assistant's allowed_origins: an admin "
            "of its organisation adds it (PATCH /v1/assistants/{id})",
            code="origin_not_allowed",
        )


def spend_quota(profile: AssistantProfile, visitor: str) -> None:
    """429 when the visitor, its address or the assistant used up today's turns."""
    spent = get_services().public_quotas.spend(
        assistant_id=profile.id, visitor=visitor, address=request.remote_addr or "unknown",
        limits=(profile.visitor_daily_quota, profile.address_daily_quota, profile.daily_quota),
    )  # fmt: skip
    if spent is not None:
        who = {"visitor": "each visitor", "address": "each address", "assistant": "all visitors"}
        raise ApiError(
            429,
            f"this assistant's daily limit for {who[spent.kind]} is reached ({spent.limit} "
            "turns a day); it starts again at midnight UTC",
            code="quota_exceeded",
            retry_after=spent.retry_after,
        )


def public_assistant() -> AssistantProfile:
    """The public assistant named by X-Assistant-Id, for a request from a site it allows;
    404 for any other (private ones too), 403 from a site it does not allow."""
    return allowed_assistant(request.headers.get(ASSISTANT_HEADER, ""))


def allowed_assistant(assistant_id: str) -> AssistantProfile:
    services = get_services()
    with services.db.session() as session:
        found = session.get(Assistant, assistant_id) if assistant_id else None
        if found is None or not found.is_public:
            raise ApiError(
                404, f"no public assistant {assistant_id!r}: name one with {ASSISTANT_HEADER}"
            )
        org_id = found.org_id
    g.assistant = services.profiles.get(org_id=org_id, assistant_id=assistant_id)
    site_allowed(g.assistant)
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
        org_id=profile.org_id, assistant_id=profile.id, owner=owner,
        conversation_id=conversation_id, channel=channel_of_request(),
    )  # fmt: skip


@routes.get("/assistants", scope=None, ok=PublicAssistantList, errors=(403, 429))
def list_public() -> Response:
    """Every public assistant of the deployment, for the web chat's guest sign-in: its own
    server only (a site's widget asks for its own assistant below)."""
    if not from_web_chat():
        raise ApiError(
            403,
            "the list of public assistants is for the deployment's web chat; a widget asks "
            "for its own assistant: GET /v1/public/assistants/{id}",
            code="web_chat_only",
        )
    with get_services().db.session() as session:
        rows = session.scalars(select(Assistant).where(Assistant.is_public.is_(True))).all()
        body = [
            {"id": a.id, "name": a.name, "description": a.description,
             "allowed_origins": list(a.allowed_origins or []),
             "suggested_questions": crud.suggested_questions(session, assistant=a)}
            for a in rows
        ]  # fmt: skip
    return jsonify({"assistants": body})


@routes.get("/assistants/<assistant_id>", scope=None, ok=WidgetAssistant, errors=(403, 404, 429))
def widget_assistant(assistant_id: str) -> Response:
    """What a site's widget shows of its assistant, for a page of a site it allows."""
    profile = allowed_assistant(assistant_id)
    with get_services().db.session() as session:
        record = crud.get_assistant(session, org_id=profile.org_id, assistant_id=profile.id)
        questions = crud.suggested_questions(session, assistant=record)
    return jsonify({"id": profile.id, "name": profile.name, "description": record.description,
                    "suggested_questions": questions, "show_citations": profile.show_citations})  # fmt: skip


@routes.post(
    "/chat",
    scope=None,
    json=ChatRequest,
    ok=ChatResponse,
    errors=(400, 403, 404, 409, 413, 415, 422, 429, 503),
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
    spend_quota(profile, conversation.owner)
    if payload.regenerate or payload.edit:
        return rewound_turn(conversation, profile, payload, None)
    assert payload.message is not None  # the model requires a message or a prompt
    return run_turn(conversation, profile, payload.message, ignore_history=payload.ignore_history,
                    filters=payload.filters)  # fmt: skip


@routes.get(
    "/conversations/<conversation_id>",
    scope=None,
    ok=ConversationResponse,
    errors=(400, 403, 404, 429, 503),
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
    errors=(400, 403, 404, 429, 503),
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
    errors=(400, 403, 404, 429, 503),
)
def download_artifact(conversation_id: str, artifact_id: str) -> Response:
    profile = public_assistant()
    conversation = visitor_conversation(profile, existing_conversation_id(conversation_id))
    return artifact_download(conversation, artifact_id)


@routes.post(
    "/conversations/<conversation_id>/stop",
    scope=None,
    ok={202: StopAccepted},
    errors=(400, 403, 404, 429, 503),
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
    errors=(400, 403, 404, 415, 422, 429, 503),
)
def feedback(conversation_id: str, message_id: str) -> tuple[Response, int]:
    """A guest rates an answer of their own conversation."""
    profile = public_assistant()
    conversation = visitor_conversation(profile, existing_conversation_id(conversation_id))
    return give_feedback(conversation, message_id, conversation.owner)


@routes.post(
    "/audio", scope=None, ok=VoiceResponse, errors=(400, 403, 404, 409, 413, 415, 422, 429, 503)
)
def audio() -> Response:
    """A guest asks by voice (as POST /v1/audio)."""
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    data = recording()
    profile = public_assistant()
    conversation = visitor_conversation(profile, conversation_id)
    spend_quota(profile, conversation.owner)
    return voice_turn(conversation, profile, data)
