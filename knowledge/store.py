"""The Qdrant collection: one client per process, a dense and a sparse vector per chunk."""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient, models

from config import Settings
from knowledge.vector_index import IndexHits, VectorIndex

TENANT_FIELD = "org_id"
KB_FIELD = "kb_id"
DENSE_VECTOR = "dense"
SPARSE_VECTOR = "sparse"
SENTENCES_VECTOR = "sentences"
SPLIT_FIELD = "sentence_split"  # the splitter version the sentence vectors were made by
SCROLL_PAGE = 1000


class KnowledgeBaseError(RuntimeError):
    """The knowledge base cannot serve the request."""


class KnowledgeBaseUnavailable(KnowledgeBaseError):
    """Qdrant cannot be reached or opened."""


def open_client(settings: Settings) -> QdrantClient:
    """A Qdrant server client with QDRANT_URL, else embedded Qdrant on disk: through the
    host process when this is one of several API workers (knowledge.embedded_host)."""
    from knowledge.embedded_host import hosted_from_environment

    if settings.qdrant_url:
        api_key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
        return QdrantClient(url=settings.qdrant_url, api_key=api_key, timeout=10)
    return hosted_from_environment(settings) or open_folder(settings)


def open_folder(settings: Settings) -> QdrantClient:
    """The settings' embedded Qdrant folder, opened by this process (with its index)."""
    return open_embedded(
        settings.qdrant_local_path,
        indexed_collection=settings.collection_name if settings.embedded_index else None,
    )


def open_in_memory(*, indexed_collection: str | None = None) -> QdrantClient:
    """Embedded Qdrant held in memory only (benchmarks), wrapped like a folder's."""
    client = QdrantClient(location=":memory:")
    client._client = OneCallAtATime(client._client, indexed_collection=indexed_collection)
    return client


