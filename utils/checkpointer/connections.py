"""Script calls without the client's per-command bookkeeping.

Every checkpoint operation on a request path is one round trip: an EVALSHA, or a write's
HSETs and EVALSHA in MULTI/EXEC, sent in one write. Through redis-py's client or pipeline
each also pays for the pool's lock, a readiness poll of the socket and redis-py's
observability hooks: on a local Redis that is more than the round trip itself (measured in
docs/checkpointer.md). The sync caller keeps its own stack of idle redis-py connections
(threads never share one) and hands each back clean: a connection that failed
mid-command is disconnected first, so no reply is ever read by the wrong caller. The async
caller multiplexes every concurrent call on one connection. Either way, a connection found
closed after sitting idle (Redis restarted, or dropped idle clients) means the rest are
stale too: they are dropped and the call is sent once more on a fresh connection (every
write is idempotent), before the client's own retry policy applies. Cluster clients keep
the client's path.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import hiredis
import redis
import redis.asyncio
import redis.asyncio.retry
import redis.backoff
import redis.exceptions
import redis.retry
from redis._parsers.base import BaseParser

Commands = list[tuple[Any, ...]]


def _first_error(replies: list[Any]) -> list[Any]:
    """The replies, or the first error reply among them raised (once all were read)."""
    for reply in replies:
        if isinstance(reply, BaseException):
            raise reply
    return replies


def _wrapped(commands: Commands, atomic: bool) -> Commands:
    """In MULTI ... EXEC when `atomic`: Redis runs all of them or, should the write be cut
    off before EXEC arrives (or a command be refused as it is queued), none."""
    return [("MULTI",), *commands, ("EXEC",)] if atomic else commands


def _unwrapped(replies: list[Any], atomic: bool) -> list[Any]:
    """The commands' own replies (a refusal when queued was raised already)."""
    return _first_error(list(replies[-1])) if atomic else replies


