"""The saver's plans: everything it does that is not I/O.

Each operation is a *plan*: a generator that yields batches of Redis commands and is
sent back their replies. The sync and async halves of `RedisSaver` only differ in the
driver that runs a batch (one pipeline, so one round trip), which keeps the two halves
identical by construction. `list` plans also yield the `CheckpointTuple`s they find.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Iterable, Sequence
from typing import Any, cast

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    WRITES_IDX_MAP,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    get_checkpoint_id,
    get_serializable_checkpoint_metadata,
)
from langgraph.checkpoint.serde.base import SerializerProtocol

from utils.checkpointer.keys import (
    SEP,
    ThreadKeys,
    blob_field,
    check_namespace,
    checkpoint_member,
    namespace_range,
    run_key,
    run_member,
    split_checkpoint_member,
    split_run_member,
    write_field,
    writes_range,
)
from utils.checkpointer.records import EMPTY_BLOB, RecordFormat
from utils.checkpointer.scripts import PUT_CHECKPOINT_LUA, PUT_WRITES_LUA, READ_CHECKPOINT_LUA

Command = tuple[Any, ...]
Batch = list[Command]
Plan = Generator[Batch, list[Any], Any]
ListPlan = Generator[Batch | CheckpointTuple, list[Any] | None, None]

# Checkpoints fetched per page while listing.
LIST_PAGE_SIZE = 50


def _config(thread_id: str, ns: str, checkpoint_id: str) -> RunnableConfig:
    return {
        "configurable": {
            "thread_id": thread_id,
            "checkpoint_ns": ns,
            "checkpoint_id": checkpoint_id,
        }
    }


def _pairs(mapping: dict[bytes, bytes]) -> list[bytes]:
    return [item for pair in mapping.items() for item in pair]


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SaverCore:
    """Serialisation and command plans shared by both halves of `RedisSaver`."""

    def __init__(
        self,
        *,
        serde: SerializerProtocol,
        prefix: str,
        ttl: int | None,
        refresh_on_read: bool,
    ) -> None:
        if ttl is not None and ttl <= 0:
            raise ValueError("ttl must be a positive number of seconds, or None")
        self.records = RecordFormat(serde)
        self.prefix = prefix
        self.ttl = ttl
        self.refresh_on_read = refresh_on_read

    # -- keys and encoding -------------------------------------------------------

    def keys(self, thread_id: str) -> ThreadKeys:
        return ThreadKeys.build(self.prefix, str(thread_id))

    def _expire(self, keys: Iterable[str]) -> Batch:
        if not self.ttl:
            return []
        return [("EXPIRE", key, self.ttl) for key in keys]

    def _blob_fields(self, ns: bytes, checkpoint: Checkpoint) -> list[bytes]:
        return [blob_field(ns, ch, ver) for ch, ver in checkpoint["channel_versions"].items()]

    def _tuple(
        self,
        *,
        thread_id: str,
        ns: str,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        parent_id: str | None,
        blobs: Sequence[bytes | None],
        write_names: Sequence[bytes],
        write_payloads: Sequence[bytes | None],
    ) -> CheckpointTuple:
        checkpoint["channel_values"] = self.records.channel_values(checkpoint, blobs)
        return CheckpointTuple(
            config=_config(thread_id, ns, checkpoint["id"]),
            checkpoint=checkpoint,
            metadata=metadata,
            parent_config=_config(thread_id, ns, parent_id) if parent_id else None,
            pending_writes=self.records.pending_writes(write_names, write_payloads),
        )

    # -- plans ---------------------------------------------------------------------

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> Plan:
        configurable = config["configurable"]
        thread_id = str(configurable["thread_id"])
        ns_text = configurable.get("checkpoint_ns", "")
        ns = check_namespace(ns_text)
        keys = self.keys(thread_id)

        stored = cast(Checkpoint, dict(checkpoint))
        values = stored.pop("channel_values", {})  # type: ignore[misc]
        blob_args: list[bytes] = []
        for channel, version in new_versions.items():
            blob = self.records.dump_value(values[channel]) if channel in values else EMPTY_BLOB
            blob_args += [blob_field(ns, channel, version), blob]

        metadata = get_serializable_checkpoint_metadata(config, metadata)
        member = checkpoint_member(ns, checkpoint["id"])
        record = self.records.dump_record(
            stored,
            metadata,
            configurable.get("checkpoint_id"),
            self._blob_fields(ns, checkpoint),
        )

        run_id = str(metadata.get("run_id") or "")
        # The blobs first, outside the script (scripts.py says why): the record that
        # names them is stored after them.
        batch: Batch = [("HSET", keys.blobs, *blob_args)] if blob_args else []
        batch.append(
            ("EVAL", PUT_CHECKPOINT_LUA, len(keys.all), *keys.all, self.ttl or 0, member, record,
             run_id, *blob_args[::2])
        )  # fmt: skip
        if run_id:  # the run index lives in another slot: a second command, same round trip
            runs_index = run_key(self.prefix, run_id)
            batch.append(("SADD", runs_index, run_member(thread_id, ns, checkpoint["id"])))
            batch += self._expire([runs_index])
        yield batch
        return _config(thread_id, ns_text, checkpoint["id"])

    def put_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str,
    ) -> Plan:
        if not writes:
            return
        configurable = config["configurable"]
        keys = self.keys(configurable["thread_id"])
        ns = check_namespace(configurable.get("checkpoint_ns", ""))
        checkpoint_id = configurable["checkpoint_id"]
        # Special writes (errors, interrupts...) replace an earlier one; regular writes
        # never overwrite, so a retried task cannot change what was recorded.
        replace = all(ch in WRITES_IDX_MAP for ch, _ in writes)
        fields: list[bytes] = []
        batch: Batch = []
        for idx, (channel, value) in enumerate(writes):
            field = write_field(ns, checkpoint_id, task_id, WRITES_IDX_MAP.get(channel, idx))
            fields.append(field)
            payload = self.records.dump_write(task_path, channel, value)
            batch.append(("HSET" if replace else "HSETNX", keys.writes, field, payload))
        # The payloads first, then the index that makes them visible (scripts.py).
        batch.append(("EVAL", PUT_WRITES_LUA, len(keys.all), *keys.all, self.ttl or 0, *fields))
        yield batch

    def get_tuple(self, config: RunnableConfig) -> Plan:
        configurable = config["configurable"]
        thread_id = str(configurable["thread_id"])
        ns_text = configurable.get("checkpoint_ns", "")
        ns = check_namespace(ns_text)
        keys = self.keys(thread_id)
        ttl = self.ttl if (self.refresh_on_read and self.ttl) else 0
        [reply] = yield [
            (
                "EVAL",
                READ_CHECKPOINT_LUA,
                6,
                keys.checkpoints,
                keys.timeline,
                keys.blobs,
                keys.writes,
                keys.write_index,
                keys.runs,
                ns,
                get_checkpoint_id(config) or "",
                ttl,
            )
        ]
        if not reply:
            return None
        _, record, blobs, write_names, write_payloads = reply
        checkpoint, metadata, parent_id = self.records.load_record(record)
        return self._tuple(
            thread_id=thread_id,
            ns=ns_text,
            checkpoint=checkpoint,
            metadata=metadata,
            parent_id=parent_id,
            blobs=blobs,
            write_names=write_names,
            write_payloads=write_payloads,
        )

    def list_thread(
        self,
        thread_id: str,
        ns_text: str | None,
        *,
        filter: dict[str, Any] | None,
        before_id: str | None,
        limit: int | None,
    ) -> ListPlan:
        """Checkpoints of one thread, newest first; one namespace or all of them."""
        keys = self.keys(thread_id)
        refresh = self._expire(keys.all) if self.refresh_on_read else []
        if ns_text is not None:
            ns = check_namespace(ns_text)
            low, high = namespace_range(ns)
            if before_id:
                high = b"(" + checkpoint_member(ns, before_id)
            command: Command = ("ZREVRANGEBYLEX", keys.timeline, high, low)
            if limit and not filter:
                command += ("LIMIT", 0, limit)
            replies = yield [command, *refresh]
            entries = [split_checkpoint_member(m) for m in replies[0]]
        else:
            replies = yield [("ZRANGE", keys.timeline, 0, -1), *refresh]
            entries = sorted(
                (split_checkpoint_member(m) for m in replies[0]),
                key=lambda entry: entry[1],
                reverse=True,
            )
            if before_id:
                entries = [e for e in entries if e[1] < before_id]

        remaining = limit
        for page in _chunks(entries, LIST_PAGE_SIZE):
            members = [checkpoint_member(ns_.encode(), cid) for ns_, cid in page]
            [records] = yield [("HMGET", keys.checkpoints, *members)]
            found = []
            for (entry_ns, _), record in zip(page, records, strict=True):
                if record is None:  # removed since the timeline was read
                    continue
                checkpoint, metadata, parent_id = self.records.load_record(record)
                if filter and any(metadata.get(k) != v for k, v in filter.items()):
                    continue
                found.append((entry_ns, checkpoint, metadata, parent_id))
                if remaining is not None and len(found) >= remaining:
                    break
            if not found:
                continue
            # One round trip for every found checkpoint's write names and blobs ...
            blob_fields = [self._blob_fields(ns_.encode(), cp) for ns_, cp, _, _ in found]
            batch: Batch = [
                ("ZRANGEBYLEX", keys.write_index, *writes_range(ns_.encode(), cp["id"]))
                for ns_, cp, _, _ in found
            ]
            batch += [("HMGET", keys.blobs, *fields) for fields in blob_fields if fields]
            replies = yield batch
            names_per_cp = replies[: len(found)]
            blob_replies = iter(replies[len(found) :])
            blobs_per_cp = [next(blob_replies) if fields else [] for fields in blob_fields]
            # ... and one for the write payloads.
            payload_batch = [("HMGET", keys.writes, *names) for names in names_per_cp if names]
            payload_replies = iter((yield payload_batch) if payload_batch else [])
            for (entry_ns, checkpoint, metadata, parent_id), blobs, names in zip(
                found, blobs_per_cp, names_per_cp, strict=True
            ):
                yield self._tuple(
                    thread_id=thread_id,
                    ns=entry_ns,
                    checkpoint=checkpoint,
                    metadata=metadata,
                    parent_id=parent_id,
                    blobs=blobs,
                    write_names=names,
                    write_payloads=next(payload_replies) if names else [],
                )
            if remaining is not None:
                remaining -= len(found)
                if remaining <= 0:
                    return

    def delete_thread(self, thread_id: str) -> Plan:
        keys = self.keys(thread_id)
        [runs] = yield [("HGETALL", keys.runs)]
        batch: Batch = [("DEL", *keys.all)]
        batch += self._unindex_runs(thread_id, runs)
        yield batch

    def _unindex_runs(self, thread_id: str, runs: dict[bytes, bytes]) -> Batch:
        """SREM commands removing checkpoints (member -> run id) from the run index."""
        by_run: dict[bytes, list[bytes]] = defaultdict(list)
        for member, run_id in runs.items():
            by_run[run_id].append(thread_id.encode() + SEP + member)
        return [
            ("SREM", run_key(self.prefix, run_id.decode()), *members)
            for run_id, members in by_run.items()
        ]

    def delete_for_runs(self, run_ids: Sequence[str]) -> Plan:
        if not run_ids:
            return
        run_keys = [run_key(self.prefix, str(run_id)) for run_id in run_ids]
        member_sets = yield [("SMEMBERS", key) for key in run_keys]
        targets = sorted({split_run_member(m) for members in member_sets for m in members})
        if targets:
            write_names = yield [
                (
                    "ZRANGEBYLEX",
                    self.keys(thread_id).write_index,
                    *writes_range(ns.encode(), cid),
                )
                for thread_id, ns, cid in targets
            ]
            by_thread: dict[str, tuple[list[bytes], list[bytes]]] = defaultdict(lambda: ([], []))
            for (thread_id, ns, cid), names in zip(targets, write_names, strict=True):
                members, writes = by_thread[thread_id]
                members.append(checkpoint_member(ns.encode(), cid))
                writes += names
            batch: Batch = []
            for thread_id, (members, writes) in by_thread.items():
                keys = self.keys(thread_id)
                batch += [
                    ("ZREM", keys.timeline, *members),
                    ("HDEL", keys.checkpoints, *members),
                    ("HDEL", keys.runs, *members),
                ]
                if writes:
                    batch += [("HDEL", keys.writes, *writes), ("ZREM", keys.write_index, *writes)]
            yield batch
        # One DEL per key: run keys live in different cluster slots.
        yield [("DEL", key) for key in run_keys]

    def copy_thread(self, source_thread_id: str, target_thread_id: str) -> Plan:
        source = self.keys(source_thread_id)
        target = self.keys(target_thread_id)
        checkpoints, timeline, blobs, writes, write_index, runs = yield [
            ("HGETALL", source.checkpoints),
            ("ZRANGE", source.timeline, 0, -1),
            ("HGETALL", source.blobs),
            ("HGETALL", source.writes),
            ("ZRANGE", source.write_index, 0, -1),
            ("HGETALL", source.runs),
        ]
        if not timeline:
            return
        batch: Batch = []
        if blobs:
            batch.append(("HSET", target.blobs, *_pairs(blobs)))
        if writes:
            batch.append(("HSET", target.writes, *_pairs(writes)))
            batch.append(("ZADD", target.write_index, *[a for m in write_index for a in (0, m)]))
        batch.append(("HSET", target.checkpoints, *_pairs(checkpoints)))
        if runs:
            batch.append(("HSET", target.runs, *_pairs(runs)))
            for member, run_id in runs.items():
                index = run_key(self.prefix, run_id.decode())
                batch.append(("SADD", index, target_thread_id.encode() + SEP + member))
                batch += self._expire([index])
        batch.append(("ZADD", target.timeline, *[a for m in timeline for a in (0, m)]))
        batch += self._expire(target.all)
        yield batch

    def prune(self, thread_ids: Sequence[str], strategy: str) -> Plan:
        if strategy not in ("keep_latest", "delete"):
            raise ValueError(f"unknown prune strategy {strategy!r}: use 'keep_latest' or 'delete'")
        for thread_id in thread_ids:
            if strategy == "delete":
                yield from self.delete_thread(thread_id)
            else:
                yield from self._keep_latest(thread_id)

    def _keep_latest(self, thread_id: str) -> Plan:
        keys = self.keys(thread_id)
        timeline, runs, write_names, blob_fields = yield [
            ("ZRANGE", keys.timeline, 0, -1),
            ("HGETALL", keys.runs),
            ("ZRANGE", keys.write_index, 0, -1),
            ("HKEYS", keys.blobs),
        ]
        latest: dict[bytes, bytes] = {}
        for member in timeline:  # lex order: the last member of a namespace is its newest
            latest[member.rsplit(SEP, 1)[0]] = member
        if len(latest) == len(timeline):
            return
        kept, referenced = yield from self._delta_chains(keys, list(latest.values()))
        dropped = [m for m in timeline if m not in kept]
        if not dropped:
            return
        dropped_set = set(dropped)
        stale_writes = [n for n in write_names if n.rsplit(SEP, 2)[0] in dropped_set]
        stale_blobs = [f for f in blob_fields if f not in referenced]
        batch: Batch = [
            ("ZREM", keys.timeline, *dropped),
            ("HDEL", keys.checkpoints, *dropped),
        ]
        if stale_writes:
            batch += [
                ("HDEL", keys.writes, *stale_writes),
                ("ZREM", keys.write_index, *stale_writes),
            ]
        if stale_blobs:
            batch.append(("HDEL", keys.blobs, *stale_blobs))
        dropped_runs = {m: r for m, r in runs.items() if m in dropped_set}
        if dropped_runs:
            batch.append(("HDEL", keys.runs, *dropped_runs))
            batch += self._unindex_runs(thread_id, dropped_runs)
        yield batch

    def _delta_chains(
        self, keys: ThreadKeys, heads: list[bytes]
    ) -> Generator[Batch, list[Any], tuple[set[bytes], set[bytes]]]:
        """The checkpoints `keep_latest` must keep, and the blob fields they reference.

        A `DeltaChannel` stores no value at most steps: LangGraph rebuilds it from the
        writes of the ancestors back to the nearest one holding a value (a snapshot).
        A head whose metadata counts updates since a snapshot keeps that chain, one
        generation of ancestors per two round trips; other heads keep only themselves.
        """
        kept: set[bytes] = set()
        referenced: set[bytes] = set()
        # member -> delta channels still waiting for a value; None marks a head
        pending: dict[bytes, set[str] | None] = dict.fromkeys(heads)
        while pending:
            members = list(pending)
            [records] = yield [("HMGET", keys.checkpoints, *members)]
            found = []  # (ns, parent id, channels needed, [(channel, its blob field here)])
            for member, record in zip(members, records, strict=True):
                if record is None:  # removed meanwhile
                    continue
                checkpoint, metadata, parent_id = self.records.load_record(record)
                ns = member.rsplit(SEP, 1)[0]
                kept.add(member)
                referenced.update(self._blob_fields(ns, checkpoint))
                needs = pending[member]
                if needs is None:  # a head: its delta channels hold no value by definition
                    counters = metadata.get("counters_since_delta_snapshot") or {}
                    found.append((ns, parent_id, set(counters), []))
                    continue
                versions = checkpoint["channel_versions"]
                here = [(ch, blob_field(ns, ch, versions[ch])) for ch in needs if ch in versions]
                found.append((ns, parent_id, needs, here))
            batch: Batch = [
                ("HMGET", keys.blobs, *(f for _, f in here)) for *_, here in found if here
            ]
            replies = iter((yield batch) if batch else [])
            pending = {}
            for ns, parent_id, needs, here in found:
                blobs = next(replies) if here else []
                seeded = {
                    channel
                    for (channel, _), blob in zip(here, blobs, strict=True)
                    if blob is not None and blob != EMPTY_BLOB
                }
                remaining = needs - seeded
                if remaining and parent_id:
                    parent = checkpoint_member(ns, parent_id)
                    if parent not in kept:
                        pending[parent] = (pending.get(parent) or set()) | remaining
        return kept, referenced
