"""Chat workload through LangGraph with three savers, in one run.

20 conversations x 10 turns of a small `add_messages` graph (no LLM), with our RedisSaver
on a private redis-server, LangGraph's InMemorySaver and SqliteSaver (a file on disk).
Prints turns/s and p50/p99 turn latency for the sync API (LangGraph's default thread pool,
and `sync-1`: one background thread per run, as the service invokes) and the async API, Redis round
trips per turn and bytes stored per conversation, each as a ratio to InMemorySaver.
All savers run under Python's GIL switch interval (5 ms) and under a shorter one
(`--switch-interval-ms`, default 1; a what-if the service does not apply), in interleaved
rounds. Turns/s and latencies are medians over the rounds; each ratio is the median
of the per-round ratios (saver against InMemorySaver of the same round), with quartiles.

    python -m bench.checkpointer [--conversations 20] [--turns 10] [--reply-chars 152]
        [--switch-interval-ms 1] [--durability async|exit]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiosqlite
import ormsgpack
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Durability

from utils.checkpointer import RedisSaver
from utils.local_redis import start_redis

REPLY = "Checkpoints are stored per channel version, so a turn writes what changed. " * 2


def build_graph(saver: Any, answer: str = REPLY) -> Any:
    def reply(state: MessagesState) -> dict:
        return {"messages": [AIMessage(content=answer)]}

    builder = StateGraph(MessagesState)
    builder.add_node("reply", reply)
    builder.add_edge(START, "reply")
    builder.add_edge("reply", END)
    return builder.compile(checkpointer=saver)


def question(conv: int, turn: int) -> dict:
    return {"messages": [HumanMessage(f"conversation {conv}, question {turn}: what changed?")]}


def config(conv: int) -> dict:
    return {"configurable": {"thread_id": f"bench-{conv}"}}


def summarise(latencies: list[float], wall: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "turns_per_s": len(latencies) / wall,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def run_sync(
    saver: Any,
    conversations: int,
    turns: int,
    *,
    threads: int | None = None,
    answer: str = REPLY,
    durability: Durability = "async",
) -> dict[str, float]:
    """`threads`: LangGraph's background threads per run (`max_concurrency`); the service
    invokes with 1 (agents/service.py), LangGraph's default is unbounded. `durability`:
    when a run's checkpoints are written: every step's, in the background ("async",
    LangGraph's default and the service's), or once, when the run ends ("exit", a what-if:
    a turn whose worker dies would then leave nothing to complete)."""
    graph = build_graph(saver, answer)
    latencies = []
    start = time.perf_counter()
    for turn in range(turns):
        for conv in range(conversations):
            t0 = time.perf_counter()
            run_config = (
                config(conv) if threads is None else {**config(conv), "max_concurrency": threads}
            )
            graph.invoke(question(conv, turn), run_config, durability=durability)
            latencies.append(time.perf_counter() - t0)
    return summarise(latencies, time.perf_counter() - start)


async def run_async(
    saver: Any,
    conversations: int,
    turns: int,
    *,
    answer: str = REPLY,
    durability: Durability = "async",
) -> dict[str, float]:
    graph = build_graph(saver, answer)
    latencies = []
    start = time.perf_counter()
    for turn in range(turns):
        for conv in range(conversations):
            t0 = time.perf_counter()
            await graph.ainvoke(question(conv, turn), config(conv), durability=durability)
            latencies.append(time.perf_counter() - t0)
    return summarise(latencies, time.perf_counter() - start)


def memory_bytes(saver: InMemorySaver) -> int:
    total = 0
    for namespaces in saver.storage.values():
        for checkpoints in namespaces.values():
            for checkpoint, metadata, _parent in checkpoints.values():
                total += len(checkpoint[1]) + len(metadata[1])
    total += sum(len(blob[1]) for blob in saver.blobs.values())
    total += sum(len(ormsgpack.packb(w[2][1])) for ws in saver.writes.values() for w in ws.values())
    return total


def redis_bytes(saver: RedisSaver, conversations: int) -> int:
    client = saver._sync
    return sum(
        client.memory_usage(key) or 0
        for conv in range(conversations)
        for key in saver.core.keys(f"bench-{conv}").all
        if client.exists(key)
    )


def run_all(
    server_url: str,
    work: Path,
    n: int,
    t: int,
    tag: str,
    answer: str = REPLY,
    durability: Durability = "async",
) -> tuple[dict, dict, dict]:
    """Every saver, sync then async, in this process; returns results, sizes, round trips."""
    sync = functools.partial(run_sync, answer=answer, durability=durability)
    aio = functools.partial(run_async, answer=answer, durability=durability)
    results: dict[tuple[str, str], dict[str, float]] = {}
    sizes: dict[str, float] = {}
    round_trips: dict[str, float] = {}
    memory = InMemorySaver()
    results[("InMemorySaver", "sync")] = sync(memory, n, t)
    sizes["InMemorySaver"] = memory_bytes(memory) / n
    results[("InMemorySaver", "sync-1")] = sync(InMemorySaver(), n, t, threads=1)
    results[("InMemorySaver", "async")] = asyncio.run(aio(InMemorySaver(), n, t))

    conn = sqlite3.connect(work / f"sync-{tag}.sqlite", check_same_thread=False)
    results[("SqliteSaver", "sync")] = sync(SqliteSaver(conn), n, t)
    conn.close()
    one = sqlite3.connect(work / f"sync1-{tag}.sqlite", check_same_thread=False)
    results[("SqliteSaver", "sync-1")] = sync(SqliteSaver(one), n, t, threads=1)
    one.close()
    sizes["SqliteSaver"] = os.path.getsize(work / f"sync-{tag}.sqlite") / n

    async def sqlite_async() -> dict[str, float]:
        async with aiosqlite.connect(work / f"async-{tag}.sqlite") as aconn:
            return await aio(AsyncSqliteSaver(aconn), n, t)

    results[("SqliteSaver", "async")] = asyncio.run(sqlite_async())

    redis_sync = RedisSaver.from_url(server_url, ttl=86400, prefix=f"bs{tag}")
    results[("RedisSaver", "sync")] = sync(redis_sync, n, t)
    round_trips["sync"] = redis_sync.round_trips / (n * t)
    sizes["RedisSaver"] = redis_bytes(redis_sync, n) / n
    redis_sync.close()
    redis_one = RedisSaver.from_url(server_url, ttl=86400, prefix=f"b1{tag}")
    results[("RedisSaver", "sync-1")] = sync(redis_one, n, t, threads=1)
    redis_one.close()

    async def redis_async() -> dict[str, float]:
        saver = RedisSaver.from_url(server_url, ttl=86400, prefix=f"ba{tag}")
        try:
            return await aio(saver, n, t)
        finally:
            round_trips["async"] = saver.round_trips / (n * t)
            await saver.aclose()
            saver.close()

    results[("RedisSaver", "async")] = asyncio.run(redis_async())
    return results, sizes, round_trips


def medians(rounds: list[dict]) -> dict:
    """Per saver and API, the median of each figure over the rounds."""
    return {
        key: {
            figure: statistics.median(r[key][figure] for r in rounds) for figure in rounds[0][key]
        }
        for key in rounds[0]
    }


def paired_ratios(rounds: list[dict], name: str, api: str, base: str) -> list[float]:
    """`name`'s turns/s over `base`'s, round by round: both ran minutes apart at most,
    so a slow spell of the machine cancels out of each ratio."""
    return sorted(r[(name, api)]["turns_per_s"] / r[(base, api)]["turns_per_s"] for r in rounds)


def spread(ratios: list[float]) -> tuple[float, float, float]:
    """(first quartile, median, third quartile)."""
    if len(ratios) < 2:
        return ratios[0], ratios[0], ratios[0]
    low, mid, high = statistics.quantiles(ratios, n=4, method="inclusive")
    return low, mid, high


def report(rounds: list[dict], label: str) -> str:
    results = medians(rounds)
    print(f"\n{label}")
    print(
        f"{'saver':<14} {'api':<6} {'turns/s':>9} {'x mem':>7} {'x mem IQR':>12} "
        f"{'p50 ms':>8} {'p99 ms':>8}"
    )
    vs_memory = {key: spread(paired_ratios(rounds, *key, "InMemorySaver")) for key in results}
    for (name, api), row in results.items():
        low, mid, high = vs_memory[(name, api)]
        print(
            f"{name:<14} {api:<6} {row['turns_per_s']:>9.1f} {mid:>7.2f} "
            f"{f'{low:.2f}-{high:.2f}':>12} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f}"
        )
    verdicts = []
    for api in ("sync", "sync-1", "async"):
        low, mid, high = vs_memory[("RedisSaver", api)]
        _, vs_sqlite, _ = spread(paired_ratios(rounds, "RedisSaver", api, "SqliteSaver"))
        verdicts.append(
            f"{api} {mid:.2f}x InMemory (quartiles {low:.2f}-{high:.2f}), {vs_sqlite:.2f}x Sqlite"
        )
    return "; ".join(verdicts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument(
        "--reply-chars", type=int, default=len(REPLY),
        help="length of each answer (offline answers with citations run 500-2,000)",
    )  # fmt: skip
    parser.add_argument(
        "--rounds", type=int, default=9, help="repeat every run, report medians (noisy VMs)"
    )
    parser.add_argument(
        "--switch-interval-ms",
        type=float,
        default=1.0,
        help="the GIL switch interval to compare with Python's 5 ms",
    )
    parser.add_argument(
        "--durability", choices=("async", "exit"), default="async",
        help="when checkpoints are written: every step (LangGraph's default, as the service "
        "runs) or once a turn, when it ends (a what-if)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    n, t = args.conversations, args.turns
    answer = (REPLY * (args.reply_chars // len(REPLY) + 1))[: args.reply_chars]
    print(
        f"workload: {n} conversations x {t} turns = {n * t} turns per saver and API, "
        f"answers of {len(answer)} characters, durability {args.durability}"
    )

    work = Path(tempfile.mkdtemp(prefix="bench-cp-"))
    server = start_redis(work / "redis")
    python_default = sys.getswitchinterval()
    # Python's default first, then the service's setting: LangGraph's sync API writes
    # checkpoints from background threads, which wait for the GIL after each socket call.
    intervals = {"python": python_default, "shorter": args.switch_interval_ms / 1000}
    verdicts = {}
    try:
        rounds: dict[str, list[dict]] = {tag: [] for tag in intervals}
        for round_ in range(args.rounds):  # interleaved, so a slow spell hits both settings
            for tag, interval in intervals.items():
                sys.setswitchinterval(interval)
                results, sizes, round_trips = run_all(
                    server.url, work, n, t, f"{tag}{round_}", answer, args.durability
                )
                rounds[tag].append(results)
        for tag, interval in intervals.items():
            label = f"GIL switch interval {interval * 1000:g} ms ({tag}), median of {args.rounds}"
            verdicts[label] = report(rounds[tag], label)
    finally:
        sys.setswitchinterval(python_default)
        server.stop()

    print()
    print("bytes stored per conversation (ratio to InMemorySaver's serialized bytes):")
    for name, size in sizes.items():
        print(f"  {name:<14} {size:>10.0f} B  x{size / sizes['InMemorySaver']:.2f}")
    print(
        f"Redis round trips per turn: sync {round_trips['sync']:.1f}, "
        f"async {round_trips['async']:.1f}"
    )
    for label, verdict in verdicts.items():
        print(f"checkpointer, {label}: {verdict} (target >= 0.7x InMemory, > 1x Sqlite)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
