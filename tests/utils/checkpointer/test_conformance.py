"""LangGraph's official checkpointer conformance suite, through both halves of the saver."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from langgraph.checkpoint.conformance import checkpointer_test, validate

from utils.checkpointer import RedisSaver


class SyncAPIUnderTest(RedisSaver):
    """Routes the suite's async calls to the saver's *sync* methods (in a worker thread),
    so the same conformance cases exercise the sync half."""

    async def aget_tuple(self, config):  # type: ignore[no-untyped-def]
        return await asyncio.to_thread(self.get_tuple, config)

    async def alist(self, config, *, filter=None, before=None, limit=None) -> AsyncIterator[Any]:  # type: ignore[no-untyped-def]
        items = await asyncio.to_thread(
            lambda: list(self.list(config, filter=filter, before=before, limit=limit))
        )
        for item in items:
            yield item

    async def aput(self, config, checkpoint, metadata, new_versions):  # type: ignore[no-untyped-def]
        return await asyncio.to_thread(self.put, config, checkpoint, metadata, new_versions)

    async def aput_writes(self, config, writes, task_id, task_path=""):  # type: ignore[no-untyped-def]
        await asyncio.to_thread(self.put_writes, config, writes, task_id, task_path)

    async def adelete_thread(self, thread_id: str) -> None:
        await asyncio.to_thread(self.delete_thread, thread_id)

    async def adelete_for_runs(self, run_ids: Sequence[str]) -> None:
        await asyncio.to_thread(self.delete_for_runs, run_ids)

    async def acopy_thread(self, source_thread_id: str, target_thread_id: str) -> None:
        await asyncio.to_thread(self.copy_thread, source_thread_id, target_thread_id)

    async def aprune(self, thread_ids: Sequence[str], *, strategy: str = "keep_latest") -> None:
        await asyncio.to_thread(self.prune, thread_ids, strategy=strategy)


@pytest.mark.parametrize("saver_class", [RedisSaver, SyncAPIUnderTest], ids=["async", "sync"])
async def test_conformance_every_capability(redis_url: str, saver_class: type[RedisSaver]) -> None:
    @checkpointer_test(name=f"RedisSaver[{saver_class.__name__}]")
    async def factory() -> AsyncIterator[RedisSaver]:
        saver = saver_class.from_url(redis_url, ttl=3600, prefix=f"conf{uuid.uuid4().hex[:8]}")
        yield saver
        await saver.aclose()
        saver.close()

    report = await validate(factory)
    report.print_report()
    failures = {name: r.failures for name, r in report.results.items() if r.failures}
    assert report.passed_all(), failures
    assert all(r.detected for r in report.results.values()), "a capability was not detected"
