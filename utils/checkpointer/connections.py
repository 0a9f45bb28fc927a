"""Script calls on idle connections, without the client's per-command bookkeeping.

Every checkpoint operation on a request path is one EVALSHA. Through `Redis.execute_command`
each one also pays for the pool's lock, a readiness poll of the socket and redis-py's
observability hooks: on a local Redis that is more than the round trip itself (measured in
docs/benchmarks.md). These callers keep their own stack of idle redis-py connections and
hand each one back clean: a connection that failed mid-command is disconnected first, so
no reply is ever read by the wrong caller. Retries and backoff are the client's own policy.
Cluster clients keep the client's path (a command must find its node).
"""

from __future__ import annotations

import asyncio
from typing import Any

import hiredis
import redis
import redis.asyncio
import redis.exceptions


class ScriptCaller:
    """Runs one command on a connection of `client`'s pool (sync)."""

    def __init__(self, client: redis.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._idle: list[Any] = []

    def __call__(self, *args: Any) -> Any:
        return self._retry.call_with_retry(lambda: self._once(args), lambda _error: None)

    def _once(self, args: tuple[Any, ...]) -> Any:
        connection = self._take()
        try:
            connection.send_packed_command([hiredis.pack_command(args)])
            return connection.read_response()
        except redis.exceptions.ResponseError:
            raise  # an error reply was read in full: the connection is clean
        except BaseException:
            connection.disconnect()  # reconnects on its next command
            raise
        finally:
            self._idle.append(connection)

    def _take(self) -> Any:
        try:
            return self._idle.pop()  # atomic: threads never share a connection
        except IndexError:
            return self._pool.make_connection()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().disconnect()


class AsyncScriptCaller:
    """Runs one command on a connection of `client`'s pool (asyncio).

    The socket timeout bounds the whole call with one timer: redis.asyncio arms one per
    read and per write, which costs more CPU than the round trip itself."""

    def __init__(self, client: redis.asyncio.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.asyncio.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._timeout = self._pool.connection_kwargs.get("socket_timeout")
        self._idle: list[Any] = []

    def _connection(self) -> Any:
        if self._idle:
            return self._idle.pop()
        options = {**self._pool.connection_kwargs, "socket_timeout": None}
        return self._pool.connection_class(**options)

    async def __call__(self, *args: Any) -> Any:
        return await self._retry.call_with_retry(lambda: self._once(args), _ignore)

    async def _once(self, args: tuple[Any, ...]) -> Any:
        connection = self._connection()
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
        finally:
            self._idle.append(connection)

    async def aclose(self) -> None:
        while self._idle:
            await self._idle.pop().disconnect()


async def _ignore(_error: Exception) -> None:
    return None
