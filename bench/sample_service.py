"""The served stack over the bundled sample knowledge base, for benchmarks that time
requests against it: indexed in a temporary folder, a private redis-server, Gunicorn +
Uvicorn with one worker and offline answers."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from config import Settings
from ingestion.sample import index_sample_kb
from knowledge.encoders.embeddings import load_embeddings
from utils.local_redis import start_redis
from utils.service_process import ServiceProcess


@contextmanager
def sample_service(prefix: str, **env: str) -> Iterator[ServiceProcess]:
    """The service, started with `env` on top of its folders and one worker."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    default = Settings.model_fields["embedding_backend"].default
    index_sample_kb(folder / "qdrant", load_embeddings(None, 32, default), "knowledge_base")
    redis = start_redis(folder / "redis")
    service = ServiceProcess(env={
        "REDIS_URL": redis.url, "QDRANT_PATH": str(folder / "qdrant"), "DATA_DIR": str(folder),
        "WORKERS": "1", **env,
    }, log_path=folder / "service.log").start()  # fmt: skip
    try:
        yield service
    finally:
        service.stop()
        redis.stop()
