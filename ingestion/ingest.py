"""Idempotent ingestion: parse -> chunk -> embed only what is new -> upsert -> drop stale.

A document's chunks are identified by source + content, so re-ingesting an unchanged
document embeds nothing, a changed one replaces exactly its old chunks, and a run that
was interrupted is completed by running it again (new chunks are written before stale
ones are deleted, so a document is never missing in between).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient, models

from knowledge.documents.attributes import ATTRIBUTES_FIELD
from knowledge.documents.chunking import Chunk, Chunker
from knowledge.documents.loaders import (
    SUPPORTED_SUFFIXES,
    DocumentParseError,
    LoadedDocument,
    UnsupportedFormatError,
    load_path,
)
from knowledge.documents.sentences import SPLIT_VERSION, digest, sentence_contexts
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.languages import guess
from knowledge.encoders.sparse import BM25SparseEmbeddings
from knowledge.vectors.store import (
    DENSE_VECTOR,
    DIGEST_FIELD,
    INDEX_FIELD,
    SENTENCES_VECTOR,
    SPARSE_VECTOR,
    SPLIT_FIELD,
    count_points,
    has_sentence_vectors,
    ids_by_source,
    index_version,
    point_ids,
    source_filter,
    tenant_filter,
)

EMBED_BATCH = 256
# Up to this many points, one scan of the collection finds what each document already
# has; a filtered scroll per document scans every point in embedded Qdrant (no indexes).
FULL_SCAN_LIMIT = 200_000


@dataclass
class IngestReport:
    files: int = 0
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def chunks_per_second(self) -> float:
        return self.embedded / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"{self.files} files, {self.chunks} chunks: {self.embedded} embedded, "
            f"{self.unchanged} unchanged, {self.deleted} removed, {len(self.failures)} failed "
            f"in {self.seconds:.1f} s ({self.chunks_per_second:.1f} chunks/s)"
        )


ProgressCallback = Callable[[int, int], None]  # (files done, chunks embedded so far)


class Ingestor:
    def __init__(
        self,
        *,
        client: QdrantClient,
        collection: str,
        embeddings: LocalEmbeddings,
        chunker: Chunker,
        sparse: BM25SparseEmbeddings | None = None,
        sentence_vectors: bool = True,
    ) -> None:
        self.client = client
        self.collection = collection
        self.embeddings = embeddings
        self.chunker = chunker
        self.sparse = sparse or BM25SparseEmbeddings()
        # The offline answerer's sentence vectors: about as much encoder time again as
        # the chunks; off for deployments that answer with a model.
        self.sentence_vectors = sentence_vectors and has_sentence_vectors(client, collection)
        self.index_version = index_version(embeddings.name)

    def ingest_documents(
        self,
        documents: Iterable[LoadedDocument],
        *,
        org_id: str,
        kb_id: str,
        report: IngestReport | None = None,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Ingest into one knowledge base of one organisation."""
        report = report or IngestReport()
        started = time.perf_counter()
        known = self._known_ids(org_id, kb_id)
        pending: list[Chunk] = []
        finalize: list[tuple[str, set[str]]] = []  # (source, stale ids) after their upsert
        relabel: list[tuple[str, dict[str, Any]]] = []  # (source, attributes)
        with _Writer(self._store) as writer:

            def embed(batch: list[Chunk]) -> None:  # the model embeds while the last batch stores
                writer.write(batch, self._embed(batch))
                report.embedded += len(batch)

            for document in documents:
                chunks = self.chunker.split(document, org_id=org_id, kb_id=kb_id)
                existing = (
                    known.get(document.source, set())
                    if known is not None
                    else point_ids(
                        self.client, self.collection, source_filter(org_id, kb_id, document.source)
                    )
                )
                wanted = {c.point_id: c for c in chunks}
                report.files += 1
                report.chunks += len(wanted)
                report.unchanged += len(wanted.keys() & existing)
                pending += [c for pid, c in wanted.items() if pid not in existing]
                finalize.append((document.source, existing - wanted.keys()))
                if wanted.keys() & existing:  # kept chunks take the document's metadata now
                    relabel.append((document.source, document.attributes))
                # Embed in full batches across documents: the model is the bottleneck.
                while len(pending) >= EMBED_BATCH:
                    batch, pending = pending[:EMBED_BATCH], pending[EMBED_BATCH:]
                    embed(batch)
                    if progress:
                        progress(report.files, report.embedded)
            if pending:
                embed(pending)
        # Every new chunk is stored (the writer is done) before any stale one goes.
        for _source, stale in finalize:
            if stale:
                self.client.delete(self.collection, models.PointIdsList(points=list(stale)))
                report.deleted += len(stale)
        for source, attributes in relabel:
            self.client.set_payload(
                self.collection, payload={ATTRIBUTES_FIELD: attributes}, wait=True,
                points=models.FilterSelector(filter=source_filter(org_id, kb_id, source)),
            )  # fmt: skip
        if progress:
            progress(report.files, report.embedded)
        report.seconds += time.perf_counter() - started
        return report

    def _known_ids(self, org_id: str, kb_id: str) -> dict[str, set[str]] | None:
        scope = tenant_filter(org_id, kb_id)
        if count_points(self.client, self.collection, scope) > FULL_SCAN_LIMIT:
            return None
        return ids_by_source(self.client, self.collection, scope)

    def ingest_paths(
        self,
        paths: Iterable[Path],
        *,
        org_id: str,
        kb_id: str,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Ingest files and folders (recursively); bad files are reported, not fatal."""
        report = IngestReport()
        return self.ingest_documents(
            self._load_all(paths, report),
            org_id=org_id,
            kb_id=kb_id,
            report=report,
            progress=progress,
        )

    def _load_all(self, paths: Iterable[Path], report: IngestReport) -> Iterable[LoadedDocument]:
        for path in expand_paths(paths):
            try:
                yield load_path(path, source=display_source(path))
            except (UnsupportedFormatError, DocumentParseError, OSError) as exc:
                report.failures.append((str(path), str(exc)))

    def _embed(self, chunks: list[Chunk]) -> tuple[Any, list[Any] | None]:
        """Chunk vectors and, where the collection keeps them, each chunk's sentence
        vectors (one model call for both)."""
        texts = [c.embed_text for c in chunks]
        if not self.sentence_vectors:
            return self.embeddings.encode(texts), None
        contexts = [_contexts(c) for c in chunks]
        vectors = self.embeddings.encode(texts + [s for group in contexts for s in group])
        sentences, start = [], len(chunks)
        for group in contexts:
            sentences.append(vectors[start : start + len(group)])
            start += len(group)
        return vectors[: len(chunks)], sentences

    def _store(self, chunks: list[Chunk], embedded: tuple[Any, list[Any] | None]) -> None:
        self.client.upsert(self.collection, points=self.points(chunks, embedded), wait=True)

    def points(
        self, chunks: list[Chunk], embedded: tuple[Any, list[Any] | None] | None = None
    ) -> list[models.PointStruct]:
        """The chunks as points: their vectors (dense ones embedded unless given), each
        chunk's language, and which encoder and tokens made them (INDEX_FIELD)."""
        dense, sentences = embedded if embedded is not None else self._embed(chunks)
        languages = [guess(c.text)[0] for c in chunks]
        sparse = self.sparse.embed_documents([c.embed_text for c in chunks], languages)
        points = []
        for n, (chunk, vector, s) in enumerate(zip(chunks, dense, sparse, strict=True)):
            vectors: dict[str, Any] = {
                DENSE_VECTOR: vector.tolist(),
                SPARSE_VECTOR: models.SparseVector(indices=s.indices, values=s.values),
            }
            payload = chunk.payload()
            payload["metadata"]["language"] = languages[n]
            payload[INDEX_FIELD] = self.index_version
            if sentences is not None and len(sentences[n]):
                vectors[SENTENCES_VECTOR] = sentences[n].tolist()
                payload[SPLIT_FIELD] = SPLIT_VERSION
                payload[DIGEST_FIELD] = digest(_contexts(chunk))
            points.append(models.PointStruct(id=chunk.point_id, vector=vectors, payload=payload))
        return points


def _contexts(chunk: Chunk) -> list[str]:
    """The chunk's sentences as its sentence vectors embed them (the turn reads them so)."""
    return sentence_contexts(chunk.text, chunk.section or chunk.title or chunk.source)


class _Writer:
    """Stores one batch on a worker thread while the model embeds the next (the model
    releases the GIL); at most one batch waits, and a failed write fails the run."""

    def __init__(self, store: Callable[[list[Chunk], Any], None]) -> None:
        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-writer")
        self._in_flight: Future[None] | None = None

    def write(self, chunks: list[Chunk], dense: Any) -> None:
        self._wait()
        self._in_flight = self._pool.submit(self._store, chunks, dense)

    def _wait(self) -> None:
        if self._in_flight is not None:
            future, self._in_flight = self._in_flight, None
            future.result()

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._wait()
        finally:
            self._pool.shutdown(wait=True)


def display_source(path: Path) -> str:
    """A file's source name: relative to the working directory when inside it, so the
    same documents get the same ids (and citations) wherever the project is checked out."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(resolved)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            found.append(path)
    return found
