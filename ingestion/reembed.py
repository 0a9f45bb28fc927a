"""A new encoder (or new keyword tokens) for a knowledge base that already exists.

Every point says what made its vectors (INDEX_FIELD). When the configured encoder is a
different one, nothing is rebuilt up front: the points are re-made in place, a page at a
time, by one background thread in the whole deployment (a Redis lock), while searches
ask both generations (`Transition`: the old encoder's question vector over the old
points, the new one's over the new, fused). New documents are written by the new encoder
at once. A re-made point gets its new vectors only while it is still stale (a filtered
update), so a document re-ingested meanwhile keeps what its ingestion wrote, and one
deleted meanwhile stays deleted. Cut short (a restart), it resumes where it was: the
stale points are what is left to do.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from qdrant_client import models
from redis import Redis

from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunk
from knowledge.vectors.generations import CHECK_SECONDS, IndexVersions, stale_filter
from knowledge.vectors.store import INDEX_FIELD

log = logging.getLogger(__name__)

PAGE = 64
LOCK_SECONDS = 60


class Reembedder:
    """The background re-making of old points (one thread per process; the one holding
    the Redis lock works, the others wait for it to expire)."""

    def __init__(
        self,
        *,
        ingestor: Ingestor,
        versions: IndexVersions,
        redis: Redis,
        lock_key: str,
        page: int = PAGE,
        idle_seconds: float = CHECK_SECONDS,
    ) -> None:
        self.ingestor = ingestor
        self.versions = versions
        self.redis = redis
        self.lock_key = lock_key
        self.page = page
        self.idle_seconds = idle_seconds
        self.token = f"{id(self):x}-{time.time_ns():x}"
        self.remade = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Reembedder:
        if self._thread is None and self.versions.transition() is not None:
            self._thread = threading.Thread(target=self._loop, name="reembed", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def run_until_done(self) -> int:
        """Re-make every old point in this thread (the CLI, tests); how many were."""
        while self.remake_page():
            pass
        return self.remade

    def remake_page(self) -> int:
        """Re-make one page of old points; how many there were (0: none left)."""
        client, collection = self.ingestor.client, self.ingestor.collection
        stale = stale_filter(self.versions.current)
        records, _ = client.scroll(
            collection, scroll_filter=stale, limit=self.page, with_payload=True
        )
        if not records:
            return 0
        with_text = [r for r in records if (r.payload or {}).get("page_content")]
        # (Each by the id it has: the points of older releases may be named otherwise.)
        made = {
            r.id: p
            for r, p in zip(
                with_text,
                self.ingestor.points([_chunk(r.payload or {}) for r in with_text]),
                strict=True,
            )
        }
        self._each(
            lambda ids: client.update_vectors(
                collection,
                [models.PointVectors(id=i, vector=made[i].vector) for i in ids],
                update_filter=stale,  # a point re-ingested meanwhile keeps its new vectors
                wait=True,
            ),
            list(made),
        )
        by_language: dict[str, list[Any]] = {}
        for point_id, point in made.items():
            language = ((point.payload or {}).get("metadata") or {}).get("language") or "en"
            by_language.setdefault(language, []).append(point_id)
        for language, ids in by_language.items():
            self._each(
                lambda ids, lang=language: client.set_payload(
                    collection, {"language": lang}, points=ids, key="metadata", wait=True
                ),
                ids,
            )
        # Marked current only once its vectors are: a point cut short in between is
        # simply re-made again. (A point without text has nothing to re-make.)
        self._each(
            lambda ids: client.set_payload(
                collection, {INDEX_FIELD: self.versions.current}, points=ids, wait=True
            ),
            [r.id for r in records],
        )
        self.remade += len(records)
        return len(records)

    def _each(self, write: Callable[[list[Any]], Any], ids: list[Any]) -> None:
        """A write on these points; when one of them has gone meanwhile (the write then
        fails), the write again point by point, skipping the missing."""
        try:
            write(ids)
        except Exception:
            if len(ids) == 1:
                if self.ingestor.client.retrieve(self.ingestor.collection, ids, with_payload=False):
                    raise  # it exists: a real failure
                return
            for one in ids:
                self._each(write, [one])

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if not self._hold_lock():
                    self._stop.wait(self.idle_seconds)
                    continue
                if not self.remake_page():
                    pending = self.versions.pending()
                    if not pending:
                        log.info("every point re-made by the configured encoder",
                                 extra={"remade": self.remade})  # fmt: skip
                        self.redis.delete(self.lock_key)
                        return
                elif self.remade % (self.page * 16) < self.page:
                    log.info("re-making old points", extra={"remade": self.remade})
            except Exception:  # the store or the lock is away for now: try again
                log.exception("re-embedding failed; retrying")
                self._stop.wait(self.idle_seconds)

    def _hold_lock(self) -> bool:
        """Take or renew the deployment-wide lock (only one process re-makes)."""
        if self.redis.set(self.lock_key, self.token, nx=True, ex=LOCK_SECONDS):
            return True
        if self.redis.get(self.lock_key) in (self.token, self.token.encode()):
            self.redis.expire(self.lock_key, LOCK_SECONDS)
            return True
        return False


def _chunk(payload: dict[str, Any]) -> Chunk:
    meta = payload.get("metadata") or {}
    return Chunk(
        org_id=payload.get("org_id", ""),
        kb_id=payload.get("kb_id", ""),
        source=meta.get("source", ""),
        title=meta.get("title") or "",
        text=payload.get("page_content", ""),
        chunk_index=int(meta.get("chunk_index") or 0),
        section=meta.get("section"),
        page=meta.get("page"),
    )
