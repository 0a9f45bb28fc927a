"""Request and response models: they validate input and document the API."""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from agents.replies import Artifact, ChatReply, Citation, HistoryMessage
from knowledge.documents.attributes import BadAttributes, search_filter
from knowledge.encoders.languages import normalise

CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_MESSAGE_CHARS = 5000
MAX_USER_CHARS = 128


def visible_text(value: str) -> str:
    """The text without whitespace and invisible characters (format and control
    characters such as zero-width spaces): empty means nothing a person could read."""
    return "".join(
        c for c in value if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc", "Zs")
    )


class AttachmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=1, max_length=200, description="with its extension")
    content_base64: str = Field(..., min_length=1)


FILTERS = Field(
    None,
    description="Search only documents whose metadata match: "
    '{"category": "contracts"} (equal), {"category": ["a", "b"]} (any of), '
    '{"year": {"gte": 2020, "lt": 2025}} or {"signed": {"gte": "2026-01-01"}} (ranges); '
    "all must hold. Applied inside the search.",
)


def checked_filters(value: dict[str, Any] | None) -> dict[str, Any] | None:
    try:
        search_filter(value)
    except BadAttributes as exc:
        raise ValueError(str(exc)) from exc
    return value


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str | None = Field(None, min_length=1, max_length=MAX_MESSAGE_CHARS)
    prompt_name: str | None = Field(
        None, max_length=100, description="ask with a named prompt of the assistant"
    )
    variables: dict[str, Any] | None = Field(None, description="the named prompt's variables")
    ignore_history: bool = Field(False, description="answer without the conversation so far")
    files: list[AttachmentIn] | None = Field(
        None, description="files for this question only (md, txt, html, pdf, docx, csv, xlsx, pptx)"
    )
    assistant_id: str | None = Field(
        None, max_length=200, description="The assistant (id or name); or X-Assistant-Id"
    )
    user: str | None = Field(
        None, min_length=1, max_length=MAX_USER_CHARS,
        description="Your own id for the person asking: scopes the conversation to them",
    )  # fmt: skip
    edit: str | None = Field(
        None, min_length=1, max_length=100,
        description="The message_id of a question of this conversation to replace with "
        "`message`: it and everything after it are dropped, and the conversation goes on "
        "from the edited question",
    )  # fmt: skip
    regenerate: bool = Field(
        False, description="Ask the last question again (no `message`): its answer is "
        "replaced, and the earlier ones stay on the question as `earlier_answers`",
    )  # fmt: skip
    language: str | None = Field(
        None, max_length=16, description="The question's language (es, id, en-GB ...) when "
        "you know it; else it is detected",
    )  # fmt: skip
    filters: dict[str, Any] | None = FILTERS

    @field_validator("filters")
    @classmethod
    def valid_filters(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        return checked_filters(value)

    @field_validator("language")
    @classmethod
    def known_language(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = normalise(value)
        if code is None:
            raise ValueError(f"language {value!r} is not a language code this service knows")
        return code

    @field_validator("message")
    @classmethod
    def not_blank(cls, value: str | None) -> str | None:
        if value is not None and not visible_text(value):
            raise ValueError("message must contain visible text")
        return value

    @model_validator(mode="after")
    def message_or_prompt(self) -> ChatRequest:
        if self.regenerate:
            if self.message is not None or self.prompt_name is not None or self.edit:
                raise ValueError("regenerate asks the last question again: send no message")
            return self
        if self.edit is not None and self.message is None:
            raise ValueError("edit replaces a question with `message`: send the new question")
        if (self.message is None) == (self.prompt_name is None):
            raise ValueError("send either a message, or a prompt_name with its variables")
        if self.variables is not None and self.prompt_name is None:
            raise ValueError("variables go with a prompt_name")
        return self


class ConversationId(BaseModel):
    conversation_id: str = Field(..., pattern=CONVERSATION_ID_PATTERN)


class ChatResponse(ChatReply):
    request_id: str


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody
    request_id: str


class CompletionMessage(BaseModel):
    role: str = Field(..., pattern=r"^(system|user|assistant|tool|developer)$")
    content: str | list[dict] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # content parts: keep the text ones
            return " ".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


# Accepted and not used: the assistant's own model settings decide these. Chat front ends
# send several by default (LibreChat the penalties, SDKs `seed`), so refusing them would
# refuse those clients; what would change the kind of answer (tools, logprobs, JSON mode,
# n > 1) is refused instead.
IGNORED_COMPLETION_FIELDS = frozenset(
    {
        "temperature", "top_p", "max_tokens", "max_completion_tokens", "presence_penalty",
        "frequency_penalty", "seed", "metadata", "store", "service_tier",
    }
)  # fmt: skip


class ChatCompletionRequest(BaseModel):
    """The subset of OpenAI's chat completions request the service honours. `model` is
    the assistant's id or name. Sampling fields (temperature, top_p, max_tokens, the
    penalties, seed) are accepted but the assistant's settings apply; any other field is
    refused (400)."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(..., min_length=1, max_length=200)
    messages: list[CompletionMessage] = Field(..., min_length=1)
    stream: bool = False
    user: str | None = Field(None, min_length=1, max_length=MAX_USER_CHARS)
    n: int = 1
    stream_options: dict[str, Any] | None = Field(
        None, description="`include_usage`: a last chunk with `usage` (token counts are 0)"
    )
    filters: dict[str, Any] | None = FILTERS

    @field_validator("filters")
    @classmethod
    def valid_filters(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        return checked_filters(value)

    def usage_chunk(self) -> bool:
        return bool(self.stream and (self.stream_options or {}).get("include_usage"))

    def unsupported_fields(self) -> list[str]:
        """Fields the service would have to honour and cannot (a null one is not set)."""
        sent = {name for name, value in (self.model_extra or {}).items() if value is not None}
        return sorted(sent - IGNORED_COMPLETION_FIELDS)

    def prior_messages(self) -> list[tuple[str, str]]:
        """The user and assistant messages before the question, as a client that keeps
        the conversation itself sends them (system prompts and tool calls left out)."""
        return [
            (m.role, text)
            for m in self.messages[:-1]
            if m.role in ("user", "assistant") and (text := m.text().strip())
        ]

    def question(self) -> str:
        last = self.messages[-1]
        text = last.text().strip()
        if last.role != "user" or not text:
            raise ValueError("the last message must be a non-empty user message")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ValueError(f"the last message is longer than {MAX_MESSAGE_CHARS} characters")
        return text


# -- response models (documented in /openapi.json) -----------------------------------


class ChatHeaders(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    x_conversation_id: str = Field(
        ..., alias="X-Conversation-Id", pattern=CONVERSATION_ID_PATTERN,
        description="Names the conversation; reuse it for every turn",
    )  # fmt: skip
    x_assistant_id: str | None = Field(
        None, alias="X-Assistant-Id", max_length=200,
        description="The assistant (id or name); not needed for a key bound to one",
    )  # fmt: skip
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", pattern=CONVERSATION_ID_PATTERN,
        description="A retry with the same key gets the first request's answer, not a new turn",
    )  # fmt: skip


class ConversationResponse(BaseModel):
    conversation_id: str
    assistant_id: str
    messages: list[HistoryMessage]
    request_id: str


class DeletedConversation(BaseModel):
    deleted: bool
    conversation_id: str
    request_id: str


class ModelInfo(BaseModel):
    id: str
    object: str
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: str
    data: list[ModelInfo]


class CompletionChoiceMessage(BaseModel):
    role: str
    content: str


class CompletionChoice(BaseModel):
    index: int
    message: CompletionChoiceMessage
    finish_reason: str


class ChatCompletionResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    object: str
    created: int
    model: str
    choices: list[CompletionChoice]
    citations: list[Citation]
    conversation_id: str
    assistant_id: str


class JobResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    job_id: str
    org_id: str
    kb_id: str
    status: str = Field(..., description="pending, processing, completed or failed")
    source: str
    title: str | None
    document_id: str
    created_at: float
    updated_at: float
    chunks: int
    embedded: int
    unchanged: int
    deleted: int
    errors: list[str]


class DocumentInfo(BaseModel):
    document_id: str
    source: str
    title: str
    chunks: int
    status: str


class DocumentList(BaseModel):
    documents: list[DocumentInfo]
    request_id: str


class DeletedDocument(BaseModel):
    deleted: bool
    document_id: str
    chunks: int
    request_id: str


class HealthResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: str = Field(..., description="ok, degraded (LLM failing) or down")
    version: str
    redis: dict | None = Field(None, description="Details: with an admin key only")
    qdrant: dict | None = None
    database: dict | None = None
    embeddings: dict | None = None
    llm: dict | None = None


class ReadyResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    ready: bool


class PublicAssistant(BaseModel):
    id: str
    name: str
    description: str
    allowed_origins: list[str] = Field(
        ..., description="The sites that may embed it (the web chat lets them frame it)"
    )
    suggested_questions: list[str] = Field(..., description="What the web chat offers to ask")


class PublicAssistantList(BaseModel):
    assistants: list[PublicAssistant]


class WidgetAssistant(BaseModel):
    """What a site's widget shows of the public assistant it embeds (never its prompt,
    its organisation or its settings)."""

    id: str
    name: str
    description: str
    suggested_questions: list[str]
    show_citations: bool = Field(..., description="false: the widget shows no sources")


class ConversationSummary(BaseModel):
    conversation_id: str
    title: str = Field(..., description="The first question, or the name it was given")
    last_activity: float | None = Field(None, description="Unix time of the last turn")


class StopAccepted(BaseModel):
    stopping: bool
    conversation_id: str
    request_id: str


class ConversationRename(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(..., min_length=1, max_length=120)

    @field_validator("title")
    @classmethod
    def visible(cls, value: str) -> str:
        if not visible_text(value):
            raise ValueError("title must contain visible text")
        return value


class ConversationList(BaseModel):
    conversations: list[ConversationSummary]
    assistant_id: str
    request_id: str


class VoiceEmotion(BaseModel):
    label: str = Field(..., description="positive, neutral or negative")
    score: float = Field(..., description="VADER's compound score, -1 to 1")


class VoiceResponse(ChatResponse):
    transcript: str
    emotion: VoiceEmotion
    audio: str | None = Field(None, description="the spoken answer, base64 WAV")
    audio_format: str | None = None
    timings_ms: dict[str, float] = Field(
        ..., description="decode, speech_to_text, emotion, rag, text_to_speech, total"
    )


class DocumentPart(BaseModel):
    section: str | None
    page: int | None
    text: str


class DocumentView(BaseModel):
    title: str
    source: str
    parts: list[DocumentPart]
    assistant_id: str
    request_id: str


class ArtifactList(BaseModel):
    conversation_id: str
    artifacts: list[Artifact]
    request_id: str | None = None


class Download(RootModel[str]):
    """The file itself, with its media type (text/csv, image/png or application/sql)."""
