"""The ingestion worker process: `python worker.py`.

A Celery worker of the task queue (ingestion/queue.py): uploads, web crawls, the
schedule that sends the crawls that are due, webhook deliveries and mail. Scales apart from the API
(`docker compose up --scale worker=N`, INGESTION_IN_API=false on the API).

Qdrant: a server (QDRANT_URL), or on one machine the embedded Qdrant host that `make run`
starts for the API and the worker alike (it sets EMBEDDED_QDRANT_SOCKET/_KEY): an
embedded folder belongs to one process.

Stops on SIGTERM/SIGINT after the task in hand (Celery's warm shutdown); a worker killed
outright leaves its task unacknowledged, and another worker runs it again.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import logging
import os
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from celery.exceptions import SecurityWarning
from qdrant_client import QdrantClient

from composition import (
    build_ingestor,
    build_job_executor,
    build_queue,
    build_reembedder,
    build_web_crawls,
    index_versions,
    migrated_database,
    open_box,
    open_embeddings,
    open_redis,
    queue_handlers,
)
from config import Settings, get_settings
from ingestion.queue import IngestionQueue
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.clients import open_client
from knowledge.vectors.embedded_host import SOCKET_ENV
from knowledge.vectors.store import ensure_collection
from notifications.notifier import Notifier
from utils.logging import configure_logging

log = logging.getLogger("worker")


@contextmanager
def ingestion_worker(
    settings: Settings,
    *,
    qdrant: QdrantClient | None = None,
    embeddings: LocalEmbeddings | None = None,
) -> Iterator[IngestionQueue]:
    """The queue with this process's handlers and the re-embedder, closed on exit (tests
    pass their Qdrant and model in)."""
    db = migrated_database(settings)
    client = open_redis(settings)
    own_qdrant = qdrant is None
    qdrant = qdrant or open_client(settings)
    embeddings = embeddings or open_embeddings(settings)
    ensure_collection(qdrant, settings.collection_name, embeddings.dimensions)
    ingestor = build_ingestor(settings, qdrant=qdrant, embeddings=embeddings)
    queue = build_queue(settings, client=client)
    notifier = Notifier(db=db, queue=queue, settings=settings)
    jobs = build_job_executor(settings, client=client, db=db, ingestor=ingestor, notifier=notifier)
    crawls = build_web_crawls(settings, client=client, db=db, qdrant=qdrant, ingestor=ingestor,
                              notifier=notifier)  # fmt: skip
    box = open_box(settings)
    queue.handlers = queue_handlers(settings, db=db, box=box, jobs=jobs, web_crawls=crawls)
    versions = index_versions(settings, qdrant=qdrant, embeddings=embeddings)
    reembedder = build_reembedder(
        settings, client=client, ingestor=ingestor, versions=versions
    ).start()
    try:
        yield queue
    finally:
        queue.stop()
        reembedder.stop()
        client.close()
        if own_qdrant:
            qdrant.close()
        db.close()


def run_worker(settings: Settings, *, stop: threading.Event, **shared: object) -> None:
    """Consume on threads of this process until `stop` is set (tests)."""
    with ingestion_worker(settings, **shared) as queue:  # type: ignore[arg-type]
        queue.consume_in_thread()
        stop.wait()


def main() -> int:
    settings = get_settings()
    configure_logging(settings.log_level)
    if not settings.qdrant_url and not os.environ.get(SOCKET_ENV):
        print(
            "worker: a separate ingestion worker needs a Qdrant server (set QDRANT_URL), or "
            "the embedded Qdrant host that `make run` starts (it runs a worker itself). "
            "With INGESTION_IN_API=true (the default) the API runs ingestion on its own.",
            file=sys.stderr,
        )
        return 2
    with ingestion_worker(settings) as queue:
        queue.make_default()
        queue.start_schedule()
        queue.start_outbound_lane()  # crawls and webhooks: slow servers hold no upload
        # Celery warns, as the worker is made, whenever it runs as root, and refuses only
        # when it accepts pickle. This queue accepts JSON alone (ingestion/queue.py) and the
        # container runs as the user `app`; on a machine where everything runs as root the
        # warning tells the operator nothing they can act on.
        warnings.filterwarnings(
            "ignore", category=SecurityWarning, message=r"(?s).*superuser privileges"
        )
        worker = queue.app.Worker(
            **queue.worker_options(concurrency=settings.ingestion_concurrency, kind="worker"),
            loglevel=settings.log_level,
        )
        log.info("ingestion worker started", extra={"queue": queue.name})
        worker.start()  # until SIGTERM/SIGINT: warm shutdown
        log.info("ingestion worker stopped")
        return worker.exitcode or 0


if __name__ == "__main__":
    sys.exit(main())
