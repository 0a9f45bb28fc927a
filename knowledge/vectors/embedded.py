"""Embedded Qdrant (Qdrant Edge) opened by this process from a folder on disk."""

from __future__ import annotations

from pathlib import Path

from qdrant_client import QdrantClient

from knowledge.vectors.edge import EdgeEmbedded
from knowledge.vectors.store import KnowledgeBaseUnavailable, with_embedded


def open_embedded(path: Path, *, optimize_after: int = 20_000) -> QdrantClient:
    """Embedded Qdrant in a folder, safe to share between threads; a folder written by an
    earlier release (qdrant-client's local mode) is moved to Edge."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        embedded = EdgeEmbedded(path, optimize_after=optimize_after)
    except (OSError, RuntimeError) as exc:  # Edge's lock: another process has the folder
        raise KnowledgeBaseUnavailable(
            f"embedded Qdrant at {path} is in use by another process or unreadable ({exc}). "
            "Stop it, or run a Qdrant server and set QDRANT_URL to share the knowledge base."
        ) from exc
    return with_embedded(embedded)
