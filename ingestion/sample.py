"""The bundled sample knowledge base, indexed into an embedded Qdrant folder: what the
tests and benchmarks start from (the service itself indexes it through `kb init`)."""

from __future__ import annotations

from pathlib import Path

from qdrant_client import QdrantClient

from config import PROJECT_ROOT
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection

SAMPLE_KB = PROJECT_ROOT / "knowledge_base"
# Where `make run` puts it: the default organisation's default knowledge base.
SAMPLE_ORG_ID, SAMPLE_KB_ID = "org_default", "kb_default"


def index_sample_kb(path: Path, embeddings: LocalEmbeddings, collection: str) -> None:
    """Index the bundled knowledge base into an embedded Qdrant folder, then close it."""
    client = open_embedded(path)
    try:
        ingest_sample_kb(client, embeddings, collection)
    finally:
        client.close()


def ingest_sample_kb(client: QdrantClient, embeddings: LocalEmbeddings, collection: str) -> None:
    """The bundled knowledge base into `collection` of any Qdrant client."""
    ensure_collection(client, collection, embeddings.dimensions)
    Ingestor(
        client=client,
        collection=collection,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=1000, chunk_overlap=150),
    ).ingest_paths([SAMPLE_KB], org_id=SAMPLE_ORG_ID, kb_id=SAMPLE_KB_ID)
