"""A knowledge base written by the English encoder (as every earlier release wrote it),
opened with the multilingual one: it keeps answering while its points are re-made in the
background, new documents are searchable at once, nothing is lost or brought back, and
afterwards questions in other languages find the old documents too."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qdrant_client import QdrantClient, models
from redis import Redis

from agents.retrieval import Retriever, SearchScope
from ingestion.ingest import Ingestor
from ingestion.reembed import Reembedder
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.encoders.models import MINILM_NAME
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.generations import IndexVersions
from knowledge.vectors.store import INDEX_FIELD, KnowledgeBaseError, count_points, ensure_collection

ORG, KB, COLLECTION = "org_a", "kb_a", "knowledge_base"
DOCS = {
    "retention.md": "# Retention\n\nConversations are kept for 24 hours after the last "
    "message, then deleted.",
    "keys.md": "# API keys\n\nEvery request carries its API key in the X-API-Key header.",
    "limits.md": "# Rate limits\n\nA client that sends too many requests gets status 429.",
    "backups.md": "# Backups\n\nThe database is copied to the backup server every night.",
}


def ingestor(client: QdrantClient, embeddings: LocalEmbeddings) -> Ingestor:
    return Ingestor(
        client=client, collection=COLLECTION, embeddings=embeddings,
        chunker=Chunker(chunk_size=1000, chunk_overlap=100),
    )  # fmt: skip


def documents(names: list[str]) -> list[LoadedDocument]:
    return [
        LoadedDocument(source=name, title=name, kind="markdown", text=DOCS[name]) for name in names
    ]


@pytest.fixture
def legacy_folder(tmp_path: Path) -> Path:
    """A folder as an earlier release left it: English encoder, no index version."""
    minilm = load_embeddings(MINILM_NAME, 32, "onnx")
    client = open_embedded(tmp_path / "qdrant")
    ensure_collection(client, COLLECTION, minilm.dimensions)
    ingestor(client, minilm).ingest_documents(
        documents(["retention.md", "keys.md", "limits.md"]), org_id=ORG, kb_id=KB
    )
    client.delete_payload(COLLECTION, [INDEX_FIELD], points=models.Filter())
    client.close()
    return tmp_path / "qdrant"


def search(retriever: Retriever, question: str) -> list[str]:
    scope = SearchScope(org_id=ORG, priorities={KB: 0}, mode="hybrid", k=2, score_threshold=0.1)
    return [p.source for p in retriever.search(question, scope)]


def test_the_old_vectors_answer_until_the_new_ones_are_made(
    legacy_folder: Path, embeddings: LocalEmbeddings, redis_url: str, key_prefix: str
) -> None:
    assert embeddings.name == "multilingual-e5-small"
    client = open_embedded(legacy_folder)
    versions = IndexVersions(
        client=client, collection=COLLECTION, embeddings=embeddings,
        load=lambda name: load_embeddings(name, 32, "onnx"), check_seconds=0,
    )  # fmt: skip
    transition = versions.transition()
    assert transition is not None and transition.previous is not None
    assert transition.previous.name == MINILM_NAME and versions.pending() == 3
    retriever = Retriever(
        client=client, collection=COLLECTION, embeddings=embeddings, candidates=20, rrf_k=1,
        weights=(1.0, 2.0), versions=versions,
    )  # fmt: skip
    # Before anything is re-made, the old points answer (the old encoder asks them).
    assert search(retriever, "How long are conversations kept?")[0] == "retention.md"
    # A document added now is written by the new encoder and found at once.
    writer = ingestor(client, embeddings)
    writer.ingest_documents(documents(["backups.md"]), org_id=ORG, kb_id=KB)
    assert search(retriever, "When is the database backed up?")[0] == "backups.md"
    # A document deleted before its turn to be re-made stays deleted.
    client.delete(
        COLLECTION,
        models.Filter(must=[models.FieldCondition(key="metadata.source",
                                                  match=models.MatchValue(value="limits.md"))]),
    )  # fmt: skip

    redis = Redis.from_url(redis_url)
    remaker = Reembedder(
        ingestor=writer, versions=versions, redis=redis, lock_key=f"{key_prefix}:reembed",
        page=1, idle_seconds=0.05,
    ).start()  # fmt: skip
    deadline = time.monotonic() + 60
    while versions.pending() and time.monotonic() < deadline:
        # Searches go on while points are re-made.
        assert "retention.md" in search(retriever, "How long are conversations kept?")
        time.sleep(0.05)
    remaker.stop()
    assert versions.pending() == 0 and remaker.remade == 2
    assert versions.transition() is None
    assert count_points(client, COLLECTION) == 3  # retention, keys, backups: none back
    assert redis.get(f"{key_prefix}:reembed") is None  # the lock given back when done
    # Now the old documents are found by questions in other languages.
    assert search(retriever, "¿Cuánto tiempo se guardan las conversaciones?")[0] == "retention.md"
    assert search(retriever, "Di header apa kunci API dikirim?")[0] == "keys.md"
    records, _ = client.scroll(COLLECTION, with_payload=True, limit=10)
    assert {r.payload[INDEX_FIELD] for r in records} == {"multilingual-e5-small+sparse2"}
    assert {r.payload["metadata"]["language"] for r in records} == {"en"}
    client.close()


def test_only_one_process_remakes_at_a_time(
    legacy_folder: Path, embeddings: LocalEmbeddings, redis_url: str, key_prefix: str
) -> None:
    client = open_embedded(legacy_folder)
    redis = Redis.from_url(redis_url)
    versions = IndexVersions(
        client=client, collection=COLLECTION, embeddings=embeddings,
        load=lambda name: load_embeddings(name, 32, "onnx"),
    )  # fmt: skip
    first, second = (
        Reembedder(ingestor=ingestor(client, embeddings), versions=versions, redis=redis,
                   lock_key=f"{key_prefix}:reembed")
        for _ in range(2)
    )  # fmt: skip
    assert first._hold_lock() and not second._hold_lock()
    assert first._hold_lock()  # renewed by its holder
    assert first.run_until_done() == 3 and versions.pending() == 0
    client.close()


def test_an_encoder_of_another_size_is_refused_with_what_to_do(tmp_path: Path) -> None:
    client = open_embedded(tmp_path / "qdrant")
    ensure_collection(client, COLLECTION, 768)
    with pytest.raises(KnowledgeBaseError, match="768-dimensional vectors .* makes 384"):
        ensure_collection(client, COLLECTION, 384)
    client.close()
