"""Request and response models of the platform API (organisations, knowledge bases,
documents, assistants, API keys): they validate input and document the contract."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from limits import parse_many
from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, field_validator

from agents.phrasebook import validate_messages
from agents.replies import HistoryMessage
from tenancy.models import SCOPES

NAME_PATTERN = r"^[^\x00-\x1f\x7f]+$"
NAME = Field(..., min_length=1, max_length=200, pattern=NAME_PATTERN)
NEW_NAME = Field(None, min_length=1, max_length=200, pattern=NAME_PATTERN)
SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$"
Scope = Literal[SCOPES]  # type: ignore[valid-type]
RetrievalMode = Literal["hybrid", "dense", "sparse"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Deleted(Strict):
    """A record deleted by id."""

    id: str
    deleted: bool
    request_id: str | None = None


def check_rate_limit(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parse_many(value)
    except ValueError as exc:
        raise ValueError("rate_limit must look like '60/minute' or '1000 per hour'") from exc
    return value


# -- organisations -----------------------------------------------------------------------


class OrganisationIn(Strict):
    name: str = NAME
    slug: str | None = Field(None, pattern=SLUG_PATTERN)


class LlmProviderIn(Strict):
    base_url: str | None = Field(None, max_length=500, pattern=r"^https?://\S+$")
    model: str | None = Field(None, min_length=1, max_length=200)
    api_key: str | None = Field(None, min_length=1, max_length=500)


class OrganisationPatch(Strict):
    name: str | None = NEW_NAME
    llm: LlmProviderIn | None = None
    retention_days: int | None = Field(
        None, ge=1, le=3650, description="keep turn records, feedback and audit entries this long"
    )
    log_questions: bool | None = Field(None, description="false: turn records keep no question")
    escalation_email: str | None = Field(
        None, pattern=r"^[^@\s]{1,200}@[^@\s]{1,118}$", max_length=320,
        description="mailed when a conversation is handed over to a person (null: nobody)",
    )  # fmt: skip


class LlmProviderOut(BaseModel):
    base_url: str | None
    model: str | None
    has_api_key: bool


class OrganisationOut(BaseModel):
    id: str
    name: str
    slug: str
    created_at: datetime
    llm: LlmProviderOut
    retention_days: int | None = None
    log_questions: bool = True
    escalation_email: str | None = None


class OrganisationCreated(OrganisationOut):
    admin_key: dict[str, Any] = Field(..., description="The first admin key; shown only now")
    request_id: str


class OrganisationList(BaseModel):
    organisations: list[OrganisationOut]


# -- knowledge bases ---------------------------------------------------------------------


class KnowledgeBaseIn(Strict):
    name: str = NAME
    description: str = Field("", max_length=2000)
    tags: list[str] = Field(default_factory=list, max_length=50)
    metadata: dict[str, Any] = Field(default_factory=dict)


class KnowledgeBasePatch(Strict):
    name: str | None = NEW_NAME
    description: str | None = Field(None, max_length=2000)
    tags: list[str] | None = Field(None, max_length=50)
    metadata: dict[str, Any] | None = None


class KnowledgeBaseOut(BaseModel):
    id: str
    name: str
    description: str
    tags: list[str]
    metadata: dict[str, Any]
    documents: int
    created_at: datetime
    updated_at: datetime


class KnowledgeBaseList(BaseModel):
    knowledge_bases: list[KnowledgeBaseOut]


class DocumentOut(BaseModel):
    id: str
    kb_id: str
    source: str
    title: str | None
    metadata: dict[str, Any]
    status: str = Field(..., description="pending, processing, completed or failed")
    chunks: int
    embedded: int
    unchanged: int
    error: str | None
    version: int
    job_id: str | None
    ocr_pages: int = Field(0, description="pages read by OCR (images, scanned PDF pages)")
    ocr_confidence: float | None = Field(None, description="OCR's mean confidence, 0..1")
    created_at: datetime
    updated_at: datetime
    request_id: str | None = None


class DocumentOutList(BaseModel):
    documents: list[DocumentOut]
    request_id: str


class UploadedJob(BaseModel):
    model_config = ConfigDict(extra="allow")

    job_id: str
    document_id: str
    source: str
    status: str
    replaced: bool
    version: int


class UploadResult(BaseModel):
    jobs: list[UploadedJob]
    job_ids: list[str]
    request_id: str


class DeletedRecord(BaseModel):
    model_config = ConfigDict(extra="allow")

    deleted: bool
    id: str
    request_id: str


# -- assistants --------------------------------------------------------------------------


class AssistantKnowledgeBaseIn(Strict):
    kb_id: str = Field(..., min_length=1, max_length=40)
    priority: int = Field(0, ge=0, le=10)
    active: bool = True


Topic = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
SampleQuestion = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)
]
ExampleQuestion = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)
]


class TopicExamplesIn(Strict):
    """Every example question of an assistant's topics (what it had is replaced)."""

    examples: dict[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)],
        Annotated[list[ExampleQuestion], Field(min_length=1, max_length=10)],
    ] = Field(
        ..., max_length=150,
        description="topic (one of its allowed, forbidden or escalation topics) -> 1 to 10 "
        "questions people ask on it; a topic left out has none",
    )  # fmt: skip


