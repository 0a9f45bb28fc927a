"""Revocation and expiry on a real deployment of two server processes (Gunicorn +
Uvicorn) sharing PostgreSQL and Redis: every process refuses the key within a second.

Embedded Qdrant allows one process per folder, so each process has its own copy of the
sample knowledge base; keys, organisations and conversations are shared as in production.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from knowledge.embeddings import LocalEmbeddings
from tests.conftest import index_sample_kb
from tests.server import ServiceProcess, request
from utils.local_redis import LocalRedis

ADMIN = {"X-API-Key": "platform-admin"}
REVOCATION_BOUND_S = 1.0


def start(
    tmp_path: Path, name: str, env: dict[str, str], embeddings: LocalEmbeddings
) -> ServiceProcess:
    qdrant = tmp_path / f"qdrant-{name}"
    index_sample_kb(qdrant, embeddings, "knowledge_base")
    data = tmp_path / name
    data.mkdir()
    return ServiceProcess(
        env={**env, "QDRANT_PATH": str(qdrant), "DATA_DIR": str(data)},
        log_path=tmp_path / f"{name}.log",
    ).start()


def chat_status(service: ServiceProcess, key: str) -> int:
    status, _ = request(
        "POST", f"{service.url}/v1/chat", body={"message": "How do I start the service?"},
        headers={"X-API-Key": key, "X-Conversation-Id": "revocation"},
    )  # fmt: skip
    return status


def test_revoked_and_expired_keys_are_refused_by_every_process_within_a_second(
    tmp_path: Path, throwaway_redis: LocalRedis, postgres_url: str, embeddings: LocalEmbeddings
) -> None:
    env = {
        "REDIS_URL": throwaway_redis.url,
        "DATABASE_URL": postgres_url,
        "ADMIN_API_KEYS": ADMIN["X-API-Key"],
        "ENCRYPTION_KEYS": "jrC5cbFxkQpO8tpcuUZ3pkbdEv9cd3Df4f7WmQ8BgE0=",
        "CHECKPOINT_PREFIX": "rev",
    }
    first = start(tmp_path, "first", env, embeddings)
    second = start(tmp_path, "second", env, embeddings)
    try:
        status, org = request("POST", f"{first.url}/v1/admin/organisations",
                              body={"name": "Revokers"}, headers=ADMIN)  # fmt: skip
        assert status == 201
        admin = {"X-API-Key": org["admin_key"]["key"]}
        status, kb = request(
            "POST", f"{first.url}/v1/knowledge-bases", body={"name": "kb"}, headers=admin
        )
        status, bot = request("POST", f"{first.url}/v1/assistants", headers=admin,
                              body={"name": "bot", "knowledge_bases": [{"kb_id": kb["id"]}]})  # fmt: skip
        assert status == 201
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
        assert chat_status(first, key["key"]) == 401  # the process that revoked: at once
        time.sleep(max(0.0, REVOCATION_BOUND_S - (time.monotonic() - revoked_at)))
        assert chat_status(second, key["key"]) == 401  # the other: within the bound

        time.sleep(max(0.0, (datetime.fromisoformat(expires) - datetime.now(UTC)).total_seconds()))
        time.sleep(REVOCATION_BOUND_S)
        for service in (first, second):
            assert chat_status(service, short["key"]) == 401
    finally:
        first.stop()
        second.stop()
