"""Load on the real stack: Gunicorn + Uvicorn workers, offline answerer, real redis-server.

N concurrent conversations x T turns over HTTP; prints requests/s, p50/p95/p99 latency and
the error rate, then checks every conversation's history is complete and in order. The
same turns are also run in-process (ChatService called directly, same concurrency) in the
same run, and the service's overhead is printed as a ratio to that.

    python -m bench.load [--conversations 50] [--turns 10]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from agents.conversations import Conversation
from composition import build_services
from config import Settings
from knowledge.embeddings import load_embeddings
from knowledge.sample import index_sample_kb
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
            ok = turn(f"conv-{index}", f"{QUESTIONS[t % len(QUESTIONS)]} (turn {t})")
            mine.append(time.perf_counter() - started)
            failed += not ok
        return mine, failed

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=conversations) as pool:
        for mine, failed in pool.map(conversation, range(conversations)):
            latencies += mine
            errors += failed
    return latencies, errors, time.perf_counter() - started


def percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000  # noqa: E731
    return {"p50": statistics.median(ordered) * 1000, "p95": pick(0.95), "p99": pick(0.99)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=10)
    args = parser.parse_args(argv)
    n, t = args.conversations, args.turns
    print(f"workload: {n} concurrent conversations x {t} turns = {n * t} turns, offline answerer")

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    redis_server = start_redis(work / "redis", appendonly=True)
    embeddings = load_embeddings(None, 32)
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

        def over_http(conversation: str, message: str) -> bool:
            status, _ = request(
                "POST", f"{server.url}/v1/chat", body={"message": message},
                headers={"X-API-Key": API_KEY, "X-Conversation-Id": conversation}, timeout=120,
            )  # fmt: skip
            return status == 200

        http_lat, errors, http_wall = run_turns(over_http, n, t)
        complete = 0
        for i in range(n):
            status, body = request(
                "GET", f"{server.url}/v1/conversations/conv-{i}", headers={"X-API-Key": API_KEY}
            )
            asked = [m["content"] for m in body.get("messages", []) if m["role"] == "user"]
            expected = [f"{QUESTIONS[k % len(QUESTIONS)]} (turn {k})" for k in range(t)]
            roles = [m["role"] for m in body.get("messages", [])]
            complete += status == 200 and asked == expected and roles == ["user", "assistant"] * t
        server.stop()
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
    print(
        f"load: http {http_rps:.1f} req/s = x{http_rps / inproc_rps:.2f} in-process throughput, "
        f"p50 x{ours['p50'] / base['p50']:.2f}, errors {errors}, complete histories {complete}/{n}"
    )


if __name__ == "__main__":
    main()
