"""Ingestion task figures kept in Redis, so any API process's /metrics shows what every
worker did, on this machine or another: tasks by outcome, their durations, chunks
embedded, and the queue's depth (read from the broker at scrape time)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import redis
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)

log = logging.getLogger(__name__)

BUCKETS = (0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0)


class TaskStats:
    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.key = f"{prefix}:ingestion:stats"  # one key: one slot on a cluster

    def record(self, task: str, outcome: str, seconds: float, *, chunks: int = 0) -> None:
        pipe = self.client.pipeline(transaction=False)
        pipe.hincrby(self.key, f"count|{task}|{outcome}", 1)
        pipe.hincrbyfloat(self.key, f"sum|{task}", seconds)
        for bound in BUCKETS:
            if seconds <= bound:
                pipe.hincrby(self.key, f"le|{task}|{bound}", 1)
        if chunks:
            pipe.hincrby(self.key, "chunks", chunks)
        try:
            pipe.execute()
        except redis.exceptions.RedisError as exc:  # figures are not worth failing a task
            log.warning("ingestion figures not recorded: %s", exc)

    def read(self) -> dict[str, float]:
        return {k.decode(): float(v) for k, v in self.client.hgetall(self.key).items()}


class QueueCollector:
    """A Prometheus collector over TaskStats and the broker's queue."""

    def __init__(self, stats: TaskStats, depth: Callable[[], tuple[int, int]]) -> None:
        self.stats = stats
        self.depth = depth

    def collect(self) -> Iterator[Metric]:
        try:
            waiting, unacked = self.depth()
            figures = self.stats.read()
        except Exception as exc:  # a scrape while Redis is away shows the rest
            log.warning("ingestion queue figures unavailable: %s", exc)
            return
        depth = GaugeMetricFamily(
            "ingestion_queue_depth", "Ingestion tasks waiting (state=waiting) or taken by a "
            "worker and not yet acknowledged (state=unacked)", labels=["state"],
        )  # fmt: skip
        depth.add_metric(["waiting"], waiting)
        depth.add_metric(["unacked"], unacked)
        yield depth
        tasks = CounterMetricFamily(
            "ingestion_tasks", "Ingestion task runs by task and outcome (completed, failed, "
            "retry: a transient error, held: another worker had the job, skipped)",
            labels=["task", "outcome"],
        )  # fmt: skip
        durations = HistogramMetricFamily(
            "ingestion_task_duration_seconds", "Ingestion task run time", labels=["task"]
        )
        counts: dict[str, float] = {}
        for field, value in sorted(figures.items()):
            kind, _, rest = field.partition("|")
            if kind == "count":
                task, _, outcome = rest.partition("|")
                tasks.add_metric([task, outcome], value)
                counts[task] = counts.get(task, 0) + value
        for task, total in sorted(counts.items()):
            buckets = [(str(b), figures.get(f"le|{task}|{b}", 0.0)) for b in BUCKETS]
            durations.add_metric([task], [*buckets, ("+Inf", total)],
                                 sum_value=figures.get(f"sum|{task}", 0.0))  # fmt: skip
        yield tasks
        yield durations
        chunks = CounterMetricFamily("ingestion_chunks", "Chunks embedded by ingestion tasks")
        chunks.add_metric([], figures.get("chunks", 0.0))
        yield chunks
