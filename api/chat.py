"""POST /v1/chat (one turn, JSON or streamed; files attached as base64 or multipart) and GET|DELETE /v1/conversations/{id}."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, g, jsonify, request

from agents.attachments import Attachment, AttachmentError, read_attachments
from agents.conversations import Conversation
from agents.prompt_templates import TemplateError, render
from agents.replies import artifacts_with_urls
from agents.rewind import Rewind
from agents.structured import structured_data
from api.audit_trail import audited
from api.channels import channel_of_request
from api.deps import ASSISTANT_HEADER, assistant_for, current_caller, get_services
from api.errors import ApiError
from api.requests import (
    CONVERSATION_HEADER,
    conversation_id_from,
    existing_conversation_id,
    form_flag,
    idempotency_key,
    json_body,
    page_size,
)
from api.routing import Routes
from api.schemas import (
    MAX_USER_CHARS,
    ArtifactList,
    ChatHeaders,
    ChatRequest,
    ChatResponse,
    ConversationList,
    ConversationRename,
    ConversationResponse,
    ConversationSummary,
    DeletedConversation,
    DocumentView,
    Download,
    StopAccepted,
)
from api.sse import sse_response, wants_event_stream
from data_sources.results import PENDING_CHART, chart_spec_png
from knowledge.documents.attributes import search_filter
from knowledge.vectors.document_view import document_text
from tenancy import feedback, prompts
from tenancy.keys import Caller
from tenancy.profiles import AssistantProfile
from tenancy.turns import conversation_hash

MAX_SEARCH_CHARS = 200

bp = Blueprint("chat", __name__, url_prefix="/v1")
routes = Routes(bp, tag="conversations")

NO_CONVERSATION = "no such conversation (never started, deleted or expired)"


def conversation_of(
    caller: Caller, profile: AssistantProfile, conversation_id: str, user: str | None = None
) -> Conversation:
    """Conversations are scoped by organisation, assistant and key, and by the end user
    when the caller names one (a signed-in web-chat session always names its own)."""
    user = g.get("session_user") or user
    return Conversation(
        org_id=caller.org_id,
        assistant_id=profile.id,
        owner=caller.legacy_owner or caller.key_id,
        conversation_id=conversation_id,
        legacy=caller.legacy_owner is not None,
        user=user,
        channel=channel_of_request(),
    )


def end_user() -> str | None:
    """`?user=` of a conversation route: an organisation's own id for one of its users."""
    user = request.args.get("user")
    if user is not None and not 1 <= len(user) <= MAX_USER_CHARS:
        raise ApiError(400, f"user must be 1-{MAX_USER_CHARS} characters")
    return user


@routes.post(
    "/chat",
    scope="chat",
    json=ChatRequest,
    headers=ChatHeaders,
    ok=ChatResponse,
    errors=(400, 404, 409, 413, 415, 422, 429, 503),
    tag="chat",
)
def chat() -> Response:
    caller = current_caller()
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    payload, files = chat_request()
    profile = assistant_for(caller, request.headers.get(ASSISTANT_HEADER) or payload.assistant_id)
    conversation = conversation_of(caller, profile, conversation_id, payload.user)
    attachments = read_files(files)
    if payload.prompt_name is not None:
        return prompted_turn(conversation, profile, payload, attachments)
    if payload.regenerate or payload.edit:
        return rewound_turn(conversation, profile, payload, attachments)
    assert payload.message is not None  # the model requires a message or a prompt
    return run_turn(conversation, profile, payload.message, ignore_history=payload.ignore_history,
                    attachments=attachments, language=payload.language,
                    filters=payload.filters)  # fmt: skip


def rewound_turn(
    conversation: Conversation,
    profile: AssistantProfile,
    payload: ChatRequest,
    attachments: list[Attachment] | None,
) -> Response:
    """An edited question (it and what followed are replaced) or the last answer
    regenerated (the last question asked again, the earlier answers kept)."""
    messages = get_services().chat.history(conversation=conversation) or []
    questions = [m for m in messages if m["role"] == "user"]
    if payload.regenerate:
        if not questions:
            raise ApiError(404, "nothing to regenerate: the conversation has no question yet")
        last = questions[-1]
        message, rewind = last["content"], Rewind(last["message_id"], keep_answers=True)
    else:
        if not any(q["message_id"] == payload.edit for q in questions):
            raise ApiError(404, f"no question {payload.edit!r} in this conversation")
        message, rewind = payload.message or "", Rewind(payload.edit or "")
    return run_turn(conversation, profile, message, ignore_history=payload.ignore_history,
                    attachments=attachments, rewind=rewind, language=payload.language,
                    filters=payload.filters)  # fmt: skip


