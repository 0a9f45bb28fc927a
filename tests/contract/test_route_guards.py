"""Every route the published contract marks as needing a key refuses a request without
one (401, JSON) and publishes its 401 and 403; the platform's own routes refuse an
organisation's admin key; and another organisation's admin reaches nothing of an
organisation on any route. The routes are read from /openapi.json, so a route added
later is covered without touching this test."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from tests.api.mcp_helpers import TOKEN, TicketServer, served
from tests.api.platform_helpers import create_org
from tests.app_fixtures import empty_qdrant, make_app  # noqa: F401 - shared fixtures


@pytest.fixture
def client(
    make_app: Callable[..., Flask],  # noqa: F811
    empty_qdrant: QdrantClient,  # noqa: F811
) -> FlaskClient:
    # Requests without a valid key share one budget per address: lift it, this test makes many.
    return make_app(qdrant=empty_qdrant, anonymous_rate_limit="100000/minute",
                    webhook_allowed_hosts="127.0.0.1",
                    mcp_allowed_hosts="127.0.0.1").test_client()  # fmt: skip


def keyed_routes(client: FlaskClient) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path with its parameters filled in, operation) of every keyed route."""
    for path, item in client.get("/openapi.json").get_json()["paths"].items():
        for method, operation in item.items():
            if operation.get("security"):
                yield method.upper(), re.sub(r"\{[^}]+\}", "x", path), operation


def test_every_keyed_route_refuses_a_request_without_a_key(client: FlaskClient) -> None:
    routes = list(keyed_routes(client))
    assert len(routes) >= 40
    for method, path, operation in routes:
        assert {"401", "403"} <= set(operation["responses"]), (method, path)
        for headers in ({}, {"X-API-Key": "not-a-key"}):
            response = client.open(path, method=method, json={}, headers=headers)
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.get_json()["error"]["message"], (method, path)


def test_platform_routes_refuse_an_organisations_admin_key(client: FlaskClient) -> None:
    acme = create_org(client, "Acme")
    platform = [
        (method, path)
        for method, path, operation in keyed_routes(client)
        if "platform admin" in operation["tags"]
    ]
    assert len(platform) >= 4
    for method, path in platform:
        response = client.open(path, method=method, json={"name": "Mine"}, headers=acme.admin)
        assert response.status_code == 403, (method, path, response.status_code)
        assert response.get_json()["error"]["code"] == "forbidden"
    # Nothing was created or deleted on its behalf.
    listed = client.get("/v1/admin/organisations", headers={"X-API-Key": "admin-key"})
    assert [o["name"] for o in listed.get_json()["organisations"]] == ["Default", "Acme"]


ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."


