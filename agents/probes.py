"""Health and readiness: what runs and what is broken, each check timed, never raising."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from qdrant_client import QdrantClient

from agents.llm import LLMError, Provider, probe_llm
from config import VERSION
from knowledge.vectors.generations import IndexVersions
from knowledge.vectors.store import count_points, embedded_folder_missing
from tenancy.db import Database
from utils.checkpointer import RedisSaver

LLM_PROBE_TTL_S = 60.0


class Probes:
    def __init__(
        self,
        *,
        saver: RedisSaver,
        qdrant: QdrantClient,
        collection: str,
        qdrant_mode: str,
        embedding_model: str,
        db: Database,
        provider: Provider | None,
        versions: IndexVersions | None = None,
    ) -> None:
        self.versions = versions
        self.saver = saver
        self.qdrant = qdrant
        self.collection = collection
        self.qdrant_mode = qdrant_mode
        self.embedding_model = embedding_model
        self.db = db
        self.provider = provider
        self._llm_probe: tuple[float, dict[str, Any]] | None = None

    def health(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "redis": check(self.saver.ping),
            "qdrant": {"mode": self.qdrant_mode, **check(self._count)},
            "database": {"dialect": self.db.engine.dialect.name, **check(self.db.ping)},
            "embeddings": {"ok": True, "model": self.embedding_model, **self._reembedding()},
            "llm": self._llm_health(),
        }

    def ready(self) -> dict[str, Any]:
        qdrant_state = check(self._count)
        if missing := embedded_folder_missing(self.qdrant):
            qdrant_state = {"ok": False, "error": missing}
        return {
            "redis": check(self.saver.ping),
            "qdrant": qdrant_state,
            "database": check(self.db.ping),
        }

    def _reembedding(self) -> dict[str, Any]:
        """While points made by an earlier encoder are re-made: how many are left."""
        if self.versions is None or self.versions.transition() is None:
            return {}
        try:
            return {"reembedding": {"pending": self.versions.pending()}}
        except Exception as exc:  # reported, as every probe's failure
            return {"reembedding": {"error": type(exc).__name__}}

    def _count(self) -> int:
        return count_points(self.qdrant, self.collection)

    def _llm_health(self) -> dict[str, Any]:
        if self.provider is None:
            return {"mode": "extractive", "ok": True}
        now = time.monotonic()
        if self._llm_probe is None or now - self._llm_probe[0] > LLM_PROBE_TTL_S:
            state: dict[str, Any] = {"mode": "llm", "model": self.provider.model, "ok": True}
            try:
                probe_llm(self.provider)
            except LLMError as exc:
                state.update(ok=False, error=str(exc))
            self._llm_probe = (now, state)
        return self._llm_probe[1]


def check(probe: Callable[[], Any]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        value = probe()
    except Exception as exc:  # a health probe reports any failure, it never raises
        return {"ok": False, "error": type(exc).__name__ + ": " + str(exc)[:200]}
    result: dict[str, Any] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if isinstance(value, int) and not isinstance(value, bool):
        result["points"] = value
    return result
