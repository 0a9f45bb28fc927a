"""Key layout of the Redis checkpointer.

Every key of one thread carries the thread id as its Redis Cluster hash tag, so all
of a conversation lives in one slot: a turn's writes can be pipelined to one node
and the read script may touch all of them. A thread owns a fixed set of keys, however
long it grows, which keeps the sliding TTL refresh cheap.

    {prefix}:{<thread>}:checkpoints   HASH  ns\\0checkpoint_id -> checkpoint record
    {prefix}:{<thread>}:timeline      ZSET  ns\\0checkpoint_id (score 0, ordered by lex)
    {prefix}:{<thread>}:blobs         HASH  ns\\0channel\\0version -> typed value
    {prefix}:{<thread>}:writes        HASH  ns\\0checkpoint_id\\0task_id\\0idx -> write
    {prefix}:{<thread>}:write_index   ZSET  the writes' field names (score 0, lex)
    {prefix}:{<thread>}:runs          HASH  ns\\0checkpoint_id -> run_id
    {prefix}:run:{<run_id>}           SET   thread\\0ns\\0checkpoint_id (for delete_for_runs)

Checkpoint ids are uuid6 strings, which sort by time, so lexicographic order of the
timeline is checkpoint order.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

DEFAULT_PREFIX = "lg"
SEP = b"\x00"
# Lex-range bounds: every member starting with `x\0` sorts before `x\1`.
_AFTER_SEP = b"\x01"

_ESCAPES = (("%", "%25"), ("{", "%7B"), ("}", "%7D"))


def escape_tag(value: str) -> str:
    """Make an id safe inside a hash tag: braces would end the tag early."""
    if not value:
        raise ValueError("thread and run ids must be non-empty strings")
    if "\x00" in value:
        raise ValueError("thread and run ids must not contain NUL characters")
    for raw, escaped in _ESCAPES:
        value = value.replace(raw, escaped)
    return value


def unescape_tag(value: str) -> str:
    for raw, escaped in reversed(_ESCAPES):
        value = value.replace(escaped, raw)
    return value


def check_namespace(checkpoint_ns: str) -> bytes:
    if "\x00" in checkpoint_ns:
        raise ValueError("checkpoint_ns must not contain NUL characters")
    return checkpoint_ns.encode()


@dataclass(frozen=True)
class ThreadKeys:
    """The keys of one thread, all in the same cluster slot."""

    thread_id: str
    checkpoints: str
    timeline: str
    blobs: str
    writes: str
    write_index: str
    runs: str
    # An application's per-thread lock (one turn at a time); not thread data, so not in
    # `all`: deleting a thread must not break a lock a turn holds.
    lock: str

    @classmethod
    @functools.lru_cache(maxsize=4096)  # every call of a turn needs the same keys
    def build(cls, prefix: str, thread_id: str) -> ThreadKeys:
        base = f"{prefix}:{{{escape_tag(thread_id)}}}"
        return cls(
            thread_id=thread_id,
            checkpoints=f"{base}:checkpoints",
            timeline=f"{base}:timeline",
            blobs=f"{base}:blobs",
            writes=f"{base}:writes",
            write_index=f"{base}:write_index",
            runs=f"{base}:runs",
            lock=f"{base}:lock",
        )

    @property
    def all(self) -> tuple[str, ...]:
        return (
            self.checkpoints,
            self.timeline,
            self.blobs,
            self.writes,
            self.write_index,
            self.runs,
        )


def run_key(prefix: str, run_id: str) -> str:
    return f"{prefix}:run:{{{escape_tag(run_id)}}}"


def timeline_pattern(prefix: str) -> str:
    """SCAN pattern that finds every thread (admin listing only, never per request)."""
    return f"{prefix}:{{*}}:timeline"


def thread_id_from_timeline_key(prefix: str, key: str) -> str:
    tag = key[len(prefix) + 2 : -len("}:timeline")]
    return unescape_tag(tag)


def checkpoint_member(ns: bytes, checkpoint_id: str) -> bytes:
    return ns + SEP + checkpoint_id.encode()


def split_checkpoint_member(member: bytes) -> tuple[str, str]:
    ns, checkpoint_id = member.rsplit(SEP, 1)
    return ns.decode(), checkpoint_id.decode()


def namespace_range(ns: bytes) -> tuple[bytes, bytes]:
    """(min, max) lex bounds of the timeline members of one namespace."""
    return b"[" + ns + SEP, b"(" + ns + _AFTER_SEP


def blob_field(ns: bytes, channel: str, version: str | int | float) -> bytes:
    return ns + SEP + channel.encode() + SEP + str(version).encode()


def write_field(ns: bytes, checkpoint_id: str, task_id: str, idx: int) -> bytes:
    return checkpoint_member(ns, checkpoint_id) + SEP + task_id.encode() + SEP + str(idx).encode()


def split_write_field(field: bytes) -> tuple[str, str, str, int]:
    ns, checkpoint_id, task_id, idx = field.split(SEP)
    return ns.decode(), checkpoint_id.decode(), task_id.decode(), int(idx)


def writes_range(ns: bytes, checkpoint_id: str) -> tuple[bytes, bytes]:
    """(min, max) lex bounds of the write fields of one checkpoint."""
    member = checkpoint_member(ns, checkpoint_id)
    return b"[" + member + SEP, b"(" + member + _AFTER_SEP


def run_member(thread_id: str, ns: bytes, checkpoint_id: str) -> bytes:
    return thread_id.encode() + SEP + checkpoint_member(ns, checkpoint_id)


def split_run_member(member: bytes) -> tuple[str, str, str]:
    thread_id, rest = member.split(SEP, 1)
    ns, checkpoint_id = split_checkpoint_member(rest)
    return thread_id.decode(), ns, checkpoint_id
