"""Concurrent requests' texts are encoded together, and every caller gets its own rows."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from knowledge.encoders.batching import CoalescingEncoder
from knowledge.encoders.embeddings import LocalEmbeddings


def vector_of(text: str) -> np.ndarray:
    return np.array([len(text), sum(map(ord, text)) % 997], dtype=np.float32)


class SlowModel:
    """Stands in for the model: its first call waits until the test lets it go, so that
    the other callers queue meanwhile."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.batches: list[list[str]] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.fail_on = fail_on

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        if len(self.batches) == 1:
            self.started.set()
            assert self.release.wait(10)
        if self.fail_on in texts:
            raise RuntimeError("the model failed")
        return np.stack([vector_of(t) for t in texts])


def queue_behind_first(model: SlowModel, coalescer: CoalescingEncoder, calls: list[list[str]]):
    """Runs the first call, then the others while it is encoding; returns their futures."""
    pool = ThreadPoolExecutor(max_workers=len(calls))
    first = pool.submit(coalescer.encode, calls[0])
    assert model.started.wait(10)
    rest = [pool.submit(coalescer.encode, texts) for texts in calls[1:]]
    time.sleep(0.3)  # every other caller is now waiting
    model.release.set()
    pool.shutdown(wait=True)
    return [first, *rest]


def test_callers_who_arrive_during_a_batch_are_encoded_together() -> None:
    model = SlowModel()
    coalescer = CoalescingEncoder(model, max_texts=32)
    calls = [["first"], *[[f"question {i}", f"sentence {i}"] for i in range(7)]]
    futures = queue_behind_first(model, coalescer, calls)
    for texts, future in zip(calls, futures, strict=True):
        assert np.array_equal(future.result(), np.stack([vector_of(t) for t in texts]))
    assert len(model.batches) == 2  # the first alone, then the seven waiting ones at once
    assert sorted(model.batches[1]) == sorted(t for texts in calls[1:] for t in texts)


def test_a_batch_holds_at_most_max_texts() -> None:
    model = SlowModel()
    coalescer = CoalescingEncoder(model, max_texts=3)
    calls = [["first"], *[[f"q{i}"] for i in range(7)], [f"big {i}" for i in range(5)]]
    futures = queue_behind_first(model, coalescer, calls)
    for texts, future in zip(calls, futures, strict=True):
        assert np.array_equal(future.result(), np.stack([vector_of(t) for t in texts]))
    assert all(len(b) <= 3 for b in model.batches if not b[0].startswith("big"))
    assert ["big 0", "big 1", "big 2", "big 3", "big 4"] in model.batches  # alone, not split
    assert len(model.batches) < len(calls)


def test_a_failed_batch_fails_its_callers_and_the_next_call_works() -> None:
    model = SlowModel(fail_on="poison")
    coalescer = CoalescingEncoder(model, max_texts=32)
    calls = [["first"], ["poison"], ["innocent"]]
    first, poisoned, innocent = queue_behind_first(model, coalescer, calls)
    assert np.array_equal(first.result(), vector_of("first")[None])
    for future in (poisoned, innocent):  # both were in the batch that failed
        with pytest.raises(RuntimeError, match="the model failed"):
            future.result()
    assert np.array_equal(coalescer.encode(["again"]), vector_of("again")[None])


def test_the_real_model_gives_the_same_vectors_when_questions_are_coalesced(
    embeddings: LocalEmbeddings,
) -> None:
    questions = [f"How long are conversations kept, case {i}?" for i in range(24)]
    one_by_one = np.stack([embeddings.encode([q], query=True)[0] for q in questions])
    fresh = LocalEmbeddings(embeddings.model_path, backend=embeddings.backend)
    with ThreadPoolExecutor(max_workers=12) as pool:
        together = np.stack(list(pool.map(fresh.embed_query, questions)))
    assert np.allclose(together, one_by_one, atol=1e-5)
