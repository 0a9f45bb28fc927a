"""`RedisSaver`: a LangGraph checkpoint saver on plain Redis, sync and async."""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.asyncio.retry
import redis.backoff
import redis.cluster
import redis.exceptions
import redis.retry
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    copy_checkpoint,
    get_checkpoint_id,
)
from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

from utils.checkpointer.connections import AsyncScriptCaller, ScriptCaller
from utils.checkpointer.keys import (
    DEFAULT_PREFIX,
    thread_id_from_timeline_key,
    timeline_pattern,
)
from utils.checkpointer.plans import Batch, ListPlan, Plan, SaverCore
from utils.checkpointer.records import next_version

# Errors that mean "Redis cannot be reached right now"; the pool retries them with
# backoff and reconnects by itself once Redis is back.
_CONNECTION_ERRORS = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.ClusterDownError,
    redis.exceptions.TryAgainError,
    OSError,
)


# Latest checkpoints read inside `RedisSaver.one_read()`, by (thread id, namespace).
_READS: ContextVar[dict[tuple[str, str], CheckpointTuple | None] | None] = ContextVar(
    "checkpoint_reads", default=None
)


class CheckpointerError(Exception):
    """A checkpoint could not be read or written."""


class CheckpointerUnavailable(CheckpointerError):
    """Redis could not be reached (or answered too slowly) for a checkpoint operation."""


def translate_error(exc: Exception) -> CheckpointerError:
    """Our exception for a redis-py error, with a message that never quotes data."""
    if isinstance(exc, _CONNECTION_ERRORS):
        return CheckpointerUnavailable(f"Redis is unreachable: {exc}")
    # A pipeline error quotes the failed command, arguments (conversation data) included:
    # keep only Redis's own words.
    reason = str(exc).rsplit("caused error: ", 1)[-1]
    if "maxmemory" in reason or reason.startswith("OOM"):
        return CheckpointerError(
            "Redis is out of memory (maxmemory reached): raise maxmemory or lower the "
            "conversation TTL"
        )
    return CheckpointerError(f"Redis refused a checkpoint command: {reason}")


def default_serde() -> JsonPlusSerializer:
    """JSON + msgpack, never pickle, and msgpack restricted to LangGraph's safe types
    (graphs add their own state types through `with_allowlist`): Redis content must
    not be able to run code in the service."""
    return JsonPlusSerializer(pickle_fallback=False, allowed_msgpack_modules=None)


