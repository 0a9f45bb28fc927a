"""Ingestion jobs: their records in Redis, and what running one does.

A job is a Redis hash (status, counts, errors, attempts) plus the uploaded bytes, kept
until the job ends; the task queue (ingestion/queue.py) carries only its id, so any
worker can run it, again if its worker died. A claim key with a short TTL, refreshed by
a heartbeat while the job runs, keeps two workers from running the same job at once.
Ingestion is idempotent, so a job run again simply completes the collection.

    pending -> processing -> completed | failed
                  |-> pending (a transient error: retried with backoff)
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import redis
from qdrant_client.http.exceptions import ResponseHandlingException, UnexpectedResponse
from sqlalchemy.exc import OperationalError

from ingestion.ingest import Ingestor, IngestReport
from knowledge.documents.loaders import DocumentParseError, UnsupportedFormatError, load_bytes
from knowledge.documents.ocr import OcrEngine
from knowledge.vectors.store import KnowledgeBaseUnavailable

log = logging.getLogger(__name__)

JOB_TTL_S = 7 * 86400
CLAIM_TTL_S = 15
MAX_BACKOFF_S = 120.0
ACTIVE = ("pending", "processing")


@dataclass(frozen=True)
class JobKeys:
    prefix: str

    def job(self, job_id: str) -> str:
        return f"{self.prefix}:job:{{{job_id}}}"

    def content(self, job_id: str) -> str:
        return f"{self.prefix}:job:{{{job_id}}}:content"

    def claim(self, job_id: str) -> str:
        return f"{self.prefix}:job:{{{job_id}}}:claim"


# Jobs recorded before organisations existed belong to the default knowledge base.
LEGACY_SCOPE = {"org_id": "org_default", "kb_id": "kb_default", "document_id": ""}


class JobStore:
    def __init__(self, client: Any, prefix: str) -> None:
        self.client = client
        self.keys = JobKeys(prefix)

    def create(
        self,
        *,
        org_id: str,
        kb_id: str,
        document_id: str,
        source: str,
        title: str | None,
        content: bytes,
        attributes: dict[str, Any] | None = None,
        languages: list[str] | None = None,
    ) -> dict[str, Any]:
        job_id = uuid.uuid4().hex
        now = time.time()
        record = {
            "job_id": job_id,
            "org_id": org_id,
            "kb_id": kb_id,
            "document_id": document_id,
            "status": "pending",
            "source": source,
            "title": title or "",
            "created_at": now,
            "updated_at": now,
            "chunks": 0,
            "embedded": 0,
            "unchanged": 0,
            "deleted": 0,
            "errors": "[]",
            "attempts": 0,
            "last_error": "",
            "attributes": json.dumps(attributes or {}),
            "languages": ",".join(languages or []),
        }
        # The content first: a job is only visible once it can be run.
        self.client.set(self.keys.content(job_id), content, ex=JOB_TTL_S)
        self.client.hset(self.keys.job(job_id), mapping=record)
        self.client.expire(self.keys.job(job_id), JOB_TTL_S)
        return self.get(job_id) or {}

    def get(self, job_id: str) -> dict[str, Any] | None:
        raw = self.client.hgetall(self.keys.job(job_id))
        if not raw:
            return None
        record = {**LEGACY_SCOPE, **{k.decode(): v.decode() for k, v in raw.items()}}
        for field in ("chunks", "embedded", "unchanged", "deleted", "attempts"):
            record[field] = int(record.get(field) or 0)
        for field in ("created_at", "updated_at"):
            record[field] = float(record[field])
        record["errors"] = json.loads(record["errors"])
        record["attributes"] = json.loads(record.get("attributes") or "{}")
        record["languages"] = [c for c in (record.get("languages") or "").split(",") if c]
        record["ocr_pages"] = int(record.get("ocr_pages") or 0)
        confidence = record.get("ocr_confidence")
        record["ocr_confidence"] = float(confidence) if confidence else None
        record["title"] = record["title"] or None
        record["last_error"] = record.get("last_error") or None
        return record

    def update(self, job_id: str, **fields: Any) -> None:
        if "errors" in fields:
            fields["errors"] = json.dumps(fields["errors"])
        fields = {k: "" if v is None else v for k, v in fields.items()}
        self.client.hset(self.keys.job(job_id), mapping={**fields, "updated_at": time.time()})
        if fields.get("status") not in (None, *ACTIVE):
            self.client.delete(self.keys.content(job_id))

    def content(self, job_id: str) -> bytes | None:
        return self.client.get(self.keys.content(job_id))

    def claim(self, job_id: str, worker: str) -> bool:
        return bool(self.client.set(self.keys.claim(job_id), worker, nx=True, ex=CLAIM_TTL_S))

    def keep_claim(self, job_id: str) -> None:
        self.client.expire(self.keys.claim(job_id), CLAIM_TTL_S)

    def release(self, job_id: str, worker: str) -> None:
        if self.client.get(self.keys.claim(job_id)) == worker.encode():
            self.client.delete(self.keys.claim(job_id))


JobListener = Callable[[dict[str, Any], dict[str, Any]], None]

# What may pass by itself: a store or a server away for a moment.
TRANSIENT: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    KnowledgeBaseUnavailable,
    ResponseHandlingException,
    httpx.TransportError,
    OperationalError,
    ConnectionError,
    TimeoutError,
)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, UnexpectedResponse):  # a Qdrant server overloaded or restarting
        return exc.status_code in (429, 502, 503, 504)
    return isinstance(exc, TRANSIENT)


@dataclass(frozen=True)
class JobOutcome:
    """What one run of a job came to; `retry_in` (seconds) asks the queue to run it again."""

    status: str  # completed | failed | retry | held | skipped
    retry_in: float | None = None
    embedded: int = 0


class JobExecutor:
    """Runs one ingestion job: the body of the queue's document task.

    `on_update(job, fields)` hears every change of a job's status and counts (the
    platform database keeps each document's status from it)."""

    def __init__(
        self,
        store: JobStore,
        ingestor: Ingestor,
        *,
        on_update: JobListener | None = None,
        ocr: OcrEngine | None = None,
        max_ocr_pages: int = 200,
        max_retries: int = 5,
        retry_base_s: float = 2.0,
    ) -> None:
        self.store = store
        self.ingestor = ingestor
        self.on_update = on_update
        self.ocr = ocr  # reads images and scanned PDF pages
        self.max_ocr_pages = max_ocr_pages
        self.max_retries = max_retries
        self.retry_base_s = retry_base_s
        self.worker = uuid.uuid4().hex[:8]
        # One embedding at a time per process: the model is the bottleneck anyway.
        self._ingest_lock = threading.Lock()

    def run(self, job_id: str) -> JobOutcome:
        holder = f"{self.worker}:{threading.get_ident()}"
        try:
            job = self.store.get(job_id)
            if job is None or job["status"] not in ACTIVE:
                return JobOutcome("skipped")  # done already (a redelivered message), or expired
            if not self.store.claim(job_id, holder):
                return JobOutcome("held", retry_in=CLAIM_TTL_S)
        except redis.exceptions.RedisError as exc:
            log.warning("ingestion job %s waits for Redis: %s", job_id, exc)
            return JobOutcome("retry", retry_in=self._backoff(0))
        heartbeat = _Heartbeat(lambda: self.store.keep_claim(job_id))
        try:
            return self._run(job)
        finally:
            heartbeat.stop()
            try:
                self.store.release(job_id, holder)
            except redis.exceptions.RedisError:
                pass  # the claim expires by itself

    def _run(self, job: dict[str, Any]) -> JobOutcome:
        job_id = job["job_id"]
        content = self.store.content(job_id)
        if content is None:
            self._update(
                job, status="failed", errors=["the upload expired before it was processed"]
            )
            return JobOutcome("failed")
        if job["status"] == "processing":
            log.info("running ingestion job %s again after an interruption", job_id)
        self._update(job, status="processing")
        try:
            ocr = self.ocr
            if ocr is not None and job["languages"]:  # the knowledge base's own languages
                ocr = ocr.for_languages(job["languages"])
            document = load_bytes(
                content, job["source"], title=job["title"], ocr=ocr,
                max_ocr_pages=self.max_ocr_pages,
            )  # fmt: skip
            document.attributes = job["attributes"]
        except (UnsupportedFormatError, DocumentParseError) as exc:  # bad input: no retry
            self._update(job, status="failed", errors=[f"{job['source']}: {exc}"])
            return JobOutcome("failed")
        try:
            with self._ingest_lock:
                report = self.ingestor.ingest_documents(
                    [document], org_id=job["org_id"], kb_id=job["kb_id"]
                )
        except Exception as exc:
            return self._failed(job, exc)
        self._update(
            job, status="completed", title=document.title, ocr_pages=document.ocr_pages,
            ocr_confidence=document.ocr_confidence, last_error=None, **_counts(report),
        )  # fmt: skip
        return JobOutcome("completed", embedded=report.embedded)

    def _failed(self, job: dict[str, Any], exc: Exception) -> JobOutcome:
        reason = f"{type(exc).__name__}: {exc}"
        attempts = job["attempts"] + 1
        if is_transient(exc) and attempts <= self.max_retries:
            delay = self._backoff(attempts - 1)
            log.warning("ingestion job %s: %s; attempt %d of %d again in %.0f s",
                        job["job_id"], reason, attempts + 1, self.max_retries + 1, delay)  # fmt: skip
            try:
                self._update(job, status="pending", attempts=attempts, last_error=reason)
            except redis.exceptions.RedisError:
                pass  # the record says "processing" until the next attempt
            return JobOutcome("retry", retry_in=delay)
        log.error("ingestion job %s failed: %s", job["job_id"], reason,
                  exc_info=not is_transient(exc))  # fmt: skip
        if is_transient(exc):
            reason = f"gave up after {attempts} attempts: {reason}"
        self._update(job, status="failed", errors=[reason], attempts=attempts, last_error=reason)
        return JobOutcome("failed")

    def _backoff(self, retries: int) -> float:
        return min(MAX_BACKOFF_S, self.retry_base_s * 2**retries) * random.uniform(1.0, 1.25)

    def _update(self, job: dict[str, Any], **fields: Any) -> None:
        self.store.update(job["job_id"], **fields)
        if self.on_update is not None:
            try:
                self.on_update(job, fields)
            except Exception:  # the job's own record is what clients poll; keep going
                log.exception("recording job %s in the platform database failed", job["job_id"])


class _Heartbeat:
    """Calls `beat` every third of the claim's TTL until stopped."""

    def __init__(self, beat: Callable[[], None]) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(beat,), daemon=True,
                                        name="job-claim")  # fmt: skip
        self._thread.start()

    def _loop(self, beat: Callable[[], None]) -> None:
        while not self._stop.wait(CLAIM_TTL_S / 3):
            try:
                beat()
            except redis.exceptions.RedisError:
                pass  # tried again on the next beat

    def stop(self) -> None:
        self._stop.set()


def _counts(report: IngestReport) -> dict[str, int]:
    return {
        "chunks": report.chunks,
        "embedded": report.embedded,
        "unchanged": report.unchanged,
        "deleted": report.deleted,
    }
