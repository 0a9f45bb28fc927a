"""Ingestion throughput through the Celery queue, with 1 and 2 `python worker.py`
processes, against the in-process path (the same job code called in a loop, no queue),
in the same run. Documents: groups of SQuAD paragraphs. Embedded Qdrant in each run's
own folder (the workers reach it through the embedded Qdrant host, as under `make run`).
Rounds interleave the modes, since these machines drift.

    python -m bench.ingestion_queue --data ../shared/data/squad-dev [--docs 40] [--rounds 2]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis

from composition import build_ingestor, build_queue
from config import PROJECT_ROOT, Settings
from ingestion.jobs import JobExecutor, JobStore
from knowledge.encoders.embeddings import load_embeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.embedded_host import HostProcess, connect
from knowledge.vectors.store import ensure_collection
from utils.local_redis import LocalRedis, free_port

READY_TIMEOUT_S = 180


def documents(data: Path, count: int, per_doc: int) -> list[tuple[str, bytes]]:
    rows = [json.loads(line) for line in (data / "corpus.jsonl").open(encoding="utf-8")]
    docs = []
    for n in range(count):
        group = rows[n * per_doc : (n + 1) * per_doc]
        text = f"# {group[0]['title']} ({n})\n\n" + "\n\n".join(r["text"] for r in group)
        docs.append((f"squad/{n}.md", text.encode()))
    return docs


def settings_for(folder: Path, redis_url: str) -> Settings:
    return Settings(_env_file=None, data_dir=folder, redis_url=redis_url,
                    checkpoint_prefix=f"b{uuid.uuid4().hex[:8]}")  # fmt: skip


def create_jobs(store: JobStore, docs: list[tuple[str, bytes]]) -> list[str]:
    return [
        store.create(org_id="org_default", kb_id="kb_default", document_id=f"d{n}",
                     source=source, title=None, content=content)["job_id"]
        for n, (source, content) in enumerate(docs)
    ]  # fmt: skip


def in_process(docs: list[tuple[str, bytes]], redis_url: str, embeddings: object) -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        settings = settings_for(folder, redis_url)
        qdrant = open_embedded(settings.qdrant_local_path)
        ensure_collection(qdrant, settings.collection_name, embeddings.dimensions)  # type: ignore[attr-defined]
        store = JobStore(redis.Redis.from_url(redis_url), settings.checkpoint_prefix)
        executor = JobExecutor(store, build_ingestor(settings, qdrant=qdrant,
                                                     embeddings=embeddings))  # type: ignore[arg-type]  # fmt: skip
        jobs = create_jobs(store, docs)
        started = time.perf_counter()
        for job_id in jobs:
            assert executor.run(job_id).status == "completed"
        elapsed = time.perf_counter() - started
        qdrant.close()
        return len(docs) / elapsed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def through_queue(docs: list[tuple[str, bytes]], redis_url: str, workers: int,
                  embeddings: object) -> tuple[float, float]:  # fmt: skip
    """(documents/s once the workers are up, seconds the workers took to be up)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-queue-"))
    settings = settings_for(folder, redis_url)
    host = HostProcess.start(settings)
    processes: list[subprocess.Popen[bytes]] = []
    client = redis.Redis.from_url(redis_url)
    queue = build_queue(settings, client=client)
    try:
        hosted = connect(address=host.address, authkey=host.key,
                         location=settings.qdrant_local_path)  # fmt: skip
        ensure_collection(hosted, settings.collection_name, embeddings.dimensions)  # type: ignore[attr-defined]
        env = {**os.environ, **host.environment(), "DATA_DIR": str(folder),
               "REDIS_URL": redis_url, "CHECKPOINT_PREFIX": settings.checkpoint_prefix}  # fmt: skip
        started = time.perf_counter()
        for _ in range(workers):
            processes.append(subprocess.Popen(
                [sys.executable, "worker.py"], cwd=PROJECT_ROOT, env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))  # fmt: skip
        deadline = time.monotonic() + READY_TIMEOUT_S
        while len(queue.app.control.ping(timeout=0.5)) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError("the workers did not start")
        ready_s = time.perf_counter() - started
        store = JobStore(client, settings.checkpoint_prefix)
        jobs = create_jobs(store, docs)
        started = time.perf_counter()
        for job_id in jobs:
            queue.enqueue_document(job_id)
        pending = set(jobs)
        while pending:
            pending = {j for j in pending if (store.get(j) or {})["status"] != "completed"}
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        hosted.close()
        return len(docs) / elapsed, ready_s
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        queue.stop()
        host.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="squad-dev folder")
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--paragraphs", type=int, default=4, help="paragraphs per document")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    docs = documents(args.data, args.docs, args.paragraphs)
    size = sum(len(c) for _, c in docs)
    print(f"{len(docs)} documents, {size / 1024:.0f} KiB, {os.cpu_count()} cores")
    embeddings = load_embeddings(None, 32, Settings.model_fields["embedding_backend"].default)
    server = LocalRedis(directory=Path(tempfile.mkdtemp(prefix="bench-redis-")), port=free_port())
    server.start()
    rates: dict[str, list[float]] = {"in-process": [], "queue, 1 worker": [],
                                     "queue, 2 workers": []}  # fmt: skip
    try:
        for round_ in range(1, args.rounds + 1):
            rate = in_process(docs, server.url, embeddings)
            rates["in-process"].append(rate)
            print(f"round {round_}: in-process {rate:.2f} docs/s", flush=True)
            for workers in (1, 2):
                rate, ready = through_queue(docs, server.url, workers, embeddings)
                name = f"queue, {workers} worker{'s' if workers > 1 else ''}"
                rates[name].append(rate)
                print(f"round {round_}: {name} {rate:.2f} docs/s (workers up in {ready:.1f} s)",
                      flush=True)  # fmt: skip
    finally:
        server.stop()
    base = statistics.median(rates["in-process"])
    print("\nmedian docs/s and ratio to the in-process path of the same run")
    for name, values in rates.items():
        median = statistics.median(values)
        print(f"  {name:18s} {median:6.2f}  x{median / base:.2f}")


if __name__ == "__main__":
    main()
