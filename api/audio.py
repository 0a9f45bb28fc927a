"""POST /v1/audio: a spoken question answered in text and speech (multipart field
`audio`; the same X-API-Key, X-Conversation-Id and assistant as /v1/chat)."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, current_app, g, jsonify, request

from agents.conversations import Conversation
from api.chat import conversation_of
from api.deps import ASSISTANT_HEADER, assistant_for, current_caller, get_services
from api.errors import ApiError
from api.requests import CONVERSATION_HEADER, conversation_id_from, idempotency_key
from api.routing import Routes
from api.schemas import MAX_USER_CHARS, VoiceResponse
from knowledge.encoders.languages import normalise
from tenancy.profiles import AssistantProfile
from voice.audio import AudioError

bp = Blueprint("audio", __name__, url_prefix="/v1")
routes = Routes(bp, tag="voice")

WAV = "audio/wav"


def recording() -> bytes:
    """The uploaded recording (multipart field `audio`), within the size limit."""
    limit = current_app.config["SETTINGS"].audio_max_bytes
    if (request.content_length or 0) > limit + 65536:
        raise ApiError(413, f"the recording exceeds {limit} bytes")
    upload = request.files.get("audio")
    if upload is None:
        raise ApiError(422, "send the recording in a multipart field named 'audio'")
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, f"the recording exceeds {limit} bytes")
    return data


def spoken_language() -> str | None:
    """The optional `language` form field (es, id, en-GB ...): the language spoken."""
    given = request.form.get("language") or None
    if given is None:
        return None
    code = normalise(given)
    if code is None:
        raise ApiError(422, f"language {given[:20]!r} is not a language code this service knows")
    return code


def voice_turn(conversation: Conversation, profile: AssistantProfile, audio: bytes) -> Response:
    """The turn, as JSON or (Accept: audio/wav) as the spoken answer with the text in
    headers."""
    try:
        result = get_services().voice.turn(
            audio=audio, conversation=conversation, profile=profile,
            idempotency_key=idempotency_key(), language=spoken_language(),
        )  # fmt: skip
    except AudioError as exc:
        raise ApiError(exc.status, str(exc), code=exc.code) from exc
    reply = result.reply.to_dict()
    warnings = [w for w in [reply.pop("warning", None), *result.warnings] if w]
    if WAV in request.headers.get("Accept", "") and result.audio is not None:
        headers = {
            "X-Transcript": quote(result.transcript),
            "X-Answer": quote(reply["answer"]),
            "X-Conversation-Id": conversation.conversation_id,
            "X-Message-Id": reply["message_id"],
            "X-Emotion": result.emotion.label,
            "X-Language": reply.get("language") or "",
        }
        return Response(result.audio, mimetype=WAV, headers=headers)
    body: dict[str, Any] = {
        "transcript": result.transcript,
        **reply,
        "emotion": result.emotion.to_dict(),
        "audio": base64.b64encode(result.audio).decode() if result.audio else None,
        "audio_format": "wav" if result.audio else None,
        "timings_ms": result.timings_ms,
        "request_id": g.request_id,
    }
    if warnings:
        body["warning"] = " ".join(warnings)
    return jsonify(body)


@routes.post(
    "/audio", scope="chat", ok=VoiceResponse, errors=(400, 404, 409, 413, 415, 422, 429, 503)
)
def audio() -> Response:
    """Ask by voice: multipart `audio` (WAV, FLAC, OGG/Opus, WebM or MP3, at most
    AUDIO_MAX_SECONDS long), optional form fields `assistant_id`, `user` and `language`
    (the one spoken; else it is recognised). The turn is
    stored as text (transcript and answer), so voice and text turns mix."""
    caller = current_caller()
    conversation_id = conversation_id_from(
        request.headers.get(CONVERSATION_HEADER), source=f"{CONVERSATION_HEADER} header"
    )
    data = recording()
    user = request.form.get("user") or None
    if user is not None and len(user) > MAX_USER_CHARS:
        raise ApiError(422, f"user must be 1-{MAX_USER_CHARS} characters")
    profile = assistant_for(
        caller, request.headers.get(ASSISTANT_HEADER) or request.form.get("assistant_id")
    )
    return voice_turn(conversation_of(caller, profile, conversation_id, user), profile, data)
