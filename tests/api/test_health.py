"""Probes, and what the API does while Redis is away."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.api.conftest import ask
from tests.app_fixtures import history_of
from utils.local_redis import LocalRedis

ADMIN = {"X-API-Key": "admin-key"}


def test_health_reports_every_part(client: FlaskClient) -> None:
    response = client.get("/health", headers=ADMIN)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["redis"]["ok"] is True
    assert body["qdrant"] == {**body["qdrant"], "ok": True, "mode": "embedded"}
    assert body["qdrant"]["points"] > 20
    assert body["embeddings"] == {"ok": True, "model": "multilingual-e5-small"}
    assert body["llm"]["mode"] == "extractive"
    assert body["database"] == {**body["database"], "ok": True, "dialect": "sqlite"}
    assert body["version"]


def test_probes_without_an_admin_key_say_only_the_status(client: FlaskClient) -> None:
    for headers in ({}, {"X-API-Key": "test-key-a"}):
        health = client.get("/health", headers=headers)
        assert health.status_code == 200 and set(health.get_json()) == {"status", "version"}
        ready = client.get("/ready", headers=headers)
        assert ready.status_code == 200 and ready.get_json() == {"ready": True}
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"X-API-Key": "test-key-a"}).status_code == 403
    assert client.get("/metrics", headers=ADMIN).status_code == 200


def test_probe_details_can_be_made_public(make_app: Callable[..., Flask]) -> None:
    client = make_app(probe_details="public").test_client()
    assert "redis" in client.get("/health").get_json()
    assert client.get("/metrics").status_code == 200


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
    health = client.get("/health", headers=ADMIN)
    assert health.status_code == 503 and health.get_json()["redis"]["ok"] is False

    throwaway_redis.start()
    assert client.get("/ready").status_code == 200
    assert ask(client, "How long are conversations kept?", conversation="outage").status_code == 200
    history = history_of(client.application, "test-key-a", "outage")
    assert len(history) == 4  # the turn that failed left nothing half-written
