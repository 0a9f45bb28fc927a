"""The whole app on a real 3-master Redis Cluster (REDIS_CLUSTER=true): conversations,
idempotent retries, per-key budgets, ingestion jobs and deleting an organisation's
conversations all work with keys spread over the cluster's slots."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import PLATFORM_ADMIN, chat, create_org, key_header, ok
from utils.local_redis import LocalRedisCluster, start_redis_cluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalRedisCluster]:
    running = start_redis_cluster(tmp_path_factory.mktemp("app-cluster"))
    yield running
    running.stop()


@pytest.fixture
def cluster_app(
    make_app: Callable[..., Flask],
    cluster: LocalRedisCluster,
    empty_qdrant: QdrantClient,
    redis_url: str,
) -> Flask:
    # The ingestion queue's broker is a plain Redis: Celery does not speak Redis Cluster.
    return make_app(qdrant=empty_qdrant, redis_url=cluster.url, redis_cluster=True,
                    celery_broker_url=redis_url)  # fmt: skip


def test_the_platform_on_a_redis_cluster(cluster_app: Flask) -> None:
    client = cluster_app.test_client()
    org = create_org(client, "Clustered")
    org.kb("docs")
    assert (
        org.upload("docs", "Lockers", "# Lockers\n\nLockers are on level 2 by the lifts.")["status"]
        == "completed"
    )
    org.assistant("bot", ["docs"])
    key = org.key("chat", assistants=["bot"], rate_limit="6/minute")

    for n in range(3):  # conversations land on different slots
        body = ok(chat(client, key, "Where are the lockers?", conversation=f"conv-{n}"))
        assert "level 2" in body["answer"]
    retry = {**key_header(key), "X-Conversation-Id": "conv-0", "Idempotency-Key": "once"}
    first = ok(client.post("/v1/chat", json={"message": "Where are the lockers?"}, headers=retry))
    again = ok(client.post("/v1/chat", json={"message": "Where are the lockers?"}, headers=retry))
    assert again["replayed"] and again["answer"] == first["answer"]
    history = ok(client.get("/v1/conversations/conv-0", headers=key_header(key)))
    assert len(history["messages"]) == 4
    assert (
        chat(client, key, "one more", conversation="conv-9").status_code == 429
    )  # over 6 a minute

    deleted = ok(client.delete(f"/v1/admin/organisations/{org.id}", headers=PLATFORM_ADMIN))
    assert deleted["conversations"] == 3 and deleted["points"] == 1
    assert chat(client, key, "Where are the lockers?").status_code == 401
