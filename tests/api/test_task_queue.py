"""The ingestion queue for real: Celery over the test Redis, `python worker.py` processes
over a shared embedded Qdrant host, a worker killed mid-job, transient failures."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from composition import build_ingestor, build_queue
from config import PROJECT_ROOT, Settings
from ingestion.jobs import JobExecutor, JobStore
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded_host import HostProcess, connect
from knowledge.vectors.store import count_points, document_filter, ensure_collection
from tests.api.conftest import ask
from utils.local_redis import free_port, start_redis

ADMIN = {"X-API-Key": "admin-key"}


def wait_status(client: FlaskClient, job_id: str, wanted: set[str], seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(f"/v1/documents/jobs/{job_id}", headers=ADMIN).get_json()
        if job["status"] in wanted:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} never reached {wanted}: {job}")


def long_manual(paragraphs: int) -> str:
    """A document long enough to be mid-ingestion when its worker is killed."""
    parts = ["# Turbine maintenance manual"]
    for n in range(paragraphs):
        parts.append(
            f"## Step {n}\n\nInspect blade set {n} for pitting near the root. Torque bolt "
            f"ring {n} to {40 + n % 30} newton metres. Record the vibration reading of "
            f"bearing {n % 7} in the log book. Replace seal kit {n % 11} when worn."
        )
    parts.append("## Lubricant\n\nThe turbine gearbox takes Castrol Optigear 320 oil.")
    return "\n\n".join(parts)


@pytest.fixture
def shared_qdrant(
    make_settings: Callable[..., Settings], embeddings: LocalEmbeddings
) -> Iterator[tuple[HostProcess, QdrantClient]]:
    """An embedded Qdrant host, as `make run` starts for its API and worker processes."""
    host = HostProcess.start(make_settings())
    client = connect(address=host.address, authkey=host.key,
                     location=host.settings.qdrant_local_path)  # fmt: skip
    ensure_collection(client, "knowledge_base", embeddings.dimensions)
    yield host, client
    client.close()
    host.stop()


def start_worker(settings: Settings, host: HostProcess, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **host.environment(),
        "DATA_DIR": str(settings.data_dir),
        "REDIS_URL": settings.redis_url_or_local,
        "CHECKPOINT_PREFIX": settings.checkpoint_prefix,
        "INGESTION_VISIBILITY_TIMEOUT": str(settings.ingestion_visibility_timeout),
    }
    return subprocess.Popen(
        [sys.executable, "worker.py"], cwd=PROJECT_ROOT, env=env,
        stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def test_a_job_whose_worker_is_killed_is_finished_by_another(
    make_app: Callable[..., Flask],
    shared_qdrant: tuple[HostProcess, QdrantClient],
    tmp_path: Path,
) -> None:
    host, qdrant = shared_qdrant
    app = make_app(qdrant=qdrant, ingestion_in_api=False, ingestion_visibility_timeout=2)
    settings: Settings = app.config["SETTINGS"]
    client = app.test_client()
    first = start_worker(settings, host, tmp_path / "worker-1.log")
    second = None
    try:
        accepted = client.post("/v1/documents", headers=ADMIN, json={
            "title": "Turbine manual", "text": long_manual(80), "source": "turbine.md",
        }).get_json()  # fmt: skip
        job = wait_status(client, accepted["job_id"], {"processing", "completed", "failed"})
        assert job["status"] == "processing", job  # the first worker has it
        time.sleep(1.0)  # well into embedding
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert client.get(f"/v1/documents/jobs/{accepted['job_id']}",
                          headers=ADMIN).get_json()["status"] == "processing"  # fmt: skip

        second = start_worker(settings, host, tmp_path / "worker-2.log")
        job = wait_status(client, accepted["job_id"], {"completed", "failed"}, seconds=180)
        assert job["status"] == "completed" and job["errors"] == [], job
        # Run again from the start, idempotently: each chunk once.
        stored = count_points(qdrant, "knowledge_base",
                              document_filter("org_default", "kb_default", job["document_id"]))  # fmt: skip
        assert stored == job["chunks"] > 50
        answer = ask(client, "Which oil does the turbine gearbox take?", conversation="oil")
        assert "Optigear 320" in answer.get_json()["answer"]
        assert "again after an interruption" in (tmp_path / "worker-2.log").read_text()
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=60)
    # A worker stopped by SIGTERM finishes cleanly (Celery's warm shutdown).
    assert second is not None and second.returncode == 0


def test_transient_failures_are_retried_with_backoff_then_given_up(
    make_settings: Callable[..., Settings], embeddings: LocalEmbeddings, redis_url: str
) -> None:
    """A Qdrant server that does not answer is a transient failure: the job goes back to
    pending with the reason and a growing delay, and fails only after the retries."""
    import redis

    settings = make_settings(sentence_vectors=False)  # on: it asks the server at once
    dead = QdrantClient(url=f"http://127.0.0.1:{free_port()}", timeout=2,
                        check_compatibility=False)  # fmt: skip
    store = JobStore(redis.Redis.from_url(redis_url), settings.checkpoint_prefix)
    executor = JobExecutor(
        store, build_ingestor(settings, qdrant=dead, embeddings=embeddings),
        max_retries=2, retry_base_s=1.0,
    )  # fmt: skip
    job = store.create(org_id="org_a", kb_id="kb_a", document_id="d1", source="note.md",
                       title=None, content=b"# Note\n\nThe lift is serviced on Mondays.")  # fmt: skip

    delays = []
    for attempt in (1, 2):
        outcome = executor.run(job["job_id"])
        assert outcome.status == "retry" and outcome.retry_in is not None
        delays.append(outcome.retry_in)
        record = store.get(job["job_id"])
        assert record is not None
        assert record["status"] == "pending" and record["attempts"] == attempt
        assert "ResponseHandlingException" in (record["last_error"] or "")
    assert 1.0 <= delays[0] <= 1.25 and 2.0 <= delays[1] <= 2.5  # doubling, with jitter

    outcome = executor.run(job["job_id"])
    record = store.get(job["job_id"])
    assert outcome.status == "failed" and outcome.retry_in is None
    assert record is not None and record["status"] == "failed"
    assert record["errors"][0].startswith("gave up after 3 attempts: ResponseHandlingException")
    assert store.content(job["job_id"]) is None  # the upload is dropped once it ended
    # A message delivered again for an ended job does nothing.
    assert executor.run(job["job_id"]).status == "skipped"

    # Bad input is not retried: it fails at once with the reason.
    bad = store.create(org_id="org_a", kb_id="kb_a", document_id="d2", source="data.bin",
                       title=None, content=b"\x00\x01")  # fmt: skip
    assert executor.run(bad["job_id"]).status == "failed"
    record = store.get(bad["job_id"])
    assert record is not None and record["attempts"] == 0 and "data.bin" in record["errors"][0]


def test_an_unreachable_broker_is_a_clear_503_and_the_job_is_marked_failed(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    app = make_app(
        qdrant=empty_qdrant, ingestion_in_api=False,
        celery_broker_url=f"redis://127.0.0.1:{free_port()}/0",
    )  # fmt: skip
    client = app.test_client()
    response = client.post("/v1/documents", headers=ADMIN,
                           json={"title": "Note", "text": "The lift is serviced on Mondays."})  # fmt: skip
    assert response.status_code == 503
    body = response.get_json()
    assert body["error"]["code"] == "queue_unavailable"
    assert "ingestion queue" in body["error"]["message"]
    documents = client.get("/v1/documents", headers=ADMIN).get_json()["documents"]
    assert [d["status"] for d in documents] == ["failed"]
    # /metrics still answers, without the queue's figures.
    metrics = client.get("/metrics", headers=ADMIN)
    assert metrics.status_code == 200 and b"ingestion_queue_depth" not in metrics.data


def test_queue_figures_in_metrics(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant).test_client()
    for n in range(2):
        accepted = client.post("/v1/documents", headers=ADMIN, json={
            "title": f"Note {n}", "text": f"Room {n} is booked through reception.",
        }).get_json()  # fmt: skip
        wait_status(client, accepted["job_id"], {"completed"})
    bad = client.post("/v1/documents", headers=ADMIN, json={
        "filename": "broken.pdf", "content_base64": "JVBERi0xLjQKdGhpcyBQREYgaXMgYnJva2Vu"}).get_json()  # fmt: skip
    wait_status(client, bad["job_id"], {"failed"})
    text = client.get("/metrics", headers=ADMIN).get_data(as_text=True)
    lines = dict(line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("ingestion"))
    assert float(lines['ingestion_tasks_total{outcome="completed",task="document"}']) == 2
    assert float(lines['ingestion_tasks_total{outcome="failed",task="document"}']) == 1
    assert float(lines['ingestion_task_duration_seconds_count{task="document"}']) == 3
    assert float(lines['ingestion_queue_depth{state="waiting"}']) == 0
    assert float(lines["ingestion_chunks_total"]) >= 2
    # Not for a chat key.
    assert client.get("/metrics", headers={"X-API-Key": "test-key-a"}).status_code == 403


@pytest.mark.parametrize(
    "when", ["as it starts", "while it reconnects", "while its broker is down"]
)
def test_an_in_process_consumer_asked_to_stop_ends(
    make_settings: Callable[..., Settings], tmp_path: Path, when: str
) -> None:
    """Its loop marks itself running as it starts and on every reconnection: asked to
    stop at such a moment, it still ends (a consumer left behind would keep polling and
    reconnecting for the life of the process, and a forked child could inherit its locks)."""
    import redis

    server = start_redis(tmp_path / "redis")  # its own: it is restarted below
    try:
        settings = make_settings(redis_url=server.url)
        queue = build_queue(settings, client=redis.Redis.from_url(server.url))
        queue.consume_in_thread()
        thread = queue._consumer_thread
        assert thread is not None
        if when == "while it reconnects":
            deadline = time.monotonic() + 30
            while not queue.app.control.ping(timeout=1.0) and time.monotonic() < deadline:
                pass  # until the consumer answers: connected and consuming
            server.stop()
            time.sleep(0.5)  # it has lost its broker and tries again every few seconds
            queue.stop(wait=False)
            server.start()
        elif when == "while its broker is down":
            deadline = time.monotonic() + 30
            while not queue.app.control.ping(timeout=1.0) and time.monotonic() < deadline:
                pass
            server.stop()
            time.sleep(4)  # well into its wait for the broker (tried again every 2-30 s)
            queue.stop(wait=False)  # the broker stays down: it must leave its wait
        else:
            queue.stop(wait=False)
        thread.join(20)
        assert not thread.is_alive()
    finally:
        server.stop()
