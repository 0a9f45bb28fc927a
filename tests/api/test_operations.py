"""Operational behaviour: one turn at a time, storage limits, missing data, metrics."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import redis
from flask import Flask

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
from stubs.llm import LLMStub
from tests.api.conftest import ask
from tests.app_fixtures import history_of
from utils.local_redis import LocalRedis


def slow_llm_app(make_app: Callable[..., Flask], stub: LLMStub, **overrides: object) -> Flask:
    reply = stub.reply

    def slow(body: dict) -> str:
        time.sleep(1.5)
        return reply(body)

    stub.reply = slow
    return make_app(llm_base_url=stub.url, llm_api_key=stub.api_key, llm_model="stub-model",
                    llm_max_retries=0, llm_timeout=10.0, **overrides)  # fmt: skip


def test_one_turn_at_a_time_per_conversation(make_app: Callable[..., Flask]) -> None:
    stub = LLMStub().start()
    try:
        app = slow_llm_app(make_app, stub, turn_wait_seconds=0.3)
        results: dict[str, int] = {}

        def turn(name: str, conversation: str) -> None:
            results[name] = ask(
                app.test_client(), "How do I start the service?", conversation=conversation
            ).status_code

        first = threading.Thread(target=turn, args=("first", "same"))
        first.start()
        # Once the model has the first turn's question, the turn holds the conversation
        # (a fixed sleep was not enough while the app built its services on a busy machine).
        deadline = time.monotonic() + 30
        while not stub.chat_requests() and time.monotonic() < deadline:
            time.sleep(0.02)
        other = threading.Thread(target=turn, args=("other", "different"))
        other.start()
        busy = ask(app.test_client(), "and then?", conversation="same")
        first.join()
        other.join()
    finally:
        stub.stop()
    assert busy.status_code == 409 and busy.get_json()["error"]["code"] == "conversation_busy"
    assert results == {"first": 200, "other": 200}  # another conversation never waits


def test_a_waiting_turn_runs_after_the_first_one(make_app: Callable[..., Flask]) -> None:
    stub = LLMStub().start()
    try:
        app = slow_llm_app(make_app, stub, turn_wait_seconds=10)
        statuses = []
        threads = [threading.Thread(target=lambda: statuses.append(
            ask(app.test_client(), "How do I start the service?", conversation="queue").status_code))
            for _ in range(2)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        history = history_of(app, "test-key-a", "queue")
    finally:
        stub.stop()
    assert statuses == [200, 200]
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]


def test_redis_at_maxmemory_is_a_clear_503(
    make_app: Callable[..., Flask], throwaway_redis: LocalRedis
) -> None:
    client = make_app(redis_url=throwaway_redis.url).test_client()
    assert ask(client, "How do I start the service?", conversation="full").status_code == 200
    raw = redis.Redis.from_url(throwaway_redis.url)
    raw.config_set("maxmemory-policy", "noeviction")
    raw.config_set("maxmemory", "1")
    try:
        response = ask(client, "How long are conversations kept?", conversation="full")
    finally:
        raw.config_set("maxmemory", "0")
        raw.close()
    assert response.status_code == 503
    assert "out of memory" in response.get_json()["error"]["message"]
    assert ask(client, "How long are conversations kept?", conversation="full").status_code == 200


def test_missing_qdrant_folder_makes_ready_fail_clearly(
    make_app: Callable[..., Flask], tmp_path: Path, embeddings: LocalEmbeddings
) -> None:
    folder = tmp_path / "doomed-qdrant"
    qdrant = open_embedded(folder)
    ensure_collection(qdrant, "knowledge_base", embeddings.dimensions)
    client = make_app(qdrant=qdrant).test_client()
    assert client.get("/ready").status_code == 200
    shutil.rmtree(folder)
    response = client.get("/ready", headers={"X-API-Key": "admin-key"})
    assert response.status_code == 503
    assert "folder" in response.get_json()["qdrant"]["error"]
    qdrant.close()


def test_metrics_count_requests_and_stages(client) -> None:  # type: ignore[no-untyped-def]
    ask(client, "What is hybrid search?", conversation="metrics")
    text = client.get("/metrics", headers={"X-API-Key": "admin-key"}).get_data(as_text=True)
    assert 'http_requests_total{method="POST",route="/v1/chat",status="200"}' in text
    assert 'rag_stage_duration_seconds_count{stage="retrieval"}' in text
    assert "checkpointer_round_trip_seconds_count" in text
