"""The chat graph: condense -> retrieve -> answer, compiled with a checkpointer.

Nodes are module-level functions from state (and the turn's context) to a partial
update. The context carries the collaborators of the assistant being asked (where it
searches, how it answers), so one compiled graph serves every assistant; the
conversation (messages, with each answer's citations) is what the checkpointer keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, RemoveMessage
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.runtime import Runtime

from agents.answer import Answer
from agents.retrieval import Passage, SearchScope
from utils import metrics


class ChatState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    query: str
    passages: list[dict]


class Answerer(Protocol):
    def answer(
        self, question: str, passages: list[Passage], history: list[AnyMessage]
    ) -> Answer: ...


class Searcher(Protocol):
    def search(self, query: str, scope: SearchScope) -> list[Passage]: ...


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


def last_question(messages: list[AnyMessage]) -> str:
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            return str(message.content)
    return ""


def answer_message(answer: Answer) -> AIMessage:
    return AIMessage(
        content=answer.text,
        additional_kwargs={
            "citations": answer.citations,
            "mode": answer.mode,
            "found": answer.found,
            **({"warning": answer.warning} if answer.warning else {}),
        },
    )


def condense(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    messages = state["messages"]
    return {"query": runtime.context.condenser(last_question(messages), messages[:-1])}


def retrieve(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    context = runtime.context
    with metrics.STAGE_SECONDS.labels("retrieval").time():
        return {
            "passages": [
                p.to_dict() for p in context.searcher.search(state["query"], context.scope)
            ]
        }


def answer(state: ChatState, runtime: Runtime[TurnContext]) -> dict:
    messages = state["messages"]
    passages = [Passage(**p) for p in state.get("passages", [])]
    with metrics.STAGE_SECONDS.labels("answer").time():
        result = runtime.context.answerer.answer(last_question(messages), passages, messages[:-1])
    return {"messages": [*oldest_beyond(messages, runtime.context.max_messages - 1),
                         answer_message(result)]}  # fmt: skip


def oldest_beyond(messages: list[AnyMessage], keep: int) -> list[RemoveMessage]:
    """Removals for the oldest messages beyond `keep`, whole turns at a time (a
    conversation never starts with an answer)."""
    excess = len(messages) - keep
    if excess <= 0:
        return []
    while excess < len(messages) and not isinstance(messages[excess], HumanMessage):
        excess += 1
    return [RemoveMessage(id=m.id) for m in messages[:excess] if m.id]


def build_graph(*, checkpointer: BaseCheckpointSaver) -> Any:
    builder = StateGraph(ChatState, context_schema=TurnContext)
    builder.add_node("condense", condense)
    builder.add_node("retrieve", retrieve)
    builder.add_node("answer", answer)
    builder.add_edge(START, "condense")
    builder.add_edge("condense", "retrieve")
    builder.add_edge("retrieve", "answer")
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=checkpointer)
