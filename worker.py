"""The ingestion worker process: `python worker.py`.

Takes ingestion jobs from Redis (the records the API writes on upload) and runs them,
so ingestion scales apart from the API (`docker compose up --scale worker=N`, with
INGESTION_IN_API=false on the API). Needs a Qdrant server (QDRANT_URL): embedded Qdrant
belongs to the API's processes (its host and workers), whose workers run jobs themselves.
Stops on SIGTERM/SIGINT; a job cut short is resumed by the next worker (ingestion is
idempotent and its claim expires).
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import logging
import signal
import sys
import threading

from qdrant_client import QdrantClient

from composition import (
    build_job_runner,
    build_reembedder,
    index_versions,
    migrated_database,
    open_embeddings,
    open_redis,
)
from config import Settings, get_settings
from knowledge.embeddings import LocalEmbeddings
from knowledge.store import ensure_collection, open_client
from utils.logging import configure_logging

log = logging.getLogger("worker")


def run_worker(
    settings: Settings,
    *,
    stop: threading.Event,
    qdrant: QdrantClient | None = None,
    embeddings: LocalEmbeddings | None = None,
) -> None:
    """Run ingestion jobs until `stop` is set (tests pass their Qdrant and model in)."""
    db = migrated_database(settings)
    client = open_redis(settings)
    own_qdrant = qdrant is None
    qdrant = qdrant or open_client(settings)
    embeddings = embeddings or open_embeddings(settings)
    ensure_collection(qdrant, settings.collection_name, embeddings.dimensions)
    runner = build_job_runner(
        settings, client=client, db=db, qdrant=qdrant, embeddings=embeddings
    ).start()
    versions = index_versions(settings, qdrant=qdrant, embeddings=embeddings)
    reembedder = build_reembedder(
        settings, client=client, ingestor=runner.ingestor, versions=versions
    ).start()
    log.info("ingestion worker started", extra={"worker": runner.worker})
    try:
        stop.wait()
    finally:
        runner.stop()
        reembedder.stop()
        client.close()
        if own_qdrant:
            qdrant.close()
        db.close()
        log.info("ingestion worker stopped", extra={"worker": runner.worker})


def main() -> int:
    settings = get_settings()
    configure_logging(settings.log_level)
    if not settings.qdrant_url:
        print(
            "worker: a separate ingestion worker needs a Qdrant server (set QDRANT_URL). "
            "With embedded Qdrant the API process runs ingestion jobs itself.",
            file=sys.stderr,
        )
        return 2
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    run_worker(settings, stop=stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
