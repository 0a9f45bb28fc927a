"""An OpenAI-compatible embeddings API in place of the local encoder (a local stub
server stands in for the hosted model): documents are embedded and found through it,
and a bad address or key stops the start with a message that never holds the key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agents.retrieval import Retriever, SearchScope
from composition import open_embeddings
from config import Settings
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.models import EmbeddingModelError
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
from stubs.llm import EMBEDDING_SIZE, LLMStub


@pytest.fixture
def stub() -> Iterator[LLMStub]:
    server = LLMStub().start()
    yield server
    server.stop()


def test_documents_are_embedded_and_found_through_the_api(
    stub: LLMStub, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings(
        embedding_base_url=f"{stub.url}/v1", embedding_api_key="sk-test",
        embedding_model="text-embedding-stub",
    )  # fmt: skip
    embeddings = open_embeddings(settings)
    assert embeddings.name == "text-embedding-stub" and embeddings.dimensions == EMBEDDING_SIZE
    client = open_embedded(tmp_path / "qdrant")
    ensure_collection(client, "kb", embeddings.dimensions)
    Ingestor(
        client=client, collection="kb", embeddings=embeddings,
        chunker=Chunker(chunk_size=500, chunk_overlap=50),
    ).ingest_documents(
        [LoadedDocument(source="tea.md", title="Tea", kind="markdown",
                        text="Green tea is steeped at 80 degrees for two minutes."),
         LoadedDocument(source="bikes.md", title="Bikes", kind="markdown",
                        text="Bicycle tyres are pumped to four bar every week.")],
        org_id="o", kb_id="k",
    )  # fmt: skip
    retriever = Retriever(client=client, collection="kb", embeddings=embeddings,
                          candidates=10, rrf_k=1, weights=(1.0, 2.0))  # fmt: skip
    scope = SearchScope(org_id="o", priorities={"k": 0}, mode="dense", k=1, score_threshold=0.1)
    assert [p.source for p in retriever.search("how long is green tea steeped", scope)] == [
        "tea.md"
    ]
    asked = [r for r in stub.requests if "input" in r]
    assert asked and all(r["model"] == "text-embedding-stub" for r in asked)
    client.close()


def test_a_refused_key_stops_the_start_without_showing_it(
    stub: LLMStub, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(
        embedding_base_url=f"{stub.url}/v1", embedding_api_key="sk-wrong-secret",
        embedding_model="text-embedding-other",
    )  # fmt: skip
    with pytest.raises(EmbeddingModelError) as caught:
        open_embeddings(settings)
    assert "embeddings API failed" in str(caught.value)
    assert "sk-wrong-secret" not in str(caught.value)
