"""A knowledge base holding the question's language and others, whose passages read for a
question are all in another language: the decision takes the stricter mixed-scope
threshold there, and only there (a knowledge base wholly in another language keeps the
threshold fitted across languages)."""

from __future__ import annotations

from qdrant_client import QdrantClient

from agents.answer import ExtractiveAnswerer
from agents.answerability import Answerability
from agents.retrieval import Passage, Retriever, SearchScope
from config import Settings
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.store import ensure_collection
from tests.api.test_answerability import LEAVE, MAINTENANCE, SHARING_WORDS

ORG, KB = "org-mixed", "kb-mixed"
TRAVEL = (
    "Business travel is booked through the travel desk. Hotel costs are reimbursed up to "
    "150 euros a night in Europe. Receipts are submitted within thirty days of the trip."
)
ENGLISH = {
    "Leave": LEAVE,
    "Travel": TRAVEL,
    "Laptops": "Every employee receives a laptop on their first day, replaced every four years.",
    "Badges": "Visitors wear a badge at all times and are met at reception by their host.",
    "Canteen": "The canteen serves lunch from noon to two, with a vegetarian dish every day.",
    "Training": "Each employee may spend five days a year on training of their choice.",
    "Payroll": "Salaries are paid on the last working day of each month by bank transfer.",
    "Security": "Passwords are changed every ninety days and are never shared with anyone.",
}
# Enough passages in each language to measure its background (eight): fewer, and a scope
# is not taken for mixed (a few passages detected in a language do not make one).
SPANISH = {
    "Bomba": MAINTENANCE,
    **SHARING_WORDS,
    "Biblioteca": "La biblioteca de la planta presta libros técnicos durante dos semanas.",
    "Correo": "El correo interno se reparte dos veces al día, a las diez y a las tres.",
}
QUESTION = "¿Cuánto se reembolsa por una noche de hotel en Europa?"


def search(
    client: QdrantClient,
    embeddings: LocalEmbeddings,
    name: str,
    documents: dict[str, str],
    question: str = QUESTION,
) -> list[Passage]:
    ensure_collection(client, name, embeddings.dimensions)
    loaded = [LoadedDocument(source=t, title=t, kind="text", text=x) for t, x in documents.items()]
    Ingestor(
        client=client,
        collection=name,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200),
    ).ingest_documents(loaded, org_id=ORG, kb_id=KB)
    return retriever(client, embeddings, name).search(question, scope(ORG, KB))


def retriever(client: QdrantClient, embeddings: LocalEmbeddings, name: str) -> Retriever:
    """The service's hybrid retriever over collection `name`, as configured by default."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return Retriever(
        client=client, collection=name, embeddings=embeddings,
        candidates=settings.retrieval_candidates, rrf_k=settings.retrieval_rrf_k,
        weights=settings.hybrid_weights,
    )  # fmt: skip


def scope(org: str, kb: str) -> SearchScope:
    return SearchScope(org, {kb: 0}, "hybrid", 4, 0.0)


def answerer(embeddings: LocalEmbeddings, model: Answerability | None = None) -> ExtractiveAnswerer:
    """The offline answerer with the fitted decision; "-" when it declines."""
    return ExtractiveAnswerer(
        embeddings, threshold=0.3, max_sentences=2, not_found_message="-",
        answerability=model or Answerability.load(),
    )  # fmt: skip


def threshold(embeddings: LocalEmbeddings, passages: list[Passage]) -> float:
    """The threshold the decision held the answer's reading to."""
    answer = answerer(embeddings).answer(QUESTION, passages)
    assert answer.found and "150 euros" in answer.text, answer.text  # answered either way
    assert answer.evidence is not None and answer.evidence["same_language"] == 0.0
    return answer.evidence["threshold"]


def test_passages_all_in_another_language_of_a_scope_holding_both_are_held_higher(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    model = Answerability.load()
    assert model.dense.mixed_scope_threshold is not None
    assert model.dense.mixed_scope_threshold > model.dense.threshold

    both = search(client, embeddings, "both", {**ENGLISH, **SPANISH})
    assert both and all(p.mixed_scope for p in both)
    # the same search as if only the English passages had come back
    english_only = [p for p in both if p.title in ENGLISH]
    assert threshold(embeddings, english_only) == model.dense.mixed_scope_threshold

    # a knowledge base wholly in English asked in Spanish: the threshold across languages
    # for a scope of its size (eight pages; docs/answers.md)
    alone = search(client, embeddings, "english", ENGLISH)
    assert alone and not any(p.mixed_scope for p in alone) and all(p.few_passages for p in alone)
    assert threshold(embeddings, alone) == dict(model.dense.small_scope_thresholds)["few_passages"]
    # passages of both kinds read: the mixed threshold, as before
    assert {p.title for p in both} - set(ENGLISH), [p.title for p in both]
    assert threshold(embeddings, both) == model.dense.mixed_threshold


def test_a_scope_in_the_questions_language_alone_is_not_mixed(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    spanish = search(client, embeddings, "spanish", {**SPANISH, "Viajes": (
        "Los hoteles se reembolsan hasta 150 euros por noche en Europa."
    )})  # fmt: skip
    assert spanish and not any(p.mixed_scope for p in spanish)


def test_a_few_passages_of_a_language_do_not_make_a_scope_mixed(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    """A Spanish knowledge base with two English documents (or two passages detected
    as English) is read as one in Spanish."""
    few = {"Leave": LEAVE, "Travel": TRAVEL}
    passages = search(client, embeddings, "few", {**SPANISH, **few})
    assert passages and not any(p.mixed_scope for p in passages)
    few = {"Bomba": MAINTENANCE, "Aparcamiento": SHARING_WORDS["Aparcamiento"]}
    passages = search(client, embeddings, "few-es", {**ENGLISH, **few})
    assert passages and not any(p.mixed_scope for p in passages)
