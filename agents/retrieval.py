"""Retrieval from the Qdrant knowledge base through langchain-qdrant."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from langchain_qdrant import QdrantVectorStore, RetrievalMode
from qdrant_client import QdrantClient, models

from knowledge.embeddings import LocalEmbeddings
from knowledge.sparse import BM25SparseEmbeddings
from knowledge.store import DENSE_VECTOR, SPARSE_VECTOR

MODES = {
    "hybrid": RetrievalMode.HYBRID,
    "dense": RetrievalMode.DENSE,
    "sparse": RetrievalMode.SPARSE,
}
RRF_K = 1


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, as the answerer and the API see it."""

    text: str
    title: str
    source: str
    section: str | None
    page: int | None
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


class Retriever:
    def __init__(
        self,
        *,
        client: QdrantClient,
        collection: str,
        embeddings: LocalEmbeddings,
        mode: str = "hybrid",
        k: int = 4,
        candidates: int = 30,
        score_threshold: float = 0.25,
        rrf_k: int = RRF_K,
        weights: tuple[float, float] = (1.0, 1.0),
    ) -> None:
        self.embeddings = embeddings
        self.k = k
        self.candidates = candidates
        self.score_threshold = score_threshold
        self.mode = mode
        # Prefetch order in langchain-qdrant's hybrid query: dense, then sparse.
        self.fusion = models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=list(weights)))
        self.store = QdrantVectorStore(
            client=client,
            collection_name=collection,
            embedding=embeddings,
            retrieval_mode=MODES[mode],
            vector_name=DENSE_VECTOR,
            sparse_embedding=BM25SparseEmbeddings(),
            sparse_vector_name=SPARSE_VECTOR,
            validate_collection_config=False,
        )

    def search(self, query: str) -> list[Passage]:
        """The k best passages, or none when nothing in the knowledge base is close."""
        if not query.strip() or not self._anything_relevant(query):
            return []
        # Fuse over a wider pool than k, then keep k: RRF needs depth to help.
        found = self.store.similarity_search_with_score(
            query,
            k=self.candidates,
            hybrid_fusion=self.fusion,
        )
        return [
            Passage(
                text=doc.page_content,
                title=doc.metadata.get("title") or doc.metadata.get("source", ""),
                source=doc.metadata.get("source", ""),
                section=doc.metadata.get("section"),
                page=doc.metadata.get("page"),
                score=round(float(score), 4),
            )
            for doc, score in found[: self.k]
        ]

    def _anything_relevant(self, query: str) -> bool:
        if self.score_threshold <= -1:  # the gate is off (benchmarks rank everything)
            return True
        # The dense cosine of the best match is comparable across queries; fused RRF
        # scores are not, so "not found" is decided here, whatever the mode.
        # The query embedding is cached, so the fused search below reuses it.
        best = self.store.similarity_search_with_score_by_vector(
            self.embeddings.embed_query(query), k=1
        )
        return bool(best) and best[0][1] >= self.score_threshold
