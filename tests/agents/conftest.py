"""Fixtures of the agent's tests: a saver on the session's throwaway redis-server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from utils.checkpointer import RedisSaver


@pytest.fixture
def saver(redis_url: str, key_prefix: str) -> Iterator[RedisSaver]:
    with RedisSaver.from_url(redis_url, prefix=key_prefix) as built:
        yield built
