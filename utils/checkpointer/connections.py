"""Script calls on idle connections, without the client's per-command bookkeeping.

Every checkpoint operation on a request path is one EVALSHA. Through `Redis.execute_command`
each one also pays for the pool's lock, a readiness poll of the socket and redis-py's
observability hooks: on a local Redis that is more than the round trip itself (measured in
docs/checkpointer.md). These callers keep their own stack of idle redis-py connections and
hand each one back clean: a connection that failed mid-command is disconnected first, so
no reply is ever read by the wrong caller. An idle connection found closed (Redis
restarted, or dropped idle clients) means the others are stale too: they are all dropped
and the call is sent once more on a fresh connection (every script is idempotent), before
the client's own retry policy applies. Cluster clients keep the client's path.
"""

from __future__ import annotations

import asyncio
from typing import Any

import hiredis
import redis
import redis.asyncio
import redis.asyncio.retry
import redis.backoff
import redis.exceptions
import redis.retry


class ScriptCaller:
    """Runs one command on a connection of `client`'s pool (sync)."""

    def __init__(self, client: redis.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._idle: list[Any] = []

    def __call__(self, *args: Any) -> Any:
        return self._retry.call_with_retry(lambda: self._once(args), self._drop_idle)

    def _once(self, args: tuple[Any, ...]) -> Any:
        reused = bool(self._idle)
        connection = self._take()
        try:
            try:
                return self._round_trip(connection, args)
            except redis.exceptions.ConnectionError:
                if not reused:
                    raise
                self._drop_idle()
                return self._round_trip(connection, args)  # reconnects
        finally:
            self._idle.append(connection)

    @staticmethod
    def _round_trip(connection: Any, args: tuple[Any, ...]) -> Any:
        try:
            connection.send_packed_command([hiredis.pack_command(args)])
            return connection.read_response()
        except redis.exceptions.ResponseError:
            raise  # an error reply was read in full: the connection is clean
        except BaseException:
            connection.disconnect()  # reconnects on its next command
            raise

    def _take(self) -> Any:
        try:
            return self._idle.pop()  # atomic: threads never share a connection
        except IndexError:
            return self._pool.make_connection()

    def _drop_idle(self, *_error: object) -> None:
        stale, self._idle = self._idle, []
        for connection in stale:
            connection.disconnect()

    def close(self) -> None:
        self._drop_idle()


class AsyncScriptCaller:
    """Runs one command on a connection of `client`'s pool (asyncio).

    The socket timeout bounds the whole call with one timer: redis.asyncio arms one per
    read and per write, which costs more CPU than the round trip itself."""

    def __init__(self, client: redis.asyncio.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.asyncio.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._timeout = self._pool.connection_kwargs.get("socket_timeout")
        self._idle: list[Any] = []

    async def __call__(self, *args: Any) -> Any:
        return await self._retry.call_with_retry(lambda: self._once(args), self._drop_idle)

    async def _once(self, args: tuple[Any, ...]) -> Any:
        reused = bool(self._idle)
        connection = self._idle.pop() if reused else self._new_connection()
        try:
            try:
                return await self._round_trip(connection, args)
            except redis.exceptions.ConnectionError:
                if not reused:
                    raise
                await self._drop_idle()
                return await self._round_trip(connection, args)
        finally:
            self._idle.append(connection)

    async def _round_trip(self, connection: Any, args: tuple[Any, ...]) -> Any:
        try:
            async with asyncio.timeout(self._timeout):  # TimeoutError: an OSError, retried
                # hiredis packs in C; redis.asyncio packs argument by argument in Python.
                await connection.send_packed_command(hiredis.pack_command(args))
                return await connection.read_response()
        except redis.exceptions.ResponseError:
            raise
        except BaseException:  # cancelled mid-reply included
            await connection.disconnect()
            raise

    def _new_connection(self) -> Any:
        options = {**self._pool.connection_kwargs, "socket_timeout": None}
        return self._pool.connection_class(**options)

    async def _drop_idle(self, *_error: object) -> None:
        stale, self._idle = self._idle, []
        for connection in stale:
            await connection.disconnect()

    async def aclose(self) -> None:
        await self._drop_idle()
