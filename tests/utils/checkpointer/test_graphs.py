"""Real LangGraph graphs compiled with the Redis saver, through the sync and the async API."""

from __future__ import annotations

import asyncio
import operator
import threading
import time
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any, TypedDict

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.channels.delta import DeltaChannel
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Command, interrupt

from utils.checkpointer import RedisSaver

API = pytest.mark.parametrize("api", ["sync", "async"])


class Caller:
    """Calls a compiled graph through the sync methods (in a thread) or the async ones."""

    def __init__(self, graph: Any, api: str) -> None:
        self.graph = graph
        self.api = api

    async def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.api == "sync":
            return await asyncio.to_thread(getattr(self.graph, name), *args, **kwargs)
        return await getattr(self.graph, f"a{name}")(*args, **kwargs)

    async def invoke(self, value: Any, config: dict) -> Any:
        return await self._call("invoke", value, config)

    async def get_state(self, config: dict, **kwargs: Any) -> Any:
        return await self._call("get_state", config, **kwargs)

    async def update_state(self, config: dict, values: Any, **kwargs: Any) -> Any:
        return await self._call("update_state", config, values, **kwargs)

    async def history(self, config: dict) -> list[Any]:
        if self.api == "sync":
            return await asyncio.to_thread(lambda: list(self.graph.get_state_history(config)))
        return [s async for s in self.graph.aget_state_history(config)]


@pytest.fixture
async def saver(redis_url: str, key_prefix: str) -> AsyncIterator[RedisSaver]:
    saver = RedisSaver.from_url(redis_url, ttl=600, prefix=key_prefix)
    yield saver
    await saver.aclose()
    saver.close()


def chat_graph(saver: RedisSaver) -> Any:
    def reply(state: MessagesState) -> dict:
        said = [m.content for m in state["messages"] if isinstance(m, HumanMessage)]
        return {"messages": [AIMessage(content=f"turn {len(said)}: you said {said[-1]}")]}

    builder = StateGraph(MessagesState)
    builder.add_node("reply", reply)
    builder.add_edge(START, "reply")
    builder.add_edge("reply", END)
    return builder.compile(checkpointer=saver)


def thread(name: str) -> dict:
    return {"configurable": {"thread_id": name}}


@API
async def test_multi_turn_chat_remembers_every_turn(saver: RedisSaver, api: str) -> None:
    graph = Caller(chat_graph(saver), api)
    for text in ["hello", "what is a checkpoint?", "thanks"]:
        result = await graph.invoke({"messages": [HumanMessage(text)]}, thread("chat"))
    contents = [m.content for m in result["messages"]]
    assert contents == [
        "hello",
        "turn 1: you said hello",
        "what is a checkpoint?",
        "turn 2: you said what is a checkpoint?",
        "thanks",
        "turn 3: you said thanks",
    ]


@API
async def test_another_saver_instance_sees_the_conversation(
    saver: RedisSaver, redis_url: str, key_prefix: str, api: str
) -> None:
    await Caller(chat_graph(saver), api).invoke({"messages": [HumanMessage("hi")]}, thread("w"))
    # A second process/worker would build its own saver from the same URL.
    with RedisSaver.from_url(redis_url, ttl=600, prefix=key_prefix) as other:
        state = await Caller(chat_graph(other), api).get_state(thread("w"))
        await other.aclose()
    assert [m.content for m in state.values["messages"]] == ["hi", "turn 1: you said hi"]


@API
async def test_state_history_is_newest_first_and_linked(saver: RedisSaver, api: str) -> None:
    graph = Caller(chat_graph(saver), api)
    await graph.invoke({"messages": [HumanMessage("one")]}, thread("h"))
    await graph.invoke({"messages": [HumanMessage("two")]}, thread("h"))
    history = await graph.history(thread("h"))
    steps = [s.metadata["step"] for s in history]
    assert steps == sorted(steps, reverse=True)
    assert len(history) == 6  # input, loop(start), reply per turn
    for newer, older in zip(history, history[1:], strict=False):
        assert (
            newer.parent_config["configurable"]["checkpoint_id"]
            == (older.config["configurable"]["checkpoint_id"])
        )
    assert len(history[0].values["messages"]) == 4
    assert history[-1].values == {"messages": []} or history[-1].values == {}


@API
async def test_interrupt_then_resume(saver: RedisSaver, api: str) -> None:
    def ask(state: MessagesState) -> dict:
        answer = interrupt("Send the email?")
        return {"messages": [AIMessage(content=f"approved: {answer}")]}

    builder = StateGraph(MessagesState)
    builder.add_node("ask", ask)
    builder.add_edge(START, "ask")
    graph = Caller(builder.compile(checkpointer=saver), api)

    paused = await graph.invoke({"messages": [HumanMessage("draft it")]}, thread("i"))
    assert paused["__interrupt__"][0].value == "Send the email?"
    state = await graph.get_state(thread("i"))
    assert state.next == ("ask",)

    done = await graph.invoke(Command(resume="yes"), thread("i"))
    assert done["messages"][-1].content == "approved: yes"
    assert (await graph.get_state(thread("i"))).next == ()


