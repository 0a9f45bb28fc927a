"""The async saver's shared connection: many callers, one socket, each its own reply."""

from __future__ import annotations

import asyncio

import redis
from langchain_core.messages import HumanMessage

from tests.utils.checkpointer.test_graphs import chat_graph, thread
from utils.checkpointer import RedisSaver
from utils.local_redis import LocalRedis


def connected_clients(server: LocalRedis) -> int:
    with redis.Redis.from_url(server.url) as probe:
        return int(probe.info("clients")["connected_clients"]) - 1  # not the probe


async def test_concurrent_conversations_share_one_connection(throwaway_redis: LocalRedis) -> None:
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    graph = chat_graph(saver)
    results = await asyncio.gather(
        *(
            graph.ainvoke({"messages": [HumanMessage(f"hi {i}")]}, thread(f"c{i}"))
            for i in range(20)
        )
    )
    # Each conversation got its own answer back, through one socket.
    assert [r["messages"][-1].content for r in results] == [
        f"turn 1: you said hi {i}" for i in range(20)
    ]
    assert connected_clients(throwaway_redis) == 1
    await saver.aclose()
    saver.close()


async def test_a_cancelled_call_leaves_its_reply_to_nobody(throwaway_redis: LocalRedis) -> None:
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    graph = chat_graph(saver)
    for name in ("left", "right"):
        await graph.ainvoke({"messages": [HumanMessage(f"I am {name}")]}, thread(name))

    waiting = asyncio.create_task(saver.aget_tuple(thread("left")))
    await asyncio.sleep(0)  # the command is written; its reply has not been read yet
    waiting.cancel()
    right = await saver.aget_tuple(thread("right"))

    assert waiting.cancelled()
    assert right is not None and right.config["configurable"]["thread_id"] == "right"
    assert right.checkpoint["channel_values"]["messages"][0].content == "I am right"
    await saver.aclose()
    saver.close()
