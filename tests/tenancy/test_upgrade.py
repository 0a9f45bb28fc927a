"""A deployment made by the version before organisations upgrades in place, on SQLite and
on PostgreSQL: its embedded Qdrant folder (local mode) moves into Qdrant Edge, its chunks join the default knowledge base with their ids, its documents
get records, and its conversations (under API_KEYS keys) carry on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.graph import START, MessagesState, StateGraph
from qdrant_client import QdrantClient, models

from ingestion.sample import SAMPLE_KB, ingest_sample_kb
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import TENANT_FIELD, count_points, scroll_points
from tenancy.keys import legacy_key_id
from tests.app_fixtures import make_app, services_of
from utils.checkpointer import RedisSaver

OLD_KEY = "test-key-a"
__all__ = ["make_app"]  # the shared app fixture


def make_legacy_points(client: QdrantClient) -> int:
    """Rewrite every point's payload to the shape the previous version stored."""
    points = list(scroll_points(client, "knowledge_base", payload=True))
    for point in points:
        payload = dict(point.payload or {})
        payload.pop("org_id"), payload.pop("kb_id")
        payload["metadata"] = {k: v for k, v in payload["metadata"].items() if k != "kb_id"}
        client.overwrite_payload("knowledge_base", payload=payload, points=[point.id])
    return len(points)


def write_legacy_conversation(redis_url: str, prefix: str) -> None:
    """A conversation as the previous version kept it: thread `<key id>:<conversation>`."""

    def answer(state: MessagesState) -> dict:
        return {"messages": [AIMessage(content="Run `make run` [1].")]}

    builder = StateGraph(MessagesState)
    builder.add_node("answer", answer)
    builder.add_edge(START, "answer")
    with RedisSaver.from_url(redis_url, prefix=prefix) as saver:
        graph = builder.compile(checkpointer=saver)
        config = {"configurable": {"thread_id": f"{legacy_key_id(OLD_KEY)}:old-conversation"}}
        graph.invoke({"messages": [HumanMessage(content="How do I start it?")]}, config)


def test_an_existing_deployment_upgrades_with_everything_intact(
    make_app: Callable[..., Flask],  # noqa: F811
    tmp_path: Path,
    embeddings: LocalEmbeddings,
    database_url: str,
    redis_url: str,
    key_prefix: str,
) -> None:
    path = tmp_path / "old-qdrant"
    # Embedded Qdrant as the releases before Qdrant Edge kept it: qdrant-client's local mode.
    old = QdrantClient(path=str(path))
    ingest_sample_kb(old, embeddings, "knowledge_base")
    chunks = make_legacy_points(old)
    ids_before = {str(p.id) for p in scroll_points(old, "knowledge_base")}
    old.close()
    client = open_embedded(path)  # moved into Qdrant Edge here
    write_legacy_conversation(redis_url, key_prefix)

    app = make_app(qdrant=client, database_url=database_url, checkpoint_prefix=key_prefix)
    http = app.test_client()
    # The old conversation reads back and continues.
    old = http.get("/v1/conversations/old-conversation", headers={"X-API-Key": OLD_KEY})
    assert old.status_code == 200
    assert [m["content"] for m in old.get_json()["messages"]] == [
        "How do I start it?",
        "Run `make run` [1].",
    ]
    follow_up = http.post(
        "/v1/chat",
        json={"message": "How long are conversations kept?"},
        headers={"X-API-Key": OLD_KEY, "X-Conversation-Id": "old-conversation"},
    )
    assert follow_up.status_code == 200 and follow_up.get_json()["found"]
    history = http.get("/v1/conversations/old-conversation", headers={"X-API-Key": OLD_KEY})
    assert len(history.get_json()["messages"]) == 4

    # Every chunk joined the default knowledge base with its id; documents have records.
    services = services_of(app)
    assert {str(p.id) for p in scroll_points(client, "knowledge_base")} == ids_before
    no_tenant = models.IsEmptyCondition(is_empty=models.PayloadField(key=TENANT_FIELD))
    untenanted = count_points(client, "knowledge_base", models.Filter(must=[no_tenant]))
    assert untenanted == 0
    listed = http.get("/v1/documents", headers={"X-API-Key": "admin-key"}).get_json()["documents"]
    assert len(listed) == len(list(SAMPLE_KB.glob("*.md")))
    assert sum(d["chunks"] for d in listed) == chunks
    assert all(d["status"] == "completed" for d in listed)
    # Re-ingesting the same files into the default knowledge base embeds nothing.
    report = services.ingestor.ingest_paths([SAMPLE_KB], org_id="org_default", kb_id="kb_default")
    assert report.embedded == 0 and report.unchanged == chunks
    client.close()
