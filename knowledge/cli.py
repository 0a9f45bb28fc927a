"""`flask --app app kb ...`: ingest, list, delete and count knowledge-base documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from tqdm import tqdm

from config import Settings
from knowledge.chunking import Chunker
from knowledge.embeddings import load_embeddings
from knowledge.ingest import Ingestor, expand_paths
from knowledge.store import count_points, ensure_collection, list_documents, open_client

kb = AppGroup("kb", help="Manage the knowledge base (stop the server first in embedded mode).")


def build_ingestor(settings: Settings) -> Ingestor:
    client = open_client(settings)
    embeddings = load_embeddings(settings.embedding_model, settings.embedding_batch_size)
    ensure_collection(client, settings.collection_name, embeddings.dimensions)
    return Ingestor(
        client=client,
        collection=settings.collection_name,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap),
    )


def index_if_empty(settings: Settings, *, echo: Callable[[str], None] = click.echo) -> None:
    """Index KNOWLEDGE_BASE_DIR when the collection has no chunks (first start)."""
    ingestor = build_ingestor(settings)
    try:
        if count_points(ingestor.client, settings.collection_name) > 0:
            return
        echo(f"Indexing the sample knowledge base in {settings.knowledge_base_dir} ...")
        report = ingestor.ingest_paths([settings.knowledge_base_dir])
        echo("  " + report.summary())
    finally:
        ingestor.client.close()


def _settings() -> Settings:
    return current_app.config["SETTINGS"]


@kb.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Ingest files and folders (Markdown, text, HTML, PDF, DOCX)."""
    ingestor = build_ingestor(_settings())
    total = len(expand_paths(paths))
    with tqdm(total=total, unit="file", dynamic_ncols=True) as bar:

        def progress(files: int, embedded: int) -> None:
            bar.update(files - bar.n)
            elapsed = max(bar.format_dict["elapsed"], 1e-9)
            bar.set_postfix(chunks=embedded, chunks_per_s=f"{embedded / elapsed:.1f}")

        report = ingestor.ingest_paths(paths, progress=progress)
    for name, reason in report.failures:
        click.echo(f"failed: {name}: {reason}", err=True)
    click.echo(report.summary())
    ingestor.client.close()


@kb.command("init")
def init() -> None:
    """Index KNOWLEDGE_BASE_DIR if the collection is empty (safe to run at every start)."""
    index_if_empty(_settings())
    click.echo("knowledge base ready")


@kb.command("list")
def list_command() -> None:
    """List documents with their chunk counts."""
    settings = _settings()
    client = open_client(settings)
    try:
        for doc in list_documents(client, settings.collection_name):
            click.echo(f"{doc.document_id}  {doc.chunks:5d} chunks  {doc.source}  ({doc.title})")
    finally:
        client.close()


@kb.command("delete")
@click.argument("sources", nargs=-1, required=True)
def delete(sources: tuple[str, ...]) -> None:
    """Remove documents (by source path as ingested) and all their chunks."""
    ingestor = build_ingestor(_settings())
    try:
        for source in sources:
            click.echo(f"{source}: {ingestor.remove_source(source)} chunks removed")
    finally:
        ingestor.client.close()


@kb.command("stats")
def stats() -> None:
    """Documents and chunks in the collection."""
    settings = _settings()
    client = open_client(settings)
    try:
        documents = list_documents(client, settings.collection_name)
        chunks = count_points(client, settings.collection_name)
        click.echo(
            f"collection {settings.collection_name} ({settings.qdrant_mode}): "
            f"{len(documents)} documents, {chunks} chunks"
        )
    finally:
        client.close()
