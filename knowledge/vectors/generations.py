"""Which encoder made which points: while a new encoder re-makes a knowledge base
(ingestion.reembed), searches ask both generations, each with its own encoder."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qdrant_client import QdrantClient, models

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.models import E5_NAME, MINILM_NAME
from knowledge.vectors.store import INDEX_FIELD, count_points, index_version

log = logging.getLogger(__name__)

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
