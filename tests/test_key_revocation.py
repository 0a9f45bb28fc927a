"""Revocation and expiry on a real deployment of two server processes (Gunicorn +
Uvicorn) sharing PostgreSQL and Redis: every process refuses the key within a second.

Each deployment has its own embedded Qdrant folder (a copy of the sample knowledge base);
keys, organisations and conversations are shared as in production.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from utils.local_postgres import LocalPostgres
from utils.local_redis import start_redis
from utils.service_process import ServiceProcess, request

ADMIN = {"X-API-Key": "platform-admin"}
REVOCATION_BOUND_S = 1.0


def start(
    tmp_path: Path, name: str, env: dict[str, str], copy_sample: Callable[[Path], Path]
) -> ServiceProcess:
    """One deployment (one worker: the processes that must agree are the deployments'),
    started without waiting for it, on its own copy of the sample knowledge base."""
    qdrant = copy_sample(tmp_path / f"qdrant-{name}")
    data = tmp_path / name
    data.mkdir()
    return ServiceProcess(
        env={**env, "QDRANT_PATH": str(qdrant), "DATA_DIR": str(data), "WORKERS": "1"},
        log_path=tmp_path / f"{name}.log",
    ).start(wait=False)


def chat_status(service: ServiceProcess, key: str) -> int:
    status, _ = request(
        "POST", f"{service.url}/v1/chat", body={"message": "How do I start the service?"},
        headers={"X-API-Key": key, "X-Conversation-Id": "revocation"},
    )  # fmt: skip
    return status


@pytest.fixture(scope="module")
def processes(
    tmp_path_factory: pytest.TempPathFactory,
    postgres_server: LocalPostgres,
    copy_sample: Callable[[Path], Path],
) -> Iterator[tuple[ServiceProcess, ServiceProcess]]:
    tmp_path = tmp_path_factory.mktemp("two-processes")
    redis_server = start_redis(tmp_path / "redis")
    env = {
        "REDIS_URL": redis_server.url,
        "DATABASE_URL": postgres_server.create_database("two_processes"),
        "ADMIN_API_KEYS": ADMIN["X-API-Key"],
        "ENCRYPTION_KEYS": "jrC5cbFxkQpO8tpcuUZ3pkbdEv9cd3Df4f7WmQ8BgE0=",
        "CHECKPOINT_PREFIX": "rev",
    }
    first = start(tmp_path, "first", env, copy_sample)
    second = start(tmp_path, "second", env, copy_sample)
    first.wait_ready()
    second.wait_ready()
    yield first, second
    first.stop()
    second.stop()
    redis_server.stop()


def organisation(service: ServiceProcess, name: str) -> dict[str, str]:
    """A new organisation with one assistant; its admin key header."""
    status, org = request("POST", f"{service.url}/v1/admin/organisations",
                          body={"name": name}, headers=ADMIN)  # fmt: skip
    assert status == 201
    admin = {"X-API-Key": org["admin_key"]["key"]}
    status, kb = request(
        "POST", f"{service.url}/v1/knowledge-bases", body={"name": "kb"}, headers=admin
    )
    status, _ = request("POST", f"{service.url}/v1/assistants", headers=admin,
                        body={"name": "bot", "knowledge_bases": [{"kb_id": kb["id"]}]})  # fmt: skip
    assert status == 201
    return admin


def test_a_keys_rate_limit_is_one_budget_across_processes_and_routes(
    processes: tuple[ServiceProcess, ServiceProcess],
) -> None:
    first, second = processes
    admin = organisation(first, "Limited")
    status, key = request("POST", f"{first.url}/v1/api-keys", headers=admin,
                          body={"name": "k", "scopes": ["chat"], "rate_limit": "4/minute"})  # fmt: skip
    headers = {"X-API-Key": key["key"]}
    statuses = [chat_status(first, key["key"]), chat_status(second, key["key"])]
    for service in (first, second):
        status, _ = request(
            "POST", f"{service.url}/v1/chat/completions", headers=headers,
            body={"model": "bot", "messages": [{"role": "user", "content": "hi"}]},
        )  # fmt: skip
        statuses.append(status)
    assert statuses == [200, 200, 200, 200]
    assert chat_status(second, key["key"]) == 429
    assert request("GET", f"{first.url}/v1/models", headers=headers)[0] == 429


def test_revoked_and_expired_keys_are_refused_by_every_process_within_a_second(
    processes: tuple[ServiceProcess, ServiceProcess],
) -> None:
    first, second = processes
    admin = organisation(first, "Revokers")
    status, key = request("POST", f"{first.url}/v1/api-keys", headers=admin,
                          body={"name": "k", "scopes": ["chat"]})  # fmt: skip
    expires = (datetime.now(UTC) + timedelta(seconds=3)).isoformat()
    status, short = request("POST", f"{first.url}/v1/api-keys", headers=admin,
                            body={"name": "short", "scopes": ["chat"], "expires_at": expires})  # fmt: skip
    assert status == 201
    # Both processes know both keys (and cache them).
    for service in (first, second):
        assert chat_status(service, key["key"]) == 200
        assert chat_status(service, short["key"]) == 200

    status, _ = request("DELETE", f"{first.url}/v1/api-keys/{key['id']}", headers=admin)
    revoked_at = time.monotonic()
    assert status == 200
    # Every worker of both deployments (the one that revoked too: its other worker has
    # the key cached), within the bound.
    time.sleep(max(0.0, REVOCATION_BOUND_S - (time.monotonic() - revoked_at)))
    for service in (first, second):
        assert [chat_status(service, key["key"]) for _ in range(4)] == [401] * 4

    time.sleep(max(0.0, (datetime.fromisoformat(expires) - datetime.now(UTC)).total_seconds()))
    time.sleep(REVOCATION_BOUND_S)
    for service in (first, second):
        assert chat_status(service, short["key"]) == 401
