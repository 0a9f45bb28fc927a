"""The chat graph: condense -> retrieve -> answer, compiled with a checkpointer.

Nodes are plain functions from state to a partial update; the conversation (messages,
with each answer's citations) is what the checkpointer keeps between turns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Protocol, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages

from agents.answer import Answer
from agents.retrieval import Passage


class ChatState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    query: str
    passages: list[dict]


class Answerer(Protocol):
    def answer(
        self, question: str, passages: list[Passage], history: list[AnyMessage]
    ) -> Answer: ...


class Searcher(Protocol):
    def search(self, query: str) -> list[Passage]: ...


Condenser = Callable[[str, list[AnyMessage]], str]


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


def build_graph(
    *,
    retriever: Searcher,
    answerer: Answerer,
    condenser: Condenser,
    checkpointer: BaseCheckpointSaver,
) -> Any:
    def condense(state: ChatState) -> dict:
        messages = state["messages"]
        return {"query": condenser(last_question(messages), messages[:-1])}

    def retrieve(state: ChatState) -> dict:
        return {"passages": [p.to_dict() for p in retriever.search(state["query"])]}

    def answer(state: ChatState) -> dict:
        messages = state["messages"]
        passages = [Passage(**p) for p in state.get("passages", [])]
        result = answerer.answer(last_question(messages), passages, messages[:-1])
        return {"messages": [answer_message(result)]}

    builder = StateGraph(ChatState)
    builder.add_node("condense", condense)
    builder.add_node("retrieve", retrieve)
    builder.add_node("answer", answer)
    builder.add_edge(START, "condense")
    builder.add_edge("condense", "retrieve")
    builder.add_edge("retrieve", "answer")
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=checkpointer)
