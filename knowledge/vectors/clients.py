"""The one place that chooses how this process reaches Qdrant: a server (QDRANT_URL), the
embedded folder through its host process (one of several API workers), or the embedded
folder opened here."""

from __future__ import annotations

from qdrant_client import QdrantClient

from config import Settings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.embedded_host import hosted_from_environment


def open_client(settings: Settings) -> QdrantClient:
    """A Qdrant server client with QDRANT_URL, else embedded Qdrant on disk."""
    if settings.qdrant_url:
        api_key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
        return QdrantClient(url=settings.qdrant_url, api_key=api_key, timeout=10)
    return hosted_from_environment(settings) or open_folder(settings)


def open_folder(settings: Settings) -> QdrantClient:
    """The settings' embedded Qdrant folder, opened by this process."""
    return open_embedded(
        settings.qdrant_local_path, optimize_after=settings.embedded_optimize_after
    )