class RedisSaver(BaseCheckpointSaver[str]):
    """Checkpoint saver storing LangGraph threads in plain Redis (no modules).

    Use `RedisSaver.from_url(url, ttl=...)`. With `ttl` set, every key expires `ttl`
    seconds after the thread's last write (and after its last read when
    `refresh_on_read` is on).
    """

    def __init__(
        self,
        sync_client: redis.Redis | redis.cluster.RedisCluster,
        async_client: redis.asyncio.Redis | redis.asyncio.cluster.RedisCluster,
        *,
        ttl: int | None = None,
        refresh_on_read: bool = False,
        prefix: str = DEFAULT_PREFIX,
        serde: SerializerProtocol | None = None,
    ) -> None:
        for client in (sync_client, async_client):
            if client.get_encoder().decode_responses:
                # Checkpoints are binary: replies decoded to text would break them.
                raise ValueError(
                    "RedisSaver needs Redis clients made with decode_responses=False "
                    "(RedisSaver.from_url makes them)"
                )
        super().__init__(serde=serde or default_serde())
        self._sync = sync_client
        self._async = async_client
        self._cluster = isinstance(sync_client, redis.cluster.RedisCluster)
        # The request path's single script calls skip the client's per-command overhead.
        self._script = None if self._cluster else ScriptCaller(sync_client)
        self._ascript = None if self._cluster else AsyncScriptCaller(async_client)
        self.core = SaverCore(
            serde=self.serde, prefix=prefix, ttl=ttl, refresh_on_read=refresh_on_read
        )
        # Round trips issued by this saver (the benchmark reads it), and an optional hook
        # told each one's duration (the service feeds its metrics with it).
        self.round_trips = 0
        self.on_round_trip: Callable[[float], None] | None = None

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        ttl: int | None = None,
        refresh_on_read: bool = False,
        prefix: str = DEFAULT_PREFIX,
        cluster: bool = False,
        socket_timeout: float = 5.0,
        connect_timeout: float = 2.0,
        retries: int = 2,
        serde: SerializerProtocol | None = None,
    ) -> RedisSaver:
        """Build the sync and async clients from one URL (redis://, rediss://, unix://).

        A call fails with `CheckpointerUnavailable` after at most `retries` retries with
        exponential backoff, each bounded by the socket timeouts.
        """
        options: dict[str, Any] = {
            "socket_timeout": socket_timeout,
            "socket_connect_timeout": connect_timeout,
            "health_check_interval": 15,
        }
        backoff = redis.backoff.ExponentialWithJitterBackoff(cap=1.0, base=0.05)
        sync_retry = redis.retry.Retry(backoff, retries, supported_errors=_CONNECTION_ERRORS)
        async_retry = redis.asyncio.retry.Retry(
            backoff, retries, supported_errors=_CONNECTION_ERRORS
        )
        if cluster:
            sync_client: Any = redis.cluster.RedisCluster.from_url(url, retry=sync_retry, **options)
            async_client: Any = redis.asyncio.cluster.RedisCluster.from_url(
                url, retry=async_retry, **options
            )
        else:
            sync_client = redis.Redis.from_url(url, retry=sync_retry, **options)
            async_client = redis.asyncio.Redis.from_url(url, retry=async_retry, **options)
        return cls(
            sync_client,
            async_client,
            ttl=ttl,
            refresh_on_read=refresh_on_read,
            prefix=prefix,
            serde=serde,
        )

    @property
    def client(self) -> redis.Redis | redis.cluster.RedisCluster:
        """The sync Redis client (shared with the service's other Redis uses)."""
        return self._sync

    @property
    def ttl(self) -> int | None:
        return self.core.ttl

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        if self._script is not None:
            self._script.close()
        self._sync.close()

    async def aclose(self) -> None:
        if self._ascript is not None:
            await self._ascript.aclose()
        await self._async.aclose()

    def __enter__(self) -> RedisSaver:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> RedisSaver:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def lock(self, thread_id: str, *, timeout: float, blocking_timeout: float) -> Any:
        """A Redis lock in the thread's slot (for one turn at a time per conversation);
        it expires after `timeout` seconds even if its holder dies."""
        # Not thread-local: a streamed turn is released by the thread that ran it.
        return self._sync.lock(
            self.core.keys(thread_id).lock,
            timeout=timeout,
            blocking_timeout=blocking_timeout,
            thread_local=False,
        )

    @contextmanager
    def one_read(self) -> Iterator[None]:
        """Within the block, a thread's latest checkpoint is fetched once: the next read
        of it gets what the first one fetched (once), and any write to the thread drops
        it. A turn reads the conversation to look for a turn cut short, then LangGraph
        reads it again to start; under the turn's lock nothing changes in between."""
        token = _READS.set({})
        try:
            yield
        finally:
            _READS.reset(token)

    def ping(self) -> bool:
        """True when Redis answers; raises `CheckpointerUnavailable` otherwise."""
        with _translated():
            return bool(self._sync.ping())

    # -- drivers: run a plan's batches, one pipeline (one round trip) per batch --------

    @contextmanager
    def _round_trip(self) -> Iterator[None]:
        """What both drivers do around a batch: count it, time it, translate errors."""
        self.round_trips += 1
        started = time.perf_counter()
        try:
            with _translated():
                yield
        finally:
            if self.on_round_trip is not None:
                self.on_round_trip(time.perf_counter() - started)

    def _execute(self, batch: Batch) -> list[Any]:
        with self._round_trip():
            try:
                return self._send(_by_sha(batch))
            except redis.exceptions.NoScriptError:
                # Not cached on that node yet: EVAL caches it. Every write is
                # idempotent, so re-sending the batch is safe.
                return self._send(batch)

    def _send(self, batch: Batch) -> list[Any]:
        if self._script is not None and all(command[0] in _RAW for command in batch):
            return self._script.many(batch, atomic=len(batch) > 1)
        if len(batch) == 1:
            return [self._sync.execute_command(*batch[0])]
        pipe = self._sync.pipeline(transaction=False)
        for command in batch:
            pipe.execute_command(*command)
        return pipe.execute()

    async def _aexecute(self, batch: Batch) -> list[Any]:
        with self._round_trip():
            try:
                return await self._asend(_by_sha(batch))
            except redis.exceptions.NoScriptError:
                return await self._asend(batch)

    async def _asend(self, batch: Batch) -> list[Any]:
        if self._ascript is not None and all(command[0] in _RAW for command in batch):
            return await self._ascript.many(batch, atomic=len(batch) > 1)
        if len(batch) == 1:
            return [await self._async.execute_command(*batch[0])]
        pipe = self._async.pipeline(transaction=False)
        for command in batch:
            pipe.execute_command(*command)
        return await pipe.execute()

    def _run(self, plan: Plan) -> Any:
        try:
            batch = next(plan)
            while True:
                batch = plan.send(self._execute(batch))
        except StopIteration as done:
            return done.value

    async def _arun(self, plan: Plan) -> Any:
        try:
            batch = next(plan)
            while True:
                batch = plan.send(await self._aexecute(batch))
        except StopIteration as done:
            return done.value

    def _iterate(self, plan: ListPlan) -> Iterator[CheckpointTuple]:
        reply: list[Any] | None = None
        while True:
            try:
                item = plan.send(reply)
            except StopIteration:
                return
            if isinstance(item, CheckpointTuple):
                reply = None
                yield item
            else:
                reply = self._execute(item)

    async def _aiterate(self, plan: ListPlan) -> AsyncIterator[CheckpointTuple]:
        reply: list[Any] | None = None
        while True:
            try:
                item = plan.send(reply)
            except StopIteration:
                return
            if isinstance(item, CheckpointTuple):
                reply = None
                yield item
            else:
                reply = await self._aexecute(item)

    # -- list helpers ----------------------------------------------------------------

    def _list_plans(
        self,
        thread_ids: list[str],
        config: RunnableConfig | None,
        filter: dict[str, Any] | None,
        before: RunnableConfig | None,
        limit: int | None,
    ) -> Iterator[ListPlan]:
        ns = config["configurable"].get("checkpoint_ns") if config else None
        before_id = get_checkpoint_id(before) if before else None
        for thread_id in thread_ids:
            yield self.core.list_thread(
                thread_id, ns, filter=filter, before_id=before_id, limit=limit
            )

    def _thread_ids(self) -> list[str]:
        # Admin-only: listing without a thread walks the keyspace (never per request).
        pattern = timeline_pattern(self.core.prefix)
        with _translated():
            keys = self._sync.scan_iter(match=pattern, count=1000)
            return sorted(thread_id_from_timeline_key(self.core.prefix, k.decode()) for k in keys)

    async def _athread_ids(self) -> list[str]:
        pattern = timeline_pattern(self.core.prefix)
        try:
            found = [k async for k in self._async.scan_iter(match=pattern, count=1000)]
        except (redis.exceptions.RedisError, OSError) as exc:
            raise translate_error(exc) from exc
        return sorted(thread_id_from_timeline_key(self.core.prefix, k.decode()) for k in found)

    # -- sync API ----------------------------------------------------------------------

    def get_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        reads, key = _READS.get(), _latest(config)
        if reads is not None and key is not None and key in reads:
            return reads.pop(key)
        found = self._run(self.core.get_tuple(config))
        if reads is not None and key is not None:
            reads[key] = _copied(found)
        return found

    def list(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> Iterator[CheckpointTuple]:
        if config is not None:
            thread_ids = [str(config["configurable"]["thread_id"])]
        else:
            thread_ids = self._thread_ids()
        remaining = limit
        for plan in self._list_plans(thread_ids, config, filter, before, remaining):
            for item in self._iterate(plan):
                yield item
                if remaining is not None:
                    remaining -= 1
                    if remaining <= 0:
                        return

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        _forget(config)
        return self._run(self.core.put(config, checkpoint, metadata, new_versions))

    def put_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        _forget(config)
        self._run(self.core.put_writes(config, writes, task_id, task_path))

    def delete_thread(self, thread_id: str) -> None:
        _forget_thread(thread_id)
        self._run(self.core.delete_thread(str(thread_id)))

    def delete_for_runs(self, run_ids: Sequence[str]) -> None:
        self._run(self.core.delete_for_runs(run_ids))

    def copy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        _forget_thread(target_thread_id)
        self._run(self.core.copy_thread(str(source_thread_id), str(target_thread_id)))

    def prune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        for thread_id in thread_ids:
            _forget_thread(thread_id)
        self._run(self.core.prune([str(t) for t in thread_ids], strategy))

    # -- async API ---------------------------------------------------------------------

    async def aget_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        return await self._arun(self.core.get_tuple(config))

    async def alist(
        self,
        config: RunnableConfig | None,
        *,
        filter: dict[str, Any] | None = None,
        before: RunnableConfig | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[CheckpointTuple]:
        if config is not None:
            thread_ids = [str(config["configurable"]["thread_id"])]
        else:
            thread_ids = await self._athread_ids()
        remaining = limit
        for plan in self._list_plans(thread_ids, config, filter, before, remaining):
            async for item in self._aiterate(plan):
                yield item
                if remaining is not None:
                    remaining -= 1
                    if remaining <= 0:
                        return

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        _forget(config)
        return await self._arun(self.core.put(config, checkpoint, metadata, new_versions))

    async def aput_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        _forget(config)
        await self._arun(self.core.put_writes(config, writes, task_id, task_path))

    async def adelete_thread(self, thread_id: str) -> None:
        _forget_thread(thread_id)
        await self._arun(self.core.delete_thread(str(thread_id)))

    async def adelete_for_runs(self, run_ids: Sequence[str]) -> None:
        await self._arun(self.core.delete_for_runs(run_ids))

    async def acopy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        _forget_thread(target_thread_id)
        await self._arun(self.core.copy_thread(str(source_thread_id), str(target_thread_id)))

    async def aprune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        for thread_id in thread_ids:
            _forget_thread(thread_id)
        await self._arun(self.core.prune([str(t) for t in thread_ids], strategy))

    def get_next_version(self, current: str | None, channel: None) -> str:
        return next_version(current)


def _latest(config: RunnableConfig) -> tuple[str, str] | None:
    """The key of a read of a thread's latest checkpoint (None: a given checkpoint)."""
    configurable = config.get("configurable", {})
    if get_checkpoint_id(config) or "thread_id" not in configurable:
        return None
    return str(configurable["thread_id"]), str(configurable.get("checkpoint_ns", ""))


def _copied(found: CheckpointTuple | None) -> CheckpointTuple | None:
    """A copy for the second reader: LangGraph's state snapshot applies pending writes to
    the checkpoint's version maps in place (values are replaced, never changed in place)."""
    if found is None:
        return None
    return found._replace(
        checkpoint=copy_checkpoint(found.checkpoint),
        metadata=dict(found.metadata),
        pending_writes=list(found.pending_writes or []),
    )


def _forget(config: RunnableConfig) -> None:
    thread_id = config.get("configurable", {}).get("thread_id")
    if thread_id is not None:
        _forget_thread(thread_id)


def _forget_thread(thread_id: str) -> None:
    reads = _READS.get()
    if reads:  # LangGraph writes from its own thread: copy the keys, pop what is left
        for key in [k for k in list(reads) if k[0] == str(thread_id)]:
            reads.pop(key, None)


_SCRIPT_SHAS: dict[str, str] = {}
# The request path's commands, whose raw replies are what the plans want (redis-py's reply
# callbacks would change nothing): a batch of only these skips the client's pipeline.
_RAW = frozenset({"EVAL", "EVALSHA", "HSET", "HSETNX", "SADD", "EXPIRE"})


def _by_sha(batch: Batch) -> Batch:
    """EVAL script ... -> EVALSHA sha1 ...: script bodies travel only when Redis has not
    cached them yet (NoScriptError)."""
    return [
        ("EVALSHA", _sha(command[1]), *command[2:]) if command[0] == "EVAL" else command
        for command in batch
    ]


def _sha(script: str) -> str:
    if script not in _SCRIPT_SHAS:
        _SCRIPT_SHAS[script] = hashlib.sha1(script.encode()).hexdigest()
    return _SCRIPT_SHAS[script]


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except (redis.exceptions.RedisError, OSError) as exc:
        raise translate_error(exc) from exc


__all__ = ["CheckpointerError", "CheckpointerUnavailable", "RedisSaver", "translate_error"]
