"""The in-process index of embedded Qdrant: the same rankings as Qdrant's own query, kept
in step with every write, one organisation never seeing another's chunks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from qdrant_client import QdrantClient, models

from agents.retrieval import Retriever, SearchScope
from knowledge.chunking import Chunker
from knowledge.embeddings import LocalEmbeddings
from knowledge.ingest import Ingestor
from knowledge.loaders import LoadedDocument
from knowledge.sample import SAMPLE_KB, SAMPLE_KB_ID, SAMPLE_ORG_ID
from knowledge.store import (
    adopt_untenanted_points,
    delete_points,
    ensure_collection,
    open_embedded,
    source_filter,
    tenant_filter,
)
from knowledge.vector_index import IndexHits, rrf

COLLECTION = "kb"
QUESTIONS = [
    "How do I start the service?",
    "Which language models can I use?",
    "What is the rate limit of an API key?",
    "How are conversations stored in Redis?",
    "Can I run several workers behind a load balancer?",
    "What is the weather in Paris tomorrow?",
    "the and of",  # only stopwords: no sparse terms at all
]


@pytest.fixture(scope="module")
def indexed(
    tmp_path_factory: pytest.TempPathFactory, embeddings: LocalEmbeddings
) -> Iterator[QdrantClient]:
    client = open_embedded(tmp_path_factory.mktemp("indexed"), indexed_collection=COLLECTION)
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    ingestor(client, embeddings).ingest_paths([SAMPLE_KB], org_id=SAMPLE_ORG_ID, kb_id=SAMPLE_KB_ID)
    yield client
    client.close()


def ingestor(client: QdrantClient, embeddings: LocalEmbeddings) -> Ingestor:
    return Ingestor(
        client=client,
        collection=COLLECTION,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=1000, chunk_overlap=150),
    )


def retriever(client: QdrantClient, embeddings: LocalEmbeddings) -> Retriever:
    return Retriever(
        client=client,
        collection=COLLECTION,
        embeddings=embeddings,
        candidates=30,
        rrf_k=1,
        weights=(1.0, 2.0),
    )


def scope(mode: str = "hybrid", org_id: str = SAMPLE_ORG_ID, kb_id: str = SAMPLE_KB_ID):
    return SearchScope(org_id, {kb_id: 0}, mode, 4, 0.25)


def qdrant_ranking(r: Retriever, question: str, mode: str, org_id: str, kb_id: str):
    """What Qdrant itself answers for the same search (the path a server takes)."""
    dense = r.embeddings.embed_query(question) if mode != "sparse" else None
    terms = r.sparse.embed_query(question)
    sparse = (
        models.SparseVector(indices=terms.indices, values=terms.values) if mode != "dense" else None
    )
    return r._ask_qdrant(tenant_filter(org_id, [kb_id]), dense, sparse, 30)


def same_ranking(ours, theirs) -> None:
    assert len(ours.ids) == len(theirs.ids)
    assert ours.scores == pytest.approx(theirs.scores, abs=1e-4)
    # Equal scores may come in either order; every other position must agree.
    for position, (a, b) in enumerate(zip(ours.ids, theirs.ids, strict=True)):
        if a != b:
            tied = [
                i for i, s in enumerate(theirs.scores) if abs(s - theirs.scores[position]) < 1e-4
            ]
            assert a in {theirs.ids[i] for i in tied}, (position, a, b)


@pytest.mark.parametrize("mode", ["dense", "sparse"])
def test_rankings_match_qdrants_own_query(
    indexed: QdrantClient, embeddings: LocalEmbeddings, mode: str
) -> None:
    r = retriever(indexed, embeddings)
    for question in QUESTIONS:
        ours = r.ranked(question, scope(mode), limit=30)
        theirs = qdrant_ranking(r, question, mode, SAMPLE_ORG_ID, SAMPLE_KB_ID)
        same_ranking(ours, theirs)
        if mode == "dense":
            assert ours.best_dense == pytest.approx(theirs.best_dense, abs=1e-5)


def test_fusion_is_qdrants_weighted_rrf(indexed: QdrantClient, embeddings: LocalEmbeddings) -> None:
    """Fed Qdrant's own dense and sparse rankings, the index's fusion gives Qdrant's
    fused ranking (equal single-mode scores may come in either order, which moves fused
    scores, so fusion is checked on the same inputs)."""
    r = retriever(indexed, embeddings)
    for question in QUESTIONS:
        lists = [
            qdrant_ranking(r, question, mode, SAMPLE_ORG_ID, SAMPLE_KB_ID)
            for mode in ("dense", "sparse")
        ]
        fused = rrf(
            [(np.array(h.ids, dtype=object), np.array(h.scores)) for h in lists],
            limit=30,
            k=1,
            weights=(1.0, 2.0),
        )
        theirs = qdrant_ranking(r, question, "hybrid", SAMPLE_ORG_ID, SAMPLE_KB_ID)
        assert [s for _, s in fused] == pytest.approx(theirs.scores, abs=1e-9)
        same_ranking(IndexHits([i for i, _ in fused], [s for _, s in fused], None), theirs)
        assert r.ranked(question, scope(), limit=30).best_dense == pytest.approx(
            theirs.best_dense, abs=1e-5
        )


def test_writes_are_searchable_at_once_and_stay_in_their_organisation(
    indexed: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    r = retriever(indexed, embeddings)
    question = "What colour is the zebra-striped llama of Quito?"
    text = "# Llamas\n\nThe zebra-striped llama of Quito is purple with green stripes. " * 3
    document = LoadedDocument(source="llamas.md", title="Llamas", kind="markdown", text=text)
    ingestor(indexed, embeddings).ingest_documents([document], org_id="org_b", kb_id="kb_b")

    found = r.search(question, scope(org_id="org_b", kb_id="kb_b"))
    assert found and found[0].source == "llamas.md"
    assert all(p.source != "llamas.md" for p in r.search(question, scope()))
    assert r.search(question, scope(org_id="org_b", kb_id=SAMPLE_KB_ID)) == []  # not its KB

    # Moved to another organisation by a payload update (what adopting old points does).
    ids = [
        str(p.id)
        for p in indexed.scroll(COLLECTION, source_filter("org_b", "kb_b", "llamas.md"))[0]
    ]
    indexed.set_payload(COLLECTION, {"org_id": None, "kb_id": None}, points=ids, wait=True)
    assert r.search(question, scope(org_id="org_b", kb_id="kb_b")) == []
    adopt_untenanted_points(indexed, COLLECTION, "org_c", "kb_c")
    assert r.search(question, scope(org_id="org_c", kb_id="kb_c"))[0].source == "llamas.md"

    # Deleted by id, then by a filter (which has the index read the collection again).
    delete_points(indexed, COLLECTION, source_filter("org_c", "kb_c", "llamas.md"))
    assert r.search(question, scope(org_id="org_c", kb_id="kb_c")) == []
    ingestor(indexed, embeddings).ingest_documents([document], org_id="org_b", kb_id="kb_b")
    assert r.search(question, scope(org_id="org_b", kb_id="kb_b"))
    indexed.delete(COLLECTION, models.FilterSelector(filter=tenant_filter("org_b", "kb_b")))
    assert r.search(question, scope(org_id="org_b", kb_id="kb_b")) == []
    for question in QUESTIONS[:3]:  # the sample knowledge base is unharmed
        same_ranking(
            r.ranked(question, scope("sparse"), limit=30),
            qdrant_ranking(r, question, "sparse", SAMPLE_ORG_ID, SAMPLE_KB_ID),
        )


def test_an_index_reopened_on_the_folder_reads_it_back(
    tmp_path: Path, embeddings: LocalEmbeddings
) -> None:
    client = open_embedded(tmp_path, indexed_collection=COLLECTION)
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    ingestor(client, embeddings).ingest_paths([SAMPLE_KB], org_id="org_a", kb_id="kb_a")
    client.close()
    reopened = open_embedded(tmp_path, indexed_collection=COLLECTION)
    try:
        found = retriever(reopened, embeddings).search(
            QUESTIONS[2], scope(org_id="org_a", kb_id="kb_a")
        )
        assert found and found[0].score > 0
    finally:
        reopened.close()


def test_a_turn_embeds_only_the_question(
    indexed: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    """Sentence vectors are stored at ingestion and read back with the passages: the
    answerer quotes the same sentences as when it embedded them itself."""
    from agents.answer import ExtractiveAnswerer

    answerer = ExtractiveAnswerer(
        embeddings, threshold=0.3, max_sentences=2, not_found_message="not found"
    )
    fresh = LocalEmbeddings(embeddings.model_path)  # an empty cache: embeds every sentence
    reference = ExtractiveAnswerer(fresh, threshold=0.3, max_sentences=2, not_found_message="-")
    r = retriever(indexed, embeddings)
    encoded: list[str] = []
    original = embeddings.encode

    def counting(texts: list[str]):
        encoded.extend(texts)
        return original(texts)

    embeddings.encode = counting  # type: ignore[method-assign]
    try:
        for n, question in enumerate(QUESTIONS[:4]):
            asked = f"{question} (asked {n} in test_a_turn_embeds_only_the_question)"
            encoded.clear()
            passages = r.search(asked, scope())
            answer = answerer.answer(asked, passages)
            assert encoded == [asked]
            assert answer.text == reference.answer(asked, passages).text
    finally:
        del embeddings.encode


def test_without_sentence_vectors_answers_embed_their_sentences(
    tmp_path: Path, embeddings: LocalEmbeddings
) -> None:
    """SENTENCE_VECTORS=false: ingestion embeds one text per chunk; answers still quote."""
    from agents.answer import ExtractiveAnswerer

    client = open_embedded(tmp_path, indexed_collection=COLLECTION)
    try:
        ensure_collection(client, COLLECTION, embeddings.dimensions)
        plain = Ingestor(
            client=client, collection=COLLECTION, embeddings=embeddings,
            chunker=Chunker(chunk_size=1000, chunk_overlap=150), sentence_vectors=False,
        )  # fmt: skip
        report = plain.ingest_paths([SAMPLE_KB], org_id="org_a", kb_id="kb_a")
        stored = client.scroll(COLLECTION, limit=5, with_vectors=True)[0]
        assert report.embedded > 0 and all("sentences" not in p.vector for p in stored)
        question = "How long are conversations kept? (without sentence vectors)"
        passages = retriever(client, embeddings).search(
            question, scope(org_id="org_a", kb_id="kb_a")
        )
        answerer = ExtractiveAnswerer(
            embeddings, threshold=0.3, max_sentences=2, not_found_message="-"
        )
        assert answerer.answer(question, passages).found
    finally:
        client.close()


def test_a_higher_priority_knowledge_base_wins_a_tie(
    indexed: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    text = "# Parking\n\nVisitors park in bay C behind the library from 8 am to 6 pm."
    for kb_id, source in (("kb_hi", "hi.md"), ("kb_lo", "lo.md")):
        document = LoadedDocument(source=source, title="Parking", kind="markdown", text=text)
        ingestor(indexed, embeddings).ingest_documents([document], org_id="org_p", kb_id=kb_id)
    r = retriever(indexed, embeddings)
    question = "Where do visitors park?"
    for favoured, source in (("kb_hi", "hi.md"), ("kb_lo", "lo.md")):
        priorities = {"kb_hi": 0, "kb_lo": 0, favoured: 2}
        found = r.search(question, SearchScope("org_p", priorities, "dense", 2, 0.25))
        assert [p.source for p in found][:1] == [source]
        assert {p.source for p in found} == {"hi.md", "lo.md"}