@API
async def test_subgraph_interrupt_resumes_inside_its_namespace(saver: RedisSaver, api: str) -> None:
    class Sub(TypedDict):
        steps: Annotated[list[str], operator.add]

    def sub_first(state: Sub) -> dict:
        return {"steps": ["sub:first"]}

    def sub_confirm(state: Sub) -> dict:
        return {"steps": [f"sub:confirmed={interrupt('confirm?')}"]}

    sub = StateGraph(Sub)
    sub.add_node("first", sub_first)
    sub.add_node("confirm", sub_confirm)
    sub.add_edge(START, "first")
    sub.add_edge("first", "confirm")

    parent = StateGraph(Sub)
    parent.add_node("child", sub.compile())
    parent.add_node("after", lambda state: {"steps": ["parent:after"]})
    parent.add_edge(START, "child")
    parent.add_edge("child", "after")
    graph = Caller(parent.compile(checkpointer=saver), api)

    await graph.invoke({"steps": ["start"]}, thread("sub"))
    state = await graph.get_state(thread("sub"), subgraphs=True)
    child_state = state.tasks[0].state
    assert child_state.values["steps"] == ["start", "sub:first"]
    assert child_state.config["configurable"]["checkpoint_ns"].startswith("child:")

    result = await graph.invoke(Command(resume="ok"), thread("sub"))
    # The subgraph returns its whole state, which the parent's reducer appends (the same
    # result InMemorySaver gives).
    assert result["steps"] == [
        "start",
        "start",
        "sub:first",
        "sub:confirmed=ok",
        "parent:after",
    ]


@API
async def test_time_travel_forks_from_an_old_checkpoint(saver: RedisSaver, api: str) -> None:
    graph = Caller(chat_graph(saver), api)
    await graph.invoke({"messages": [HumanMessage("first")]}, thread("tt"))
    await graph.invoke({"messages": [HumanMessage("second")]}, thread("tt"))
    history = await graph.history(thread("tt"))
    after_first = next(s for s in history if len(s.values.get("messages", [])) == 2)

    forked = await graph.update_state(
        after_first.config, {"messages": [HumanMessage("instead")]}, as_node="__start__"
    )
    result = await graph.invoke(None, forked)
    assert [m.content for m in result["messages"]] == [
        "first",
        "turn 1: you said first",
        "instead",
        "turn 2: you said instead",
    ]
    # The original branch is still there, unchanged.
    original = await graph.get_state(history[0].config)
    assert [m.content for m in original.values["messages"]][-1] == "turn 2: you said second"


@API
async def test_failed_parallel_task_does_not_rerun_finished_siblings(
    saver: RedisSaver, api: str
) -> None:
    calls = {"steady": 0, "flaky": 0}
    steady_done = threading.Event()

    class State(TypedDict):
        done: Annotated[list[str], operator.add]

    def steady(state: State) -> dict:
        calls["steady"] += 1
        steady_done.set()
        return {"done": ["steady"]}

    def flaky(state: State) -> dict:
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            # Fail only once the sibling has finished (a still-running sibling is
            # cancelled and rightly re-run); the pause lets the loop commit its writes.
            assert steady_done.wait(timeout=10)
            time.sleep(0.2)
            raise RuntimeError("flaky failed once")
        return {"done": ["flaky"]}

    builder = StateGraph(State)
    builder.add_node("steady", steady)
    builder.add_node("flaky", flaky)
    builder.add_edge(START, "steady")
    builder.add_edge(START, "flaky")
    graph = Caller(builder.compile(checkpointer=saver), api)

    with pytest.raises(RuntimeError, match="flaky failed once"):
        await graph.invoke({"done": []}, thread("p"))
    result = await graph.invoke(None, thread("p"))

    assert sorted(result["done"]) == ["flaky", "steady"]
    assert calls == {"steady": 1, "flaky": 2}


def test_get_next_version_is_increasing_and_fork_unique(saver: RedisSaver) -> None:
    first = saver.get_next_version(None, None)
    second = saver.get_next_version(first, None)
    fork = saver.get_next_version(first, None)
    assert first < second and first < fork
    assert second != fork  # two forks of one step never share a blob key
    assert int(second.split(".")[0]) == 2


def extend_log(state: list, batches: Sequence[list]) -> list:
    return [*state, *(item for batch in batches for item in batch)]


class Journal(TypedDict):
    """LangGraph's beta DeltaChannel: most checkpoints store no value for `log`; it is
    rebuilt from the ancestors' writes back to the last snapshot (every 3 updates)."""

    log: Annotated[list, DeltaChannel(extend_log, snapshot_frequency=3)]


def journal_graph(saver: RedisSaver) -> Any:
    def note(state: Journal) -> dict:
        return {"log": [f"noted {len(state['log'])}"]}

    builder = StateGraph(Journal)
    builder.add_node("note", note)
    builder.add_edge(START, "note")
    builder.add_edge("note", END)
    return builder.compile(checkpointer=saver)


def journal_after(turns: int) -> list[str]:
    log: list[str] = []
    for turn in range(turns):
        log += [f"entry {turn}", f"noted {len(log) + 1}"]
    return log


@API
async def test_delta_channel_state_survives_turns_and_prune(saver: RedisSaver, api: str) -> None:
    graph = Caller(journal_graph(saver), api)
    for turn in range(7):
        result = await graph.invoke({"log": [f"entry {turn}"]}, thread("journal"))
    assert result["log"] == journal_after(7)
    before = len(await graph.history(thread("journal")))

    if api == "sync":
        await asyncio.to_thread(saver.prune, ["journal"], strategy="keep_latest")
    else:
        await saver.aprune(["journal"], strategy="keep_latest")

    # Old checkpoints went, the ones back to the last snapshot stayed: nothing is lost.
    after = len(await graph.history(thread("journal")))
    assert 1 < after < before
    state = await graph.get_state(thread("journal"))
    assert state.values["log"] == journal_after(7)
    result = await graph.invoke({"log": ["entry 7"]}, thread("journal"))
    assert result["log"] == journal_after(8)
