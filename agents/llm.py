"""Grounded answers and follow-up rewriting with any OpenAI-compatible chat model."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import openai
from langchain_core.messages import (
    AIMessage,
    AnyMessage,
    HumanMessage,
    SystemMessage,
    trim_messages,
)
from langchain_core.messages.utils import count_tokens_approximately
from langchain_openai import ChatOpenAI

from agents.answer import Answer, ExtractiveAnswerer, citation, not_found_answer
from agents.followup import looks_like_follow_up, rule_based_query
from agents.phrasebook import said
from agents.retrieval import Passage
from config import Settings
from knowledge.encoders.languages import DEFAULT_LANGUAGE, name_of
from prompts import load_prompt

log = logging.getLogger(__name__)

MARKER = re.compile(r"\[(\d+)\]")
NOT_FOUND_PHRASE = "not found in the knowledge base"
# The model's own "these sources do not answer it", structured: a tool it calls instead
# of answering. A model that cannot call tools says NOT_FOUND_PHRASE instead.
NO_ANSWER_TOOL = "sources_do_not_answer"
NO_ANSWER = {
    "type": "function",
    "function": {
        "name": NO_ANSWER_TOOL,
        "description": "Call this instead of answering when the numbered sources do not "
        "contain the answer to the question (a related topic is not an answer).",
        "parameters": {
            "type": "object",
            "properties": {"missing": {"type": "string", "description": "What the sources lack"}},
        },
    },
}
# What a failing model call can raise: API errors, transport errors, bad payloads.
LLM_FAILURES = (openai.APIError, httpx.HTTPError, ValueError, KeyError, TypeError)


class LLMError(RuntimeError):
    """The language model endpoint cannot be used (unreachable, key refused, ...)."""


@dataclass(frozen=True)
class Provider:
    """An OpenAI-compatible endpoint: the deployment's (LLM_*) or an organisation's."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    max_retries: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> Provider | None:
        if not (settings.llm_base_url and settings.llm_model):
            return None
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else None,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )


def chat_model(
    provider: Provider,
    *,
    temperature: float,
    max_tokens: int | None = None,
    streaming: bool = True,
) -> ChatOpenAI:
    return ChatOpenAI(
        base_url=provider.base_url,
        api_key=provider.api_key or "not-needed",  # type: ignore[arg-type]
        model=provider.model,
        temperature=temperature,
        max_tokens=max_tokens,  # type: ignore[call-arg]
        timeout=provider.timeout,
        max_retries=provider.max_retries,
        streaming=streaming,
        stream_usage=True,  # token counts for the turn records, streamed or not
    )


def probe_llm(provider: Provider) -> None:
    """Raise LLMError unless the endpoint answers with this key (lists its models)."""
    client = openai.OpenAI(
        base_url=provider.base_url,
        api_key=provider.api_key or "not-needed",
        timeout=min(provider.timeout, 10.0),
        max_retries=0,
    )
    try:
        client.models.list()
    except openai.AuthenticationError as exc:
        raise LLMError("the LLM endpoint refused the key (401): check the provider key") from exc
    except openai.APIConnectionError as exc:
        raise LLMError("the LLM endpoint cannot be reached") from exc
    except openai.APIStatusError as exc:
        raise LLMError(f"the LLM endpoint answered {exc.status_code}") from exc
    finally:
        client.close()


PROBE_TOOL = {
    "type": "function",
    "function": {"name": "current_time", "description": "The current time, as HH:MM",
                 "parameters": {"type": "object", "properties": {}}},
}  # fmt: skip


def probe_tools(provider: Provider) -> str | None:
    """None when the model calls a tool it is offered (questions over data sources and MCP
    tools need that); else why not, in words an operator can act on."""
    client = openai.OpenAI(
        base_url=provider.base_url, api_key=provider.api_key or "not-needed",
        timeout=min(provider.timeout, 30.0), max_retries=0,
    )  # fmt: skip
    messages: Any = [
        {"role": "system", "content": "Answer by calling the tool you are given."},
        {"role": "user", "content": "What time is it? Call the current_time tool."},
    ]
    try:
        reply = client.chat.completions.create(
            model=provider.model, messages=messages, tools=[PROBE_TOOL],  # type: ignore[list-item]
            tool_choice="auto", max_tokens=64, temperature=0,
        )  # fmt: skip
    except openai.APIStatusError as exc:
        return f"the endpoint refused a request with tools ({exc.status_code})"
    except openai.APIError:
        return "the endpoint did not answer a request with tools"
    finally:
        client.close()
    if reply.choices and reply.choices[0].message.tool_calls:
        return None
    return "the model answered in words instead of calling the tool it was offered"


def format_sources(passages: list[Passage]) -> str:
    blocks = []
    for n, passage in enumerate(passages, 1):
        heading = " > ".join(p for p in (passage.title, passage.section) if p)
        blocks.append(f"[{n}] {heading} ({passage.source})\n{passage.text}")
    return "\n\n".join(blocks)


