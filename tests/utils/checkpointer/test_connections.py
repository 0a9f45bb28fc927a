"""The async saver's shared connection: many callers, one socket, each its own reply."""

from __future__ import annotations

import asyncio
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio
from langchain_core.messages import HumanMessage

from tests.utils.checkpointer.test_faults import frozen
from tests.utils.checkpointer.test_graphs import chat_graph, thread
from utils.checkpointer import CheckpointerUnavailable, RedisSaver
from utils.local_redis import LocalRedis, free_port, start_redis


def connected_clients(server: LocalRedis) -> int:
    with redis.Redis.from_url(server.url) as probe:
        return int(probe.info("clients")["connected_clients"]) - 1  # not the probe


async def first_turns(graph: Any, texts: list[str]) -> list[str]:
    """Start one conversation per text, all at once; the answers, in order."""
    results = await asyncio.gather(
        *(
            graph.ainvoke({"messages": [HumanMessage(text)]}, thread(f"conversation {i}"))
            for i, text in enumerate(texts)
        )
    )
    return [r["messages"][-1].content for r in results]


async def test_concurrent_conversations_share_one_connection(throwaway_redis: LocalRedis) -> None:
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600)
    graph = chat_graph(saver)
    texts = [f"hi {i}" for i in range(20)]
    # Each conversation got its own answer back, through one socket.
    assert await first_turns(graph, texts) == [f"turn 1: you said {t}" for t in texts]
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


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 (openssl CLI)."""
    ca_key, ca_cert = folder / "ca.key", folder / "ca.crt"
    key, request, cert = folder / "server.key", folder / "server.csr", folder / "server.crt"
    extensions = folder / "ext.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1\n")
    for command in (
        f"req -x509 -newkey rsa:2048 -nodes -keyout {ca_key} -out {ca_cert} -days 1 -subj /CN=ca",
        f"req -newkey rsa:2048 -nodes -keyout {key} -out {request} -subj /CN=127.0.0.1",
        f"x509 -req -in {request} -CA {ca_cert} -CAkey {ca_key} -CAcreateserial -out {cert} "
        f"-days 1 -extfile {extensions}",
    ):
        subprocess.run(["openssl", *command.split()], check=True, capture_output=True)
    return ca_cert, cert, key


def test_tls_url_works_for_both_apis(tmp_path: Path) -> None:
    ca_cert, cert, key = make_certificates(tmp_path)
    tls_port = free_port()
    server = start_redis(
        tmp_path / "redis",
        extra_args=(
            "--tls-port", str(tls_port), "--tls-cert-file", str(cert),
            "--tls-key-file", str(key), "--tls-ca-cert-file", str(ca_cert),
            "--tls-auth-clients", "no",
        ),
    )  # fmt: skip
    try:
        saver = RedisSaver.from_url(f"rediss://127.0.0.1:{tls_port}/0?ssl_ca_certs={ca_cert}")
        graph = chat_graph(saver)
        said = graph.invoke({"messages": [HumanMessage("over TLS")]}, thread("tls"))

        async def concurrently() -> list[dict]:
            try:
                return await asyncio.gather(
                    *(
                        graph.ainvoke({"messages": [HumanMessage(f"a{i}")]}, thread(f"t{i}"))
                        for i in range(5)
                    )
                )
            finally:
                await saver.aclose()

        replies = asyncio.run(concurrently())
        saver.close()
    finally:
        server.stop()
    assert said["messages"][-1].content == "turn 1: you said over TLS"
    assert [r["messages"][-1].content for r in replies] == [
        f"turn 1: you said a{i}" for i in range(5)
    ]


async def test_concurrent_calls_all_recover_when_redis_restarts(
    throwaway_redis: LocalRedis,
) -> None:
    """Every caller waiting on the shared connection when it dies gets one fresh
    connection between them, with no retries allowed: none may close the new one.
    The timeouts are generous: a loaded CI machine once took over two seconds to
    accept the reconnect, and what is tested here is sharing, not speed."""
    saver = RedisSaver.from_url(
        throwaway_redis.url, ttl=600, retries=0, connect_timeout=15, socket_timeout=15
    )
    graph = chat_graph(saver)
    await graph.ainvoke({"messages": [HumanMessage("before")]}, thread("warm"))
    throwaway_redis.stop()
    throwaway_redis.start()  # same port, same append-only file
    texts = [f"after {i}" for i in range(12)]
    assert await first_turns(graph, texts) == [f"turn 1: you said {t}" for t in texts]
    assert connected_clients(throwaway_redis) == 1
    await saver.aclose()
    saver.close()


async def test_with_redis_hung_concurrent_callers_fail_together(
    throwaway_redis: LocalRedis,
) -> None:
    """Callers queued behind another's connect share its deadline: five of them fail
    within about one socket timeout, not five timeouts one after another."""
    saver = RedisSaver.from_url(throwaway_redis.url, ttl=600, socket_timeout=0.5, retries=0)
    with frozen(throwaway_redis):
        started = time.monotonic()
        outcomes = await asyncio.gather(
            *(saver.aget_tuple(thread(f"h{i}")) for i in range(5)), return_exceptions=True
        )
        elapsed = time.monotonic() - started
    assert all(isinstance(o, CheckpointerUnavailable) for o in outcomes), outcomes
    assert elapsed < 1.8
    # Redis answers again: the same saver works without a restart.
    assert await saver.aget_tuple(thread("h0")) is None
    await saver.aclose()
    saver.close()


@pytest.mark.parametrize("decoding", ["sync", "async"])
def test_clients_that_decode_replies_are_refused_clearly(redis_url: str, decoding: str) -> None:
    """Checkpoints are binary: an app's `decode_responses=True` client would corrupt them."""
    sync_client = redis.Redis.from_url(redis_url, decode_responses=decoding == "sync")
    async_client = redis.asyncio.Redis.from_url(redis_url, decode_responses=decoding == "async")
    with pytest.raises(ValueError, match="decode_responses=False"):
        RedisSaver(sync_client, async_client)
    sync_client.close()
