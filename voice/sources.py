"""What the offline recogniser's language model is built from: the indexed text of an
assistant's knowledge bases, and a stamp that changes when their documents change."""

from __future__ import annotations

from qdrant_client import QdrantClient
from sqlalchemy import func, select

from knowledge.vectors.store import scroll_points, tenant_filter
from tenancy.db import Database
from tenancy.models import Document
from voice.speech_to_text import Corpus, Stamp


def document_stamp(db: Database) -> Stamp:
    def stamp(org_id: str, kb_ids: tuple[str, ...]) -> str:
        if not kb_ids:
            return "none"
        with db.session() as session:
            count, newest, versions = session.execute(
                select(
                    func.count(), func.max(Document.updated_at), func.sum(Document.version)
                ).where(Document.org_id == org_id, Document.kb_id.in_(kb_ids))
            ).one()
        return f"{count}:{newest}:{versions}"

    return stamp


def indexed_texts(client: QdrantClient, collection: str) -> Corpus:
    def texts(org_id: str, kb_ids: tuple[str, ...]) -> list[str]:
        if not kb_ids:
            return []
        points = scroll_points(
            client, collection, scroll_filter=tenant_filter(org_id, list(kb_ids)),
            payload=["page_content", "metadata"],
        )  # fmt: skip
        out = []
        for point in points:
            payload = point.payload or {}
            metadata = payload.get("metadata") or {}
            # Titles and sections as headings: the model turns them into questions.
            headings = [f"# {h}" for h in (metadata.get("title"), metadata.get("section")) if h]
            out.append("\n".join([*headings, str(payload.get("page_content", ""))]))
        return out

    return texts
