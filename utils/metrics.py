"""Prometheus metrics. Under Gunicorn every worker writes to PROMETHEUS_MULTIPROC_DIR
(set by gunicorn.conf.py) and /metrics adds them up; elsewhere one in-process registry."""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.registry import Collector

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
FAST_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)

REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests by route, method and status",
    ["route", "method", "status"],
)
REQUEST_SECONDS = Histogram(
    "http_request_duration_seconds", "HTTP request latency", ["route", "method", "status"],
    buckets=LATENCY_BUCKETS,
)  # fmt: skip
STAGE_SECONDS = Histogram(
    "rag_stage_duration_seconds", "Time spent per stage of a turn (retrieval, answer, llm)",
    ["stage"], buckets=LATENCY_BUCKETS,
)  # fmt: skip
CHECKPOINTER_SECONDS = Histogram(
    "checkpointer_round_trip_seconds", "Redis round trips of the conversation store",
    buckets=FAST_BUCKETS,
)  # fmt: skip
RATE_LIMITED = Counter("rate_limit_rejections_total", "Requests refused by the rate limit")


def render(*shared: Collector) -> tuple[bytes, str]:
    """The exposition text for /metrics: this process's figures (summed over workers in
    multiprocess mode), then `shared` ones read from elsewhere (the ingestion queue's)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY as registry
    extra = CollectorRegistry()
    for collector in shared:
        extra.register(collector)
    return generate_latest(registry) + generate_latest(extra), CONTENT_TYPE_LATEST


GUARDRAIL_DECISIONS = Counter(
    "guardrail_decisions_total", "Turns declined by an assistant's guardrails", ["decision"]
)
TURN_RECORDS_DROPPED = Counter(
    "turn_records_dropped_total", "Turn records not written (database unavailable or queue full)"
)
