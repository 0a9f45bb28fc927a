"""Redis going away and coming back, with a throwaway server of the test's own."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import redis
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.base import empty_checkpoint

from tests.utils.checkpointer.test_graphs import API, Caller, chat_graph, thread
from utils.checkpointer import CheckpointerError, CheckpointerUnavailable, RedisSaver
from utils.local_redis import LocalRedis


def fault_saver(
    server: LocalRedis,
    *,
    socket_timeout: float = 1.0,
    connect_timeout: float = 0.5,
    retries: int = 1,
) -> RedisSaver:
    """A saver that gives up quickly: short timeouts, few retries."""
    return RedisSaver.from_url(
        server.url,
        ttl=600,
        socket_timeout=socket_timeout,
        connect_timeout=connect_timeout,
        retries=retries,
    )


def test_unreachable_redis_raises_our_error_and_recovers(throwaway_redis: LocalRedis) -> None:
    saver = fault_saver(throwaway_redis)
    graph = chat_graph(saver)
    graph.invoke({"messages": [HumanMessage("before the outage")]}, thread("f"))

    throwaway_redis.stop()
    with pytest.raises(CheckpointerUnavailable, match="unreachable"):
        graph.invoke({"messages": [HumanMessage("during the outage")]}, thread("f"))
    with pytest.raises(CheckpointerUnavailable):
        saver.get_tuple(thread("f"))

    throwaway_redis.start()  # same port, same append-only file
    result = graph.invoke({"messages": [HumanMessage("after the outage")]}, thread("f"))
    saver.close()
    assert [m.content for m in result["messages"] if isinstance(m, HumanMessage)] == [
        "before the outage",
        "after the outage",
    ]


async def test_async_api_raises_our_error_and_recovers(throwaway_redis: LocalRedis) -> None:
    saver = fault_saver(throwaway_redis)
    graph = chat_graph(saver)
    await graph.ainvoke({"messages": [HumanMessage("one")]}, thread("a"))
    throwaway_redis.stop()
    with pytest.raises(CheckpointerUnavailable):
        await saver.aget_tuple(thread("a"))
    throwaway_redis.start()
    state = await graph.aget_state(thread("a"))
    await saver.aclose()
    assert len(state.values["messages"]) == 2


@contextmanager
def frozen(server: LocalRedis) -> Iterator[None]:
    """Redis stops answering (SIGSTOP) but keeps its connections open."""
    assert server.process is not None
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(server.process.pid, signal.SIGCONT)


def test_hung_redis_times_out_and_no_late_reply_is_misread(throwaway_redis: LocalRedis) -> None:
    saver = fault_saver(throwaway_redis, socket_timeout=0.5)
    graph = chat_graph(saver)
    graph.invoke({"messages": [HumanMessage("first")]}, thread("h"))
    config = saver.get_tuple(thread("h")).config
    with frozen(throwaway_redis):
        started = time.monotonic()
        with pytest.raises(CheckpointerUnavailable):
            saver.put_writes(config, [("messages", "late")], "task-1", "")
        assert time.monotonic() - started < 3  # 2 attempts x 0.5 s, plus backoff
    # The timed-out commands' replies arrive now; none may be taken for this read's.
    latest = saver.get_tuple(thread("h"))
    saver.close()
    assert latest is not None and latest.checkpoint["id"] == config["configurable"]["checkpoint_id"]
    assert [m.content for m in latest.checkpoint["channel_values"]["messages"]] != []


async def test_async_hung_redis_times_out_and_no_late_reply_is_misread(
    throwaway_redis: LocalRedis,
) -> None:
    saver = fault_saver(throwaway_redis, socket_timeout=0.5)
    graph = chat_graph(saver)
    await graph.ainvoke({"messages": [HumanMessage("first")]}, thread("ah"))
    config = (await saver.aget_tuple(thread("ah"))).config
    with frozen(throwaway_redis):
        started = time.monotonic()
        with pytest.raises(CheckpointerUnavailable):
            await saver.aput_writes(config, [("messages", "late")], "task-1", "")
        assert time.monotonic() - started < 3
    latest = await saver.aget_tuple(thread("ah"))
    await saver.aclose()
    assert latest is not None and latest.checkpoint["id"] == config["configurable"]["checkpoint_id"]


def test_first_calls_after_a_redis_restart_succeed(throwaway_redis: LocalRedis) -> None:
    """Connections idle across a restart are stale; with no retries allowed, the saver
    still must not fail the next turn on them."""
    saver = fault_saver(throwaway_redis, retries=0)
    graph = chat_graph(saver)
    with ThreadPoolExecutor(max_workers=4) as pool:  # several connections left idle
        list(pool.map(lambda i: graph.invoke(
            {"messages": [HumanMessage(f"before {i}")]}, thread(f"r{i}")), range(8)))  # fmt: skip
    throwaway_redis.stop()
    throwaway_redis.start()
    for i in range(3):
        result = graph.invoke({"messages": [HumanMessage(f"after {i}")]}, thread(f"r{i}"))
        assert [m.content for m in result["messages"] if isinstance(m, HumanMessage)] == [
            f"before {i}",
            f"after {i}",
        ]
    saver.close()


async def test_async_first_calls_after_a_redis_restart_succeed(
    throwaway_redis: LocalRedis,
) -> None:
    # A closed connection is found at once, not by a timeout: the timeouts are only roomy
    # enough for eight turns at the same time on a busy CI machine (a 1 s read timeout
    # was not, once, nor a 0.5 s connect timeout for eight fresh connections).
    saver = fault_saver(throwaway_redis, socket_timeout=5.0, connect_timeout=5.0, retries=0)
    graph = chat_graph(saver)
    await asyncio.gather(*(graph.ainvoke(
        {"messages": [HumanMessage(f"before {i}")]}, thread(f"ar{i}")) for i in range(8)))  # fmt: skip
    throwaway_redis.stop()
    throwaway_redis.start()
    for i in range(3):
        result = await graph.ainvoke({"messages": [HumanMessage(f"after {i}")]}, thread(f"ar{i}"))
        assert len(result["messages"]) == 4
    await saver.aclose()


def test_maxmemory_gives_a_clear_error(throwaway_redis: LocalRedis) -> None:
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    graph = chat_graph(saver)
    graph.invoke({"messages": [HumanMessage("fits")]}, thread("m"))
    saver._sync.config_set("maxmemory-policy", "noeviction")
    saver._sync.config_set("maxmemory", "1")
    try:
        with pytest.raises(CheckpointerError, match="out of memory"):
            graph.invoke({"messages": [HumanMessage("x" * 10_000)]}, thread("m"))
    finally:
        saver._sync.config_set("maxmemory", "0")
    # Nothing already stored was lost.
    assert len(graph.get_state(thread("m")).values["messages"]) == 2
    saver.close()


@API
async def test_a_refused_write_leaves_the_conversation_whole(
    throwaway_redis: LocalRedis, api: str
) -> None:
    """Out of memory mid-conversation: the turn fails with a clear error, and once memory
    is back the next turn follows the last whole one, on the same connection."""
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    graph = Caller(chat_graph(saver), api)
    await graph.invoke({"messages": [HumanMessage("fits")]}, thread("m"))
    raw = redis.Redis.from_url(throwaway_redis.url)
    raw.config_set("maxmemory-policy", "noeviction")
    raw.config_set("maxmemory", "1")
    try:
        with pytest.raises(CheckpointerError, match="out of memory"):
            await graph.invoke({"messages": [HumanMessage("x" * 10_000)]}, thread("m"))
    finally:
        raw.config_set("maxmemory", "0")
    result = await graph.invoke({"messages": [HumanMessage("again")]}, thread("m"))
    assert [m.content for m in result["messages"]] == [
        "fits", "turn 1: you said fits", "again", "turn 2: you said again",
    ]  # fmt: skip
    raw.close()
    await saver.aclose()
    saver.close()


def test_a_checkpoint_is_never_stored_without_its_values(throwaway_redis: LocalRedis) -> None:
    """A write sends its values with plain HSETs, then the script that makes them part of
    the thread. Should the values not arrive (their HSET refused), the script stores
    nothing: no record naming missing blobs, no index naming missing writes."""
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    raw = redis.Redis.from_url(throwaway_redis.url)

    def without_values(batch: list[tuple]) -> tuple:
        (script,) = [command for command in batch if command[0] == "EVAL"]
        return script

    checkpoint = empty_checkpoint()
    checkpoint["channel_values"] = {"messages": [HumanMessage("hello")]}
    checkpoint["channel_versions"] = {"messages": saver.get_next_version(None, None)}
    config = {"configurable": {"thread_id": "fresh", "checkpoint_ns": ""}}
    put = next(saver.core.put(config, checkpoint, {}, checkpoint["channel_versions"]))
    with pytest.raises(redis.exceptions.ResponseError, match="not stored"):
        raw.execute_command(*without_values(put))
    assert saver.get_tuple(thread("fresh")) is None

    stored = saver.put(config, checkpoint, {}, checkpoint["channel_versions"])
    writes = [("messages", [AIMessage("hi")])]
    put_writes = next(saver.core.put_writes(stored, writes, "task-1", ""))
    with pytest.raises(redis.exceptions.ResponseError, match="not stored"):
        raw.execute_command(*without_values(put_writes))
    assert saver.get_tuple(stored).pending_writes == []
    saver.put_writes(stored, writes, "task-1")  # the whole write goes through
    assert [w[1:] for w in saver.get_tuple(stored).pending_writes] == writes
    raw.close()
    saver.close()
