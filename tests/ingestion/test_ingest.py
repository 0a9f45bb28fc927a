"""Ingestion on real Qdrant local mode with the real model: idempotent, exact, robust."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import (
    count_points,
    delete_points,
    ensure_collection,
    list_documents,
    point_ids,
    source_filter,
)
from tests.knowledge.files import write_samples

COLLECTION = "kb"
ORG, KB = "org_test", "kb_test"
SCOPE = {"org_id": ORG, "kb_id": KB}


@pytest.fixture
def ingestor(tmp_path: Path, embeddings: LocalEmbeddings) -> Iterator[Ingestor]:
    client = open_embedded(tmp_path / "qdrant")
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    yield Ingestor(
        client=client,
        collection=COLLECTION,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=200, chunk_overlap=20),
    )
    client.close()


def test_every_format_is_ingested_and_searchable(ingestor: Ingestor, tmp_path: Path) -> None:
    write_samples(tmp_path / "docs")
    report = ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    assert report.files == 5 and not report.failures
    assert report.embedded == report.chunks == count_points(ingestor.client, COLLECTION)
    titles = {d.title for d in list_documents(ingestor.client, COLLECTION)}
    assert titles == {
        "Greenhouse manual",
        "Notes",
        "Beekeeping guide",
        "Orchard",
        "Compost handbook",
    }


def test_reingesting_unchanged_documents_embeds_nothing(ingestor: Ingestor, tmp_path: Path) -> None:
    write_samples(tmp_path / "docs")
    first = ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    second = ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    assert first.embedded > 0
    assert second.embedded == 0 and second.unchanged == first.chunks and second.deleted == 0


def test_changed_document_replaces_exactly_its_chunks(ingestor: Ingestor, tmp_path: Path) -> None:
    files = write_samples(tmp_path / "docs")
    ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    notes = next(
        d.source for d in list_documents(ingestor.client, COLLECTION) if d.title == "Notes"
    )
    untouched = point_ids(ingestor.client, COLLECTION, source_filter(ORG, KB, notes))
    before = count_points(ingestor.client, COLLECTION)
    markdown = files["markdown"]
    markdown.write_text(markdown.read_text().replace("eight degrees", "five degrees"))
    report = ingestor.ingest_paths([markdown], **SCOPE)
    assert report.embedded == 1 and report.deleted == 1 and report.unchanged >= 1
    assert count_points(ingestor.client, COLLECTION) == before
    texts = [p.payload["page_content"] for p in ingestor.client.scroll(COLLECTION, limit=100)[0]]
    assert any("five degrees" in t for t in texts) and not any("eight degrees" in t for t in texts)
    assert point_ids(ingestor.client, COLLECTION, source_filter(ORG, KB, notes)) == untouched


def test_removed_document_removes_its_chunks(ingestor: Ingestor, tmp_path: Path) -> None:
    write_samples(tmp_path / "docs")
    ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    source = next(
        d.source
        for d in list_documents(ingestor.client, COLLECTION)
        if d.source.endswith("notes.txt")
    )
    assert delete_points(ingestor.client, COLLECTION, source_filter(ORG, KB, source)) >= 1
    assert all(
        not d.source.endswith("notes.txt") for d in list_documents(ingestor.client, COLLECTION)
    )


def test_bad_files_are_reported_and_do_not_stop_the_rest(
    ingestor: Ingestor, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    write_samples(docs)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (docs / "empty.md").write_text("")
    report = ingestor.ingest_paths([docs, tmp_path / "missing.md"], **SCOPE)
    failed = {Path(name).name: reason for name, reason in report.failures}
    assert set(failed) == {"broken.pdf", "empty.md", "missing.md"}
    assert "PDF" in failed["broken.pdf"] and "no text" in failed["empty.md"]
    assert len(list_documents(ingestor.client, COLLECTION)) == 5


def test_interrupted_ingestion_is_completed_by_running_again(
    ingestor: Ingestor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    write_samples(docs)
    (docs / "long.md").write_text("# Long\n\n" + "\n\n".join(
        f"Paragraph {i} talks about topic number {i} in some detail." for i in range(120)))  # fmt: skip
    monkeypatch.setattr("ingestion.ingest.EMBED_BATCH", 16)  # several batches, so it can die midway
    calls = {"n": 0}
    real_store = ingestor._store

    def dying_store(chunks, dense):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is stopped mid-run
        real_store(chunks, dense)

    monkeypatch.setattr(ingestor, "_store", dying_store)
    with pytest.raises(KeyboardInterrupt):
        ingestor.ingest_paths([docs], **SCOPE)
    monkeypatch.setattr(ingestor, "_store", real_store)
    partial = count_points(ingestor.client, COLLECTION)

    report = ingestor.ingest_paths([docs], **SCOPE)
    fresh = Ingestor(client=ingestor.client, collection="kb", embeddings=ingestor.embeddings,
                     chunker=ingestor.chunker)  # fmt: skip
    assert report.unchanged == partial and report.embedded == report.chunks - partial
    assert count_points(ingestor.client, COLLECTION) == report.chunks
    assert fresh.ingest_paths([docs], **SCOPE).embedded == 0


def test_knowledge_bases_keep_their_own_copy_of_a_document(
    ingestor: Ingestor, tmp_path: Path
) -> None:
    write_samples(tmp_path / "docs")
    first = ingestor.ingest_paths([tmp_path / "docs"], **SCOPE)
    other = ingestor.ingest_paths([tmp_path / "docs"], org_id=ORG, kb_id="kb_other")
    # The same files in another knowledge base are new points there, not "unchanged".
    assert other.embedded == first.embedded and other.unchanged == 0
    assert count_points(ingestor.client, COLLECTION) == 2 * first.chunks
    source = list_documents(ingestor.client, COLLECTION)[0].source
    delete_points(ingestor.client, COLLECTION, source_filter(ORG, "kb_other", source))
    assert ingestor.ingest_paths([tmp_path / "docs"], **SCOPE).embedded == 0
