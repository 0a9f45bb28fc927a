"""Web sources of a knowledge base: made, listed, deleted, and crawled.

A crawl is a task of the ingestion queue (one at a time per source, through a Redis
lock), sent when a source is made, when asked again, and every `refresh_hours`. Each page becomes a document of the knowledge base whose source is the
page's URL (what its citations show): a page the server reports unchanged (ETag,
Last-Modified) or whose main text has the same digest is skipped, a changed one is
re-indexed, a page no longer found is removed with its chunks.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from qdrant_client import QdrantClient
from sqlalchemy import select, update

from ingestion.ingest import Ingestor
from knowledge.documents.chunking import document_id
from knowledge.documents.crawler import Crawler, CrawlError, CrawlRules, SafeFetcher
from knowledge.documents.loaders import LoadedDocument
from knowledge.vectors.store import delete_points, document_filter
from tenancy import crud
from tenancy.db import Database
from tenancy.models import Document, WebSource, new_id, utcnow
from utils.outbound import AddressRefused

log = logging.getLogger(__name__)

LOCK_SECONDS = 3600
LOCK_DELAY = timedelta(seconds=LOCK_SECONDS)


def create_source(session: Any, *, org_id: str, kb_id: str, **fields: Any) -> WebSource:
    crud.get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
    # Its first crawl is a task sent now; the schedule takes over if that task is lost.
    record = WebSource(id=new_id("src"), org_id=org_id, kb_id=kb_id, status="pending",
                       pages={}, stats={}, next_crawl_at=utcnow() + LOCK_DELAY,
                       **fields)  # fmt: skip
    session.add(record)
    session.flush()
    return record


def get_source(session: Any, *, org_id: str, kb_id: str, source_id: str) -> WebSource:
    record = session.get(WebSource, source_id)
    if record is None or record.org_id != org_id or record.kb_id != kb_id:
        raise crud.NotFound("web source", source_id)
    return record


def list_sources(session: Any, *, org_id: str, kb_id: str) -> list[WebSource]:
    crud.get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
    query = select(WebSource).where(WebSource.org_id == org_id, WebSource.kb_id == kb_id)
    return list(session.scalars(query.order_by(WebSource.created_at, WebSource.id)))


def source_out(record: WebSource) -> dict[str, Any]:
    return {
        "id": record.id, "kind": "web", "kb_id": record.kb_id, "url": record.url,
        "max_pages": record.max_pages, "max_depth": record.max_depth,
        "include": record.include, "exclude": record.exclude,
        "refresh_hours": record.refresh_hours, "status": record.status, "error": record.error,
        "pages": sorted(record.pages), "stats": record.stats,
        "last_crawled_at": _iso(record.last_crawled_at),
        "next_crawl_at": _iso(record.next_crawl_at),
        "created_at": _iso(record.created_at),
    }  # fmt: skip


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


class WebCrawls:
    """Crawls a source when the ingestion queue says so (tenancy/../ingestion/queue.py):
    when it is made, asked again, or due by its schedule (`claim_due`)."""

    def __init__(
        self,
        *,
        db: Database,
        redis: Any,
        prefix: str,
        ingestor: Ingestor,
        qdrant: QdrantClient,
        collection: str,
        fetcher: Callable[[], SafeFetcher],
        delay_s: float,
        on_failed: Callable[[str, dict[str, Any]], None] | None = None,
    ) -> None:
        self.on_failed = on_failed  # (org_id, what failed): the source.failed event
        self.db = db
        self.redis = redis
        self.prefix = prefix
        self.ingestor = ingestor
        self.qdrant = qdrant
        self.collection = collection
        self.fetcher = fetcher
        self.delay_s = delay_s
        self.token = secrets.token_hex(8)
        self.ingest_lock = threading.Lock()

    def claim_due(self) -> list[str]:
        """The sources due for a crawl, each handed to one caller only: its next crawl is
        moved past the lock's life (the crawl sets the real one; a lost task is tried
        again then), by a conditional update that one caller wins."""
        with self.db.session() as session:
            query = select(WebSource.id).where(
                WebSource.next_crawl_at.is_not(None), WebSource.next_crawl_at <= utcnow()
            )
            due = list(session.scalars(query.order_by(WebSource.next_crawl_at).limit(100)))
        claimed = []
        for source_id in due:
            with self.db.session() as session:
                now = utcnow()
                won = session.execute(
                    update(WebSource)
                    .where(WebSource.id == source_id, WebSource.next_crawl_at <= now)
                    .values(next_crawl_at=now + timedelta(seconds=LOCK_SECONDS))
                ).rowcount
            if won:
                claimed.append(source_id)
        return claimed

    def crawl(self, source_id: str) -> None:
        """Crawl one source now (skipped when another process holds its lock)."""
        lock = f"{self.prefix}:websource:{{{source_id}}}"
        if not self.redis.set(lock, self.token, nx=True, ex=LOCK_SECONDS):
            return
        try:
            self._crawl(source_id)
        finally:
            if self.redis.get(lock) in (self.token, self.token.encode()):
                self.redis.delete(lock)

    def _crawl(self, source_id: str) -> None:
        with self.db.session() as session:
            record = session.get(WebSource, source_id)
            if record is None:
                return
            record.status, record.error = "crawling", None
            # Tried again after the lock expires, if this process dies mid-crawl.
            record.next_crawl_at = utcnow() + timedelta(seconds=LOCK_SECONDS)
            rules = CrawlRules(record.url, record.max_pages, record.max_depth,
                               list(record.include), list(record.exclude))  # fmt: skip
            org_id, kb_id, known = record.org_id, record.kb_id, dict(record.pages)
        stats = {"pages": 0, "changed": 0, "unchanged": 0, "removed": 0}
        pages: dict[str, dict[str, Any]] = {}
        fetcher = self.fetcher()
        error = None
        try:
            crawler = Crawler(fetcher, delay_s=self.delay_s)
            for page in crawler.crawl(rules, known):
                stats["pages"] += 1
                state = {"title": page.title, "etag": page.etag, "digest": page.digest,
                         "last_modified": page.last_modified,
                         "document_id": document_id(kb_id, page.url),
                         "links": page.links}  # fmt: skip
                pages[page.url] = state
                if page.unchanged:
                    stats["unchanged"] += 1
                    continue
                stats["changed"] += 1
                self._index(org_id, kb_id, page.url, page.title, page.text)
                self._progress(source_id, stats)
        except (CrawlError, AddressRefused) as exc:
            error = str(exc)
        finally:
            fetcher.close()
        if error is None:
            for url in set(known) - set(pages):  # gone from the site: gone from the base
                self._remove(org_id, kb_id, url)
                stats["removed"] += 1
        with self.db.session() as session:
            record = session.get(WebSource, source_id)
            if record is None:  # deleted while it was crawled: its pages go too
                for url in pages:
                    self._remove(org_id, kb_id, url)
                return
            record.status = "failed" if error else "completed"
            record.error = error
            url = record.url
            record.stats = stats
            if error is None:
                record.pages = pages
            record.last_crawled_at = utcnow()
            record.next_crawl_at = (
                utcnow() + timedelta(hours=record.refresh_hours) if record.refresh_hours else None
            )
        if error and self.on_failed is not None:
            self.on_failed(org_id, {"source_id": source_id, "kb_id": kb_id, "url": url,
                                    "error": error})  # fmt: skip

    def _progress(self, source_id: str, stats: dict[str, int]) -> None:
        with self.db.session() as session:
            record = session.get(WebSource, source_id)
            if record is not None:
                record.stats = dict(stats)

    def _index(self, org_id: str, kb_id: str, url: str, title: str, text: str) -> None:
        doc_id = document_id(kb_id, url)
        with self.db.session() as session:
            document = session.get(Document, doc_id)
            if document is None:
                document = Document(id=doc_id, org_id=org_id, kb_id=kb_id, source=url,
                                    title=title[:300], meta={"web": True})  # fmt: skip
                session.add(document)
            document.status, document.title = "processing", title[:300]
        loaded = LoadedDocument(source=url, title=title, kind="markdown", text=text)
        with self.ingest_lock:
            report = self.ingestor.ingest_documents([loaded], org_id=org_id, kb_id=kb_id)
        with self.db.session() as session:
            crud.record_document_progress(session, doc_id=doc_id, status="completed",
                                          chunks=report.chunks, embedded=report.embedded,
                                          unchanged=report.unchanged)  # fmt: skip

    def _remove(self, org_id: str, kb_id: str, url: str) -> None:
        doc_id = document_id(kb_id, url)
        delete_points(self.qdrant, self.collection, document_filter(org_id, kb_id, doc_id))
        with self.db.session() as session:
            document = session.get(Document, doc_id)
            if document is not None and document.org_id == org_id:
                session.delete(document)


def delete_source(
    db: Database, qdrant: QdrantClient, collection: str, *, org_id: str, kb_id: str,
    source_id: str,
) -> int:  # fmt: skip
    """Delete the source and every page it brought in; how many pages went."""
    with db.session() as session:
        record = get_source(session, org_id=org_id, kb_id=kb_id, source_id=source_id)
        urls = list(record.pages)
        session.delete(record)
    for url in urls:
        doc_id = document_id(kb_id, url)
        delete_points(qdrant, collection, document_filter(org_id, kb_id, doc_id))
        with db.session() as session:
            document = session.get(Document, doc_id)
            if document is not None and document.org_id == org_id:
                session.delete(document)
    return len(urls)
