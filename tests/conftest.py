"""Shared fixtures: a real, throwaway redis-server for the whole session."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from utils.local_redis import LocalRedis, start_redis


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
