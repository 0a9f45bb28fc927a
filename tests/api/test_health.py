"""Probes, and what the API does while Redis is away."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.api.conftest import ask
from utils.local_redis import LocalRedis


def test_health_reports_every_part(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["redis"]["ok"] is True
    assert body["qdrant"] == {**body["qdrant"], "ok": True, "mode": "embedded"}
    assert body["qdrant"]["points"] > 20
    assert body["embeddings"] == {"ok": True, "model": "all-MiniLM-L6-v2"}
    assert body["llm"]["mode"] == "extractive"
    assert body["version"]


def test_ready_when_redis_and_collection_answer(client: FlaskClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.get_json()["ready"] is True


def test_redis_down_gives_503_then_recovers(
    make_app: Callable[..., Flask], throwaway_redis: LocalRedis
) -> None:
    client = make_app(redis_url=throwaway_redis.url).test_client()
    assert ask(client, "How do I start the service?", conversation="outage").status_code == 200

    throwaway_redis.stop()
    down = ask(client, "and then?", conversation="outage")
    assert down.status_code == 503
    assert down.get_json()["error"]["code"] == "store_unavailable"
    assert "Redis" in down.get_json()["error"]["message"]
    assert client.get("/ready").status_code == 503
    health = client.get("/health")
    assert health.status_code == 503 and health.get_json()["redis"]["ok"] is False

    throwaway_redis.start()
    assert client.get("/ready").status_code == 200
    assert ask(client, "How long are conversations kept?", conversation="outage").status_code == 200
    service = client.application.extensions["chat_service"]()
    from config import key_id

    history = service.history(owner=key_id("test-key-a"), conversation_id="outage")
    assert len(history) == 4  # the turn that failed left nothing half-written
