"""The record format: how checkpoints, channel values and pending writes are encoded in
Redis values, and how versions are numbered."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import ormsgpack
from langgraph.checkpoint.base import (
    Checkpoint,
    CheckpointMetadata,
    PendingWrite,
    writes_sort_key,
)
from langgraph.checkpoint.serde.base import SerializerProtocol

from utils.checkpointer.keys import SEP, split_write_field

# A channel listed in new_versions but holding no value (an empty channel).
EMPTY_BLOB = b"empty" + SEP


def next_version(current: str | int | float | None) -> str:
    """Versions are zero-padded counters with a random suffix, so two forks of one
    thread that reach the same step never share a blob key."""
    if current is None:
        counter = 0
    elif isinstance(current, str):
        counter = int(current.split(".")[0])
    else:
        counter = int(current)
    return f"{counter + 1:032}.{random.random():016}"


def _netstring(data: bytes) -> bytes:
    return str(len(data)).encode() + b":" + data


class RecordFormat:
    """Encodes and decodes with the saver's serializer."""

    def __init__(self, serde: SerializerProtocol) -> None:
        self.serde = serde

    def dump_value(self, value: Any) -> bytes:
        type_, data = self.serde.dumps_typed(value)
        return type_.encode() + SEP + data

    def load_value(self, blob: bytes) -> tuple[bool, Any]:
        type_, data = blob.split(SEP, 1)
        if type_ == b"empty":
            return False, None
        return True, self.serde.loads_typed((type_.decode(), data))

    def dump_record(
        self,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        parent_id: str | None,
        blob_fields: Sequence[bytes],
    ) -> bytes:
        """The record leads with its blob fields so the read script can fetch them."""
        cp_type, cp_data = self.serde.dumps_typed(checkpoint)
        md_type, md_data = self.serde.dumps_typed(metadata)
        refs = b"".join(_netstring(field) for field in blob_fields)
        body = ormsgpack.packb([cp_type, cp_data, md_type, md_data, parent_id])
        return _netstring(refs) + body

    def load_record(self, record: bytes) -> tuple[Checkpoint, CheckpointMetadata, str | None]:
        colon = record.index(b":")
        body = record[colon + 1 + int(record[:colon]) :]
        cp_type, cp_data, md_type, md_data, parent_id = ormsgpack.unpackb(body)
        checkpoint = self.serde.loads_typed((cp_type, cp_data))
        metadata = self.serde.loads_typed((md_type, md_data))
        return checkpoint, metadata, parent_id

    def channel_values(
        self, checkpoint: Checkpoint, blobs: Sequence[bytes | None]
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for channel, blob in zip(checkpoint["channel_versions"], blobs, strict=True):
            if blob is None:
                continue
            present, value = self.load_value(blob)
            if present:
                values[channel] = value
        return values

    def dump_write(self, task_path: str, channel: str, value: Any) -> bytes:
        type_, data = self.serde.dumps_typed(value)
        return ormsgpack.packb([task_path, channel, type_, data])

    def pending_writes(
        self, names: Sequence[bytes], payloads: Sequence[bytes | None]
    ) -> list[PendingWrite]:
        keyed: list[tuple[tuple[str, str, int], PendingWrite]] = []
        for name, payload in zip(names, payloads, strict=True):
            if payload is None:
                continue
            _, _, task_id, idx = split_write_field(name)
            task_path, channel, type_, data = ormsgpack.unpackb(payload)
            value = self.serde.loads_typed((type_, data))
            keyed.append((writes_sort_key(task_path, task_id, idx), (task_id, channel, value)))
        keyed.sort(key=lambda item: item[0])
        return [write for _, write in keyed]
