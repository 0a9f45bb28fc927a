"""Documents of a knowledge base: uploads become ingestion jobs, deletions remove the
document's points and record together. Views and the CLI both call these."""

from __future__ import annotations

import json
import re
from typing import Any

from qdrant_client import QdrantClient

from ingestion.jobs import JobStore
from ingestion.queue import IngestionQueue, QueueUnavailable
from knowledge.documents.chunking import document_id
from knowledge.vectors.store import (
    delete_points,
    document_filter,
    organisation_filter,
    tenant_filter,
)
from tenancy import crud
from tenancy.db import Database
from tenancy.models import Document

JOB_ID = re.compile(r"[0-9a-f]{32}")


class DocumentService:
    def __init__(
        self, *, db: Database, qdrant: QdrantClient, collection: str, jobs: JobStore,
        queue: IngestionQueue,
    ) -> None:  # fmt: skip
        self.db = db
        self.qdrant = qdrant
        self.collection = collection
        self.jobs = jobs
        self.queue = queue

    def upload(
        self,
        *,
        org_id: str,
        kb_id: str,
        source: str,
        title: str | None,
        metadata: dict[str, Any],
        content: bytes,
        replace: bool,
    ) -> dict[str, Any]:
        """Record the document as pending and queue its ingestion; 202-style result."""
        doc_id = document_id(kb_id, source)
        with self.db.session() as session:
            kb = crud.get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
            document, replaced = crud.upsert_document(
                session,
                org_id=org_id,
                kb_id=kb_id,
                doc_id=doc_id,
                source=source,
                title=title,
                metadata=metadata,
                job_id=None,
                replace=replace,
            )
            job = self.jobs.create(
                org_id=org_id,
                kb_id=kb_id,
                document_id=doc_id,
                source=source,
                title=title,
                content=content,
                attributes=metadata,
                # Scans are read in the knowledge base's languages, when it names them.
                languages=ocr_languages(kb.meta),
            )
            document.job_id = job["job_id"]
            version = document.version
        try:
            self.queue.enqueue_document(job["job_id"])
        except QueueUnavailable:
            failed = {"status": "failed", "errors": ["the ingestion queue was unavailable"]}
            self.jobs.update(job["job_id"], **failed)
            record_job_update(self.db, job, failed)
            raise
        return {**job, "document_id": doc_id, "replaced": replaced, "version": version}

    def job(self, *, org_id: str, job_id: str, kb_id: str | None = None) -> dict[str, Any]:
        """A job of this organisation (and knowledge base, when given); crud.NotFound
        for another's, a missing or an expired one alike."""
        record = self.jobs.get(job_id) if JOB_ID.fullmatch(job_id) else None
        if record is None or record["org_id"] != org_id or kb_id not in (None, record["kb_id"]):
            raise crud.NotFound("job (or it expired)", job_id)
        return record

    def delete_document(self, *, org_id: str, kb_id: str, doc_id: str) -> int:
        with self.db.session() as session:
            crud.delete_document(session, org_id=org_id, kb_id=kb_id, doc_id=doc_id)
            return delete_points(
                self.qdrant, self.collection, document_filter(org_id, kb_id, doc_id)
            )

    def delete_knowledge_base(self, *, org_id: str, kb_id: str) -> int:
        with self.db.session() as session:
            crud.delete_knowledge_base(session, org_id=org_id, kb_id=kb_id)
            return delete_points(self.qdrant, self.collection, tenant_filter(org_id, kb_id))

    def delete_organisation_points(self, org_id: str) -> int:
        return delete_points(self.qdrant, self.collection, organisation_filter(org_id))


def delete_document(
    db: Database, qdrant: QdrantClient, collection: str, *, org_id: str, kb_id: str, doc_id: str
) -> int:
    """Delete a document's chunks and its record (crud.NotFound if there is none); the
    number of chunks removed. The API and the CLI both delete through here."""
    with db.session() as session:
        crud.delete_document(session, org_id=org_id, kb_id=kb_id, doc_id=doc_id)
        return delete_points(qdrant, collection, document_filter(org_id, kb_id, doc_id))


def ocr_languages(kb_meta: dict[str, Any] | None) -> list[str]:
    """The languages a knowledge base's `metadata.languages` names (codes this service
    knows), else none (OCR_LANGUAGES then applies)."""
    from knowledge.encoders.languages import normalise

    named = (kb_meta or {}).get("languages")
    if not isinstance(named, list):
        return []
    return [code for code in (normalise(str(n)) for n in named) if code]


def record_job_update(db: Database, job: dict[str, Any], fields: dict[str, Any]) -> None:
    """Mirror an ingestion job's progress onto its document row."""
    if not job.get("document_id"):
        return
    changes: dict[str, Any] = {}
    if "status" in fields:
        changes["status"] = fields["status"]
    for name in ("chunks", "embedded", "unchanged", "title", "ocr_pages", "ocr_confidence"):
        if name in fields:
            changes[name] = fields[name]
    if fields.get("errors"):
        errors = fields["errors"]
        changes["error"] = "; ".join(errors) if isinstance(errors, list) else json.dumps(errors)
    with db.session() as session:
        document = session.get(Document, job["document_id"])
        # A newer upload of the same document owns the row now.
        if document is not None and document.job_id in (None, job["job_id"]):
            crud.record_document_progress(session, doc_id=document.id, **changes)
