"""Turn contexts: what the graph needs to answer as one assistant, built from its
profile and the deployment's defaults, and reused while the profile is unchanged."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace

from agents.answer import ExtractiveAnswerer, default_not_found
from agents.answerability import Answerability
from agents.data_answer import DataAnswerer
from agents.followup import offline_condenser
from agents.graph import Condenser, TurnContext
from agents.guardrails import LLMTopicGuard, TopicGuard
from agents.llm import LLMAnswerer, Provider, chat_model, llm_condenser
from agents.phrasebook import Phrasebook
from agents.retrieval import Retriever, SearchScope
from data_sources.artifacts import ArtifactStore
from data_sources.runner import QueryLimits, QueryRunner
from knowledge.encoders.embeddings import LocalEmbeddings
from mcp_tools.connection import Reach
from mcp_tools.toolbox import Toolbox
from tenancy.profiles import AssistantProfile

CONTEXT_CACHE_LIMIT = 1000


@dataclass(frozen=True)
class AnswerDefaults:
    """The deployment's settings, for whatever an assistant leaves unset."""

    retrieval_mode: str
    retrieval_k: int
    score_threshold: float
    sentence_threshold: float
    max_sentences: int
    answerability: Answerability | None
    temperature: float
    token_budget: int
    provider: Provider | None
    max_messages: int


@dataclass(frozen=True)
class DataQuerying:
    """How data turns query: limits of one query, retries, where results are kept."""

    artifacts: ArtifactStore
    limits: QueryLimits
    max_retries: int


@dataclass(frozen=True)
class ToolCalling:
    """How turns call an assistant's MCP tools: where they may connect and how long, how
    much of a result the model reads, how many calls a turn may make."""

    reach: Reach = Reach()
    max_result_chars: int = 16_000
    max_calls: int = 4


class TurnContexts:
    def __init__(
        self,
        *,
        retriever: Retriever,
        embeddings: LocalEmbeddings,
        defaults: AnswerDefaults,
        querying: DataQuerying,
        tool_calling: ToolCalling | None = None,
    ) -> None:
        self.retriever = retriever
        self.embeddings = embeddings
        self.defaults = defaults
        self.querying = querying
        self.tool_calling = tool_calling or ToolCalling()
        self.guard = TopicGuard(embeddings)
        self._cache: dict[AssistantProfile, TurnContext] = {}
        self._lock = threading.Lock()

    def provider_for(self, profile: AssistantProfile) -> Provider | None:
        """The organisation's provider, else the deployment's, else none (offline)."""
        base = self.defaults.provider
        if profile.llm_base_url and profile.llm_model:
            own = {"base_url": profile.llm_base_url, "model": profile.llm_model,
                   "api_key": profile.llm_api_key}  # fmt: skip
            base = replace(base, **own) if base else Provider(**own)
        if base is not None and profile.model_name:
            base = replace(base, model=profile.model_name)
        return base

    def for_profile(self, profile: AssistantProfile) -> TurnContext:
        context = self._cache.get(profile)
        if context is None:
            context = self._build(profile)
            with self._lock:
                if len(self._cache) >= CONTEXT_CACHE_LIMIT:
                    self._cache.clear()
                self._cache[profile] = context
        return context

    def _build(self, profile: AssistantProfile) -> TurnContext:
        d = self.defaults
        not_found = profile.not_found_message or default_not_found()
        extractive = ExtractiveAnswerer(
            self.embeddings,
            threshold=d.sentence_threshold,
            max_sentences=d.max_sentences,
            not_found_message=not_found,
            answerability=d.answerability,
            # People name the service they ask though its pages need not.
            own_names=frozenset(
                word.lower() for word in re.findall(r"[^\W\d_]+", " ".join(profile.own_names))
            ),
        )
        scope = SearchScope(
            org_id=profile.org_id,
            priorities=dict(profile.priorities),
            mode=profile.retrieval_mode or d.retrieval_mode,
            k=profile.retrieval_k or d.retrieval_k,
            score_threshold=(
                profile.score_threshold
                if profile.score_threshold is not None
                else d.score_threshold
            ),
        )
        common = {
            "searcher": self.retriever,
            "scope": scope,
            "max_messages": d.max_messages,
            "rules": profile.guard_rules,
            "phrases": Phrasebook(
                own={
                    "not_found": profile.not_found_message,
                    "refusal": profile.refusal_message,
                    "handoff": profile.handoff_message,
                },
                localised=profile.messages,
            ),  # fmt: skip
            "citation_required": profile.citation_required,
            "history_turns": profile.max_conversation_history,
        }
        provider = self.provider_for(profile)
        if provider is None:
            return TurnContext(
                answerer=extractive, condenser=offline_condenser, guard=self.guard,
                data_offline=bool(profile.data_sources), **common,
            )  # fmt: skip
        temperature = profile.temperature if profile.temperature is not None else d.temperature
        model = chat_model(provider, temperature=temperature, max_tokens=profile.max_tokens)
        plain = chat_model(provider, temperature=0.0, streaming=False)
        condenser: Condenser = llm_condenser(
            chat_model(provider, temperature=temperature, streaming=False)
        )
        return TurnContext(
            answerer=LLMAnswerer(
                model,
                extractive,
                token_budget=d.token_budget,
                system_prompt=profile.system_prompt,
                not_found_message=not_found,
            ),
            condenser=condenser,
            guard=LLMTopicGuard(plain, self.guard),
            answer_guard=self.guard,
            data=self._data_answerer(profile, provider, extractive, temperature),
            **common,
        )

    def _data_answerer(
        self,
        profile: AssistantProfile,
        provider: Provider,
        fallback: ExtractiveAnswerer,
        temperature: float,
    ) -> DataAnswerer | None:
        if not profile.data_sources and not profile.mcp_tools:
            return None
        q, t = self.querying, self.tool_calling
        sources = profile.data_sources
        toolbox = (
            Toolbox(profile.mcp_tools, t.reach, max_result_chars=t.max_result_chars)
            if profile.mcp_tools
            else None
        )

        def runner_for(thread_id: str) -> QueryRunner:
            return QueryRunner(sources, limits=q.limits, artifacts=q.artifacts, thread_id=thread_id)

        return DataAnswerer(
            model=chat_model(provider, temperature=temperature, max_tokens=profile.max_tokens,
                             streaming=False),
            sources=sources, runner_for=runner_for, fallback=fallback,
            max_retries=q.max_retries, token_budget=self.defaults.token_budget,
            system_prompt=profile.system_prompt, toolbox=toolbox, max_tool_calls=t.max_calls,
        )  # fmt: skip
