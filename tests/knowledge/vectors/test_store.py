"""The embedded Qdrant client under the service's threads (requests + ingestion)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from qdrant_client import models

from config import Settings
from knowledge.vectors.clients import open_client
from knowledge.vectors.store import DENSE_VECTOR, SPARSE_VECTOR, ensure_collection

BATCHES, BATCH_SIZE = 40, 25


def point(rng: random.Random, n: int) -> models.PointStruct:
    return models.PointStruct(
        id=n,
        vector={
            DENSE_VECTOR: [rng.random() for _ in range(8)],
            SPARSE_VECTOR: models.SparseVector(indices=[1, 2], values=[0.5, 0.25]),
        },
        payload={"metadata": {"source": f"doc-{n % 7}.md"}},
    )


def test_reads_during_concurrent_writes_never_fail(make_settings: Callable[..., Settings]) -> None:
    """Two ingestion threads upsert while request threads scroll, search and count."""
    client = open_client(make_settings())
    ensure_collection(client, "kb", 8)
    done = threading.Event()

    def write(worker: int) -> None:
        rng = random.Random(worker)
        for batch in range(BATCHES):
            start = (worker * BATCHES + batch) * BATCH_SIZE
            client.upsert("kb", [point(rng, start + i) for i in range(BATCH_SIZE)])

    def read() -> int:
        reads = 0
        while not done.is_set():
            client.scroll("kb", limit=50, scroll_filter=models.Filter(must=[
                models.FieldCondition(key="metadata.source", match=models.MatchValue(value="doc-3.md"))
            ]))  # fmt: skip
            client.query_points("kb", query=[0.5] * 8, using=DENSE_VECTOR, limit=5)
            client.count("kb")
            reads += 1
        return reads

    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            readers = [pool.submit(read) for _ in range(2)]
            writers = [pool.submit(write, w) for w in range(2)]
            for future in writers:
                future.result()
            done.set()
            assert all(future.result() > 0 for future in readers)
        assert client.count("kb").count == 2 * BATCHES * BATCH_SIZE
        assert len(client.scroll("kb", limit=10_000)[0]) == 2 * BATCHES * BATCH_SIZE
    finally:
        client.close()
