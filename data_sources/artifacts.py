"""Files a turn made (a query's table as CSV, its chart, its SQL), kept in Redis beside
the conversation they belong to: same hash tag (one cluster slot), same time to live,
deleted with it.

    {prefix}:{<thread>}:artifacts          HASH  artifact id -> JSON description
    {prefix}:{<thread>}:artifact:<id>      STRING the bytes (appended piece by piece)
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from typing import Any

import redis.exceptions

from utils.checkpointer import translate_error
from utils.checkpointer.keys import escape_tag

READ_PIECE = 256 * 1024
KIND_ORDER = {"table": 0, "chart": 1, "sql": 2}


def new_artifact_id() -> str:
    return f"art_{secrets.token_hex(8)}"


class ArtifactStore:
    def __init__(self, client: Any, prefix: str, ttl: int | None) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl

    def _index(self, thread_id: str) -> str:
        return f"{self.prefix}:{{{escape_tag(thread_id)}}}:artifacts"

    def _data(self, thread_id: str, artifact_id: str) -> str:
        return f"{self.prefix}:{{{escape_tag(thread_id)}}}:artifact:{artifact_id}"

    def appender(self, thread_id: str, artifact_id: str) -> Any:
        """A function that appends bytes to the artifact (the CSV of a large result is
        written as it is read, never held whole)."""
        key = self._data(thread_id, artifact_id)

        def append(data: bytes) -> None:
            with _translated():
                pipe = self.client.pipeline(transaction=False)
                pipe.append(key, data)
                if self.ttl:
                    pipe.expire(key, self.ttl)
                pipe.execute()

        return append

    def put(self, thread_id: str, artifact_id: str, data: bytes) -> None:
        with _translated():
            self.client.set(self._data(thread_id, artifact_id), data, ex=self.ttl or None)

    def discard(self, thread_id: str, artifact_id: str) -> None:
        """Drop bytes written for an artifact that will not be listed (its query failed)."""
        with _translated():
            self.client.delete(self._data(thread_id, artifact_id))

    def describe(self, thread_id: str, artifact: dict[str, Any]) -> None:
        """List the artifact (its bytes written first): from now on it can be read."""
        index = self._index(thread_id)
        with _translated():
            pipe = self.client.pipeline(transaction=False)
            pipe.hset(index, artifact["id"], json.dumps(artifact))
            if self.ttl:
                pipe.expire(index, self.ttl)
            pipe.execute()

    def listing(self, thread_id: str) -> list[dict[str, Any]]:
        with _translated():
            found = self.client.hgetall(self._index(thread_id))
        items = [json.loads(v) for v in found.values()]
        # A query's artifacts share a time: listed as a reply lists them.
        return sorted(items, key=lambda a: (a.get("created_at", ""), KIND_ORDER.get(a["kind"], 9)))

    def get(self, thread_id: str, artifact_id: str) -> dict[str, Any] | None:
        with _translated():
            found = self.client.hget(self._index(thread_id), artifact_id)
        return json.loads(found) if found else None

    def read(self, thread_id: str, artifact_id: str) -> Iterator[bytes]:
        """The bytes in pieces (a 100k-row CSV is sent without being held whole)."""
        key = self._data(thread_id, artifact_id)
        start = 0
        while True:
            with _translated():
                piece = self.client.getrange(key, start, start + READ_PIECE - 1)
            if not piece:
                return
            yield piece
            if len(piece) < READ_PIECE:
                return
            start += READ_PIECE

    def touch(self, thread_id: str) -> None:
        """Keep the artifacts as long as their conversation (its TTL slides on use)."""
        if not self.ttl:
            return
        index = self._index(thread_id)
        with _translated():
            ids = self.client.hkeys(index)
            if not ids:
                return
            pipe = self.client.pipeline(transaction=False)
            pipe.expire(index, self.ttl)
            for artifact_id in ids:
                name = artifact_id.decode() if isinstance(artifact_id, bytes) else artifact_id
                pipe.expire(self._data(thread_id, name), self.ttl)
            pipe.execute()

    def forget(self, thread_id: str) -> None:
        index = self._index(thread_id)
        with _translated():
            ids = self.client.hkeys(index)
            names = [i.decode() if isinstance(i, bytes) else i for i in ids]
            keys = [index, *(self._data(thread_id, n) for n in names)]
            self.client.delete(*keys)


class _translated:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        if isinstance(exc, redis.exceptions.RedisError):
            raise translate_error(exc) from exc
        return False
