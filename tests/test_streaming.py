"""Streaming on the real stack (Gunicorn + Uvicorn): the first event leaves as soon as
the model's first token does, not when the answer is complete."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stubs.llm import LLMStub
from utils.local_redis import start_redis
from utils.service_process import ServiceProcess

KEY = "stream-key"
WORDS = 12
TOKEN_DELAY_S = 0.5  # the stub model takes 6 s for the whole answer


@pytest.fixture(scope="module")
def slow_model() -> Iterator[LLMStub]:
    stub = LLMStub(
        reply=lambda _: " ".join(["Run `make run` [1]."] + ["more"] * (WORDS - 3)),
        token_delay_s=TOKEN_DELAY_S,
    ).start()
    yield stub
    stub.stop()


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory,
    copy_sample: Callable[[Path], Path],
    slow_model: LLMStub,
) -> Iterator[ServiceProcess]:
    """One served instance (one worker: streaming is per connection) for both tests."""
    tmp_path = tmp_path_factory.mktemp("streaming")
    redis_server = start_redis(tmp_path / "redis")
    copy_sample(tmp_path / "qdrant")
    env = {
        "REDIS_URL": redis_server.url,
        "QDRANT_PATH": str(tmp_path / "qdrant"),
        "DATA_DIR": str(tmp_path),
        "API_KEYS": KEY,
        "LLM_BASE_URL": slow_model.url,
        "LLM_API_KEY": slow_model.api_key,
        "LLM_MODEL": "stub-model",
        "WORKERS": "1",
    }
    running = ServiceProcess(env=env, log_path=tmp_path / "service.log").start()
    yield running
    running.stop()
    redis_server.stop()


def timed_events(
    service: ServiceProcess, path: str, body: dict, headers: dict
) -> tuple[float, float, dict]:
    """Seconds to the first data line and to the end of the stream, and the headers."""
    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=60)
    started = time.monotonic()
    connection.request("POST", path, body=json.dumps(body),
                       headers={**headers, "Content-Type": "application/json", "X-API-Key": KEY})  # fmt: skip
    response = connection.getresponse()
    assert response.status == 200
    first = None
    while line := response.readline():
        if line.startswith(b"data:") and first is None:
            first = time.monotonic() - started
    total = time.monotonic() - started
    connection.close()
    assert first is not None
    return first, total, {k.lower(): v for k, v in response.getheaders()}


def test_chat_events_leave_as_the_model_writes(service: ServiceProcess) -> None:
    first, total, headers = timed_events(
        service, "/v1/chat", {"message": "How do I start the service?"},
        {"Accept": "text/event-stream", "X-Conversation-Id": "s1"},
    )  # fmt: skip
    assert "content-length" not in headers and headers["content-type"].startswith(
        "text/event-stream"
    )
    assert total >= WORDS * TOKEN_DELAY_S * 0.9  # the model really took its time
    assert first < total - WORDS * TOKEN_DELAY_S / 2  # ... and the first event did not wait


def test_completion_chunks_leave_as_the_model_writes(service: ServiceProcess) -> None:
    first, total, headers = timed_events(
        service, "/v1/chat/completions",
        {"model": "default", "stream": True,
         "messages": [{"role": "user", "content": "How do I start the service?"}]},
        {"X-Conversation-Id": "s2"},
    )  # fmt: skip
    assert "content-length" not in headers
    assert first < total - WORDS * TOKEN_DELAY_S / 2
