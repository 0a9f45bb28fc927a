"""An organisation's own MCP server (written here with the official SDK, served over real
HTTP) registered by its admin, its tools allowed per assistant and called by the model
(the local stub) in a turn: cited, bounded in time, refused where they must be."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from stubs.llm import LLMStub
from tests.api.mcp_helpers import (
    CLIENT_ID,
    CLIENT_SECRET,
    TICKET,
    TOKEN,
    TicketServer,
    served,
)
from tests.api.platform_helpers import Org, chat, create_org, ok


@pytest.fixture
def tickets() -> Iterator[tuple[TicketServer, str]]:
    server = TicketServer()
    with served(server.app, lifespan="on") as url:
        yield server, f"{url}/mcp"


@pytest.fixture
def tools_app(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, stub: LLMStub
) -> Callable[..., Flask]:
    def make(**overrides: object) -> Flask:
        values = {
            "llm_base_url": stub.url, "llm_api_key": stub.api_key, "llm_model": "stub-model",
            "llm_max_retries": 0, "llm_timeout": 20.0, "mcp_allowed_hosts": ["127.0.0.1"],
            **overrides,
        }  # fmt: skip
        return make_app(qdrant=empty_qdrant, **values)

    return make


def register(org: Org, url: str, name: str = "tickets", token: str = TOKEN) -> Any:
    body = {"name": name, "url": url, "auth": {"type": "bearer", "token": token}}
    return org.client.post("/v1/mcp-servers", json=body, headers=org.admin)


def allow(org: Org, assistant: str, server_id: str, *tools: str) -> Any:
    body = {"mcp_tools": [{"server_id": server_id, "tool": t} for t in tools]}
    return org.client.patch(f"/v1/assistants/{org.assistants[assistant]}", json=body,
                            headers=org.admin)  # fmt: skip


class CallsThenAnswers:
    """The model: calls each offered tool whose name ends with one of `wanted` once, then
    answers from what the tools said."""

    def __init__(self, *wanted: str) -> None:
        self.wanted = wanted
        self.offered: list[list[str]] = []
        self.tool_messages: list[str] = []

    def __call__(self, request: dict[str, Any]) -> Any:
        if not request.get("tools"):
            return "ok"
        names = [t["function"]["name"] for t in request["tools"]]
        self.offered.append(names)
        said = [m["content"] for m in request["messages"] if m["role"] == "tool"]
        if not said:
            calls = [n for n in names if n.endswith(self.wanted)]
            return [{"name": n, "arguments": {"ticket_id": "T-17", "day": "Friday",
                                              "part": "seal"}} for n in calls]  # fmt: skip
        self.tool_messages = said
        return "From the ticket system: " + " | ".join(s[:120] for s in said)


def plant(app: Flask) -> Org:
    org = create_org(app.test_client(), "Plant")
    org.kb("manuals")
    org.upload("manuals", "Pump P3", "Pump P3 is serviced every 500 hours.")
    org.assistant("Maintenance", ["manuals"])
    return org


def test_the_assistant_calls_its_allowed_tool_and_cites_it(
    tools_app: Callable[..., Flask], stub: LLMStub, tickets: tuple[TicketServer, str]
) -> None:
    server, url = tickets
    org = plant(tools_app())
    model = CallsThenAnswers("lookup_ticket", "shift_schedule")
    stub.reply = model

    # A wrong token is refused at registration, and nothing is kept.
    refused = register(org, url, token="wrong")
    assert refused.status_code == 422 and "tickets" in refused.get_json()["error"]["message"]
    assert ok(org.client.get("/v1/mcp-servers", headers=org.admin))["mcp_servers"] == []

    created = ok(register(org, url), 201)
    assert sorted(t["name"] for t in created["tools"]) == [
        "lookup_ticket",
        "shift_schedule",
        "spare_parts",
    ]
    assert TOKEN not in json.dumps(created) and created["auth"] == {"type": "bearer"}
    listed = ok(org.client.get("/v1/mcp-servers", headers=org.admin))
    assert TOKEN not in json.dumps(listed) and listed["model_configured"] is True

    # Nothing is allowed by default: the model is offered no tool of the server.
    answer = ok(chat(org.client, org.admin_key, "Who is on ticket T-17?", conversation="a"))
    assert server.calls == [] and not any("lookup" in n for n in sum(model.offered, []))
    assert answer["citations"] == [] or all(c["kind"] != "tool" for c in answer["citations"])

    ok(allow(org, "Maintenance", created["id"], "lookup_ticket"))
    shown = ok(org.client.get(f"/v1/assistants/{org.assistants['Maintenance']}",
                              headers=org.admin))  # fmt: skip
    assert shown["mcp_tools"] == [{"server_id": created["id"], "tool": "lookup_ticket"}]
    answer = ok(chat(org.client, org.admin_key, "Who is on ticket T-17?", conversation="b"))
    # Only the allowed tool was offered (not the slow one the model would also call).
    assert model.offered[-1] and all("shift_schedule" not in n for n in model.offered[-1])
    assert server.calls == ["lookup_ticket"]
    assert "Rosa" in answer["answer"] and TICKET in model.tool_messages[0]
    cited = [c for c in answer["citations"] if c.get("kind") == "tool"]
    assert [c["source"] for c in cited] == ["tool:tickets/lookup_ticket"]
    assert "Rosa" in cited[0]["snippet"]

    # Removing the server takes its tools off the assistant.
    ok(org.client.delete(f"/v1/mcp-servers/{created['id']}", headers=org.admin))
    shown = ok(org.client.get(f"/v1/assistants/{org.assistants['Maintenance']}",
                              headers=org.admin))  # fmt: skip
    assert shown["mcp_tools"] == []


def test_a_slow_or_failing_tool_is_an_error_the_model_reads_and_the_turn_answers(
    tools_app: Callable[..., Flask], stub: LLMStub, tickets: tuple[TicketServer, str]
) -> None:
    server, url = tickets
    org = plant(tools_app(mcp_tool_timeout_seconds=1.5))
    created = ok(register(org, url), 201)
    ok(allow(org, "Maintenance", created["id"], "shift_schedule", "spare_parts"))
    model = CallsThenAnswers("shift_schedule", "spare_parts")
    stub.reply = model

    answer = ok(chat(org.client, org.admin_key, "Who is on shift, and is a seal in stock?"))
    assert sorted(server.calls) == ["shift_schedule", "spare_parts"]
    slow, failing = sorted(model.tool_messages, key=lambda m: "inventory" in m)
    assert slow.startswith("error:") and "did not answer within 1.5 s" in slow
    assert failing.startswith("error:") and "inventory database is down" in failing
    assert answer["answer"].startswith("From the ticket system")
    assert not [c for c in answer["citations"] if c.get("kind") == "tool"]  # nothing to cite


def test_registration_refuses_internal_addresses_and_bad_input(
    tools_app: Callable[..., Flask], tickets: tuple[TicketServer, str]
) -> None:
    _server, url = tickets
    org = plant(tools_app(mcp_allowed_hosts=[]))
    for address in (url, "http://169.254.169.254/mcp", "http://localhost:9/mcp",
                    "http://10.0.0.7/mcp"):  # fmt: skip
        refused = register(org, address)
        assert refused.status_code == 422, address
        assert "MCP_ALLOWED_HOSTS" in refused.get_json()["error"]["message"]
    bad_bodies = [
        {"name": "t", "url": url, "colour": "red"},
        {"name": "t", "url": url, "auth": {"type": "password", "token": "x"}},
        {"name": "t", "url": url, "auth": {"type": "bearer"}},
        {"name": "t", "url": "ftp://example.com/mcp"},
        {"name": "", "url": url},
    ]
    for body in bad_bodies:
        answer = org.client.post("/v1/mcp-servers", json=body, headers=org.admin)
        assert answer.status_code == 422, body
        assert answer.get_json()["error"]["message"]
    assert ok(org.client.get("/v1/mcp-servers", headers=org.admin))["mcp_servers"] == []


def test_another_organisation_cannot_see_use_or_remove_our_servers(
    tools_app: Callable[..., Flask], tickets: tuple[TicketServer, str]
) -> None:
    _server, url = tickets
    app = tools_app()
    ours = plant(app)
    created = ok(register(ours, url), 201)
    theirs = create_org(app.test_client(), "Other")
    theirs.kb("notes")
    theirs.assistant("Helper", ["notes"])
    assert ok(theirs.client.get("/v1/mcp-servers", headers=theirs.admin))["mcp_servers"] == []
    for method in ("get", "delete"):
        answer = getattr(theirs.client, method)(f"/v1/mcp-servers/{created['id']}",
                                                headers=theirs.admin)  # fmt: skip
        assert answer.status_code == 404
    assert allow(theirs, "Helper", created["id"], "lookup_ticket").status_code == 404
    # A key that may only chat, even of our organisation, manages no server.
    chat_key = ours.key("chat")
    assert ours.client.get("/v1/mcp-servers", headers={"X-API-Key": chat_key}).status_code == 403
    assert (
        ok(ours.client.get("/v1/mcp-servers", headers=ours.admin))["mcp_servers"][0]["id"]
        == (created["id"])
    )


def test_without_a_model_the_tools_are_not_used(
    tools_app: Callable[..., Flask], tickets: tuple[TicketServer, str]
) -> None:
    server, url = tickets
    org = plant(tools_app(llm_base_url=None, llm_api_key=None, llm_model=None))
    created = ok(register(org, url), 201)
    ok(allow(org, "Maintenance", created["id"], "lookup_ticket"))
    listed = ok(org.client.get("/v1/mcp-servers", headers=org.admin))
    assert listed["model_configured"] is False
    answer = ok(chat(org.client, org.admin_key, "How often is pump P3 serviced?"))
    assert "500 hours" in answer["answer"] and server.calls == []


def test_a_server_behind_oauth_client_credentials_gets_a_token_first(
    tools_app: Callable[..., Flask], stub: LLMStub, tickets: tuple[TicketServer, str]
) -> None:
    server, url = tickets
    org = plant(tools_app())
    token_url = url.removesuffix("/mcp") + "/token"

    def register_oauth(secret: str) -> Any:
        auth = {"type": "oauth_client_credentials", "token_url": token_url,
                "client_id": CLIENT_ID, "client_secret": secret, "scope": "tickets:read"}  # fmt: skip
        return org.client.post("/v1/mcp-servers", headers=org.admin,
                               json={"name": "tickets", "url": url, "auth": auth})  # fmt: skip

    refused = register_oauth("wrong")
    assert refused.status_code == 422 and "401" in refused.get_json()["error"]["message"]
    created = ok(register_oauth(CLIENT_SECRET), 201)
    assert created["auth"] == {"type": "oauth_client_credentials", "token_url": token_url,
                               "client_id": CLIENT_ID, "scope": "tickets:read"}  # fmt: skip
    assert "lookup_ticket" in [t["name"] for t in created["tools"]]
    assert "grant_type=client_credentials" in server.token_requests[-1]
    assert "scope=tickets%3Aread" in server.token_requests[-1]
    ok(allow(org, "Maintenance", created["id"], "lookup_ticket"))
    stub.reply = CallsThenAnswers("lookup_ticket")
    answer = ok(chat(org.client, org.admin_key, "Who is on ticket T-17?"))
    assert [c["source"] for c in answer["citations"] if c.get("kind") == "tool"] == [
        "tool:tickets/lookup_ticket"
    ]
    assert CLIENT_SECRET not in json.dumps(ok(org.client.get("/v1/mcp-servers", headers=org.admin)))
