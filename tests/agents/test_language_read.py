"""Which language answers, in a knowledge base of several: a Spanish question whose
answer a Spanish page holds was answered from an English page about another kind of
membership, or declined, because the English sentence, lifted to the Spanish level,
came out 0.002 above the Spanish one: the lift comes from backgrounds measured over a few
passages (the Spanish ones were all the gym's own guide), and int8 passage vectors move
a cosine by about that much with their batch. A near tie goes to the question's language."""

from __future__ import annotations

from qdrant_client import QdrantClient

from agents.answer import ExtractiveAnswerer
from agents.answerability import Answerability
from config import Settings
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import load_bytes
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.store import ensure_collection
from tests.agents.test_mixed_scope import retriever, scope
from tests.api.test_hand_written_documents import CARD, CHECKLIST, FAQ, GUIDE, PHARMACY, SPEC, TERMS

PAGES = {
    "Gimnasio Olímpico Norte: guía del socio": GUIDE,
    "Membership terms": TERMS,
    "Dental FAQ": FAQ,
    "Impresora": SPEC,
    "Perpustakaan": CHECKLIST,
    "Pharmacy FAQ": PHARMACY,
    "Academia Sol": CARD,
}


def test_a_question_is_answered_in_its_language_when_that_page_holds_the_answer(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    question = "¿Cuánto cuesta la cuota mensual?"
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    ensure_collection(client, "languages", embeddings.dimensions)
    documents = [  # as uploaded: Markdown files, the service's chunk size
        load_bytes(text.encode(), f"page-{n}.md", title=title)
        for n, (title, text) in enumerate(PAGES.items())
    ]
    Ingestor(
        client=client, collection="languages", embeddings=embeddings,
        chunker=Chunker(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap),
    ).ingest_documents(documents, org_id="org-languages", kb_id="kb-languages")  # fmt: skip
    passages = retriever(client, embeddings, "languages").search(
        question, scope("org-languages", "kb-languages")
    )
    assert passages and passages[0].title.startswith("Gimnasio")
    answer = ExtractiveAnswerer(
        embeddings, threshold=0.3, max_sentences=2, not_found_message="-",
        answerability=Answerability.load(),
    ).answer(question, passages)  # fmt: skip
    assert answer.found and "39 euros" in answer.text, answer.text
    assert "pounds" not in answer.text
