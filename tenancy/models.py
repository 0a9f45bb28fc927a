"""Platform records as SQLAlchemy 2 models. Every row of organisation data carries
`org_id`; crud.py filters on it in every query."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

DEFAULT_ORG_ID = "org_default"
DEFAULT_KB_ID = "kb_default"
DEFAULT_ASSISTANT_ID = "asst_default"

DOCUMENT_STATUSES = ("pending", "processing", "completed", "failed")
# content:write: knowledge bases, assistants and prompts; insights:read: analytics,
# feedback and the audit trail. admin: everything of the organisation.
SCOPES = ("chat", "documents:read", "documents:write", "content:write", "insights:read", "admin")


def new_id(kind: str) -> str:
    return f"{kind}_{secrets.token_hex(8)}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on every backend (SQLite keeps naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, datetime: UtcDateTime}


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # The organisation's own OpenAI-compatible provider; the key is Fernet-encrypted.
    llm_base_url: Mapped[str | None] = mapped_column(String(500))
    llm_model: Mapped[str | None] = mapped_column(String(200))
    llm_api_key_encrypted: Mapped[str | None] = mapped_column(Text)
    # Days turn records, feedback and audit entries are kept (None: kept until deleted).
    retention_days: Mapped[int | None] = mapped_column(Integer)
    # Off: turn records keep no question text.
    log_questions: Mapped[bool] = mapped_column(Boolean, default=True)
    # Where a conversation handed over to a person is mailed (SMTP_* settings).
    escalation_email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrganisationRecord:
    """What every record of an organisation has: an id, its organisation, and when it
    was made and last changed."""

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class KnowledgeBase(OrganisationRecord, Base):
    __tablename__ = "knowledge_bases"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)


class Document(OrganisationRecord, Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kb_id", "source"),)

    kb_id: Mapped[str] = mapped_column(
        ForeignKey("knowledge_bases.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(500))
    title: Mapped[str | None] = mapped_column(String(300))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    job_id: Mapped[str | None] = mapped_column(String(40))
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    embedded: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Pages read by OCR (images, scanned PDF pages) and the engine's mean confidence.
    ocr_pages: Mapped[int] = mapped_column(Integer, default=0)
    ocr_confidence: Mapped[float | None] = mapped_column(Float)


class Assistant(OrganisationRecord, Base):
    __tablename__ = "assistants"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    system_prompt: Mapped[str | None] = mapped_column(Text)
    not_found_message: Mapped[str | None] = mapped_column(Text)
    model_name: Mapped[str | None] = mapped_column(String(200))
    temperature: Mapped[float | None] = mapped_column(Float)
    max_tokens: Mapped[int | None] = mapped_column(Integer)
    retrieval_mode: Mapped[str | None] = mapped_column(String(10))
    retrieval_k: Mapped[int | None] = mapped_column(Integer)
    score_threshold: Mapped[float | None] = mapped_column(Float)
    allowed_origins: Mapped[list[str]] = mapped_column(default=list)
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    # Guardrails (agents/guardrails.py): what the assistant talks about, and when it
    # hands the person to a human.
    allowed_topics: Mapped[list[str]] = mapped_column(default=list)
    forbidden_topics: Mapped[list[str]] = mapped_column(default=list)
    escalation_triggers: Mapped[list[str]] = mapped_column(default=list)
    strictness: Mapped[str] = mapped_column(String(10), default="moderate")
    # A few example questions per topic ({topic: [question, ...]}): weighed above the
    # topic's name by the offline check (PUT /v1/assistants/{id}/topic-examples).
    topic_examples: Mapped[dict[str, Any]] = mapped_column(default=dict)
    refusal_message: Mapped[str | None] = mapped_column(Text)
    handoff_message: Mapped[str | None] = mapped_column(Text)
    max_conversation_history: Mapped[int | None] = mapped_column(Integer)
    citation_required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Questions the web chat offers to start with (else drawn from document titles).
    sample_questions: Mapped[list[str]] = mapped_column(default=list)
    # Its own messages per language: {"es": {"not_found": ..., "refusal": ..., "handoff": ...}}.
    messages: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The data sources it may query with SQL (through a model's tool calls).
    data_source_ids: Mapped[list[str]] = mapped_column(default=list)
    # A public assistant on other sites (the widget, /v1/public/*): turns a day per visitor,
    # per client address and in all (None: no limit), whether a request that names no
    # site (no Origin: curl, a server) is answered, and whether visitors see the sources.
    visitor_daily_quota: Mapped[int | None] = mapped_column(Integer, default=50)
    address_daily_quota: Mapped[int | None] = mapped_column(Integer, default=200)
    daily_quota: Mapped[int | None] = mapped_column(Integer, default=2000)
    allow_requests_without_origin: Mapped[bool] = mapped_column(Boolean, default=False)
    show_citations: Mapped[bool] = mapped_column(Boolean, default=True)
    # Tools of the organisation's MCP servers it may call (through a model):
    # [{"server_id": ..., "tool": ...}]; none unless listed.
    mcp_tools: Mapped[list[Any]] = mapped_column(JSON, default=list)

    knowledge_bases: Mapped[list[AssistantKnowledgeBase]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AssistantKnowledgeBase.kb_id"
    )


class WebSource(OrganisationRecord, Base):
    """A web site crawled into a knowledge base, again every `refresh_hours`; `pages`
    keeps each page's state from the last crawl (url -> etag, last_modified, digest,
    document id), so unchanged pages are skipped and vanished ones removed."""

    __tablename__ = "web_sources"

    kb_id: Mapped[str] = mapped_column(
        ForeignKey("knowledge_bases.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    max_pages: Mapped[int] = mapped_column(Integer, default=200)
    max_depth: Mapped[int] = mapped_column(Integer, default=3)
    include: Mapped[list[str]] = mapped_column(default=list)
    exclude: Mapped[list[str]] = mapped_column(default=list)
    refresh_hours: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_crawled_at: Mapped[datetime | None] = mapped_column()
    next_crawl_at: Mapped[datetime | None] = mapped_column()


class DataSource(OrganisationRecord, Base):
    """A database (its SQLAlchemy URL, Fernet-encrypted: it may hold a password) or a set
    of spreadsheets kept as tables in a DuckDB file of the organisation's own folder."""

    __tablename__ = "data_sources"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))  # sql | spreadsheet
    engine: Mapped[str] = mapped_column(String(20))  # sqlite | postgresql | duckdb
    url_encrypted: Mapped[str | None] = mapped_column(Text)
    # Tables as last read: name, columns with types, row count, a few sample rows.
    tables: Mapped[list[Any]] = mapped_column(JSON, default=list)
    files: Mapped[list[str]] = mapped_column(default=list)


