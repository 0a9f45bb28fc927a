"""What asking over MCP adds to a turn: the `ask` tool at /mcp (the official SDK's client,
streamable HTTP, one request per call after the first handshake) against `POST /v1/chat`
with the same key, on the same served instance (Gunicorn + Uvicorn, one worker, offline
answers), interleaved, each question in a new conversation. Whole round trips, as a
client sees them.

    python -m bench.mcp [--rounds 20]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import http.client
import json
import statistics
import time
import uuid

import anyio
import httpx2
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from bench.sample_service import sample_service

KEY, ADMIN = "bench-key", "bench-admin"
QUESTIONS = ("How do I start the service?", "How long are conversations kept?",
             "What is the rate limit of an API key?", "Can I run several workers?")  # fmt: skip


def rest_ask(port: int, question: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("POST", "/v1/chat", body=json.dumps({"message": question}),
                       headers={"Content-Type": "application/json", "X-API-Key": KEY,
                                "X-Conversation-Id": uuid.uuid4().hex})  # fmt: skip
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    assert response.status == 200, body[:300]
    return elapsed


async def measure(url: str, rounds: int) -> tuple[list[float], list[float]]:
    port = int(url.rsplit(":", 1)[1])
    headers = {"Authorization": f"Bearer {KEY}"}
    async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
        async with Client(streamable_http_client(f"{url}/mcp", http_client=http)) as client:

            async def mcp_ask(question: str) -> float:
                started = time.perf_counter()
                result = await client.call_tool(
                    "ask", {"question": question, "conversation_id": uuid.uuid4().hex}
                )
                assert not result.is_error, result.content
                return time.perf_counter() - started

            for question in QUESTIONS:  # warm: the encoder's first calls, the caches
                await mcp_ask(question)
                await anyio.to_thread.run_sync(rest_ask, port, question)
            rest, over_mcp = [], []
            for n in range(rounds):  # interleaved: the machine drifts
                question = QUESTIONS[n % len(QUESTIONS)]
                rest.append(await anyio.to_thread.run_sync(rest_ask, port, question))
                over_mcp.append(await mcp_ask(question))
    return rest, over_mcp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with sample_service("bench-mcp-", API_KEYS=KEY, ADMIN_API_KEYS=ADMIN,
                        RATE_LIMIT="100000/minute", ADMIN_RATE_LIMIT="100000/minute") as service:  # fmt: skip
        rest, over_mcp = anyio.run(measure, service.url, args.rounds)
    for name, samples in (("POST /v1/chat", rest), ("MCP tools/call ask", over_mcp)):
        ordered = sorted(samples)
        print(f"{name}: median {statistics.median(samples) * 1000:.1f} ms, "
              f"p90 {ordered[int(len(ordered) * 0.9) - 1] * 1000:.1f} ms")  # fmt: skip
    added = statistics.median(over_mcp) - statistics.median(rest)
    ratio = statistics.median(over_mcp) / statistics.median(rest)
    print(f"MCP / REST (medians): x{ratio:.2f}, {added * 1000:+.1f} ms a turn")


if __name__ == "__main__":
    main()