def chat_request() -> tuple[ChatRequest, list[tuple[str, bytes]]]:
    """The request as JSON (files base64 in `files`) or multipart (`message` and other
    fields as form fields, files in `files` or `file` parts)."""
    settings = get_services().settings
    limit = settings.chat_request_limit
    if (request.content_length or 0) > limit:
        raise ApiError(413, f"request body exceeds {limit} bytes")
    if request.mimetype == "multipart/form-data":
        form = {k: v for k, v in request.form.items() if v != ""}
        for flag in ("ignore_history", "regenerate"):
            if flag in form:
                form[flag] = form_flag(form[flag])
        uploads = request.files.getlist("files") + request.files.getlist("file")
        files = [(f.filename or "file", f.read(settings.attachment_max_bytes + 1)) for f in uploads]
        _within_limit(sum(len(data) for _, data in files))
        return ChatRequest.model_validate(form), files
    payload = ChatRequest.model_validate(json_body(limit=limit))
    _within_limit(sum(len(f.content_base64) for f in payload.files or []))
    files = []
    for item in payload.files or []:
        try:
            files.append((item.name, base64.b64decode(item.content_base64, validate=True)))
        except (binascii.Error, ValueError) as exc:
            raise ApiError(422, f"attachment {item.name!r}: content_base64 is not base64") from exc
    return payload, files


def _within_limit(attached_bytes: int) -> None:
    """Besides its files, a request is held to MAX_REQUEST_BYTES like any other."""
    limit = get_services().settings.max_request_bytes
    if (request.content_length or 0) - attached_bytes > limit:
        raise ApiError(413, f"request body exceeds {limit} bytes (besides attached files)")


def read_files(files: list[tuple[str, bytes]]) -> list[Attachment] | None:
    if not files:
        return None
    services = get_services()
    settings = services.settings
    try:
        return read_attachments(
            files, chunker=services.ingestor.chunker,
            max_files=settings.attachment_max_files, max_bytes=settings.attachment_max_bytes,
            max_pages=settings.attachment_max_pages,
        )  # fmt: skip
    except AttachmentError as exc:
        raise ApiError(exc.status, str(exc)) from exc


def run_turn(
    conversation: Conversation,
    profile: AssistantProfile,
    message: str,
    *,
    ignore_history: bool = False,
    attachments: list[Attachment] | None = None,
    rewind: Rewind | None = None,
    language: str | None = None,
    filters: dict[str, Any] | None = None,
) -> Response:
    """One turn, answered as JSON or, when the client accepts it, as Server-Sent Events.
    `filters`: on documents' metadata (checked already), applied inside the search."""
    turn = {
        "conversation": conversation,
        "profile": profile,
        "message": message,
        "idempotency_key": idempotency_key(),
        "ignore_history": ignore_history,
        "attachments": attachments,
        "rewind": rewind,
        "language": language,
        "narrowed": search_filter(filters),
    }
    service = get_services().chat
    if wants_event_stream(request.headers.get("Accept", "")):
        return sse_response(with_request_id(service.stream_chat(**turn)))
    return jsonify({**service.chat(**turn).to_dict(), "request_id": g.request_id})


def prompted_turn(
    conversation: Conversation,
    profile: AssistantProfile,
    payload: ChatRequest,
    attachments: list[Attachment] | None = None,
) -> Response:
    """A turn asked with a named prompt: its rendered text is the question; with an
    output schema, the reply also carries `additional_data` (JSON only, LLM mode only)."""
    services = get_services()
    with services.db.session() as session:
        template = prompts.get(session, org_id=profile.org_id, assistant_id=profile.id,
                               name=payload.prompt_name or "")  # fmt: skip
    try:
        question = render(template.template, template.variables, payload.variables or {})
    except TemplateError as exc:
        raise ApiError(422, str(exc)) from exc
    ignore = payload.ignore_history or not template.use_history
    if template.output_schema is None:
        return run_turn(conversation, profile, question, ignore_history=ignore,
                        attachments=attachments)  # fmt: skip
    provider = services.chat.contexts.provider_for(profile)
    if provider is None:
        raise ApiError(422, f"prompt {template.name!r} returns structured data (output_schema), "
                            "which needs a language model: none is set for this assistant")  # fmt: skip
    reply = services.chat.chat(conversation=conversation, profile=profile, message=question,
                               idempotency_key=idempotency_key(), ignore_history=ignore,
                               attachments=attachments)  # fmt: skip
    data, error = structured_data(provider, question=question, answer=reply.answer,
                                  schema=template.output_schema)  # fmt: skip
    update = {"additional_data": data} if error is None else {"additional_data_error": error}
    return jsonify({**reply.model_copy(update=update).to_dict(), "request_id": g.request_id})


