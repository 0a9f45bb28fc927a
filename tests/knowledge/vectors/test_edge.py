"""Embedded Qdrant on Qdrant Edge: the rankings Qdrant's reference implementation gives,
filters and writes as the service makes them, folders of the previous release moved
over with nothing lost, and optimisation while searches go on."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from qdrant_client import QdrantClient, models

from agents.retrieval import Retriever, SearchScope
from ingestion.sample import SAMPLE_KB_ID, SAMPLE_ORG_ID, ingest_sample_kb
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.edge_optimize import LOCAL_MODE_BACKUP
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import (
    DENSE_VECTOR,
    KB_FIELD,
    SPARSE_VECTOR,
    TENANT_FIELD,
    KnowledgeBaseUnavailable,
    copy_collection,
    count_points,
    delete_points,
    ensure_collection,
    has_sentence_vectors,
    list_documents,
    source_filter,
    tenant_filter,
)

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


def ingest_sample(client: QdrantClient, embeddings: LocalEmbeddings) -> None:
    ingest_sample_kb(client, embeddings, COLLECTION)


@pytest.fixture(scope="module")
def pair(
    tmp_path_factory: pytest.TempPathFactory, embeddings: LocalEmbeddings
) -> Iterator[tuple[QdrantClient, QdrantClient]]:
    """The sample knowledge base in Edge, and the same points in qdrant-client's local
    mode (Qdrant's reference implementation in Python, which the previous release ran)."""
    edge = open_embedded(tmp_path_factory.mktemp("edge"))
    ingest_sample(edge, embeddings)
    reference = QdrantClient(path=str(tmp_path_factory.mktemp("reference")))
    ensure_collection(reference, COLLECTION, embeddings.dimensions)
    points, offset = [], None
    while True:
        page, offset = edge.scroll(
            COLLECTION, limit=256, offset=offset, with_payload=True, with_vectors=True
        )
        points += page
        if offset is None:
            break
    reference.upsert(
        COLLECTION,
        [models.PointStruct(id=p.id, vector=p.vector, payload=p.payload) for p in points],
    )
    yield edge, reference
    edge.close()
    reference.close()


def retriever(client: QdrantClient, embeddings: LocalEmbeddings, k: int = 1) -> Retriever:
    return Retriever(
        client=client, collection=COLLECTION, embeddings=embeddings,
        candidates=30, rrf_k=k, weights=(1.0, 2.0),
    )  # fmt: skip


def scope(mode: str = "hybrid", org_id: str = SAMPLE_ORG_ID) -> SearchScope:
    return SearchScope(org_id, {SAMPLE_KB_ID: 0}, mode, 4, 0.25)


@pytest.mark.parametrize("mode", ["dense", "sparse", "hybrid"])
def test_rankings_are_qdrants(
    pair: tuple[QdrantClient, QdrantClient], embeddings: LocalEmbeddings, mode: str
) -> None:
    edge, reference = pair
    ours, theirs = retriever(edge, embeddings), retriever(reference, embeddings)
    same_top5 = 0
    for question in QUESTIONS:
        got = ours.ranked(question, scope(mode), limit=30)
        want = theirs.ranked(question, scope(mode), limit=30)
        assert len(got.ids) == len(want.ids)
        if mode == "dense":
            assert got.best_dense == pytest.approx(want.best_dense, abs=1e-4)
            assert got.scores == pytest.approx(want.scores, abs=1e-4)
        if mode == "sparse":  # the same IDF formula over the same points
            assert got.scores == pytest.approx(want.scores, rel=1e-4)
        same_top5 += set(got.ids[:5]) == set(want.ids[:5])
    assert same_top5 >= len(QUESTIONS) - 1  # a tie at the fifth place may fall either way


def test_a_search_brings_the_passages_and_stays_in_its_organisation(
    pair: tuple[QdrantClient, QdrantClient], embeddings: LocalEmbeddings
) -> None:
    edge, _ = pair
    r = retriever(edge, embeddings)
    passages = r.search("How long are conversations kept?", scope())
    assert passages and "conversation" in passages[0].text.lower()
    assert r.search("How long are conversations kept?", scope(org_id="org-other")) == []


def point(n: int, *, org: str = "org-a", source: str = "a.md") -> models.PointStruct:
    dense = [0.0] * 8
    dense[n % 8] = 1.0
    dense[(n + 1) % 8] = 0.5
    return models.PointStruct(
        id=n,
        vector={DENSE_VECTOR: dense, SPARSE_VECTOR: models.SparseVector(indices=[n], values=[1.0])},
        payload={TENANT_FIELD: org, KB_FIELD: "kb-1",
                 "metadata": {"source": source, "document_id": source, "title": source}},
    )  # fmt: skip


def nearest(client: QdrantClient, n: int, org: str = "org-a") -> list:
    found = client.query_points(
        COLLECTION, query=point(n).vector[DENSE_VECTOR], using=DENSE_VECTOR,
        query_filter=tenant_filter(org, ["kb-1"]), limit=3,
    )  # fmt: skip
    return [p.id for p in found.points]


def test_writes_filters_and_reopening(tmp_path: Path) -> None:
    client = open_embedded(tmp_path)
    ensure_collection(client, COLLECTION, 8)
    client.upsert(COLLECTION, [point(1), point(2, source="b.md"), point(3, org="org-b")])
    assert nearest(client, 1)[0] == 1 and 3 not in nearest(client, 3)
    assert nearest(client, 3, org="org-b") == [3]
    assert delete_points(client, COLLECTION, source_filter("org-a", "kb-1", "b.md")) == 1
    assert [(d.source, d.chunks) for d in list_documents(client, COLLECTION)] == [("a.md", 2)]
    client.set_payload(COLLECTION, {TENANT_FIELD: "org-c"}, points=[3])
    assert nearest(client, 3, org="org-b") == [] and nearest(client, 3, org="org-c") == [3]
    with pytest.raises(KnowledgeBaseUnavailable, match="in use"):
        open_embedded(tmp_path)  # one process at a time
    client.close()
    stale = tmp_path / "edge" / f".{COLLECTION}.optimising"  # left by a crash mid-way
    stale.mkdir()
    (stale / "segment").write_bytes(b"half a copy")
    again = open_embedded(tmp_path)
    assert not stale.exists()
    assert count_points(again, COLLECTION) == 2
    assert again.retrieve(COLLECTION, [1], with_payload=True)[0].payload[TENANT_FIELD] == "org-a"
    with pytest.raises(ValueError, match="does not filter"):
        again.count(COLLECTION, models.Filter(must=[models.FieldCondition(
            key="x", geo_radius=models.GeoRadius(center=models.GeoPoint(lon=0, lat=0), radius=1)
        )]))  # fmt: skip
    again.close()


def test_a_folder_of_the_previous_release_is_moved_over_with_nothing_lost(
    tmp_path: Path, embeddings: LocalEmbeddings
) -> None:
    # What the previous release wrote: qdrant-client's local mode in the folder.
    old = QdrantClient(path=str(tmp_path))
    ingest_sample(old, embeddings)
    before = {
        str(p.id): p
        for p in old.scroll(COLLECTION, limit=10_000, with_payload=True, with_vectors=True)[0]
    }
    want = retriever(old, embeddings).ranked(QUESTIONS[1], scope(), limit=10)
    old.close()

    client = open_embedded(tmp_path)
    after = {
        str(p.id): p
        for p in client.scroll(COLLECTION, limit=10_000, with_payload=True, with_vectors=True)[0]
    }
    assert after.keys() == before.keys() and len(after) > 20
    for point_id, moved in after.items():
        assert moved.payload == before[point_id].payload
        assert moved.vector.keys() == before[point_id].vector.keys()
        assert moved.vector[DENSE_VECTOR] == pytest.approx(before[point_id].vector[DENSE_VECTOR])
    got = retriever(client, embeddings).ranked(QUESTIONS[1], scope(), limit=10)
    assert got.ids[:5] == want.ids[:5]
    client.close()
    assert (tmp_path / LOCAL_MODE_BACKUP / "meta.json").exists()  # kept until deleted
    assert not (tmp_path / "meta.json").exists()
    reopened = open_embedded(tmp_path)  # moved once: the next start just opens it
    assert count_points(reopened, COLLECTION) == len(before)
    reopened.close()


def test_optimising_happens_beside_searches_and_keeps_every_write(tmp_path: Path) -> None:
    """Past `optimize_after` points a copy is optimised by a child process; searches and
    writes go on meanwhile, and what was written meanwhile is in the swapped-in shard."""
    client = open_embedded(tmp_path, optimize_after=2_000)
    ensure_collection(client, COLLECTION, 8)
    embedded = client._client
    client.upsert(COLLECTION, [point(n) for n in range(2_000)])  # starts the optimisation
    assert COLLECTION in embedded.optimising
    searched, written = 0, 2_000
    while COLLECTION in embedded.optimising:
        assert nearest(client, 5)  # answered while the copy is optimised
        client.upsert(COLLECTION, [point(written)])
        searched, written = searched + 1, written + 1
        time.sleep(0.01)
        assert written < 20_000, "the optimisation did not finish"
    assert searched > 0
    assert not (tmp_path / "edge" / f".{COLLECTION}.optimising").exists()
    assert count_points(client, COLLECTION) == written  # every write made meanwhile is kept
    assert embedded.unoptimised[COLLECTION] <= 1  # counted afresh from the swap
    client.close()
    reopened = open_embedded(tmp_path)
    assert count_points(reopened, COLLECTION) == written
    reopened.close()


def test_threads_share_one_folder(tmp_path: Path) -> None:
    client = open_embedded(tmp_path)
    ensure_collection(client, COLLECTION, 8)
    errors: list[BaseException] = []

    def write(start: int) -> None:
        try:
            for n in range(start, start + 200, 20):
                client.upsert(COLLECTION, [point(i) for i in range(n, n + 20)])
                nearest(client, n)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i * 1000,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and count_points(client, COLLECTION) == 800
    client.close()


def test_export_copies_everything_a_server_needs(
    pair: tuple[QdrantClient, QdrantClient], embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    """`kb export`'s copy, into a target speaking Qdrant's API (qdrant-client's local
    mode here: no Qdrant server can be installed on these machines)."""
    edge, _ = pair
    target = QdrantClient(path=str(tmp_path / "target"))
    held = copy_collection(edge, target, COLLECTION, batch=7)
    assert held == count_points(edge, COLLECTION)
    assert copy_collection(edge, target, COLLECTION) == held  # run again: nothing doubled
    assert has_sentence_vectors(target, COLLECTION)
    ours, theirs = retriever(edge, embeddings), retriever(target, embeddings)
    for question in QUESTIONS[:3]:
        got = ours.search(question, scope())
        assert [p.text for p in got] == [p.text for p in theirs.search(question, scope())]
    target.close()


def test_searches_go_on_while_the_shard_is_copied_and_writes_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = open_embedded(tmp_path)
    ensure_collection(client, COLLECTION, 8)
    client.upsert(COLLECTION, [point(n) for n in range(50)])
    embedded = client._client
    copying = threading.Event()
    copy_tree = shutil.copytree

    def slow_copy(*args: object, **kwargs: object) -> object:  # a large shard's copy
        if not copying.is_set():  # (copytree calls itself for each folder: slow once)
            copying.set()
            time.sleep(1.5)
        return copy_tree(*args, **kwargs)

    monkeypatch.setattr(shutil, "copytree", slow_copy)
    copier = threading.Thread(target=embedded.copy_for_optimising, args=(COLLECTION,))
    copier.start()
    copying.wait(5)
    started = time.monotonic()
    assert nearest(client, 5)  # (points 5, 13, 21... have the same vector)
    assert copier.is_alive() and time.monotonic() - started < 1.0  # not held up by the copy
    client.upsert(COLLECTION, [point(99)])  # waits for the copy, then is recorded for it
    # Recorded for replay: written after the copy was made (the copier's thread may not
    # have ended yet: it returns after letting writes go, and a loaded machine shows it).
    assert len(embedded.replay[COLLECTION]) == 1
    copier.join()
    embedded.optimisation_failed(COLLECTION, tmp_path / "edge" / f".{COLLECTION}.optimising")
    assert count_points(client, COLLECTION) == 51
    client.close()


@pytest.mark.parametrize("k", [1, 60])
def test_the_services_own_fusion_ranks_one_language_as_qdrant_does(
    pair: tuple[QdrantClient, QdrantClient], embeddings: LocalEmbeddings, k: int
) -> None:
    """The search fuses meaning and keywords itself (agents/fusion.py): where no two hits
    of a ranking score alike, it gives the engine's own weighted RRF ranking and scores
    (its rank convention checked against the engine's)."""
    edge, _ = pair
    r = retriever(edge, embeddings, k=k)
    where = tenant_filter(SAMPLE_ORG_ID, [SAMPLE_KB_ID])
    compared = 0
    for question in QUESTIONS[:5]:
        ours = r.ranked(question, scope(), limit=30)
        sparse = r.sparse.embed_query(question, "en")
        keywords = models.SparseVector(indices=sparse.indices, values=sparse.values)
        dense, matched, engines = edge.query_batch_points(
            COLLECTION,
            [
                models.QueryRequest(
                    query=embeddings.embed_query(question), using=DENSE_VECTOR, filter=where, limit=30
                ),
                models.QueryRequest(query=keywords, using=SPARSE_VECTOR, filter=where, limit=30),
                models.QueryRequest(
                    prefetch=[
                        models.Prefetch(query=embeddings.embed_query(question), using=DENSE_VECTOR,
                                        filter=where, limit=30),
                        models.Prefetch(query=keywords, using=SPARSE_VECTOR, filter=where, limit=30),
                    ],
                    query=models.RrfQuery(rrf=models.Rrf(k=k, weights=[1.0, 2.0])), limit=30,
                ),
            ],
        )  # fmt: skip
        if any(len({p.score for p in got.points}) < len(got.points) for got in (dense, matched)):
            continue  # hits scored alike: the engine orders them its own way
        compared += 1
        assert ours.scores == pytest.approx([p.score for p in engines.points], abs=1e-4)
        # each point the same sum (equal sums may come in either order)
        fused = dict(zip(ours.ids, ours.scores, strict=True))
        for point in engines.points[:10]:
            assert fused[point.id] == pytest.approx(point.score, abs=1e-4)
    assert compared >= 3
