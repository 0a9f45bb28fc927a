"""Conversations stored by the previous graph layout (understand -> decline | answer, two
steps a turn) carry on under the one-step graph: finished ones take the next question,
and one cut short before its answer is completed. Real Redis, real saver."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.graph import END, START, StateGraph

from agents.graph import (
    ChatState,
    TurnContext,
    after_guard,
    build_graph,
    decline,
    respond,
    understand,
)
from tests.agents.test_graph import runtime
from utils.checkpointer import RedisSaver


def previous_graph(saver: RedisSaver, **compile_options: Any) -> Any:
    builder = StateGraph(ChatState, context_schema=TurnContext)
    builder.add_node("understand", understand)
    builder.add_node("decline", decline)
    builder.add_node("answer", respond)
    builder.add_edge(START, "understand")
    builder.add_conditional_edges("understand", after_guard, ["decline", "answer"])
    builder.add_edge("decline", END)
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=saver, **compile_options)


def ask(graph: Any, thread: str, question: str | None) -> dict:
    config = {"configurable": {"thread_id": thread}}
    update = None if question is None else {"messages": [HumanMessage(content=question)]}
    return graph.invoke(update, config, context=runtime().context)


def contents(state: dict) -> list[tuple[str, str]]:
    return [(type(m).__name__, str(m.content)) for m in state["messages"]]


def test_a_finished_conversation_of_the_previous_layout_takes_the_next_question(
    saver: RedisSaver,
) -> None:
    ask(previous_graph(saver), "t-finished", "first?")

    state = ask(build_graph(checkpointer=saver), "t-finished", "second?")

    assert contents(state) == [
        ("HumanMessage", "first?"),
        ("AIMessage", "first? / 1 / 0"),
        ("HumanMessage", "second?"),
        ("AIMessage", "second? / 1 / 2"),
    ]


def test_a_turn_the_previous_layout_left_before_its_answer_is_completed(
    saver: RedisSaver,
) -> None:
    # Stopped after "understand", as if its worker died before answering.
    ask(previous_graph(saver, interrupt_before=["answer"]), "t-cut", "cut short?")
    graph = build_graph(checkpointer=saver)
    config = {"configurable": {"thread_id": "t-cut"}}
    assert [task.name for task in graph.get_state(config).tasks] == ["answer"]

    state = ask(graph, "t-cut", None)  # what ChatService does before the next turn

    assert contents(state)[-1][0] == "AIMessage"
    assert [role for role, _ in contents(state)] == ["HumanMessage", "AIMessage"]
    assert not graph.get_state(config).tasks
    assert isinstance(state["messages"][-1], AIMessage)