def with_request_id(events: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    request_id = g.request_id
    for event, data in events:
        yield event, ({**data, "request_id": request_id} if event == "done" else data)


def conversation_at(conversation_id: str) -> Conversation:
    """The caller's conversation named in the path (assistant by header or ?assistant_id=,
    end user by ?user=)."""
    caller = current_caller()
    requested = request.headers.get(ASSISTANT_HEADER) or request.args.get("assistant_id")
    profile = assistant_for(caller, requested)
    return conversation_of(caller, profile, existing_conversation_id(conversation_id), end_user())


@routes.get("/conversations", scope="chat", ok=ConversationList, errors=(400, 404, 503))
def list_conversations() -> Response:
    """The caller's conversations with the assistant (`?user=` for one end user's),
    newest first: id, title (the first question, or the name given) and last activity;
    the 100 most recent (`?limit=` up to 1000). `?q=` keeps those whose title or any
    message holds the text (among the 200 most recent)."""
    caller = current_caller()
    requested = request.headers.get(ASSISTANT_HEADER) or request.args.get("assistant_id")
    profile = assistant_for(caller, requested)
    owner = conversation_of(caller, profile, "", end_user())
    service = get_services().chat
    text = (request.args.get("q") or "").strip()
    if len(text) > MAX_SEARCH_CHARS:
        raise ApiError(400, f"`q` must be at most {MAX_SEARCH_CHARS} characters")
    listed = (
        service.search(owner=owner, text=text, limit=page_size())
        if text
        else service.conversations(owner=owner, limit=page_size())
    )
    return jsonify(
        {"conversations": listed, "assistant_id": profile.id, "request_id": g.request_id}
    )


@routes.get(
    "/conversations/<conversation_id>",
    scope="chat",
    ok=ConversationResponse,
    errors=(400, 404, 503),
)
def get_conversation(conversation_id: str) -> Response:
    """The conversation's messages, each answer with its citations and the feedback
    given on it."""
    conversation = conversation_at(conversation_id)
    return jsonify(
        {
            "conversation_id": conversation.conversation_id,
            "assistant_id": conversation.assistant_id,
            "messages": messages_with_feedback(conversation),
            "request_id": g.request_id,
        }
    )


def messages_with_feedback(conversation: Conversation) -> list[dict[str, Any]]:
    """The conversation's messages (404 if there is none), each rated answer with its
    `feedback`: so a page shows the thumbs given earlier as given."""
    services = get_services()
    messages = services.chat.history(conversation=conversation)
    if messages is None:
        raise ApiError(404, NO_CONVERSATION)
    with services.db.session() as session:
        given = feedback.of_conversation(
            session,
            org_id=conversation.org_id,
            conversation_hash=conversation_hash(conversation.thread_id),
        )
        for message in messages:
            record = given.get(message.get("message_id") or "")
            if record is not None:
                message["feedback"] = {
                    "rating": record.rating,
                    "comment": record.comment,
                    "updated_at": record.updated_at.isoformat(),
                }
    return messages


@routes.patch(
    "/conversations/<conversation_id>",
    scope="chat",
    json=ConversationRename,
    ok=ConversationSummary,
    errors=(400, 404, 415, 422, 503),
)
def rename_conversation(conversation_id: str) -> Response:
    """Give the conversation a title of its own (the list shows it instead of the first
    question)."""
    conversation = conversation_at(conversation_id)
    payload = ConversationRename.model_validate(json_body())
    if not get_services().chat.rename(conversation=conversation, title=payload.title):
        raise ApiError(404, NO_CONVERSATION)
    return jsonify(
        {"conversation_id": conversation.conversation_id, "title": " ".join(payload.title.split())}
    )


@routes.post(
    "/conversations/<conversation_id>/stop",
    scope="chat",
    ok={202: StopAccepted},
    errors=(400, 404, 503),
)
def stop_turn(conversation_id: str) -> tuple[Response, int]:
    """Stop the answer being written in the conversation: the model's stream is closed at
    its next token (none is spent after), and what was written is kept, marked
    `stopped`. Nothing happens when no answer is being written."""
    return stop_answer(conversation_at(conversation_id))


def stop_answer(conversation: Conversation) -> tuple[Response, int]:
    get_services().chat.stop(conversation=conversation)
    body = {"stopping": True, "conversation_id": conversation.conversation_id,
            "request_id": g.request_id}  # fmt: skip
    return jsonify(body), 202


@routes.delete(
    "/conversations/<conversation_id>", scope="chat", ok=DeletedConversation, errors=(400, 404, 503)
)
def delete_conversation(conversation_id: str) -> Response:
    """Delete the conversation with its turn records and feedback (a data-protection
    request leaves nothing of it behind)."""
    conversation = conversation_at(conversation_id)
    services = get_services()
    if not services.chat.delete(conversation=conversation):
        raise ApiError(404, NO_CONVERSATION)
    hashed = conversation_hash(conversation.thread_id)
    services.recorder.flush()  # its last turn's record may still be queued
    with services.db.session() as session:
        feedback.forget_conversation(session, org_id=conversation.org_id, conversation_hash=hashed)
        audited(session, "conversation.deleted", "conversation", hashed,
                {"assistant_id": conversation.assistant_id})  # fmt: skip
    return jsonify(
        {
            "deleted": True,
            "conversation_id": conversation.conversation_id,
            "request_id": g.request_id,
        }
    )


@routes.get(
    "/conversations/<conversation_id>/artifacts",
    scope="chat",
    ok=ArtifactList,
    errors=(400, 404, 503),
)
def list_artifacts(conversation_id: str) -> Response:
    """The files the conversation's data turns made (tables, charts, SQL), oldest first."""
    return artifact_listing(conversation_at(conversation_id))


def artifact_listing(conversation: Conversation) -> Response:
    services = get_services()
    if services.chat.history(conversation=conversation) is None:
        raise ApiError(404, NO_CONVERSATION)
    listed = services.artifacts.listing(conversation.thread_id)
    return jsonify(
        {
            "conversation_id": conversation.conversation_id,
            "artifacts": artifacts_with_urls(listed, conversation.conversation_id),
            "request_id": g.request_id,
        }
    )


@routes.get(
    "/conversations/<conversation_id>/artifacts/<artifact_id>",
    scope="chat",
    ok=Download,
    errors=(400, 404, 503),
)
def download_artifact(conversation_id: str, artifact_id: str) -> Response:
    """One artifact's file (CSV, PNG or SQL), sent in pieces as it is read."""
    return artifact_download(conversation_at(conversation_id), artifact_id)


def artifact_download(conversation: Conversation, artifact_id: str) -> Response:
    store = get_services().artifacts
    artifact = store.get(conversation.thread_id, artifact_id)
    if artifact is None:
        raise ApiError(404, f"no artifact {artifact_id!r} in this conversation")
    name = artifact["name"].replace('"', "")
    if artifact.get(PENDING_CHART):  # drawn now, once, and kept drawn
        spec = b"".join(store.read(conversation.thread_id, artifact_id))
        store.put(conversation.thread_id, artifact_id, chart_spec_png(spec))
        artifact.pop(PENDING_CHART)
        store.describe(conversation.thread_id, artifact)
    return Response(
        store.read(conversation.thread_id, artifact_id),
        mimetype=artifact["media_type"],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@routes.get("/documents/view", scope="chat", ok=DocumentView, errors=(400, 404, 503))
def view_document() -> Response:
    """The whole text of a document an answer cited (`?source=`), for keys that may chat
    with the assistant whose knowledge bases hold it: read-only, in order, by section."""
    source = request.args.get("source", "")
    if not source:
        raise ApiError(400, "name the document with ?source= (a citation's source)")
    caller = current_caller()
    requested = request.headers.get(ASSISTANT_HEADER) or request.args.get("assistant_id")
    profile = assistant_for(caller, requested)
    services = get_services()
    found = document_text(
        services.qdrant, services.settings.collection_name, org_id=profile.org_id,
        kb_ids=[kb for kb, _ in profile.priorities], source=source,
    )  # fmt: skip
    if found is None:
        raise ApiError(404, f"no document {source!r} in this assistant's knowledge bases")
    return jsonify({**found, "assistant_id": profile.id, "request_id": g.request_id})