class McpServer(OrganisationRecord, Base):
    """An organisation's MCP server (streamable HTTP) whose tools its assistants may call.
    A bearer token or an OAuth client secret is Fernet-encrypted: it is sent, never shown."""

    __tablename__ = "mcp_servers"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    name: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(2000))
    auth_type: Mapped[str] = mapped_column(String(30), default="none")  # none|bearer|oauth...
    secret_encrypted: Mapped[str | None] = mapped_column(Text)
    # OAuth client credentials: where the token is asked for, as whom, for what.
    token_url: Mapped[str | None] = mapped_column(String(2000))
    client_id: Mapped[str | None] = mapped_column(String(300))
    scope: Mapped[str | None] = mapped_column(String(500))


class AssistantKnowledgeBase(Base):
    __tablename__ = "assistant_knowledge_bases"

    assistant_id: Mapped[str] = mapped_column(
        ForeignKey("assistants.id", ondelete="CASCADE"), primary_key=True
    )
    kb_id: Mapped[str] = mapped_column(
        ForeignKey("knowledge_bases.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    priority: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ApiKey(OrganisationRecord, Base):
    __tablename__ = "api_keys"

    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(20))
    # SHA-256 of the whole key (32 random bytes): the key itself is never stored.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[str]] = mapped_column(default=list)
    assistant_ids: Mapped[list[str] | None] = mapped_column(JSON)
    rate_limit: Mapped[str | None] = mapped_column(String(50))
    expires_at: Mapped[datetime | None] = mapped_column()
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()


# The `mode` of a turn that only greeted, thanked or said goodbye (agents/small_talk.py):
# found nothing, and asked nothing the documents should answer.
SMALL_TALK = "small_talk"


class TurnRecord(Base):
    """One answered turn, for analytics. The conversation id is hashed; the question is
    kept unless the organisation turns question logging off."""

    __tablename__ = "turn_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    assistant_id: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(80))
    conversation_hash: Mapped[str] = mapped_column(String(64), index=True)
    message_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    latency_ms: Mapped[float] = mapped_column(Float)
    stage_ms: Mapped[dict[str, Any]] = mapped_column(default=dict)
    mode: Mapped[str] = mapped_column(String(20))
    found: Mapped[bool] = mapped_column(Boolean)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    citation_count: Mapped[int] = mapped_column(Integer, default=0)
    tokens: Mapped[int | None] = mapped_column(Integer)
    question: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))  # the question's (detected or given)
    # How it came in (api/channels.py): api, web_chat, widget, voice, openai.
    channel: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (Index("ix_turn_records_scope_time", "org_id", "assistant_id", "created_at"),)


