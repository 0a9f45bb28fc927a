"""Retrieval from the Qdrant knowledge base through langchain-qdrant, always inside one
organisation's knowledge bases (the filter comes from knowledge.store.tenant_filter)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from langchain_qdrant import QdrantVectorStore, RetrievalMode
from qdrant_client import QdrantClient, models

from knowledge.embeddings import LocalEmbeddings
from knowledge.sparse import BM25SparseEmbeddings
from knowledge.store import DENSE_VECTOR, SPARSE_VECTOR, tenant_filter

MODES = {
    "hybrid": RetrievalMode.HYBRID,
    "dense": RetrievalMode.DENSE,
    "sparse": RetrievalMode.SPARSE,
}
# A passage's score grows by this share per priority step of its knowledge base, so a
# higher-priority knowledge base wins between passages of about the same relevance.
PRIORITY_BOOST = 0.05


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


@dataclass(frozen=True)
class SearchScope:
    """Where and how one assistant searches: its organisation's active knowledge bases
    (id -> priority) and its retrieval settings."""

    org_id: str
    priorities: dict[str, int]
    mode: str
    k: int
    score_threshold: float


class Retriever:
    def __init__(
        self,
        *,
        client: QdrantClient,
        collection: str,
        embeddings: LocalEmbeddings,
        candidates: int,
        rrf_k: int,
        weights: tuple[float, float],
    ) -> None:
        self.embeddings = embeddings
        self.candidates = candidates
        # Prefetch order in langchain-qdrant's hybrid query: dense, then sparse.
        self.fusion = models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=list(weights)))
        sparse = BM25SparseEmbeddings()
        self.stores = {
            mode: QdrantVectorStore(
                client=client,
                collection_name=collection,
                embedding=embeddings,
                retrieval_mode=retrieval_mode,
                vector_name=DENSE_VECTOR,
                sparse_embedding=sparse,
                sparse_vector_name=SPARSE_VECTOR,
                validate_collection_config=False,
            )
            for mode, retrieval_mode in MODES.items()
        }

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        """The k best passages, or none when nothing in the knowledge bases is close."""
        if not query.strip() or not scope.priorities:
            return []
        query_filter = tenant_filter(scope.org_id, sorted(scope.priorities))
        if not self._anything_relevant(query, query_filter, scope.score_threshold):
            return []
        # Fuse over a wider pool than k, then keep k: RRF needs depth to help.
        found = self.stores[scope.mode].similarity_search_with_score(
            query,
            k=max(self.candidates, scope.k),
            filter=query_filter,
            hybrid_fusion=self.fusion,
        )
        passages = [
            (
                float(score)
                * (1 + PRIORITY_BOOST * scope.priorities.get(doc.metadata.get("kb_id", ""), 0)),
                Passage(
                    text=doc.page_content,
                    title=doc.metadata.get("title") or doc.metadata.get("source", ""),
                    source=doc.metadata.get("source", ""),
                    section=doc.metadata.get("section"),
                    page=doc.metadata.get("page"),
                    score=round(float(score), 4),
                ),
            )
            for doc, score in found
        ]
        if len(set(scope.priorities.values())) > 1:
            passages.sort(key=lambda pair: -pair[0])  # stable: equal scores keep their order
        return [passage for _, passage in passages[: scope.k]]

    def _anything_relevant(self, query: str, query_filter: models.Filter, threshold: float) -> bool:
        if threshold <= -1:  # the gate is off (benchmarks rank everything)
            return True
        # The dense cosine of the best match is comparable across queries; fused RRF
        # scores are not, so "not found" is decided here, whatever the mode.
        # The query embedding is cached, so the fused search below reuses it.
        best = self.stores["dense"].similarity_search_with_score_by_vector(
            self.embeddings.embed_query(query), k=1, filter=query_filter
        )
        return bool(best) and best[0][1] >= threshold