class TopicExamplesOut(BaseModel):
    assistant_id: str
    examples: dict[str, list[str]]
    # Topics with examples that the assistant no longer has (kept, not used).
    unused: list[str]
    # Escalation triggers that also use the service's own example questions offline:
    # trigger -> person | emergency | complaint | fraud | lost_card.
    built_in: dict[str, str]


SUGGESTED = Field(
    ..., description="What the web chat offers to ask: sample_questions, else questions "
    "drawn from the titles of its documents, else none"
)  # fmt: skip
Strictness = Literal["strict", "moderate", "lenient"]


class McpToolIn(Strict):
    server_id: str = Field(..., min_length=1, max_length=40)
    tool: str = Field(..., min_length=1, max_length=200)


class AssistantFields(Strict):
    description: str | None = Field(None, max_length=2000)
    system_prompt: str | None = Field(None, max_length=20_000)
    not_found_message: str | None = Field(None, max_length=2000)
    model_name: str | None = Field(None, max_length=200)
    temperature: float | None = Field(None, ge=0, le=2)
    max_tokens: int | None = Field(None, ge=1, le=32_000)
    retrieval_mode: RetrievalMode | None = None
    retrieval_k: int | None = Field(None, ge=1, le=50)
    score_threshold: float | None = Field(None, ge=-1, le=1)
    knowledge_bases: list[AssistantKnowledgeBaseIn] | None = Field(None, max_length=100)
    allowed_origins: list[str] | None = Field(None, max_length=50)
    is_public: bool | None = None
    allowed_topics: list[Topic] | None = Field(None, max_length=50)
    forbidden_topics: list[Topic] | None = Field(None, max_length=50)
    escalation_triggers: list[Topic] | None = Field(None, max_length=50)
    strictness: Strictness | None = None
    refusal_message: str | None = Field(None, max_length=2000)
    handoff_message: str | None = Field(None, max_length=2000)
    max_conversation_history: int | None = Field(None, ge=0, le=100)
    citation_required: bool | None = None
    sample_questions: list[SampleQuestion] | None = Field(
        None, max_length=8, description="questions the web chat offers to start with"
    )
    data_source_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] | None = (
        Field(None, max_length=20, description="data sources it may query with SQL")
    )
    messages: dict[str, dict[str, str]] | None = Field(
        None,
        description='its own messages per language, e.g. {"es": {"not_found": "...", '
        '"refusal": "...", "handoff": "..."}}, and its replies to small talk ("greeting", '
        '"help", "thanks", "farewell"); a language or kind left out gets the built-in one',
    )
    visitor_daily_quota: int | None = Field(
        None, ge=1, le=1_000_000, description="public turns a day per visitor (null: no limit)"
    )
    address_daily_quota: int | None = Field(
        None, ge=1, le=1_000_000, description="public turns a day per client address"
    )
    daily_quota: int | None = Field(
        None, ge=1, le=10_000_000, description="public turns a day in all"
    )
    allow_requests_without_origin: bool | None = Field(
        None, description="answer public requests that name no site (no Origin header)"
    )
    show_citations: bool | None = Field(None, description="visitors see the sources")
    mcp_tools: list[McpToolIn] | None = Field(
        None, max_length=50,
        description="tools of the organisation's MCP servers it may call (with a model); "
        "none unless listed",
    )  # fmt: skip

    @field_validator("mcp_tools")
    @classmethod
    def distinct_tools(cls, value: list[McpToolIn] | None) -> list[McpToolIn] | None:
        if value is None:
            return None
        return list({(t.server_id, t.tool): t for t in value}.values())

    @field_validator("messages", mode="before")
    @classmethod
    def localised(cls, value: Any) -> Any:
        return value if value is None else validate_messages(value)

    @field_validator("allowed_origins")
    @classmethod
    def origins(cls, value: list[str] | None) -> list[str] | None:
        for origin in value or []:
            if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
                raise ValueError(f"{origin!r} is not an origin like https://example.com")
        return value

    @field_validator("data_source_ids")
    @classmethod
    def distinct_sources(cls, value: list[str] | None) -> list[str] | None:
        return value if value is None else list(dict.fromkeys(value))

    @field_validator("knowledge_bases")
    @classmethod
    def distinct(cls, value: list[AssistantKnowledgeBaseIn] | None) -> Any:
        if value is not None and len({link.kb_id for link in value}) != len(value):
            raise ValueError("each knowledge base may be listed once")
        return value


