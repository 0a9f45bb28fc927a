"""The platform API end to end: organisations, knowledge bases, documents, assistants and
keys, and what one organisation can (not) reach of another's. Real Redis, real Qdrant
local mode, the real model, SQLite."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient
from werkzeug.test import TestResponse

from knowledge.vectors.store import count_points, organisation_filter
from tests.api.platform_helpers import PLATFORM_ADMIN, Org, chat, create_org, key_header, ok
from tests.app_fixtures import services_of
from tests.knowledge.files import pdf_bytes

HOLIDAYS_A = "# Holidays\n\nEmployees of Acme get 30 days of paid holiday per year."
ROUTER_A = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."
HOLIDAYS_B = "# Leave\n\nStaff at Beta receive 12 days of annual leave per year."
PRINTER_B = "# Printer\n\nBeta printer jams are cleared by opening tray 2 and pulling the sheet."


@pytest.fixture
def two_orgs(platform: Flask) -> tuple[Org, Org]:
    """Two organisations, each with an HR and a support assistant over their own KBs."""
    client = platform.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    for org, (hr_text, support_text) in (
        (acme, (HOLIDAYS_A, ROUTER_A)),
        (beta, (HOLIDAYS_B, PRINTER_B)),
    ):
        org.kb("hr")
        org.kb("support")
        assert org.upload("hr", "Holidays", hr_text)["status"] == "completed"
        assert org.upload("support", "Support", support_text)["status"] == "completed"
        org.assistant("hr", ["hr"])
        org.assistant("support", ["support"])
    return acme, beta


def test_walkthrough_from_organisation_to_cited_answer(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    key = acme.key("chat", assistants=["hr"])
    body = ok(chat(acme.client, key, "How many days of holiday do employees get?"))
    assert body["found"] and "30 days" in body["answer"]
    assert body["assistant_id"] == acme.assistants["hr"]
    assert {c["title"] for c in body["citations"]} == {"Holidays"}
    documents = ok(
        acme.client.get(f"/v1/knowledge-bases/{acme.kbs['hr']}/documents", headers=acme.admin)
    )
    assert [(d["status"], d["chunks"]) for d in documents["documents"]] == [("completed", 1)]


def test_an_organisations_first_key_is_shown_once(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Gamma")
    listed = client.get("/v1/api-keys", headers=org.admin)
    assert org.admin_key not in listed.get_data(as_text=True)
    (key,) = listed.get_json()["api_keys"]
    assert org.admin_key.startswith(key["prefix"]) and key["scopes"] == ["admin"]
    organisations = client.get("/v1/admin/organisations", headers=PLATFORM_ADMIN)
    assert org.admin_key not in organisations.get_data(as_text=True)
    assert any(o["id"] == org.id for o in organisations.get_json()["organisations"])


def test_another_organisations_ids_are_not_found(two_orgs: tuple[Org, Org]) -> None:
    acme, beta = two_orgs
    client = acme.client
    acme_kb, acme_bot = acme.kbs["hr"], acme.assistants["hr"]
    doc_id = ok(client.get(f"/v1/knowledge-bases/{acme_kb}/documents", headers=acme.admin))[
        "documents"
    ][0]["id"]
    acme_key_id = ok(client.get("/v1/api-keys", headers=acme.admin))["api_keys"][0]["id"]
    for method, path in [
        ("GET", f"/v1/knowledge-bases/{acme_kb}"),
        ("PATCH", f"/v1/knowledge-bases/{acme_kb}"),
        ("DELETE", f"/v1/knowledge-bases/{acme_kb}"),
        ("GET", f"/v1/knowledge-bases/{acme_kb}/documents"),
        ("GET", f"/v1/knowledge-bases/{acme_kb}/documents/{doc_id}"),
        ("DELETE", f"/v1/knowledge-bases/{acme_kb}/documents/{doc_id}"),
        ("POST", f"/v1/knowledge-bases/{acme_kb}/documents"),
        ("GET", f"/v1/assistants/{acme_bot}"),
        ("PATCH", f"/v1/assistants/{acme_bot}"),
        ("DELETE", f"/v1/assistants/{acme_bot}"),
        ("DELETE", f"/v1/api-keys/{acme_key_id}"),
    ]:
        body = {"title": "x", "text": "y"} if method == "POST" else {"description": "mine now"}
        response = client.open(
            path,
            method=method,
            headers=beta.admin,
            json=body if method in ("POST", "PATCH") else None,
        )
        assert response.status_code == 404, (method, path, response.get_json())
    # Beta's lists hold only Beta's records.
    for path, field in [
        ("/v1/knowledge-bases", "knowledge_bases"),
        ("/v1/assistants", "assistants"),
    ]:
        ids = {item["id"] for item in ok(client.get(path, headers=beta.admin))[field]}
        assert ids == set((beta.kbs if field == "knowledge_bases" else beta.assistants).values())
    # Beta cannot point its assistant at Acme's knowledge base.
    stolen = client.post(
        "/v1/assistants", headers=beta.admin,
        json={"name": "thief", "knowledge_bases": [{"kb_id": acme_kb}]},
    )  # fmt: skip
    assert stolen.status_code == 404
    # Nor its ingestion jobs, by either job route.
    job_id = ok(
        client.get(f"/v1/knowledge-bases/{acme_kb}/documents/{doc_id}", headers=acme.admin)
    )["job_id"]
    assert (
        client.get(f"/v1/knowledge-bases/{acme_kb}/jobs/{job_id}", headers=acme.admin).status_code
        == 200
    )
    for path in (
        f"/v1/knowledge-bases/{beta.kbs['hr']}/jobs/{job_id}",
        f"/v1/documents/jobs/{job_id}",
    ):
        assert client.get(path, headers=beta.admin).status_code == 404, path
    # Nor upload files into Acme's knowledge base: a Windows "Unicode" text, a PDF.
    before = ok(client.get(f"/v1/knowledge-bases/{acme_kb}/documents", headers=acme.admin))
    for data, name in (
        ("Beta wrote this.\r\n".encode("utf-16"), "notes.txt"),
        (pdf_bytes(["Beta wrote this page."]), "beta.pdf"),
    ):
        sent = client.post(
            f"/v1/knowledge-bases/{acme_kb}/documents", headers=beta.admin,
            data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
        )  # fmt: skip
        assert sent.status_code == 404 and "job" not in sent.get_data(as_text=True), name
    after = ok(client.get(f"/v1/knowledge-bases/{acme_kb}/documents", headers=acme.admin))
    assert after["documents"] == before["documents"]
    # Acme's records are all still there.
    assert (
        ok(client.get(f"/v1/knowledge-bases/{acme_kb}/documents/{doc_id}", headers=acme.admin))[
            "status"
        ]
        == "completed"
    )


def test_chat_reaches_only_the_assistants_own_knowledge_bases(two_orgs: tuple[Org, Org]) -> None:
    acme, beta = two_orgs
    client = acme.client
    acme_key = acme.key("chat")
    # Acme's support assistant has no HR documents: holidays are not found there.
    support = ok(chat(client, acme_key, "How many days of holiday do employees get?",
                      assistant=acme.assistants["support"]))  # fmt: skip
    assert all(c["title"] != "Holidays" for c in support["citations"])
    assert "30 days" not in support["answer"]
    # Beta's HR assistant answers from Beta's documents, never Acme's.
    beta_answer = ok(chat(client, beta.key("chat"), "How many days of holiday or leave do staff get?",
                          assistant=beta.assistants["hr"]))  # fmt: skip
    assert "12 days" in beta_answer["answer"] and "30 days" not in beta_answer["answer"]
    # Another organisation's assistant id is unknown, by id and by name.
    assert chat(client, beta.key("chat"), "hi", assistant=acme.assistants["hr"]).status_code == 404


def test_a_key_bound_to_one_assistant_cannot_use_another(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    key = acme.key("chat", assistants=["hr"])
    refused = chat(
        acme.client, key, "How do I reset the router?", assistant=acme.assistants["support"]
    )
    assert refused.status_code == 403
    # With no assistant named, the key's only assistant answers.
    assert (
        ok(chat(acme.client, key, "How many days of holiday?"))["assistant_id"]
        == acme.assistants["hr"]
    )
    # A key that may use both must say which.
    both = chat(acme.client, acme.key("chat"), "hello")
    assert both.status_code == 400 and "X-Assistant-Id" in both.get_json()["error"]["message"]


def test_conversations_are_per_organisation_assistant_and_key(two_orgs: tuple[Org, Org]) -> None:
    acme, beta = two_orgs
    client = acme.client
    acme_key, beta_key = acme.key("chat", assistants=["hr"]), beta.key("chat", assistants=["hr"])
    ok(chat(client, acme_key, "How many days of holiday?", conversation="same-id"))
    other_key = acme.key("chat", assistants=["hr"])
    for key in (beta_key, other_key):
        response = client.get("/v1/conversations/same-id", headers=key_header(key))
        assert response.status_code == 404
        assert (
            client.delete("/v1/conversations/same-id", headers=key_header(key)).status_code == 404
        )
    mine = ok(client.get("/v1/conversations/same-id", headers=key_header(acme_key)))
    assert [m["role"] for m in mine["messages"]] == ["user", "assistant"]
    # The same key with another assistant has a conversation of its own under that id.
    both = acme.key("chat")
    ok(
        chat(
            client,
            both,
            "How do I reset the router?",
            assistant=acme.assistants["support"],
            conversation="x",
        )
    )
    hr_view = client.get(
        "/v1/conversations/x", headers={**key_header(both), "X-Assistant-Id": acme.assistants["hr"]}
    )
    assert hr_view.status_code == 404
    support = acme.assistants["support"]
    by_query = client.get(f"/v1/conversations/x?assistant_id={support}", headers=key_header(both))
    assert by_query.status_code == 200 and by_query.get_json()["assistant_id"] == support


def test_scopes_are_enforced_with_the_scope_named(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    client = acme.client
    chat_only = key_header(acme.key("chat"))
    refused = client.post("/v1/knowledge-bases", json={"name": "x"}, headers=chat_only)
    assert refused.status_code == 403
    assert "'content:write'" in refused.get_json()["error"]["message"]
    # A key with that scope makes knowledge bases, and still no keys.
    editor = key_header(acme.key("content:write"))
    assert client.post("/v1/knowledge-bases", json={"name": "x"}, headers=editor).status_code == 201
    assert client.get("/v1/api-keys", headers=editor).status_code == 403
    reader = key_header(acme.key("documents:read"))
    assert (
        client.get(f"/v1/knowledge-bases/{acme.kbs['hr']}/documents", headers=reader).status_code
        == 200
    )
    upload = client.post(f"/v1/knowledge-bases/{acme.kbs['hr']}/documents", headers=reader,
                         json={"title": "t", "text": "x"})  # fmt: skip
    assert upload.status_code == 403 and "documents:write" in upload.get_json()["error"]["message"]
    assert chat(client, acme.key("documents:read"), "hi").status_code == 403
    # Only platform admins manage organisations.
    assert client.get("/v1/admin/organisations", headers=acme.admin).status_code == 403


def test_revoked_and_unknown_keys_get_401(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    client = acme.client
    key = acme.key("chat", assistants=["hr"])
    key_id = next(k["id"] for k in ok(client.get("/v1/api-keys", headers=acme.admin))["api_keys"]
                  if key.startswith(k["prefix"]) and k["revoked_at"] is None and k["scopes"] == ["chat"])  # fmt: skip
    assert chat(client, key, "How many days of holiday?").status_code == 200
    revoked = ok(client.delete(f"/v1/api-keys/{key_id}", headers=acme.admin))
    assert revoked["revoked_at"] is not None
    assert chat(client, key, "How many days of holiday?").status_code == 401
    assert chat(client, "gc_live_" + "A" * 43, "hi").status_code == 401


def test_expiry_in_the_past_is_refused(two_orgs: tuple[Org, Org]) -> None:
    acme, _ = two_orgs
    response = acme.client.post("/v1/api-keys", headers=acme.admin, json={
        "name": "old", "scopes": ["chat"], "expires_at": "2020-01-01T00:00:00Z"})  # fmt: skip
    assert response.status_code == 422 and "future" in response.get_json()["error"]["message"]


def test_per_key_rate_limit_spans_every_chat_route(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, rate_limit="1000/minute").test_client()
    org = create_org(client, "Limited")
    org.kb("docs")
    org.assistant("bot", ["docs"])
    limited = org.key("chat", rate_limit="3/minute")
    other = org.key("chat")
    statuses = [chat(client, limited, "hello", conversation=f"l{i}").status_code for i in range(2)]
    completion = client.post("/v1/chat/completions", headers=key_header(limited),
                             json={"model": "bot", "messages": [{"role": "user", "content": "hi"}]})  # fmt: skip
    statuses.append(completion.status_code)
    over = chat(client, limited, "hello", conversation="l9")
    assert statuses == [200, 200, 200] and over.status_code == 429
    assert int(over.headers["Retry-After"]) > 0
    assert client.get("/v1/models", headers=key_header(limited)).status_code == 429
    assert chat(client, other, "hello").status_code == 200  # another key has its own budget
    assert "Retry-After" not in chat(client, other, "hello", conversation="c2").headers


def test_a_model_naming_no_assistant_is_a_documented_404(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    """The contract test's fuzzer asked for the model "admin": the reply was a 404 the
    schema did not list. Another organisation's key naming this one's assistant, by name
    or id, gets the same 404 and no answer; a bad body is a JSON 422 and changes nothing."""
    client = make_app(qdrant=empty_qdrant).test_client()
    org = create_org(client, "Models")
    org.kb("docs")
    bot = org.assistant("bot", ["docs"])
    other = create_org(client, "Elsewhere")
    other.kb("docs")
    other.assistant("desk", ["docs"])

    def complete(headers: dict[str, str], model: str | None) -> TestResponse:
        return client.post("/v1/chat/completions", headers=headers,
                           json={"model": model, "messages": [{"role": "user", "content": "hi"}]})  # fmt: skip

    response = complete(org.admin, "admin")
    assert response.status_code == 404
    assert "admin" in response.get_json()["error"]["message"]
    for model in ("bot", bot):
        crossed = complete(other.admin, model)
        assert crossed.status_code == 404 and "choices" not in crossed.get_json(), (
            crossed.get_json()
        )
    bad = complete(org.admin, None)
    assert bad.status_code == 422 and bad.get_json()["error"]["message"]
    assert client.get("/v1/conversations", headers=org.admin).get_json()["conversations"] == []
    assert complete(org.admin, "bot").status_code == 200  # the assistant still answers
    documented = client.get("/openapi.json").get_json()["paths"]["/v1/chat/completions"]
    assert "404" in documented["post"]["responses"]


def test_requests_without_a_valid_key_are_limited_per_address(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, anonymous_rate_limit="5/minute").test_client()
    statuses = [chat(client, f"gc_live_guess{i}", "hi").status_code for i in range(7)]
    assert statuses[:5] == [401] * 5 and statuses[5:] == [429, 429]
    assert client.get("/v1/assistants").status_code == 429  # the same address, any route
    assert client.get("/ready").status_code == 200  # probes are never limited


def test_deleting_an_organisation_removes_all_of_it(
    two_orgs: tuple[Org, Org], platform: Flask
) -> None:
    acme, beta = two_orgs
    client = acme.client
    beta_key = beta.key("chat", assistants=["hr"])
    ok(chat(client, beta_key, "How many days of leave?", conversation="gone"))
    services = services_of(platform)
    assert count_points(services.qdrant, "knowledge_base", organisation_filter(beta.id)) == 2
    deleted = ok(client.delete(f"/v1/admin/organisations/{beta.id}", headers=PLATFORM_ADMIN))
    assert deleted["points"] == 2 and deleted["conversations"] == 1
    assert count_points(services.qdrant, "knowledge_base", organisation_filter(beta.id)) == 0
    assert client.get("/v1/knowledge-bases", headers=beta.admin).status_code == 401
    assert chat(client, beta_key, "How many days of leave?").status_code == 401
    # Acme is untouched.
    assert count_points(services.qdrant, "knowledge_base", organisation_filter(acme.id)) == 2
    assert (
        client.delete("/v1/admin/organisations/org_default", headers=PLATFORM_ADMIN).status_code
        == 409
    )


def test_a_provider_key_is_stored_encrypted_and_never_returned(
    platform: Flask, tmp_path: Path
) -> None:
    client = platform.test_client()
    org = create_org(client, "Keyed")
    secret = "sk-provider-secret-123456"
    body = ok(client.patch("/v1/organisation", headers=org.admin, json={
        "llm": {"base_url": "http://93.184.216.34/v1", "model": "m", "api_key": secret}}))  # fmt: skip
    assert body["llm"] == {"base_url": "http://93.184.216.34/v1", "model": "m", "has_api_key": True}
    assert secret not in client.get("/v1/organisation", headers=org.admin).get_data(as_text=True)
    services = services_of(platform)
    services.db.close()
    for path in tmp_path.glob("platform.db*"):
        assert secret.encode() not in path.read_bytes()


def test_cors_follows_the_assistants_allowed_origins(platform: Flask) -> None:
    client: FlaskClient = platform.test_client()
    org = create_org(client, "Shop")
    org.kb("faq")
    org.assistant("web", ["faq"], allowed_origins=["https://shop.example"], is_public=False)
    key = org.key("chat", assistants=["web"])
    preflight = client.options("/v1/chat", headers={
        "Origin": "https://shop.example", "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://shop.example"
    for origin, allowed in (("https://shop.example", True), ("https://evil.example", False)):
        response = client.post("/v1/chat", json={"message": "hi"},
                               headers={**key_header(key), "X-Conversation-Id": "c", "Origin": origin})  # fmt: skip
        assert ("Access-Control-Allow-Origin" in response.headers) is allowed
