"""The sentence vectors stored with a chunk at ingestion are the answerer's only when they
were made of the sentences the splitter reads in it today. A splitter change that kept a
chunk's count of sentences (four short list items read as one sentence where one of them
was one) put one sentence's vector on another: a digest of the sentences tells them apart."""

from __future__ import annotations

from qdrant_client import QdrantClient, models

from agents.answer import ExtractiveAnswerer
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.store import DIGEST_FIELD, SENTENCES_VECTOR, ensure_collection
from tests.agents.test_mixed_scope import retriever, scope

ORG, KB = "org-digest", "kb-digest"
TEXT = (
    "The gym opens at six in the morning on weekdays. Towels are rented at the front desk "
    "for two euros. Lockers are closed with a padlock you bring yourself."
)


def answer_after_tampering(
    client: QdrantClient, embeddings: LocalEmbeddings, title: str, *, stale: bool
) -> str:
    """The answer to a towel question once the chunk's stored sentence vectors are moved
    one sentence along (as a changed split would misplace them), its digest marked stale
    or left as stored."""
    name = title.lower().replace(" ", "-")
    ensure_collection(client, name, embeddings.dimensions)
    document = LoadedDocument(source=title, title=title, kind="text", text=TEXT)
    Ingestor(
        client=client, collection=name, embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200),
    ).ingest_documents([document], org_id=ORG, kb_id=KB)  # fmt: skip
    (point,), _ = client.scroll(name, limit=1, with_vectors=[SENTENCES_VECTOR])
    stored = point.vector[SENTENCES_VECTOR]
    assert len(stored) == 3 and point.payload[DIGEST_FIELD]
    moved = stored[1:] + stored[:1]
    client.update_vectors(
        name, [models.PointVectors(id=point.id, vector={SENTENCES_VECTOR: moved})]
    )
    if stale:
        client.set_payload(name, {DIGEST_FIELD: "made-by-another-split"}, points=[point.id])
    question = "How much does it cost to rent a towel?"
    passages = retriever(client, embeddings, name).search(question, scope(ORG, KB))
    answerer = ExtractiveAnswerer(embeddings, threshold=0.3, max_sentences=1, not_found_message="-")
    return answerer.answer(question, passages).text


def test_sentence_vectors_of_another_split_are_not_used(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    # Stored vectors are used when their digest matches: moved, they misplace the quote.
    kept = answer_after_tampering(client, embeddings, "North gym", stale=False)
    assert "Towels are rented" not in kept, kept
    # Made of other sentences: the answerer embeds the sentences anew and quotes right.
    fresh = answer_after_tampering(client, embeddings, "South gym", stale=True)
    assert fresh.startswith("Towels are rented at the front desk for two euros."), fresh