class AssistantIn(AssistantFields):
    name: str = NAME


class AssistantPatch(AssistantFields):
    name: str | None = NEW_NAME


class AssistantKnowledgeBaseOut(BaseModel):
    kb_id: str
    priority: int
    active: bool


class AssistantOut(BaseModel):
    id: str
    name: str
    description: str
    system_prompt: str | None
    not_found_message: str | None
    model_name: str | None
    temperature: float | None
    max_tokens: int | None
    retrieval_mode: str | None
    retrieval_k: int | None
    score_threshold: float | None
    knowledge_bases: list[AssistantKnowledgeBaseOut]
    data_source_ids: list[str]
    allowed_origins: list[str]
    is_public: bool
    allowed_topics: list[str]
    forbidden_topics: list[str]
    escalation_triggers: list[str]
    strictness: str
    refusal_message: str | None
    handoff_message: str | None
    max_conversation_history: int | None
    citation_required: bool
    sample_questions: list[str]
    messages: dict[str, dict[str, str]]
    visitor_daily_quota: int | None
    address_daily_quota: int | None
    daily_quota: int | None
    allow_requests_without_origin: bool
    show_citations: bool
    mcp_tools: list[McpToolIn]
    suggested_questions: list[str] = SUGGESTED
    created_at: datetime
    updated_at: datetime


class AssistantSummary(BaseModel):
    """What a key without the admin scope sees of an assistant: never its prompt,
    guardrails, model or knowledge bases."""

    id: str
    name: str
    description: str
    is_public: bool
    suggested_questions: list[str] = SUGGESTED


class AssistantView(RootModel[AssistantOut | AssistantSummary]):
    """One assistant, as the caller's scope may see it."""


class AssistantList(BaseModel):
    assistants: list[AssistantOut | AssistantSummary]


# -- API keys ----------------------------------------------------------------------------


class ApiKeyIn(Strict):
    name: str = NAME
    scopes: list[Scope] = Field(..., min_length=1)
    assistant_ids: list[str] | None = Field(None, max_length=100)
    rate_limit: str | None = Field(None, max_length=50)
    expires_at: datetime | None = None

    _limit = field_validator("rate_limit")(check_rate_limit)

    @field_validator("expires_at")
    @classmethod
    def future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        if value <= datetime.now(UTC):
            raise ValueError("expires_at must be in the future")
        return value


class ApiKeyOut(BaseModel):
    id: str
    name: str
    prefix: str
    scopes: list[str]
    assistant_ids: list[str] | None
    rate_limit: str | None
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(..., description="The key itself: shown only in this response")
    request_id: str


class ApiKeyList(BaseModel):
    api_keys: list[ApiKeyOut]


# -- feedback, analytics, audit ----------------------------------------------------------


class FeedbackIn(Strict):
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=2000)


class FeedbackOut(BaseModel):
    id: str
    assistant_id: str
    message_id: str
    rating: str
    comment: str | None
    question: str | None
    answer: str
    citations: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime


class FeedbackSaved(FeedbackOut):
    conversation_id: str
    request_id: str


class FeedbackList(BaseModel):
    feedback: list[FeedbackOut]
    request_id: str


class AnalyticsFigures(BaseModel):
    turns: int
    conversations: int
    not_found_rate: float | None
    refusal_rate: float | None
    escalation_rate: float | None
    feedback_up: int
    feedback_down: int
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    tokens: int


class AnalyticsPoint(AnalyticsFigures):
    start: datetime


class LanguageFigures(BaseModel):
    turns: int
    not_found_rate: float