def open_embedded(path: Path, *, indexed_collection: str | None = None) -> QdrantClient:
    """Embedded Qdrant in a folder, safe to share between threads; with
    `indexed_collection`, that collection is also searched through an in-process index
    (knowledge.vector_index) kept in step with every write."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        # Threads share its SQLite file safely: every call goes through one lock (below).
        client = QdrantClient(path=str(path), force_disable_check_same_thread=True)
    except RuntimeError as exc:  # local mode's lock: another process has the folder
        raise KnowledgeBaseUnavailable(
            f"embedded Qdrant at {path} is in use by another process ({exc}). Stop it, or "
            "run a Qdrant server and set QDRANT_URL to share the knowledge base."
        ) from exc
    client._client = OneCallAtATime(client._client, indexed_collection=indexed_collection)
    return client


class OneCallAtATime:
    """Embedded Qdrant (qdrant-client's local mode) is not thread-safe: a read while an
    upsert grows its arrays fails or sees half a point, and two writers can corrupt the
    collection or its SQLite file (qdrant/qdrant-client#1193). The service calls it from
    request threads and the ingestion thread, so each call takes one lock. A Qdrant
    server (QDRANT_URL) has no such limit.

    It also sees every write, so it keeps the in-process index of one collection in
    step: upserts, deletes by id and tenant payload changes are applied as they happen;
    any other change to that collection has the index rebuilt on its next search."""

    def __init__(self, local: Any, *, indexed_collection: str | None = None) -> None:
        self._local = local
        self._lock = threading.RLock()
        self.indexed_collection = indexed_collection
        self.index = (
            VectorIndex(
                dense_name=DENSE_VECTOR,
                sparse_name=SPARSE_VECTOR,
                tenant_field=TENANT_FIELD,
                kb_field=KB_FIELD,
            )
            if indexed_collection
            else None
        )
        self._index_current = False

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._local, name)
        if not callable(attribute):
            return attribute
        return self._locked(name, attribute)

    def _locked(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                result = method(*args, **kwargs)
                if name in WRITES and self._index_current:
                    self._observe(name, args, kwargs)
                return result

        return call

    def _observe(self, name: str, args: tuple, kwargs: dict[str, Any]) -> None:
        collection = kwargs.get("collection_name", args[0] if args else None)
        if collection != self.indexed_collection or self.index is None:
            return
        points = kwargs.get("points", kwargs.get("points_selector"))
        if name == "upsert" and isinstance(points, list):
            self.index.add(points)
        elif name == "delete" and isinstance(points, models.PointIdsList):
            self.index.remove(points.points)
        elif name == "delete" and isinstance(points, list):
            self.index.remove(points)
        elif name == "set_payload" and isinstance(points, list) and not kwargs.get("key"):
            self.index.set_tenant(points, kwargs.get("payload", {}))
        else:  # filters, batches, collection changes: read it all again when next asked
            self._index_current = False

    def indexed_search(
        self, collection: str, *, fetch: Fetch | None = None, **query: Any
    ) -> IndexHits | None:
        """A search through the in-process index, or None when this collection has none
        (the caller then asks Qdrant). With `fetch`, the records of the first hits come
        back with them: through the host, one call instead of two."""
        if self.index is None or collection != self.indexed_collection:
            return None
        with self._lock:
            if not self._index_current or self.index.wasteful:
                self.index.rebuild(self._all_points(collection))
                self._index_current = True
            hits = self.index.search(**query)
            if fetch is None or not hits.ids:
                return hits
            return replace(hits, records=fetch.read(self._local, collection, hits.ids))

    def _all_points(self, collection: str) -> Iterator[Any]:
        if not self._local.collection_exists(collection):
            return
        offset = None
        while True:
            points, offset = self._local.scroll(
                collection,
                limit=SCROLL_PAGE,
                offset=offset,
                with_payload=[TENANT_FIELD, KB_FIELD],
                with_vectors=[DENSE_VECTOR, SPARSE_VECTOR],
            )
            yield from points
            if offset is None:
                return


# Local-mode methods that change points or collections.
WRITES = frozenset(
    "upsert delete set_payload overwrite_payload delete_payload clear_payload update_vectors "
    "delete_vectors batch_update_points create_collection recreate_collection "
    "delete_collection update_collection".split()
)


def warm_index(client: QdrantClient, collection: str) -> float | None:
    """Build the in-process index now (it reads the whole collection) rather than on the
    first question; seconds taken, None without an index."""
    started = time.perf_counter()
    found = indexed_search(
        client, collection, org_id="", kb_ids=[], dense=None, sparse=None,
        limit=1, rrf_k=1, weights=(1.0, 1.0),
    )  # fmt: skip
    return None if found is None else time.perf_counter() - started


@dataclass(frozen=True)
class Fetch:
    """What an indexed search also returns: the payloads (and these named vectors) of its
    first `count` hits."""

    count: int
    vectors: tuple[str, ...] = ()

    def read(self, qdrant: Any, collection: str, ids: list[int | str]) -> list[models.Record]:
        """The records of the first `count` of `ids` (from a client or local mode)."""
        return qdrant.retrieve(
            collection,
            ids[: self.count],
            with_payload=True,
            with_vectors=list(self.vectors) or False,
        )


def indexed_search(
    client: QdrantClient, collection: str, *, fetch: Fetch | None = None, **query: Any
) -> IndexHits | None:
    # This process's embedded wrapper has one, or the host's (knowledge.embedded_host);
    # a Qdrant server uses its own indexes.
    search = getattr(client._client, "indexed_search", None)
    return None if search is None else search(collection, fetch=fetch, **query)


def ensure_collection(client: QdrantClient, name: str, dimensions: int) -> bool:
    """Create the collection if missing, and its payload indexes (an existing collection
    may predate some); True when it was created."""
    if client.collection_exists(name):
        ensure_indexes(client, name)
        return False
    client.create_collection(
        collection_name=name,
        vectors_config={
            DENSE_VECTOR: models.VectorParams(size=dimensions, distance=models.Distance.COSINE),
            # The answerer's sentence vectors, read back with the passage, never searched.
            SENTENCES_VECTOR: models.VectorParams(
                size=dimensions,
                distance=models.Distance.COSINE,
                multivector_config=models.MultiVectorConfig(
                    comparator=models.MultiVectorComparator.MAX_SIM
                ),
                hnsw_config=models.HnswConfigDiff(m=0),
            ),
        },
        sparse_vectors_config={
            SPARSE_VECTOR: models.SparseVectorParams(modifier=models.Modifier.IDF)
        },
    )
    ensure_indexes(client, name)
    return True


def ensure_indexes(client: QdrantClient, name: str) -> None:
    """Payload indexes on a Qdrant server (idempotent): `org_id` as the tenant key, so
    each organisation's points are stored together, and the fields filters use."""
    if is_embedded(client):  # embedded Qdrant has no payload indexes
        return
    client.create_payload_index(
        name,
        TENANT_FIELD,
        models.KeywordIndexParams(type=models.KeywordIndexType.KEYWORD, is_tenant=True),
    )
    for field in (KB_FIELD, "metadata.source", "metadata.document_id"):
        client.create_payload_index(name, field, models.PayloadSchemaType.KEYWORD)


def has_sentence_vectors(client: QdrantClient, collection: str) -> bool:
    """Collections created before sentence vectors existed have none (the answerer then
    embeds sentences during the turn)."""
    if not client.collection_exists(collection):
        return False
    vectors = client.get_collection(collection).config.params.vectors
    return isinstance(vectors, dict) and SENTENCES_VECTOR in vectors


def is_embedded(client: QdrantClient) -> bool:
    return hasattr(client._client, "location")


def tenant_filter(
    org_id: str, kb_ids: list[str] | str, *extra: models.FieldCondition
) -> models.Filter:
    """The filter on every read and write of organisation data: the organisation and its
    knowledge bases, built here and nowhere else."""
    kb_match = (
        models.MatchValue(value=kb_ids) if isinstance(kb_ids, str) else models.MatchAny(any=kb_ids)
    )
    return models.Filter(
        must=[
            models.FieldCondition(key=TENANT_FIELD, match=models.MatchValue(value=org_id)),
            models.FieldCondition(key=KB_FIELD, match=kb_match),
            *extra,
        ]
    )


def organisation_filter(org_id: str) -> models.Filter:
    return models.Filter(
        must=[models.FieldCondition(key=TENANT_FIELD, match=models.MatchValue(value=org_id))]
    )


def source_filter(org_id: str, kb_id: str, source: str) -> models.Filter:
    return tenant_filter(org_id, kb_id, _equals("metadata.source", source))


def document_filter(org_id: str, kb_id: str, document_id: str) -> models.Filter:
    return tenant_filter(org_id, kb_id, _equals("metadata.document_id", document_id))


def _equals(key: str, value: str) -> models.FieldCondition:
    return models.FieldCondition(key=key, match=models.MatchValue(value=value))


def delete_points(client: QdrantClient, collection: str, query_filter: models.Filter) -> int:
    """Delete every point the filter matches; how many there were."""
    ids = point_ids(client, collection, query_filter)
    if ids:
        client.delete(collection, models.PointIdsList(points=list(ids)))
    return len(ids)


def adopt_untenanted_points(client: QdrantClient, collection: str, org_id: str, kb_id: str) -> int:
    """Points written before organisations existed join the given knowledge base."""
    untenanted = models.Filter(
        must=[models.IsEmptyCondition(is_empty=models.PayloadField(key=TENANT_FIELD))]
    )
    ids = point_ids(client, collection, untenanted)
    if ids:
        client.set_payload(
            collection, {TENANT_FIELD: org_id, KB_FIELD: kb_id}, points=list(ids), wait=True
        )
    return len(ids)


def scroll_points(
    client: QdrantClient,
    collection: str,
    *,
    scroll_filter: models.Filter | None = None,
    payload: bool | list[str] = False,
) -> Iterator[models.Record]:
    """Every point (optionally filtered), page by page, without vectors."""
    offset = None
    while True:
        points, offset = client.scroll(
            collection,
            scroll_filter=scroll_filter,
            limit=SCROLL_PAGE,
            offset=offset,
            with_payload=payload,
            with_vectors=False,
        )
        yield from points
        if offset is None:
            return


def point_ids(client: QdrantClient, collection: str, query_filter: models.Filter) -> set[str]:
    return {str(p.id) for p in scroll_points(client, collection, scroll_filter=query_filter)}


def ids_by_source(
    client: QdrantClient, collection: str, query_filter: models.Filter
) -> dict[str, set[str]]:
    """Every point id (of a knowledge base) grouped by source, in one pass."""
    found: dict[str, set[str]] = {}
    points = scroll_points(
        client, collection, scroll_filter=query_filter, payload=["metadata.source"]
    )
    for point in points:
        source = (point.payload or {}).get("metadata", {}).get("source", "")
        found.setdefault(source, set()).add(str(point.id))
    return found


@dataclass(frozen=True)
class DocumentSummary:
    document_id: str
    source: str
    title: str
    chunks: int


def list_documents(
    client: QdrantClient, collection: str, query_filter: models.Filter | None = None
) -> list[DocumentSummary]:
    counts: Counter[str] = Counter()
    info: dict[str, tuple[str, str]] = {}
    fields = ["metadata.source", "metadata.document_id", "metadata.title"]
    for point in scroll_points(client, collection, scroll_filter=query_filter, payload=fields):
        meta = (point.payload or {}).get("metadata", {})
        doc_id = meta.get("document_id", "")
        counts[doc_id] += 1
        info.setdefault(doc_id, (meta.get("source", ""), meta.get("title", "")))
    return sorted(
        (DocumentSummary(doc_id, *info[doc_id], chunks=n) for doc_id, n in counts.items()),
        key=lambda d: d.source,
    )


def embedded_folder_missing(client: QdrantClient) -> str | None:
    """For embedded Qdrant: an error message when its folder has gone from disk."""
    location = getattr(client._client, "location", None) if is_embedded(client) else None
    if isinstance(location, str) and location != ":memory:" and not Path(location).exists():
        return f"the embedded Qdrant folder {location} is missing: restore it or re-index"
    return None


def count_points(
    client: QdrantClient, collection: str, query_filter: models.Filter | None = None
) -> int:
    return client.count(collection, count_filter=query_filter, exact=True).count