class ScriptCaller:
    """Runs commands on a connection of `client`'s pool (sync): one, or several sent in
    one write, their replies read in order (one round trip)."""

    def __init__(self, client: redis.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._idle: list[Any] = []

    def many(self, commands: Commands, *, atomic: bool = False) -> list[Any]:
        """Their replies, in order; `atomic`: all of them run, or none."""
        sent = _wrapped(commands, atomic)
        replies = self._retry.call_with_retry(lambda: self._once(sent), self._drop_idle)
        return _unwrapped(replies, atomic)

    def _once(self, commands: Commands) -> list[Any]:
        reused = bool(self._idle)
        connection = self._take()
        try:
            try:
                return self._round_trip(connection, commands)
            except redis.exceptions.ConnectionError:
                if not reused:
                    raise
                self._drop_idle()
                return self._round_trip(connection, commands)  # reconnects
        finally:
            self._idle.append(connection)

    @staticmethod
    def _round_trip(connection: Any, commands: Commands) -> list[Any]:
        replies: list[Any] = []
        try:
            # One buffer, one send: redis-py sends a list's items one `sendall` each, and
            # every send gives up the GIL, which a background writer then waits to get back.
            connection.send_packed_command([b"".join(hiredis.pack_command(c) for c in commands)])
            for _ in commands:
                try:
                    replies.append(connection.read_response())
                except redis.exceptions.ResponseError as error:
                    replies.append(error)  # read in full: the next reply follows cleanly
        except BaseException:
            connection.disconnect()  # reconnects on its next command
            raise
        return _first_error(replies)

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
    """Runs commands on one connection shared by every concurrent call (asyncio).

    Each command is written at once and replies come back in the order Redis received
    the commands, so twenty conversations in flight cost one socket, not one each
    (docs/benchmarks.md has the A/B). redis-py opens and authenticates the socket (TLS,
    AUTH, SELECT as the URL says), then `_Link` takes it over. The socket timeout bounds
    each call with one timer; a call that times out closes the connection (Redis hung
    or gone), which fails every call still waiting on it, so no reply is ever read by
    the wrong caller. A caller cancelled while waiting leaves its reply to be skipped."""

    def __init__(self, client: redis.asyncio.Redis) -> None:
        self._pool = client.connection_pool
        self._retry = client.get_retry() or redis.asyncio.retry.Retry(redis.backoff.NoBackoff(), 0)
        self._timeout = self._pool.connection_kwargs.get("socket_timeout")
        self._link: _Link | None = None
        self._opening = asyncio.Lock()

    async def many(self, commands: Commands, *, atomic: bool = False) -> list[Any]:
        """Several commands in one write; their replies, in order; `atomic`: all of
        them run, or none."""
        sent = _wrapped(commands, atomic)
        replies = await self._retry.call_with_retry(lambda: self._once(sent), self._forget_closed)
        return _unwrapped(replies, atomic)

    async def _once(self, commands: Commands) -> list[Any]:
        link = self._link
        reused = link is not None and link.open
        try:
            return await self._round_trip(link if reused else await self._open(), commands)
        except redis.exceptions.ConnectionError:
            if not reused:
                raise
            # It died while idle (Redis restarted): once more on a fresh connection.
            return await self._round_trip(await self._open(), commands)

    async def _round_trip(self, link: _Link, commands: Commands) -> list[Any]:
        # hiredis packs in C; redis.asyncio packs argument by argument in Python.
        replies = link.send([hiredis.pack_command(c) for c in commands])
        try:
            async with asyncio.timeout(self._timeout):  # TimeoutError: an OSError, retried
                # Error replies come back as values, to be raised once all are in.
                return _first_error([await reply for reply in replies])
        except TimeoutError:
            link.close()
            raise
        finally:
            for reply in replies:  # a lost connection failed them all: one error is enough
                if reply.done() and not reply.cancelled():
                    reply.exception()

    async def _open(self) -> _Link:
        # One timer covers waiting for another caller's connect and making this one: with
        # Redis hung, every caller fails within the socket timeout, not one after another.
        async with asyncio.timeout(self._timeout), self._opening:
            if self._link is None or not self._link.open:
                self._link = await self._connect()
            return self._link

    async def _connect(self) -> _Link:
        options = {**self._pool.connection_kwargs, "socket_timeout": None}
        connection = self._pool.connection_class(**options)
        try:
            await connection.connect()
        except BaseException:
            await connection.disconnect()
            raise
        return _Link.take_over(connection)

    async def _forget_closed(self, *_error: object) -> None:
        """Between retries: a failed call's connection is closed already (the failure
        closed it), and another caller may have opened a fresh one meanwhile: keep that."""
        if self._link is not None and not self._link.open:
            self._link = None

    async def aclose(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None


class _Link(asyncio.Protocol):
    """A socket redis-py connected, now read by hiredis straight from the event loop."""

    def __init__(self, streams: tuple[Any, Any]) -> None:
        reader, writer = streams
        # Kept: a StreamWriter closes its transport when it is collected.
        self._streams = streams
        self._transport = transport = writer.transport
        self._parser = hiredis.Reader(
            protocolError=redis.exceptions.InvalidResponse, replyError=BaseParser.parse_error
        )
        self._waiting: deque[asyncio.Future[Any]] = deque()
        self.open = True
        transport.set_protocol(self)
        if reader._buffer:  # read by the stream before the hand-over
            self.data_received(bytes(reader._buffer))

    @classmethod
    def take_over(cls, connection: Any) -> _Link:
        # redis.asyncio keeps the socket in a stream pair (pinned redis version): take
        # the pair, and leave the connection without a socket.
        streams = (connection._reader, connection._writer)
        connection._reader = connection._writer = None
        return cls(streams)

    def send(self, packed: list[bytes]) -> list[asyncio.Future[Any]]:
        """Commands in one write; a future for each reply (an error reply its value)."""
        if not self.open:
            raise redis.exceptions.ConnectionError("Connection closed.")
        loop = asyncio.get_running_loop()
        replies = [loop.create_future() for _ in packed]
        self._waiting.extend(replies)
        self._transport.write(b"".join(packed))
        return replies

    def data_received(self, data: bytes) -> None:
        self._parser.feed(data)
        while self._waiting:
            reply = self._parser.gets()
            if reply is False:  # the rest of it has not arrived yet
                return
            waiter = self._waiting.popleft()
            if not waiter.done():  # done: its caller was cancelled
                waiter.set_result(reply)

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        reason = f"Error while reading from socket: {exc}" if exc else "Connection closed."
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_exception(redis.exceptions.ConnectionError(reason))

    def close(self) -> None:
        if self.open:
            self.open = False
            self._transport.close()  # connection_lost fails whoever still waits
