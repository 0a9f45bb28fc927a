"""Fixtures of the agent's tests: a saver on the session's throwaway redis-server, an
embedded Qdrant in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qdrant_client import QdrantClient

from knowledge.vectors.embedded import open_embedded
from utils.checkpointer import RedisSaver


@pytest.fixture
def saver(redis_url: str, key_prefix: str) -> Iterator[RedisSaver]:
    with RedisSaver.from_url(redis_url, prefix=key_prefix) as built:
        yield built


@pytest.fixture
def client(tmp_path: Path) -> Iterator[QdrantClient]:
    opened = open_embedded(tmp_path / "qdrant")
    yield opened
    opened.close()
