"""Bad input to the platform API gets a clear JSON error and changes nothing; each
route refuses the other side's credentials (another organisation, a lesser key)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from tests.api.platform_helpers import PLATFORM_ADMIN, Org, create_org, key_header, ok


@pytest.fixture
def client(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> FlaskClient:
    return make_app(qdrant=empty_qdrant).test_client()


@pytest.fixture
def org(client: FlaskClient) -> Org:
    made = create_org(client, "Inputs")
    made.kb("docs")
    made.assistant("bot", ["docs"])
    return made


def refused(response, status: int, *words: str) -> None:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert response.status_code == status, body
    assert set(body) == {"error", "request_id"} and body["error"]["code"]
    for word in words:
        assert word in body["error"]["message"], (word, body)


def test_organisation_input_is_validated(client: FlaskClient, org: Org) -> None:
    for body, word in (({"name": ""}, "name"), ({"name": "x", "slug": "Not A Slug"}, "slug"),
                       ({"name": "x", "extra": 1}, "extra"), ({}, "name")):  # fmt: skip
        refused(
            client.post("/v1/admin/organisations", json=body, headers=PLATFORM_ADMIN), 422, word
        )
    refused(client.post("/v1/admin/organisations", json={"name": "Other", "slug": "inputs"},
                        headers=PLATFORM_ADMIN), 409, "inputs")  # fmt: skip
    bad_provider = {"llm": {"base_url": "not a url", "model": "m"}}
    refused(client.patch("/v1/organisation", json=bad_provider, headers=org.admin), 422, "base_url")
    assert ok(client.get("/v1/organisation", headers=org.admin))["llm"]["base_url"] is None
    names = [
        o["slug"]
        for o in ok(client.get("/v1/admin/organisations", headers=PLATFORM_ADMIN))["organisations"]
    ]
    assert names.count("inputs") == 1 and "x" not in names


def test_only_platform_admins_create_list_and_delete_organisations(
    client: FlaskClient, org: Org
) -> None:
    other = create_org(client, "Other")
    for key in (org.admin, key_header(org.key("chat"))):
        refused(client.post("/v1/admin/organisations", json={"name": "Mine"}, headers=key), 403)
        refused(client.get("/v1/admin/organisations", headers=key), 403)
        refused(client.delete(f"/v1/admin/organisations/{other.id}", headers=key), 403)
    assert ok(client.get("/v1/knowledge-bases", headers=other.admin))["knowledge_bases"] == []
    refused(client.delete("/v1/admin/organisations/org_nope", headers=PLATFORM_ADMIN), 404)


def test_knowledge_base_input_is_validated_and_nothing_changes(
    client: FlaskClient, org: Org
) -> None:
    kb = org.kbs["docs"]
    refused(
        client.post("/v1/knowledge-bases", json={"name": "docs"}, headers=org.admin), 409, "docs"
    )
    refused(
        client.post("/v1/knowledge-bases", json={"name": "x", "tags": "a"}, headers=org.admin),
        422,
        "tags",
    )
    refused(client.post("/v1/knowledge-bases", data="{", headers={**org.admin, "Content-Type": "application/json"}),
            400, "JSON")  # fmt: skip
    refused(
        client.patch(f"/v1/knowledge-bases/{kb}", json={"name": None}, headers=org.admin),
        422,
        "null",
    )
    refused(client.patch(f"/v1/knowledge-bases/{kb}", json={"description": "d" * 2001}, headers=org.admin),
            422, "description")  # fmt: skip
    after = ok(client.get(f"/v1/knowledge-bases/{kb}", headers=org.admin))
    assert after["name"] == "docs" and after["description"] == ""
    assert [
        k["name"]
        for k in ok(client.get("/v1/knowledge-bases", headers=org.admin))["knowledge_bases"]
    ] == ["docs"]


def test_assistant_input_is_validated_and_nothing_changes(client: FlaskClient, org: Org) -> None:
    bot = org.assistants["bot"]
    kb = org.kbs["docs"]
    for body, word in (
        ({"name": "b2", "allowed_origins": ["shop.example"]}, "origin"),
        ({"name": "b2", "retrieval_k": 0}, "retrieval_k"),
        ({"name": "b2", "retrieval_mode": "magic"}, "retrieval_mode"),
        ({"name": "b2", "temperature": 3}, "temperature"),
        ({"name": "b2", "knowledge_bases": [{"kb_id": kb}, {"kb_id": kb}]}, "once"),
    ):
        refused(client.post("/v1/assistants", json=body, headers=org.admin), 422, word)
    refused(client.post("/v1/assistants", json={"name": "bot"}, headers=org.admin), 409, "bot")
    refused(client.post("/v1/assistants", json={"name": "b3", "knowledge_bases": [{"kb_id": "kb_nope"}]},
                        headers=org.admin), 404, "kb_nope")  # fmt: skip
    refused(client.patch(f"/v1/assistants/{bot}", json={"knowledge_bases": [{"kb_id": "kb_nope"}]},
                         headers=org.admin), 404)  # fmt: skip
    refused(
        client.patch(f"/v1/assistants/{bot}", json={"is_public": None}, headers=org.admin),
        422,
        "is_public",
    )
    after = ok(client.get(f"/v1/assistants/{bot}", headers=org.admin))
    assert [link["kb_id"] for link in after["knowledge_bases"]] == [kb] and after[
        "is_public"
    ] is False
    assert [
        a["name"] for a in ok(client.get("/v1/assistants", headers=org.admin))["assistants"]
    ] == ["bot"]


def test_key_input_is_validated_and_no_key_is_made(client: FlaskClient, org: Org) -> None:
    other = create_org(client, "Other")
    other.kb("kb")
    theirs = other.assistant("theirs", ["kb"])
    before = len(ok(client.get("/v1/api-keys", headers=org.admin))["api_keys"])
    for body, status, word in (
        ({"name": "k", "scopes": ["root"]}, 422, "scopes"),
        ({"name": "k", "scopes": []}, 422, "scopes"),
        ({"name": "k", "scopes": ["chat"], "rate_limit": "lots"}, 422, "rate_limit"),
        ({"name": "k", "scopes": ["chat"], "assistant_ids": [theirs]}, 404, theirs),
    ):
        refused(client.post("/v1/api-keys", json=body, headers=org.admin), status, word)
    assert len(ok(client.get("/v1/api-keys", headers=org.admin))["api_keys"]) == before
    refused(client.post("/v1/api-keys", json={"name": "k", "scopes": ["chat"]},
                        headers=key_header(org.key("chat"))), 403, "admin")  # fmt: skip


def test_models_lists_only_the_assistants_the_key_may_use(client: FlaskClient, org: Org) -> None:
    other = create_org(client, "Other")
    other.kb("kb")
    other.assistant("theirs", ["kb"])
    org.assistant("second", ["docs"])
    listed = ok(client.get("/v1/models", headers=key_header(org.key("chat", assistants=["bot"]))))
    assert [m["id"] for m in listed["data"]] == [org.assistants["bot"]]
    everything = ok(client.get("/v1/models", headers=key_header(org.key("chat"))))
    assert {m["id"] for m in everything["data"]} == set(org.assistants.values())
