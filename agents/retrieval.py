"""Retrieval from the Qdrant knowledge base through langchain-qdrant, always inside one
organisation's knowledge bases (the filter comes from knowledge.store.tenant_filter)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from qdrant_client import QdrantClient, models

from knowledge.embeddings import LocalEmbeddings
from knowledge.sentences import SPLIT_VERSION, sentence_contexts
from knowledge.sparse import BM25SparseEmbeddings
from knowledge.store import (
    DENSE_VECTOR,
    SENTENCES_VECTOR,
    SPARSE_VECTOR,
    SPLIT_FIELD,
    Fetch,
    has_sentence_vectors,
    indexed_search,
    tenant_filter,
)
from knowledge.vector_index import IndexHits

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

    @property
    def heading(self) -> str | None:
        """What its sentences are judged under: its section, else its title."""
        return self.section or self.title

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
    """One search per turn: the fused (or single-mode) ranking and the best dense cosine
    in scope, which decides "nothing relevant" (fused RRF scores are not comparable
    across queries, cosines are). Embedded Qdrant answers from its in-process index; a
    Qdrant server answers both in one batched request."""

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
        self.client = client
        self.collection = collection
        self.embeddings = embeddings
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.weights = weights
        self.sparse = BM25SparseEmbeddings()
        self.sentence_vectors: bool | None = None  # does the collection keep them? (asked once)
        # Prefetch order in the hybrid query: dense, then sparse.
        self.fusion = models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=list(weights)))

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        """The k best passages, or none when nothing in the knowledge bases is close."""
        if not query.strip() or not scope.priorities:
            return []
        # Several priorities re-rank the pool, so which k hits are kept is known only then;
        # otherwise the k best come back with the search (embedded: one call, not two).
        reranked = len(set(scope.priorities.values())) > 1
        fetch = None if reranked else Fetch(scope.k, self._stored_vectors())
        # Fuse over a wider pool than k, then keep k: RRF needs depth to help.
        hits = self.ranked(query, scope, limit=max(self.candidates, scope.k), fetch=fetch)
        gate_open = scope.score_threshold <= -1  # off: benchmarks rank everything
        if not hits.ids or not (gate_open or (hits.best_dense or -1) >= scope.score_threshold):
            return []
        ranked = list(zip(hits.ids, hits.scores, strict=True))
        if reranked:
            # Knowledge-base priorities re-rank the whole pool (their kb ids only).
            kb_of = {
                str(r.id): _kb_of(r)
                for r in self.client.retrieve(
                    self.collection, hits.ids, with_payload=["metadata.kb_id"]
                )
            }
            ranked.sort(  # stable: equal scores keep their order
                key=lambda hit: (
                    -hit[1]
                    * (1 + PRIORITY_BOOST * scope.priorities.get(kb_of.get(str(hit[0]), ""), 0))
                )
            )
        top = ranked[: scope.k]
        fetched = (
            self._remembered(hits.records)
            if hits.records is not None
            else self._records([point_id for point_id, _ in top])
        )
        records = {str(r.id): r for r in fetched}
        return [
            _passage(record, score)
            for point_id, score in top
            if (record := records.get(str(point_id))) is not None
        ]

    def _stored_vectors(self) -> tuple[str, ...]:
        """The named vectors read back with the passages: the sentence vectors stored at
        ingestion, when the collection keeps them (asked once)."""
        if self.sentence_vectors is None:
            self.sentence_vectors = has_sentence_vectors(self.client, self.collection)
        return (SENTENCES_VECTOR,) if self.sentence_vectors else ()

    def _records(self, ids: list[int | str]) -> list[models.Record]:
        """Payloads of the hits, with the sentence vectors stored at ingestion."""
        read = Fetch(len(ids), self._stored_vectors())
        return self._remembered(read.read(self.client, self.collection, ids))

    def _remembered(self, records: list[models.Record]) -> list[models.Record]:
        """The records, their sentence vectors handed to the embeddings cache for the
        answerer (they are not part of the state)."""
        for record in records:
            stored = (
                record.vector.get(SENTENCES_VECTOR) if isinstance(record.vector, dict) else None
            )
            if stored and (record.payload or {}).get(SPLIT_FIELD) == SPLIT_VERSION:
                passage = _passage(record, 0.0)
                contexts = sentence_contexts(passage.text, passage.heading)
                if len(contexts) == len(stored):  # else the splitter changed: embed anew
                    self.embeddings.remember(contexts, stored)
        return records

    def ranked(
        self, query: str, scope: SearchScope, *, limit: int, fetch: Fetch | None = None
    ) -> IndexHits:
        """Point ids best first with their scores, and the best dense cosine in scope (and
        with `fetch`, from the in-process index, the first hits' records)."""
        dense = self.embeddings.embed_query(query) if scope.mode != "sparse" else None
        sparse = None
        if scope.mode != "dense":
            vector = self.sparse.embed_query(query)
            sparse = models.SparseVector(indices=vector.indices, values=vector.values)
            if not vector.indices and dense is None:
                return IndexHits([], [], None)
        kb_ids = sorted(scope.priorities)
        hits = indexed_search(
            self.client,
            self.collection,
            org_id=scope.org_id,
            kb_ids=kb_ids,
            dense=dense,
            sparse=sparse,
            limit=limit,
            rrf_k=self.rrf_k,
            weights=self.weights,
            fetch=fetch,
        )
        if hits is None:
            hits = self._ask_qdrant(tenant_filter(scope.org_id, kb_ids), dense, sparse, limit)
        if scope.mode == "sparse" and hits.best_dense is None and hits.ids:
            # Sparse-only assistants gate on the dense cosine of the query all the same.
            hits = replace(hits, best_dense=self._best_dense(query, scope))
        return hits

    def _ask_qdrant(
        self,
        query_filter: models.Filter,
        dense: list[float] | None,
        sparse: models.SparseVector | None,
        limit: int,
    ) -> IndexHits:
        """The same search as Qdrant queries, for a server: one round trip."""
        requests = []
        if dense is not None:  # the best dense match (also the dense ranking's head)
            requests.append(
                models.QueryRequest(query=dense, using=DENSE_VECTOR, filter=query_filter, limit=1)
            )
        if dense is not None and sparse is not None:
            requests.append(
                models.QueryRequest(
                    prefetch=[
                        models.Prefetch(
                            query=dense, using=DENSE_VECTOR, filter=query_filter, limit=limit
                        ),
                        models.Prefetch(
                            query=sparse, using=SPARSE_VECTOR, filter=query_filter, limit=limit
                        ),
                    ],
                    query=self.fusion,
                    limit=limit,
                )
            )
        else:
            requests.append(
                models.QueryRequest(
                    query=dense if dense is not None else sparse,
                    using=DENSE_VECTOR if dense is not None else SPARSE_VECTOR,
                    filter=query_filter,
                    limit=limit,
                )
            )
        responses = self.client.query_batch_points(self.collection, requests=requests)
        points = responses[-1].points
        best = responses[0].points[0].score if dense is not None and responses[0].points else None
        return IndexHits([p.id for p in points], [float(p.score) for p in points], best)

    def _best_dense(self, query: str, scope: SearchScope) -> float | None:
        dense_only = SearchScope(scope.org_id, scope.priorities, "dense", 1, scope.score_threshold)
        return self.ranked(query, dense_only, limit=1).best_dense


def _kb_of(record: models.Record) -> str:
    return ((record.payload or {}).get("metadata") or {}).get("kb_id", "")


def _passage(record: models.Record, score: float) -> Passage:
    payload = record.payload or {}
    metadata = payload.get("metadata") or {}
    return Passage(
        text=payload.get("page_content", ""),
        title=metadata.get("title") or metadata.get("source", ""),
        source=metadata.get("source", ""),
        section=metadata.get("section"),
        page=metadata.get("page"),
        score=round(float(score), 4),
    )