def ground_citations(text: str, passages: list[Passage]) -> tuple[str, list[dict]]:
    """Drop markers that point at no source; cite exactly the sources the text uses."""
    valid = range(1, len(passages) + 1)
    cleaned = MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned)).strip()
    used = sorted({int(n) for n in MARKER.findall(cleaned)})
    return cleaned, [citation(n, passages[n - 1]) for n in used]


class LLMAnswerer:
    """Generates an answer from the numbered sources; falls back to quoting them."""

    mode = "llm"

    def __init__(
        self,
        model: ChatOpenAI,
        fallback: ExtractiveAnswerer,
        *,
        token_budget: int,
        system_prompt: str | None,
        not_found_message: str,
    ) -> None:
        self.model = model
        self.fallback = fallback
        self.token_budget = token_budget
        self.system_prompt = system_prompt
        self.not_found_message = not_found_message
        self.with_tool = model.bind_tools([NO_ANSWER], tool_choice="auto")
        # Set when the endpoint refused a request offering the tool: asked plainly since.
        self.tools_refused = False

    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        *,
        emotion: str | None = None,
        language: str | None = None,
    ) -> Answer:
        if not passages:
            return not_found_answer(self.mode, self.not_found_message)
        system = load_prompt("answer_system").format(
            sources=format_sources(passages), language=name_of(language or DEFAULT_LANGUAGE)
        )
        if self.system_prompt:  # the assistant's own instructions come first
            system = f"{self.system_prompt}\n\n{system}"
        if emotion == "negative":
            system = f"{system}\n\n{load_prompt('calm_tone')}"
        messages = [SystemMessage(system), *self._trimmed(history), HumanMessage(question)]
        try:
            reply = self._ask(messages)
            declined = any(c["name"] == NO_ANSWER_TOOL for c in reply.tool_calls)
            text = reply.content if isinstance(reply.content, str) else ""
            if not text.strip() and not declined:
                raise ValueError("the model returned an empty answer")
        except LLM_FAILURES as exc:
            return self._fall_back(question, passages, history, exc, language)
        usage = getattr(reply, "usage_metadata", None) or {}
        tokens = usage.get("total_tokens")
        text, citations = ground_citations(text, passages)
        if declined or (NOT_FOUND_PHRASE in text.lower() and not citations):
            answer = not_found_answer(self.mode, self.not_found_message)
            answer.tokens = tokens
            return answer
        return Answer(text=text, citations=citations, mode=self.mode, found=True, tokens=tokens)

    def _ask(self, messages: list[AnyMessage]) -> AIMessage:
        """The model's reply, offered the not-answerable tool unless its endpoint refuses
        tools (then asked without, and told to say the not-found phrase instead)."""
        if not self.tools_refused:
            try:
                return self.with_tool.invoke(messages)  # type: ignore[return-value]
            except openai.BadRequestError:
                log.warning("the LLM endpoint refused a request offering a tool: asking without")
                self.tools_refused = True
        return self.model.invoke(messages)  # type: ignore[return-value]

    def _trimmed(self, history: list[AnyMessage]) -> list[AnyMessage]:
        return trimmed_history(history, self.token_budget)

    def _fall_back(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        exc: Exception,
        language: str | None,
    ) -> Answer:
        # The failure's kind is for the operator (the log); the person reads what it means.
        log.warning("LLM call failed, answering extractively: %s", type(exc).__name__)
        answer = self.fallback.answer(question, passages, history, language=language)
        answer.warning = said("model_failed", language)
        return answer


def trimmed_history(history: list[AnyMessage], budget: int) -> list[AnyMessage]:
    """The latest turns that fit in `budget` tokens, as plain questions and answers."""
    plain = [
        m if isinstance(m, HumanMessage) else AIMessage(content=str(m.content))
        for m in history
        if isinstance(m, (HumanMessage, AIMessage))
    ]
    return trim_messages(
        plain,
        max_tokens=budget,
        token_counter=count_tokens_approximately,
        strategy="last",
        start_on="human",
    )


def llm_condenser(condense_model: ChatOpenAI) -> Callable[..., str]:
    """Rewrite follow-ups with the model; the rule-based rewrite if it fails. Only a
    question the rule takes for a follow-up costs the call: a standalone question (long,
    no words pointing back) is searched as asked."""

    def condense(question: str, history: list[AnyMessage]) -> str:
        previous = [str(m.content) for m in history if isinstance(m, HumanMessage)]
        if not previous or not looks_like_follow_up(question):
            return question
        lines = [
            f"{'User' if isinstance(m, HumanMessage) else 'Assistant'}: {m.content}"
            for m in history[-6:]
            if isinstance(m, (HumanMessage, AIMessage))
        ]
        prompt = load_prompt("condense").format(history="\n".join(lines), question=question)
        try:
            reply: Any = condense_model.invoke([HumanMessage(prompt)])
            rewritten = str(reply.content).strip()
        except LLM_FAILURES as exc:
            log.warning("condense call failed, using the rule: %s", type(exc).__name__)
            return rule_based_query(question, previous)
        return rewritten or rule_based_query(question, previous)

    return condense
