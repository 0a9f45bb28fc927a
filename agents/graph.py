"""The chat graph: one node runs the turn: understand (condense, then guard), then respond
(retrieve, then answer), or decline a question the assistant refuses or hands to a human;
compiled with a checkpointer.

Stages are module-level functions from state (and the turn's context) to a partial
update, unit-tested one by one; the graph runs them all in one step, because every step
of a turn is a checkpoint written to Redis and a round of LangGraph's loop (four steps
were cut to two, then to one: each cut measured in docs/benchmarks.md). The context carries
the collaborators of the assistant being asked (where it searches, how it answers), so
one compiled graph serves every assistant; the conversation (messages, with each
answer's citations) is what the checkpointer keeps.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Protocol, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, RemoveMessage
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.config import get_config
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.runtime import Runtime

from agents.answer import Answer
from agents.data_answer import DataAnswerer, asks_for_data, phrase
from agents.guardrails import Content, Verdict
from agents.phrasebook import Kind, Phrasebook
from agents.retrieval import Passage, SearchScope
from agents.small_talk import SmallTalk, small_talk
from knowledge.encoders.languages import DEFAULT_LANGUAGE, guess, told
from tenancy.models import SMALL_TALK
from tenancy.profiles import GuardRules
from utils import metrics


def turn_stats(old: dict | None, new: dict) -> dict:
    """Per-turn figures (stage times in ms, tokens): condense runs first in every turn
    and starts them afresh; later nodes add theirs."""
    return dict(new) if "condense_ms" in new else {**(old or {}), **new}


# The emotion read from a spoken question, kept on its message for the answerer.
EMOTION_FIELD = "emotion"
# The language a question was asked in, when the client says (a voice form's field).
LANGUAGE_FIELD = "language"
# How many passages tell the documents' language when none came close enough to answer.
NEAREST_FOR_LANGUAGE = 3


class ChatState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    # The language of the conversation's last question (ISO 639-1): what the service says
    # is in it, and a question too short to tell keeps it.
    language: str
    # The conversation's first question did not tell its language (too short: "Wifi?",
    # "Bisa servis laptop?"): the passages found for it tell instead.
    language_untold: bool
    query: str
    passages: list[dict]
    verdict: dict
    stats: Annotated[dict, turn_stats]


class Answerer(Protocol):
    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        *,
        emotion: str | None = None,
        language: str | None = None,
    ) -> Answer: ...


class Searcher(Protocol):
    def search(self, query: str, scope: SearchScope) -> list[Passage]: ...


class Guard(Protocol):
    def check(
        self, question: str, rules: GuardRules, *, content: Content | None = None
    ) -> Verdict: ...


Condenser = Callable[[str, list[AnyMessage]], str]


@dataclass(frozen=True)
class TurnContext:
    """What one turn of one assistant needs, handed to the graph per call."""

    searcher: Searcher
    scope: SearchScope
    answerer: Answerer
    condenser: Condenser
    # The most messages a conversation keeps; the oldest turns go first.
    max_messages: int
    guard: Guard | None = None
    rules: GuardRules = GuardRules()
    # Not found, refusal and hand-over, in the question's language.
    phrases: Phrasebook = field(default_factory=Phrasebook)
    citation_required: bool = False
    # Earlier turns the answerer sees (None: as many as its token budget allows).
    history_turns: int | None = None
    # In LLM mode the answer is checked against the forbidden topics too (offline: the
    # check costs no second model call).
    answer_guard: Guard | None = None
    # The assistant's data sources, queried through the model's tool calls; offline
    # (no model) a question that needs a query is told so instead.
    data: DataAnswerer | None = None
    data_offline: bool = False


def last_question(messages: list[AnyMessage]) -> str:
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            return str(message.content)
    return ""


def answer_message(
    answer: Answer, verdict: Verdict | None = None, language: str | None = None
) -> AIMessage:
    extra: dict[str, Any] = {
        "language": language,
        "citations": answer.citations,
        "mode": answer.mode,
        "found": answer.found,
        "answered_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if answer.warning:
        extra["warning"] = answer.warning
    if answer.artifacts:
        extra["artifacts"] = answer.artifacts
    if answer.metrics:
        extra["metrics"] = answer.metrics
    if verdict is not None and verdict.action == "refuse":
        extra.update(refused=True, topic=verdict.topic)
    elif verdict is not None and verdict.action == "escalate":
        extra.update(escalate=True, topic=verdict.topic)
    return AIMessage(content=answer.text, additional_kwargs=extra)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


def condense(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    started = time.perf_counter()
    messages = state["messages"]
    query = runtime.context.condenser(last_question(messages), messages[:-1])
    language, so_far = _language(state), state.get("language")
    return {
        "query": query, "verdict": {}, "passages": [],
        "language": language or so_far or DEFAULT_LANGUAGE,
        "language_untold": language is None and not so_far,
        "stats": {"condense_ms": _ms(started)},
    }  # fmt: skip


def _language(state: ChatState) -> str | None:
    """The question's language: given with it (a voice form's field), else detected;
    None when it is too short to tell (the conversation's so far then holds)."""
    messages = state["messages"]
    given = messages[-1].additional_kwargs.get(LANGUAGE_FIELD) if messages else None
    return given or told(last_question(messages))


def guard(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    """The question against the assistant's guardrails, before anything is searched."""
    context = runtime.context
    if context.guard is None or not context.rules.active:
        return {}
    started = time.perf_counter()
    # Topics are weighed against what the assistant's knowledge bases are about.
    closeness = getattr(context.searcher, "closeness", None)
    content = functools.partial(closeness, scope=context.scope) if closeness else None
    verdict = context.guard.check(last_question(state["messages"]), context.rules, content=content)
    return {"verdict": verdict.to_dict(), "stats": {"guard_ms": _ms(started)}}


def after_guard(state: ChatState) -> str:
    action = state.get("verdict", {}).get("action", "answer")
    return "decline" if action in ("refuse", "escalate") else "answer"


def decline(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    """A refused or handed-over question, answered like any turn (and stored as one)."""
    verdict = Verdict(**state["verdict"])
    return _final(
        state, runtime.context, _declined(verdict, runtime.context, "extractive", state), verdict
    )


def retrieve(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    context = runtime.context
    started = time.perf_counter()
    with metrics.STAGE_SECONDS.labels("retrieval").time():
        passages = [p.to_dict() for p in context.searcher.search(state["query"], context.scope)]
    update: dict[str, Any] = {"passages": passages, "stats": {"retrieval_ms": _ms(started)}}
    if state.get("language_untold"):
        # A first question too short to tell is answered (or not) in the language of
        # the documents that came closest: an Indonesian car wash's "Wifi?" in Indonesian,
        # and its "Ada loker?", which nothing came close enough to answer, is told so in
        # Indonesian too (the nearest passages, asked past the gate, only for this).
        nearest = passages or [
            p.to_dict()
            for p in context.searcher.search(
                state["query"],
                dataclasses.replace(context.scope, score_threshold=-1, k=NEAREST_FOR_LANGUAGE),
            )
        ]
        if nearest:
            # ... unless the detector's unsure guess is the language of one of them: "Do
            # teenagers pay?" of a lido's page and an Indonesian make-up course's
            guessed = guess(last_question(state["messages"]))[0]
            if guessed in {told(p["text"]) for p in nearest}:
                update["language"] = guessed
            else:
                update["language"] = told(" ".join(p["text"] for p in nearest)) or state["language"]
    return update


def answer(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    context = runtime.context
    messages = state["messages"]
    verdict = Verdict(**state["verdict"]) if state.get("verdict") else None
    passages = [Passage(**p) for p in state.get("passages", [])]
    mode = getattr(context.answerer, "mode", "extractive")
    has_data = context.data is not None or context.data_offline
    if verdict is not None and verdict.needs_coverage and not passages and not has_data:
        # No allowed topic matched and the knowledge base has nothing: out of scope.
        refused = Verdict("refuse", verdict.topic, verdict.score, by=verdict.by)
        return _final(state, context, _declined(refused, context, mode, state), refused)
    started = time.perf_counter()
    question = last_question(messages)
    history = _history(messages[:-1], context.history_turns)
    with metrics.STAGE_SECONDS.labels("answer").time():
        if context.data is not None:
            result = context.data.answer(
                question, passages, history, thread_id=get_config()["configurable"]["thread_id"],
                language=state.get("language"),
            )  # fmt: skip
        elif context.data_offline and asks_for_data(question):
            result = _needs_model(state.get("language"))
        else:
            result = context.answerer.answer(
                question,
                passages,
                history,
                emotion=messages[-1].additional_kwargs.get(EMOTION_FIELD),
                language=state.get("language"),
            )
    stats = {"answer_ms": _ms(started), "tokens": result.tokens}
    if context.data_offline and not result.found and not result.own_words:
        # The documents do not answer it; the data sources might, with a model.
        result = _needs_model(state.get("language"))
    if not result.found and not result.own_words:  # in the question's language
        result = dataclasses.replace(result, text=_said(context, "not_found", state))
    uncited = result.found and not result.citations
    # With guardrails, a model's answer that cites none of the sources ignored them.
    ignored_sources = context.answer_guard is not None and context.rules.active
    if uncited and (context.citation_required or ignored_sources):
        result = Answer(_said(context, "not_found", state), [], result.mode, False, result.warning)
    if context.answer_guard is not None and context.rules.forbidden_topics and result.found:
        # A model can drift off scope even on an allowed question: check what it said.
        said = context.answer_guard.check(result.text, _forbidden_only(context.rules))
        if said.action == "refuse":
            return _final(state, context, _declined(said, context, mode, state), said, stats)
    return _final(state, context, result, None, stats)


def _needs_model(language: str | None) -> Answer:
    """Offline, a question over data gets no number at all rather than a wrong one."""
    return Answer(
        text=phrase("data_needs_model", language), citations=[], mode="extractive",
        found=False, own_words=True,
        warning=phrase("needs_model_warning", language),
    )  # fmt: skip


def _declined(verdict: Verdict, context: TurnContext, mode: str, state: ChatState) -> Answer:
    text = _said(context, "handoff" if verdict.action == "escalate" else "refusal", state)
    metrics.GUARDRAIL_DECISIONS.labels(verdict.action).inc()
    return Answer(text=text, citations=[], mode=mode, found=False)


def _said(context: TurnContext, kind: Kind, state: ChatState) -> str:
    return context.phrases.say(kind, state.get("language"))


def _final(
    state: ChatState,
    context: TurnContext,
    result: Answer,
    verdict: Verdict | None,
    stats: dict | None = None,
) -> dict:
    messages = state["messages"]
    return {
        "messages": [
            *oldest_beyond(messages, context.max_messages - 1),
            answer_message(result, verdict, state.get("language")),
        ],
        "stats": stats or {},
    }


def _history(messages: list[AnyMessage], turns: int | None) -> list[AnyMessage]:
    if turns is None:
        return messages
    if turns <= 0:
        return []
    starts = [i for i, m in enumerate(messages) if isinstance(m, HumanMessage)]
    return messages[starts[-turns] :] if len(starts) >= turns else messages


def _forbidden_only(rules: GuardRules) -> GuardRules:
    return GuardRules(forbidden_topics=rules.forbidden_topics, strictness=rules.strictness)


def oldest_beyond(messages: list[AnyMessage], keep: int) -> list[RemoveMessage]:
    """Removals for the oldest messages beyond `keep`, whole turns at a time (a
    conversation never starts with an answer)."""
    excess = len(messages) - keep
    if excess <= 0:
        return []
    while excess < len(messages) and not isinstance(messages[excess], HumanMessage):
        excess += 1
    return [RemoveMessage(id=m.id) for m in messages[:excess] if m.id]


def understand(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    """Condense, then guard: one step (each step of a turn is a checkpoint)."""
    update = condense(state, runtime)
    checked = guard({**state, **update}, runtime)
    return _merged(update, checked)


def respond(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    """Retrieve, then answer: one step."""
    update = retrieve(state, runtime)
    answered = answer({**state, **update}, runtime)
    return _merged(update, answered)


def _merged(first: dict, second: dict) -> dict:
    """Two stages' updates as one (the second's fields win; their stage times add up)."""
    return {**first, **second, "stats": {**first.get("stats", {}), **second.get("stats", {})}}


def reply_in_kind(state: ChatState, context: TurnContext, talk: SmallTalk, started: float) -> dict:
    """A greeting, a thanks or a goodbye answered in kind: nothing searched, nothing cited,
    and not a question the documents failed to answer (`mode` "small_talk")."""
    reply = Answer(
        text=context.phrases.say(talk.said, talk.language), citations=[], mode=SMALL_TALK,
        found=False, own_words=True,
    )  # fmt: skip
    # Reading the message was this turn's understanding: its figures start afresh.
    stats = {"condense_ms": _ms(started)}
    final = _final({**state, "language": talk.language}, context, reply, None, stats)
    question = last_question(state["messages"])
    return {**final, "query": question, "verdict": {}, "passages": [], "language": talk.language}


def turn(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    """Understand, then decline or respond: the whole turn in one step. A message that
    only greets or thanks is answered in kind first (a file attached asks about it)."""
    started, messages = time.perf_counter(), state["messages"]
    if not messages[-1].additional_kwargs.get("attachments"):
        talk = small_talk(last_question(messages), state.get("language"))
        if talk is not None:
            return reply_in_kind(state, runtime.context, talk, started)
    update = understand(state, runtime)
    understood: ChatState = {**state, **update}  # type: ignore[typeddict-item]
    step = decline if after_guard(understood) == "decline" else respond
    return _merged(update, step(understood, runtime))


def build_graph(*, checkpointer: BaseCheckpointSaver) -> Any:
    # The node keeps the name "answer": streamed tokens are told apart by it, and a
    # conversation cut short by an older version (its pending task named "answer") can
    # still be completed.
    builder = StateGraph(ChatState, context_schema=TurnContext)
    builder.add_node("answer", turn)
    builder.add_edge(START, "answer")
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=checkpointer)
