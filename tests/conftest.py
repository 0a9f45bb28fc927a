"""Shared fixtures: real services only (a throwaway redis-server and PostgreSQL, Qdrant
local mode). The application is imported inside the fixtures that need it, so the
checkpointer's tests (`pytest tests/utils/checkpointer`) load none of it."""

from __future__ import annotations

import os
import shutil
import signal
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from utils.local_postgres import LocalPostgres
from utils.local_redis import LocalRedis, start_redis

# One web chat secret for the run: the API apps the tests make and the web chats they
# start (in this process or as processes) share it, as `make run`'s do through DATA_DIR.
os.environ.setdefault("WEB_CHAT_SECRET", "Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtb2YtYS1rZXk=")

# Tests press Ctrl-C (SIGINT) on the services they start, as a terminal would. A suite run
# in the background of a script (`make test &`) inherits SIGINT ignored, which every
# service it starts would inherit too: given back its default, as in a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

    from config import Settings
    from knowledge.encoders.embeddings import LocalEmbeddings


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalRedis]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: LocalRedis) -> str:
    return redis_server.url


@pytest.fixture
def key_prefix() -> str:
    """A fresh key prefix per test, so tests sharing one server never see each other."""
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def throwaway_redis(tmp_path: Path) -> Iterator[LocalRedis]:
    """A server of the test's own, which it may stop and restart."""
    server = start_redis(tmp_path / "redis", appendonly=True)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def embeddings() -> LocalEmbeddings:
    import config  # noqa: F401 - first: sets thread/offline environment before numpy loads
    from config import Settings
    from knowledge.encoders.embeddings import load_embeddings

    # The build the service runs by default (the ONNX export, made once into .models).
    return load_embeddings(None, 32, Settings.model_fields["embedding_backend"].default)


@pytest.fixture(scope="session")
def sample_folder(tmp_path_factory: pytest.TempPathFactory, embeddings: LocalEmbeddings) -> Path:
    """The sample knowledge base in an embedded Qdrant folder (collection "knowledge_base"),
    indexed once per test process and closed: tests take copies (`copy_sample`), which is
    a fraction of embedding it again."""
    from ingestion.sample import index_sample_kb

    path = tmp_path_factory.mktemp("sample-qdrant")
    index_sample_kb(path, embeddings, "knowledge_base")
    return path


@pytest.fixture(scope="session")
def copy_sample(sample_folder: Path) -> Callable[[Path], Path]:
    def copy(destination: Path) -> Path:
        shutil.copytree(sample_folder, destination)
        return destination

    return copy


@pytest.fixture(scope="session")
def kb_client(
    tmp_path_factory: pytest.TempPathFactory, copy_sample: Callable[[Path], Path]
) -> Iterator[QdrantClient]:
    """One embedded Qdrant with the sample knowledge base, shared by the session."""
    from knowledge.vectors.embedded import open_embedded

    client = open_embedded(copy_sample(tmp_path_factory.mktemp("qdrant") / "sample"))
    yield client
    client.close()


@pytest.fixture
def make_settings(tmp_path: Path, redis_url: str) -> Callable[..., Settings]:
    from config import Settings

    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "data_dir": tmp_path,
            "redis_url": redis_url,
            "api_keys": "test-key-a,test-key-b",
            "admin_api_keys": "admin-key",
            "checkpoint_prefix": f"t{uuid.uuid4().hex[:10]}",
            "rate_limit": "1000/minute",
            "validate_responses": True,
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[LocalPostgres]:
    """A throwaway PostgreSQL cluster for the session (Debian's postgresql package)."""
    server = LocalPostgres().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: LocalPostgres) -> str:
    """A new empty database on the session's PostgreSQL."""
    return postgres_server.create_database(f"t{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The platform database on each backend: SQLite in a temp folder, then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'platform.db'}"
    return request.getfixturevalue("postgres_url")