def test_another_organisations_admin_reaches_nothing_of_acme_on_any_route(
    client: FlaskClient,
) -> None:
    """Beta's admin key (every scope) calls every keyed route with Acme's ids in the path:
    no route answers with Acme's records, and nothing of Acme's is changed or deleted."""
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    kb = acme.kb("support")
    job = client.post(f"/v1/knowledge-bases/{kb}/documents", headers=acme.admin,
                      json={"title": "Router", "text": ROUTER}).get_json()["jobs"][0]  # fmt: skip
    document = acme.wait("support", job["document_id"])
    assert document["status"] == "completed"
    assistant = acme.assistant("helper", ["support"])
    prompt = {"name": "reset", "template": "How do I reset the {{ device }}?",
              "variables": {"device": "string"}}  # fmt: skip
    url = f"/v1/assistants/{assistant}/prompts"
    assert client.post(url, json=prompt, headers=acme.admin).status_code == 201
    key_id = client.get("/v1/api-keys", headers=acme.admin).get_json()["api_keys"][0]["id"]
    asked = client.post("/v1/chat", json={"message": "How do I reset the router?"},
                        headers={**acme.admin, "X-Conversation-Id": "c1",
                                 "X-Assistant-Id": assistant})  # fmt: skip
    assert asked.status_code == 200 and "power button" in asked.get_json()["answer"]
    source = client.post(
        "/v1/data-sources", headers=acme.admin, content_type="multipart/form-data",
        data={"name": "routers", "files": [(io.BytesIO(b"model,ports\nR1,4\n"), "routers.csv")]},
    )  # fmt: skip
    assert source.status_code == 201
    invited = client.post("/v1/invitations", headers=acme.admin,
                          json={"email": "ann@acme.test", "role": "editor"}).get_json()  # fmt: skip
    user = client.post("/v1/auth/accept-invitation", json={
        "token": invited["token"], "password": "anns long password"}).get_json()  # fmt: skip
    pending = client.post("/v1/invitations", headers=acme.admin,
                          json={"email": "pat@acme.test", "role": "member"}).get_json()  # fmt: skip
    hook = client.post("/v1/webhooks", headers=acme.admin, json={
        "url": "http://127.0.0.1:9/hook", "events": ["feedback.negative"]}).get_json()  # fmt: skip
    with served(TicketServer().app, lifespan="on") as tickets:
        server = client.post("/v1/mcp-servers", headers=acme.admin, json={
            "name": "tickets", "url": f"{tickets}/mcp",
            "auth": {"type": "bearer", "token": TOKEN}}).get_json()  # fmt: skip
    acme_ids = {
        "org_id": acme.id, "kb_id": kb, "doc_id": document["id"], "assistant_id": assistant,
        "key_id": key_id, "job_id": job["job_id"], "name": "reset",
        "conversation_id": "c1", "message_id": asked.get_json()["message_id"],
        "source_id": source.get_json()["id"], "artifact_id": "art_0123456789abcdef",
        "user_id": user["id"], "webhook_id": hook["id"], "invitation_id": pending["id"],
        "server_id": server["id"],
    }  # fmt: skip
    secrets = [
        v for k, v in acme_ids.items() if k not in ("name", "conversation_id", "artifact_id")
    ]

    paths = client.get("/openapi.json").get_json()["paths"]
    called = 0
    for path, item in paths.items():
        for method, operation in item.items():
            if not operation.get("security") or "platform admin" in operation["tags"]:
                continue
            filled = re.sub(r"\{(\w+)\}", lambda m: acme_ids[m.group(1)], path)
            response = client.open(filled, method=method.upper(), json={}, headers=beta.admin)
            text = response.get_data(as_text=True)
            # An error may repeat the id it was asked for; any other of Acme's is a leak.
            leaked = [s for s in secrets if s in text and s not in filled]
            assert not leaked, (method, path, text)
            assert "power button" not in text, (method, path)
            if filled != path:  # Acme's ids in the path: none of them is Beta's to reach
                assert response.status_code in (400, 403, 404, 422), (method, path, text)
            called += 1
    assert called >= 40

    # Everything of Acme's is still there and unchanged.
    for kept in (f"/v1/knowledge-bases/{kb}", f"/v1/knowledge-bases/{kb}/documents/"
                 f"{document['id']}", f"/v1/assistants/{assistant}", f"{url}/reset",
                 "/v1/conversations/c1", f"/v1/data-sources/{acme_ids['source_id']}"):  # fmt: skip
        assert client.get(kept, headers=acme.admin).status_code == 200, kept
    assert [k["id"] for k in client.get("/v1/api-keys", headers=acme.admin).get_json()["api_keys"]
            ] == [key_id]  # fmt: skip
    history = client.get("/v1/conversations/c1", headers=acme.admin).get_json()["messages"]
    assert [m["role"] for m in history] == ["user", "assistant"]
    people = client.get("/v1/users", headers=acme.admin).get_json()["users"]
    assert [(u["email"], u["role"]) for u in people] == [("ann@acme.test", "editor")]
    assert client.get(f"/v1/webhooks/{hook['id']}", headers=acme.admin).status_code == 200
    assert client.get(f"/v1/mcp-servers/{server['id']}", headers=acme.admin).status_code == 200
    invitations = client.get("/v1/invitations", headers=acme.admin).get_json()["invitations"]
    assert pending["id"] in [i["id"] for i in invitations if not i["accepted"]]
