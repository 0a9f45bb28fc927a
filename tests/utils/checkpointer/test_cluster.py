"""The saver on a real 3-master Redis Cluster started by the test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
import redis
import redis.cluster
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.conformance import checkpointer_test, validate

from tests.utils.checkpointer.test_graphs import chat_graph, thread
from utils.checkpointer import RedisSaver
from utils.local_redis import start_redis_cluster


@pytest.fixture(scope="module")
def cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    cluster = start_redis_cluster(tmp_path_factory.mktemp("cluster"))
    yield cluster.url
    cluster.stop()


def test_thread_keys_share_one_slot_and_conversations_spread(cluster_url: str) -> None:
    prefix = f"c{uuid.uuid4().hex[:6]}"
    with RedisSaver.from_url(cluster_url, ttl=300, prefix=prefix, cluster=True) as saver:
        graph = chat_graph(saver)
        for n in range(12):
            for text in ("hello", "again"):
                graph.invoke({"messages": [HumanMessage(text)]}, thread(f"conv-{n}"))
        client = redis.cluster.RedisCluster.from_url(cluster_url)
        slots = set()
        for n in range(12):
            thread_slots = {client.keyslot(k) for k in saver.core.keys(f"conv-{n}").all}
            assert len(thread_slots) == 1
            slots |= thread_slots
        nodes_used = {
            client.get_node_from_key(saver.core.keys(f"conv-{n}").checkpoints).name
            for n in range(12)
        }
        state = graph.get_state(thread("conv-7"))
        client.close()
    assert len(state.values["messages"]) == 4
    assert len(nodes_used) > 1, "conversations should spread over the masters"


async def test_async_chat_on_cluster(cluster_url: str) -> None:
    saver = RedisSaver.from_url(cluster_url, ttl=300, prefix="ac", cluster=True)
    graph = chat_graph(saver)
    await graph.ainvoke({"messages": [HumanMessage("one")]}, thread("async-c"))
    result = await graph.ainvoke({"messages": [HumanMessage("two")]}, thread("async-c"))
    await saver.aclose()
    saver.close()
    assert [m.content for m in result["messages"]][-1] == "turn 2: you said two"


async def test_conformance_on_cluster(cluster_url: str) -> None:
    @checkpointer_test(name="RedisSaver[cluster]")
    async def factory() -> AsyncIterator[RedisSaver]:
        saver = RedisSaver.from_url(
            cluster_url, ttl=300, prefix=f"cc{uuid.uuid4().hex[:6]}", cluster=True
        )
        yield saver
        await saver.aclose()
        saver.close()

    report = await validate(factory)
    assert report.passed_all(), {n: r.failures for n, r in report.results.items() if r.failures}
