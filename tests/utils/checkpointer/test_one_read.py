"""`RedisSaver.one_read()`: inside the block a thread's latest checkpoint costs one round
trip however often the turn reads it, and never hands out something stale or changed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from langchain_core.messages import HumanMessage

from tests.utils.checkpointer.test_graphs import chat_graph, thread
from utils.checkpointer import RedisSaver


@pytest.fixture
def saver(redis_url: str, key_prefix: str) -> Iterator[RedisSaver]:
    with RedisSaver.from_url(redis_url, ttl=60, prefix=key_prefix) as built:
        chat_graph(built).invoke({"messages": [HumanMessage("hi")]}, thread("t"))
        yield built


def test_the_second_read_in_the_block_costs_no_round_trip(saver: RedisSaver) -> None:
    with saver.one_read():
        first = saver.get_tuple(thread("t"))
        before = saver.round_trips
        second = saver.get_tuple(thread("t"))
        assert saver.round_trips == before
        saver.get_tuple(thread("t"))  # handed over once only
        assert saver.round_trips == before + 1
    assert first is not None and second is not None
    assert second.checkpoint["id"] == first.checkpoint["id"]
    assert second.checkpoint["channel_values"] == first.checkpoint["channel_values"]

    before = saver.round_trips
    saver.get_tuple(thread("t"))
    saver.get_tuple(thread("t"))
    assert saver.round_trips == before + 2  # outside the block, every read is one


def write_sync(saver: RedisSaver, config: Any, writes: list, task: str) -> None:
    saver.put_writes(config, writes, task)


def write_async(saver: RedisSaver, config: Any, writes: list, task: str) -> None:
    asyncio.run(saver.aput_writes(config, writes, task))


@pytest.mark.parametrize("write", [write_sync, write_async], ids=["sync", "async"])
def test_a_write_between_the_reads_is_seen(
    saver: RedisSaver, write: Callable[[RedisSaver, Any, list, str], None]
) -> None:
    with saver.one_read():
        first = saver.get_tuple(thread("t"))
        assert first is not None
        write(saver, first.config, [("messages", [HumanMessage("late")])], "task-x")
        second = saver.get_tuple(thread("t"))
    assert second is not None
    assert [w[0] for w in second.pending_writes or []] == ["task-x"]


def test_what_the_first_reader_changes_does_not_reach_the_second(saver: RedisSaver) -> None:
    with saver.one_read():
        first = saver.get_tuple(thread("t"))
        assert first is not None
        first.checkpoint["channel_versions"]["messages"] = "changed by the first reader"
        first.checkpoint["versions_seen"].setdefault("node", {})["messages"] = "seen"
        second = saver.get_tuple(thread("t"))
    assert second is not None
    assert second.checkpoint["channel_versions"]["messages"] != "changed by the first reader"
    assert "node" not in second.checkpoint["versions_seen"]


def test_another_thread_and_a_given_checkpoint_are_read_as_usual(saver: RedisSaver) -> None:
    chat_graph(saver).invoke({"messages": [HumanMessage("other")]}, thread("u"))
    with saver.one_read():
        mine = saver.get_tuple(thread("t"))
        other = saver.get_tuple(thread("u"))
        assert mine is not None and other is not None
        assert other.checkpoint["id"] != mine.checkpoint["id"]
        before = saver.round_trips
        given = saver.get_tuple(mine.config)  # names its checkpoint id
        assert saver.round_trips == before + 1
    assert given is not None and given.checkpoint["id"] == mine.checkpoint["id"]
