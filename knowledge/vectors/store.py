"""The Qdrant collection and its points, on any client (embedded or server): a dense and a
sparse vector per chunk, tenant filters, paging, copying. Opening a client is
knowledge.vectors.clients' job."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient, models

TENANT_FIELD = "org_id"
KB_FIELD = "kb_id"
DENSE_VECTOR = "dense"
SPARSE_VECTOR = "sparse"
SENTENCES_VECTOR = "sentences"
SPLIT_FIELD = "sentence_split"  # the splitter version the sentence vectors were made by
# ... and a digest of the very sentences (with their headings) they were made of: a
# change of the splitter that keeps a chunk's count of sentences is told by it.
DIGEST_FIELD = "sentence_digest"
# Which encoder and keyword tokens made a point's vectors (ingestion.reembed re-makes the
# others); points written before it existed have none.
INDEX_FIELD = "index_version"
LANGUAGE_FIELD = "metadata.language"  # a chunk's language (ISO 639-1), detected at ingestion
SCROLL_PAGE = 1000


class KnowledgeBaseError(RuntimeError):
    """The knowledge base cannot serve the request."""


class KnowledgeBaseUnavailable(KnowledgeBaseError):
    """Qdrant cannot be reached or opened."""


def with_embedded(embedded: Any) -> QdrantClient:
    """A QdrantClient whose calls go to `embedded` (an Edge folder, or the host's)."""
    client = QdrantClient(location=":memory:")
    client._client.close()
    client._client = embedded
    return client


def ensure_collection(client: QdrantClient, name: str, dimensions: int) -> bool:
    """Create the collection if missing, and its payload indexes (an existing collection
    may predate some); True when it was created here."""
    if client.collection_exists(name):
        _check_existing(client, name, dimensions)
        return False
    try:
        _create_collection(client, name, dimensions)
    except Exception:
        # Workers starting together on a fresh store all find it missing; the ones that
        # lose the race find it there now (local mode raises ValueError, a server 409).
        if not client.collection_exists(name):
            raise
        _check_existing(client, name, dimensions)
        return False
    ensure_indexes(client, name)
    return True


def _check_existing(client: QdrantClient, name: str, dimensions: int) -> None:
    vectors = client.get_collection(name).config.params.vectors
    size = vectors[DENSE_VECTOR].size if isinstance(vectors, dict) else None
    if size is not None and size != dimensions:
        raise KnowledgeBaseError(
            f"the collection {name!r} holds {size}-dimensional vectors and the configured "
            f"encoder makes {dimensions}: re-embedding in place needs the same size. Set "
            "COLLECTION_NAME to a new collection and ingest the documents again, or go "
            "back to the earlier EMBEDDING_MODEL"
        )
    ensure_indexes(client, name)


def _create_collection(client: QdrantClient, name: str, dimensions: int) -> None:
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


def index_version(encoder: str) -> str:
    """The INDEX_FIELD value of points made now by `encoder`."""
    from knowledge.encoders.sparse import VERSION

    return f"{encoder}+sparse{VERSION}"


def ensure_indexes(client: QdrantClient, name: str) -> None:
    """Payload indexes (idempotent): `org_id` as the tenant key, so each organisation's
    points are stored together, and the fields filters use."""
    client.create_payload_index(
        name,
        TENANT_FIELD,
        models.KeywordIndexParams(type=models.KeywordIndexType.KEYWORD, is_tenant=True),
    )
    fields = (KB_FIELD, "metadata.source", "metadata.document_id", LANGUAGE_FIELD, INDEX_FIELD)
    for field in fields:
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


def in_language(language: str) -> models.Filter:
    """Chunks in `language`, and those of unknown language (from before it was kept)."""
    return models.Filter(
        should=[
            models.FieldCondition(key=LANGUAGE_FIELD, match=models.MatchValue(value=language)),
            models.IsEmptyCondition(is_empty=models.PayloadField(key=LANGUAGE_FIELD)),
        ]
    )


def not_in_language(language: str) -> models.Filter:
    """Chunks known to be in another language than `language`."""
    return models.Filter(must_not=[in_language(language)])


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
    for page in scroll_pages(client, collection, scroll_filter=scroll_filter, payload=payload):
        yield from page


def scroll_pages(
    client: QdrantClient,
    collection: str,
    *,
    scroll_filter: models.Filter | None = None,
    payload: bool | list[str] = False,
    vectors: bool = False,
    size: int = SCROLL_PAGE,
) -> Iterator[list[models.Record]]:
    """Every point (optionally filtered), a page of `size` at a time."""
    offset = None
    while True:
        points, offset = client.scroll(
            collection,
            scroll_filter=scroll_filter,
            limit=size,
            offset=offset,
            with_payload=payload,
            with_vectors=vectors,
        )
        if points:
            yield points
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


def copy_collection(
    source: QdrantClient,
    target: QdrantClient,
    collection: str,
    *,
    batch: int = 256,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Every point of `collection` (ids, vectors, payloads) upserted into `target`, made
    with the same vectors and payload indexes if missing; safe to run again (points are
    upserted by id). How many points the target then holds."""
    params = source.get_collection(collection).config.params
    if not target.collection_exists(collection):
        target.create_collection(
            collection_name=collection,
            vectors_config=params.vectors,
            sparse_vectors_config=params.sparse_vectors,
        )
    ensure_indexes(target, collection)
    copied = 0
    for page in scroll_pages(source, collection, payload=True, vectors=True, size=batch):
        target.upsert(
            collection,
            [models.PointStruct(id=p.id, vector=p.vector or {}, payload=p.payload) for p in page],
            wait=True,
        )
        copied += len(page)
        if progress is not None:
            progress(copied)
    return count_points(target, collection)