class Feedback(Base):
    """A rating of one answer (one per message, replaceable), with what was asked and
    answered so that a bad answer can be traced to its documents."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("org_id", "conversation_hash", "message_id"),
        Index("ix_feedback_scope_time", "org_id", "assistant_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    assistant_id: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(80))
    conversation_hash: Mapped[str] = mapped_column(String(64), index=True)
    message_id: Mapped[str] = mapped_column(String(64))
    rating: Mapped[str] = mapped_column(String(4))
    comment: Mapped[str | None] = mapped_column(Text)
    question: Mapped[str | None] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AuditEntry(Base):
    """An admin action. Kept after its organisation is deleted (no foreign key), so the
    platform's own trail shows the deletion too; purged by the organisation's retention."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_org_time", "org_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    org_id: Mapped[str] = mapped_column(String(40))
    actor_key_id: Mapped[str] = mapped_column(String(80))
    actor_prefix: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(200))
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class PromptTemplate(OrganisationRecord, Base):
    """A named prompt of an assistant: Jinja2 text (rendered sandboxed) with declared,
    typed variables, and optionally a JSON Schema its structured output must meet."""

    __tablename__ = "prompt_templates"
    __table_args__ = (UniqueConstraint("assistant_id", "name"),)

    assistant_id: Mapped[str] = mapped_column(
        ForeignKey("assistants.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    template: Mapped[str] = mapped_column(Text)
    variables: Mapped[dict[str, Any]] = mapped_column(default=dict)  # name -> type
    output_schema: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    use_history: Mapped[bool] = mapped_column(Boolean, default=True)


ROLES = ("owner", "admin", "editor", "viewer", "member")


class User(Base):
    """A person who signs in. The password is kept only as an argon2id hash (None: the
    person signs in through single sign-on or has not set one yet)."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # lower-case
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    platform_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column()


class Membership(Base):
    """A user's role in one organisation."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "org_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SsoIdentity(Base):
    """A person's account at one organisation's identity provider (issuer + subject),
    linked when that provider first signed the account in or when its owner linked it:
    an organisation's provider signs in only the accounts linked to it."""

    __tablename__ = "sso_identities"
    __table_args__ = (UniqueConstraint("org_id", "issuer", "subject"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    issuer: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OneTimeToken(Base):
    """An invitation, a password reset or a first sign-in link: only the SHA-256 of the
    token is kept; it works once, before it expires."""

    __tablename__ = "one_time_tokens"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # invitation | reset
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str | None] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(80), default="")
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RefreshToken(Base):
    """One refresh token of a sign-in. Each use replaces it by a new one of the same
    family; a replaced or revoked token used again revokes the whole family."""

    __tablename__ = "refresh_tokens"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    family_id: Mapped[str] = mapped_column(String(40), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column()
    replaced_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Webhook(OrganisationRecord, Base):
    """An HTTPS endpoint of an organisation told of chosen events, each body signed with
    the webhook's secret (Fernet-encrypted here: the receiver needs it in clear)."""

    __tablename__ = "webhooks"

    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list[str]] = mapped_column(default=list)
    secret_encrypted: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WebhookDelivery(Base):
    """One event sent to one webhook, with how its attempts went."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_deliveries_hook_time", "webhook_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    webhook_id: Mapped[str] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    event: Mapped[str] = mapped_column(String(60))
    event_id: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    response_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column()


class SsoConfig(OrganisationRecord, Base):
    """An organisation's OpenID Connect provider: people of its email domains sign in
    there and arrive with `default_role`. The client secret is Fernet-encrypted; the
    provider's endpoints are kept from its discovery document."""

    __tablename__ = "sso_configs"
    __table_args__ = (UniqueConstraint("org_id"),)

    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(300))
    client_secret_encrypted: Mapped[str | None] = mapped_column(Text)
    allowed_domains: Mapped[list[str]] = mapped_column(default=list)
    default_role: Mapped[str] = mapped_column(String(20), default="member")
    endpoints: Mapped[dict[str, Any]] = mapped_column(default=dict)
