"""Ingestion jobs: recorded in Redis, run off the request path, resumed after a restart.

A job is a Redis hash (status, counts, errors) plus the uploaded bytes, kept until the
job ends, so any worker can pick up a job whose worker died. A claim key with a short TTL,
refreshed while the job runs, keeps two workers from running the same job. Ingestion is
idempotent, so a resumed job simply completes the collection.

    pending -> processing -> completed | failed
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import redis

from knowledge.ingest import Ingestor, IngestReport
from knowledge.loaders import DocumentParseError, UnsupportedFormatError, load_bytes
from knowledge.ocr import OcrEngine
from utils import metrics

log = logging.getLogger(__name__)

JOB_TTL_S = 7 * 86400
CLAIM_TTL_S = 30
POLL_S = 1.0
MAX_BACKOFF_S = 30.0
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

    @property
    def active(self) -> str:
        return f"{self.prefix}:jobs:active"


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
            "attributes": json.dumps(attributes or {}),
            "languages": ",".join(languages or []),
        }
        # The content first: a job is only visible once it can be run.
        self.client.set(self.keys.content(job_id), content, ex=JOB_TTL_S)
        self.client.hset(self.keys.job(job_id), mapping=record)
        self.client.expire(self.keys.job(job_id), JOB_TTL_S)
        self.client.sadd(self.keys.active, job_id)
        self.client.expire(self.keys.active, JOB_TTL_S)
        return self.get(job_id) or {}

    def get(self, job_id: str) -> dict[str, Any] | None:
        raw = self.client.hgetall(self.keys.job(job_id))
        if not raw:
            return None
        record = {**LEGACY_SCOPE, **{k.decode(): v.decode() for k, v in raw.items()}}
        for field in ("chunks", "embedded", "unchanged", "deleted"):
            record[field] = int(record[field])
        for field in ("created_at", "updated_at"):
            record[field] = float(record[field])
        record["errors"] = json.loads(record["errors"])
        record["attributes"] = json.loads(record.get("attributes") or "{}")
        record["languages"] = [c for c in (record.get("languages") or "").split(",") if c]
        record["ocr_pages"] = int(record.get("ocr_pages") or 0)
        confidence = record.get("ocr_confidence")
        record["ocr_confidence"] = float(confidence) if confidence else None
        record["title"] = record["title"] or None
        return record

    def update(self, job_id: str, **fields: Any) -> None:
        if fields.get("status") == "failed":
            metrics.INGESTION_JOBS.labels("failed").inc()
        if "errors" in fields:
            fields["errors"] = json.dumps(fields["errors"])
        fields = {k: "" if v is None else v for k, v in fields.items()}
        self.client.hset(self.keys.job(job_id), mapping={**fields, "updated_at": time.time()})
        if fields.get("status") not in (None, *ACTIVE):
            self.client.srem(self.keys.active, job_id)
            self.client.delete(self.keys.content(job_id))

    def content(self, job_id: str) -> bytes | None:
        return self.client.get(self.keys.content(job_id))

    def active_ids(self) -> list[str]:
        return sorted(m.decode() for m in self.client.smembers(self.keys.active))

    def claim(self, job_id: str, worker: str) -> bool:
        return bool(self.client.set(self.keys.claim(job_id), worker, nx=True, ex=CLAIM_TTL_S))

    def keep_claim(self, job_id: str) -> None:
        self.client.expire(self.keys.claim(job_id), CLAIM_TTL_S)

    def release(self, job_id: str) -> None:
        self.client.delete(self.keys.claim(job_id))


JobListener = Callable[[dict[str, Any], dict[str, Any]], None]


class JobRunner:
    """A background thread running this process's share of the active jobs.

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
    ) -> None:
        self.store = store
        self.ingestor = ingestor
        self.on_update = on_update
        self.ocr = ocr  # reads images and scanned PDF pages
        self.max_ocr_pages = max_ocr_pages
        self.worker = uuid.uuid4().hex[:8]
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # One ingestion at a time per process: the model is the bottleneck anyway.
        self._ingest_lock = threading.Lock()

    def start(self) -> JobRunner:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="ingest-jobs", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def notify(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.run_pending()
                failures = 0
            except redis.exceptions.RedisError as exc:
                failures += 1
                if failures == 1:
                    log.warning("ingestion jobs paused, Redis unavailable: %s", exc)
            # Back off while Redis is away; a new upload wakes the loop at once.
            self._wake.wait(min(MAX_BACKOFF_S, POLL_S * 2**failures))
            self._wake.clear()

    def run_pending(self) -> None:
        """Run every active job nobody else holds (including ones a dead worker left)."""
        for job_id in self.store.active_ids():
            if self._stop.is_set():
                return
            if self.store.claim(job_id, self.worker):
                try:
                    self.run(job_id)
                finally:
                    self.store.release(job_id)

    def run(self, job_id: str) -> None:
        job = self.store.get(job_id)
        if job is None or job["status"] not in ACTIVE:
            self.store.client.srem(self.store.keys.active, job_id)
            return
        content = self.store.content(job_id)
        if content is None:
            self._update(
                job, status="failed", errors=["the upload expired before it was processed"]
            )
            return
        resumed = job["status"] == "processing"
        self._update(job, status="processing")
        if resumed:
            log.info("resuming ingestion job %s after an interruption", job_id)
        try:
            ocr = self.ocr
            if ocr is not None and job["languages"]:  # the knowledge base's own languages
                ocr = ocr.for_languages(job["languages"])
            document = load_bytes(
                content, job["source"], title=job["title"], ocr=ocr,
                max_ocr_pages=self.max_ocr_pages,
            )  # fmt: skip
            document.attributes = job["attributes"]
        except (UnsupportedFormatError, DocumentParseError) as exc:
            self._update(job, status="failed", errors=[f"{job['source']}: {exc}"])
            return
        try:
            with self._ingest_lock:
                report = self.ingestor.ingest_documents(
                    [document],
                    org_id=job["org_id"],
                    kb_id=job["kb_id"],
                    progress=lambda *_: self.store.keep_claim(job_id),
                )
        except Exception as exc:  # a failed job records why; the runner keeps going
            log.exception("ingestion job %s failed", job_id)
            self._update(job, status="failed", errors=[f"{type(exc).__name__}: {exc}"])
            return
        self._update(
            job, status="completed", title=document.title, ocr_pages=document.ocr_pages,
            ocr_confidence=document.ocr_confidence, **_counts(report),
        )  # fmt: skip
        metrics.INGESTION_JOBS.labels("completed").inc()
        metrics.INGESTED_CHUNKS.inc(report.embedded)

    def _update(self, job: dict[str, Any], **fields: Any) -> None:
        self.store.update(job["job_id"], **fields)
        if self.on_update is not None:
            try:
                self.on_update(job, fields)
            except Exception:  # the job's own record is what clients poll; keep going
                log.exception("recording job %s in the platform database failed", job["job_id"])


def _counts(report: IngestReport) -> dict[str, int]:
    return {
        "chunks": report.chunks,
        "embedded": report.embedded,
        "unchanged": report.unchanged,
        "deleted": report.deleted,
    }
