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
from dataclasses import dataclass
from typing import Any

from qdrant_client import QdrantClient, models
from redis import Redis

from knowledge.chunking import Chunk
from knowledge.embeddings import MINILM_NAME, LocalEmbeddings
from knowledge.encoders import E5_NAME
from knowledge.ingest import Ingestor
from knowledge.store import INDEX_FIELD, count_points, index_version

log = logging.getLogger(__name__)

PAGE = 64
LOCK_SECONDS = 60
# How often a process looks again whether old points are left (until none are).
CHECK_SECONDS = 5.0


def stale_filter(current: str) -> models.Filter:
    return models.Filter(
        must_not=[models.FieldCondition(key=INDEX_FIELD, match=models.MatchValue(value=current))]
    )


def current_filter(current: str) -> models.Filter:
    return models.Filter(
        must=[models.FieldCondition(key=INDEX_FIELD, match=models.MatchValue(value=current))]
    )


def encoder_of(payload: dict[str, Any] | None, configured: str) -> str:
    """The encoder that made a point. Points from before INDEX_FIELD existed were made by
    the configured model when it was a model folder (the earlier releases' only choice
    besides their default), else by that default, all-MiniLM-L6-v2."""
    tag = (payload or {}).get(INDEX_FIELD)
    if tag:
        return str(tag).rsplit("+", 1)[0]
    return configured if configured not in (E5_NAME, MINILM_NAME) else MINILM_NAME


@dataclass(frozen=True)
class Transition:
    """While old points are left: which points are current, and the encoder that made
    the others (None when only their keyword tokens are old: the dense vectors of both
    generations then come from the same encoder)."""

    current: models.Filter
    stale: models.Filter
    previous: LocalEmbeddings | None


class IndexVersions:
    """Whether this process's searches must ask both generations; checked every few
    seconds until no old point is left, then never again."""

    def __init__(
        self,
        *,
        client: QdrantClient,
        collection: str,
        embeddings: LocalEmbeddings,
        load: Callable[[str], LocalEmbeddings],
        check_seconds: float = CHECK_SECONDS,
    ) -> None:
        self.client = client
        self.collection = collection
        self.embeddings = embeddings
        self.current = index_version(embeddings.name)
        self.load = load
        self.check_seconds = check_seconds
        self._transition: Transition | None = None
        self._done = False
        self._checked = 0.0
        self._lock = threading.Lock()

    def transition(self) -> Transition | None:
        if self._done:
            return None
        now = time.monotonic()
        if now - self._checked >= self.check_seconds:
            with self._lock:
                if now - self._checked >= self.check_seconds:
                    self._transition = self._look()
                    self._done = self._transition is None
                    self._checked = now
        return self._transition

    def pending(self) -> int:
        """Points not yet made by the configured encoder."""
        return count_points(self.client, self.collection, stale_filter(self.current))

    def _look(self) -> Transition | None:
        stale = stale_filter(self.current)
        points, _ = self.client.scroll(
            self.collection, scroll_filter=stale, limit=1, with_payload=[INDEX_FIELD]
        )
        if not points:
            return None
        encoder = encoder_of(points[0].payload, self.embeddings.name)
        previous = None
        if encoder != self.embeddings.name:
            try:
                previous = self.load(encoder)
            except Exception as exc:  # a model folder no longer there: keywords find them
                log.warning("cannot load the encoder of the old points: %s", exc)
        return Transition(current_filter(self.current), stale, previous)


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
