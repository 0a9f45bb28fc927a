"""TTL semantics, round trips per call and what a turn stores."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import redis
from langchain_core.messages import HumanMessage

from tests.utils.checkpointer.test_graphs import chat_graph, thread
from utils.checkpointer import RedisSaver


@pytest.fixture
def raw(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def keys_of(raw: redis.Redis, prefix: str) -> list[bytes]:
    return sorted(raw.scan_iter(match=f"{prefix}:*"))


def test_every_key_gets_the_ttl(redis_url: str, key_prefix: str, raw: redis.Redis) -> None:
    with RedisSaver.from_url(redis_url, ttl=120, prefix=key_prefix) as saver:
        graph = chat_graph(saver)
        graph.invoke({"messages": [HumanMessage("hi")]}, thread("t1"))
        graph.invoke({"messages": [HumanMessage("again")]}, thread("t1"))
    found = keys_of(raw, key_prefix)
    assert len(found) >= 5
    ttls = {key: raw.ttl(key) for key in found}
    assert all(0 < ttl <= 120 for ttl in ttls.values()), ttls


def test_no_ttl_means_keys_persist(redis_url: str, key_prefix: str, raw: redis.Redis) -> None:
    with RedisSaver.from_url(redis_url, ttl=None, prefix=key_prefix) as saver:
        chat_graph(saver).invoke({"messages": [HumanMessage("hi")]}, thread("t1"))
    assert {raw.ttl(key) for key in keys_of(raw, key_prefix)} == {-1}


def test_expired_conversation_starts_fresh_without_orphans(
    redis_url: str, key_prefix: str, raw: redis.Redis
) -> None:
    with RedisSaver.from_url(redis_url, ttl=1, prefix=key_prefix) as saver:
        graph = chat_graph(saver)
        graph.invoke({"messages": [HumanMessage("remember me")]}, thread("short"))
        assert graph.get_state(thread("short")).values["messages"]
        time.sleep(2.2)
        assert keys_of(raw, key_prefix) == []
        assert graph.get_state(thread("short")).values == {}
        result = graph.invoke({"messages": [HumanMessage("hello?")]}, thread("short"))
    assert [m.content for m in result["messages"]] == ["hello?", "turn 1: you said hello?"]


def test_each_write_slides_the_expiry(redis_url: str, key_prefix: str, raw: redis.Redis) -> None:
    with RedisSaver.from_url(redis_url, ttl=2, prefix=key_prefix) as saver:
        graph = chat_graph(saver)
        graph.invoke({"messages": [HumanMessage("one")]}, thread("slide"))
        time.sleep(1.2)
        graph.invoke({"messages": [HumanMessage("two")]}, thread("slide"))
        time.sleep(1.2)  # 2.4 s after the first turn: alive only because turn two slid it
        state = graph.get_state(thread("slide"))
    assert len(state.values["messages"]) == 4


def test_refresh_on_read_keeps_a_read_conversation_alive(
    redis_url: str, key_prefix: str, raw: redis.Redis
) -> None:
    with RedisSaver.from_url(redis_url, ttl=60, prefix=key_prefix, refresh_on_read=True) as saver:
        chat_graph(saver).invoke({"messages": [HumanMessage("hi")]}, thread("r"))
        for key in keys_of(raw, key_prefix):
            raw.expire(key, 5)
        saver.get_tuple(thread("r"))
    assert all(raw.ttl(key) > 5 for key in keys_of(raw, key_prefix))


def test_round_trips_per_call(redis_url: str, key_prefix: str) -> None:
    with RedisSaver.from_url(redis_url, ttl=60, prefix=key_prefix) as saver:
        config = thread("rt")
        config["configurable"]["checkpoint_ns"] = ""
        graph = chat_graph(saver)
        graph.invoke({"messages": [HumanMessage("hi")]}, config)
        latest = saver.get_tuple(config)
        assert latest is not None

        before = saver.round_trips
        saver.put_writes(latest.config, [("messages", "x")], "task-1")
        assert saver.round_trips - before == 1

        before = saver.round_trips
        saver.get_tuple(config)
        assert saver.round_trips - before <= 2

        checkpoint = dict(latest.checkpoint, id="1f000000-0000-6000-8000-000000000000")
        before = saver.round_trips
        saver.put(latest.config, checkpoint, {"source": "update", "step": 9}, {"messages": "v9"})
        assert saver.round_trips - before == 1


def test_a_turn_stores_only_the_channels_it_changed(
    redis_url: str, key_prefix: str, raw: redis.Redis
) -> None:
    with RedisSaver.from_url(redis_url, ttl=60, prefix=key_prefix) as saver:
        graph = chat_graph(saver)
        graph.invoke({"messages": [HumanMessage("one")]}, thread("s"))
        blobs_key = saver.core.keys("s").blobs
        after_one = raw.hlen(blobs_key)
        graph.invoke({"messages": [HumanMessage("two")]}, thread("s"))
        after_two = raw.hlen(blobs_key)
        checkpoints = raw.hlen(saver.core.keys("s").checkpoints)
    # Each turn adds one blob per changed channel version, not a copy of every channel
    # per checkpoint: far fewer blobs than checkpoints x channels.
    assert after_two - after_one == after_one
    assert after_two < checkpoints * 3


@pytest.mark.parametrize("ttl", [0, -5])
def test_a_ttl_that_is_not_positive_is_refused(redis_url: str, ttl: int) -> None:
    with pytest.raises(ValueError, match="ttl must be a positive number of seconds"):
        RedisSaver.from_url(redis_url, ttl=ttl)
