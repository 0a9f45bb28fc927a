"""An assistant as a turn needs it: its settings, its active knowledge bases and the LLM
provider it answers with, read once and cached briefly per worker."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from tenancy import crud
from tenancy.db import Database
from tenancy.secrets_box import SecretsBox

PROFILE_CACHE_SECONDS = 1.0
# The data sources (of the organisation, by id) an assistant may query, read in the open
# session: data_sources.catalog.sources_loader, given by the composition root (this
# layer does not import the data layer above it).
SourceLoader = Callable[[Session, str, Sequence[str]], tuple[Any, ...]]
# The same for the MCP tools it may call: mcp_tools.catalog.tools_loader.
ToolsLoader = Callable[[Session, str, Sequence[Any]], tuple[Any, ...]]


@dataclass(frozen=True)
class GuardRules:
    """An assistant's guardrail settings."""

    allowed_topics: tuple[str, ...] = ()
    forbidden_topics: tuple[str, ...] = ()
    escalation_triggers: tuple[str, ...] = ()
    strictness: str = "moderate"
    # Example questions of some topics: ((topic, (question, ...)), ...).
    examples: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def examples_of(self, topic: str) -> tuple[str, ...]:
        return next((questions for named, questions in self.examples if named == topic), ())

    @property
    def active(self) -> bool:
        return bool(self.allowed_topics or self.forbidden_topics or self.escalation_triggers)


@dataclass(frozen=True)
class AssistantProfile:
    id: str
    org_id: str
    name: str
    system_prompt: str | None
    not_found_message: str | None
    model_name: str | None
    temperature: float | None
    max_tokens: int | None
    retrieval_mode: str | None
    retrieval_k: int | None
    score_threshold: float | None
    priorities: tuple[tuple[str, int], ...]  # active knowledge bases: (id, priority)
    allowed_origins: tuple[str, ...]
    is_public: bool
    guard_rules: GuardRules = GuardRules()
    refusal_message: str | None = None
    handoff_message: str | None = None
    max_conversation_history: int | None = None  # turns sent to the model
    citation_required: bool = False
    log_questions: bool = True  # the organisation's choice, for turn records
    # What the organisation, the assistant and its knowledge bases are called: names a
    # question may use though no document repeats them ("Brightdesk").
    own_names: tuple[str, ...] = ()
    # The organisation's own provider, if it has one (the key decrypted, never shown).
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)
    # Its own messages per language: ((language, kind, text), ...).
    messages: tuple[tuple[str, str, str], ...] = ()
    # The data sources it may query (data_sources.catalog.DataSourceRef: their URLs
    # decrypted, never shown).
    data_sources: tuple[Any, ...] = ()
    # As a public assistant on other sites (api/public.py).
    visitor_daily_quota: int | None = None
    address_daily_quota: int | None = None
    daily_quota: int | None = None
    allow_requests_without_origin: bool = False
    show_citations: bool = True
    # The MCP tools it may call (mcp_tools.catalog.ToolRef: secrets decrypted, never shown).
    mcp_tools: tuple[Any, ...] = ()


class ProfileStore:
    def __init__(
        self,
        db: Database,
        box: SecretsBox,
        *,
        data_sources: SourceLoader | None = None,
        mcp_tools: ToolsLoader | None = None,
    ) -> None:
        self.db = db
        self.box = box
        self.data_sources = data_sources
        self.mcp_tools = mcp_tools
        self._cache: dict[tuple[str, str], tuple[float, AssistantProfile]] = {}
        self._lock = threading.Lock()

    def get(self, *, org_id: str, assistant_id: str) -> AssistantProfile:
        """The assistant's profile; crud.NotFound when the organisation has no such one."""
        key = (org_id, assistant_id)
        now = time.monotonic()
        cached = self._cache.get(key)
        if cached is not None and now - cached[0] < PROFILE_CACHE_SECONDS:
            return cached[1]
        profile = self._load(org_id=org_id, assistant_id=assistant_id)
        with self._lock:
            self._cache[key] = (now, profile)
        return profile

    def forget(self) -> None:
        with self._lock:
            self._cache.clear()

    def _load(self, *, org_id: str, assistant_id: str) -> AssistantProfile:
        with self.db.session() as session:
            assistant = crud.get_assistant(session, org_id=org_id, assistant_id=assistant_id)
            organisation = crud.get_organisation(session, org_id=org_id)
            key = organisation.llm_api_key_encrypted
            linked = {link.kb_id for link in assistant.knowledge_bases}
            return AssistantProfile(
                id=assistant.id,
                org_id=assistant.org_id,
                name=assistant.name,
                system_prompt=assistant.system_prompt,
                not_found_message=assistant.not_found_message,
                model_name=assistant.model_name,
                temperature=assistant.temperature,
                max_tokens=assistant.max_tokens,
                retrieval_mode=assistant.retrieval_mode,
                retrieval_k=assistant.retrieval_k,
                score_threshold=assistant.score_threshold,
                priorities=tuple(
                    (link.kb_id, link.priority) for link in assistant.knowledge_bases if link.active
                ),
                allowed_origins=tuple(assistant.allowed_origins),
                is_public=assistant.is_public,
                guard_rules=GuardRules(
                    allowed_topics=tuple(assistant.allowed_topics),
                    forbidden_topics=tuple(assistant.forbidden_topics),
                    escalation_triggers=tuple(assistant.escalation_triggers),
                    strictness=assistant.strictness,
                    examples=tuple(
                        (topic, tuple(questions))
                        for topic, questions in sorted((assistant.topic_examples or {}).items())
                    ),
                ),
                refusal_message=assistant.refusal_message,
                handoff_message=assistant.handoff_message,
                max_conversation_history=assistant.max_conversation_history,
                citation_required=assistant.citation_required,
                log_questions=organisation.log_questions,
                own_names=(
                    organisation.name,
                    assistant.name,
                    *(
                        kb.name
                        for kb in crud.list_knowledge_bases(session, org_id=org_id)
                        if kb.id in linked
                    ),
                ),
                llm_base_url=organisation.llm_base_url,
                llm_model=organisation.llm_model,
                llm_api_key=self.box.decrypt(key) if key else None,
                messages=tuple(
                    (language, kind, text)
                    for language, texts in sorted((assistant.messages or {}).items())
                    for kind, text in sorted(texts.items())
                ),
                data_sources=(
                    self.data_sources(session, org_id, assistant.data_source_ids)
                    if self.data_sources and assistant.data_source_ids
                    else ()
                ),
                visitor_daily_quota=assistant.visitor_daily_quota,
                address_daily_quota=assistant.address_daily_quota,
                daily_quota=assistant.daily_quota,
                allow_requests_without_origin=assistant.allow_requests_without_origin,
                show_citations=assistant.show_citations,
                mcp_tools=(
                    self.mcp_tools(session, org_id, assistant.mcp_tools)
                    if self.mcp_tools and assistant.mcp_tools
                    else ()
                ),
            )