class AnalyticsOut(BaseModel):
    assistant_id: str | None
    interval: str
    from_: datetime = Field(..., alias="from")
    to: datetime
    totals: AnalyticsFigures
    series: list[AnalyticsPoint]
    languages: dict[str, LanguageFigures] = Field(
        ..., description="turns and not-found rate per question language, most asked first"
    )
    channels: dict[str, int] = Field(
        ..., description="turns per way in (api, web_chat, widget, voice, openai), most first"
    )
    request_id: str


class UnansweredGroup(BaseModel):
    question: str
    count: int
    last_asked: datetime
    examples: list[str]


class UnansweredOut(BaseModel):
    assistant_id: str | None
    questions: list[UnansweredGroup]
    request_id: str


class AuditEntryOut(BaseModel):
    id: int
    org_id: str
    actor_key_id: str
    actor_prefix: str
    action: str
    target_type: str
    target_id: str
    summary: dict[str, Any]
    created_at: datetime


class AuditList(BaseModel):
    entries: list[AuditEntryOut]
    request_id: str


class ConversationExport(BaseModel):
    conversation_id: str
    assistant_id: str
    exported_at: datetime
    messages: list[HistoryMessage]
    request_id: str


# -- prompt templates --------------------------------------------------------------------

PromptName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,100}$")]
VariableName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]


class PromptIn(Strict):
    name: PromptName
    template: str = Field(..., min_length=1, max_length=20_000)
    variables: dict[VariableName, Literal["string", "number", "integer", "boolean"]] = Field(
        default_factory=dict, max_length=50
    )
    output_schema: dict[str, Any] | None = None
    use_history: bool = True


class PromptPatch(Strict):
    template: str | None = Field(None, min_length=1, max_length=20_000)
    variables: dict[VariableName, Literal["string", "number", "integer", "boolean"]] | None = Field(
        None, max_length=50
    )
    output_schema: dict[str, Any] | None = None
    use_history: bool | None = None


class PromptOut(BaseModel):
    id: str
    assistant_id: str
    name: str
    template: str
    variables: dict[str, str]
    output_schema: dict[str, Any] | None
    use_history: bool
    created_at: datetime
    updated_at: datetime


class PromptList(BaseModel):
    prompts: list[PromptOut]


# -- single sign-on into the web chat -------------------------------------------------------


class SessionIn(Strict):
    user: str = Field(..., min_length=1, max_length=128, description="your id for the person")
    assistant_id: str | None = Field(None, max_length=200, description="id or name")
    display_name: str | None = Field(None, max_length=100)


class SessionLink(BaseModel):
    token: str
    url: str = Field(..., description="the web chat, signing the person in when opened")
    expires_in: int
    user: str
    assistant_id: str
    request_id: str


class RedeemIn(Strict):
    token: str = Field(..., min_length=1, max_length=200)


class CallerOut(BaseModel):
    key_id: str
    prefix: str
    org_id: str
    scopes: list[str]
    assistant_ids: list[str] | None
    platform_admin: bool
    session_user: str | None
    request_id: str


class WebSession(BaseModel):
    session_token: str
    expires_in: int
    user: str
    display_name: str | None
    assistant_id: str
    assistant_name: str
    request_id: str


# -- data sources ----------------------------------------------------------------------------


class DataSourceIn(Strict):
    """A database the organisation has (JSON); spreadsheets come as multipart instead:
    `name`, optional `description`, and one or more `files` (CSV, TSV, XLSX)."""

    name: str = NAME
    kind: Literal["sql"] = "sql"
    url: str = Field(
        ..., min_length=1, max_length=2000,
        description="SQLAlchemy URL: postgresql://user:password@host/db, or "
        "sqlite:///name.db (a file under SQL_SOURCES_DIR)",
    )  # fmt: skip
    description: str = Field("", max_length=2000)


class DataSourceColumn(BaseModel):
    name: str
    type: str


class DataSourceTable(BaseModel):
    name: str
    columns: list[DataSourceColumn]
    rows: int | None
    sample: list[list[Any]]


class DataSourceOut(BaseModel):
    id: str
    name: str
    description: str
    kind: str = Field(..., description="sql | spreadsheet")
    engine: str = Field(..., description="sqlite | postgresql | duckdb")
    url: str | None = Field(None, description="the database URL, its password hidden")
    files: list[str]
    tables: list[DataSourceTable]
    created_at: datetime
    updated_at: datetime
    reachable: bool | None = Field(
        None, description="false: the database could not be read now (tables as last read)"
    )


class DataSourceList(BaseModel):
    data_sources: list[DataSourceOut]
