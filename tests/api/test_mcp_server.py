"""/mcp with the official MCP SDK's client over real HTTP: tools, resources, scoping,
revocation, bad arguments, audit, analytics and the key's budget."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest
from flask import Flask
from mcp.shared.exceptions import MCPError

from tests.api.mcp_helpers import mcp_client, served_with_mcp, text_of
from tests.api.platform_helpers import PLATFORM_ADMIN, create_org, ok

QUESTION = "How do I start the service?"


def run(coroutine_fn: Callable[..., Any], *args: Any) -> Any:
    return anyio.run(coroutine_fn, *args)


def test_a_client_lists_searches_and_asks_as_the_rest_api_answers(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    client = app.test_client()
    with served_with_mcp(app) as url:

        async def session() -> dict[str, Any]:
            async with mcp_client(url, "test-key-a") as mcp:
                tools = {t.name: t for t in (await mcp.list_tools()).tools}
                listed = await mcp.call_tool("list_assistants", {})
                found = await mcp.call_tool("search", {"query": QUESTION, "limit": 3})
                asked = await mcp.call_tool("ask", {"question": QUESTION, "conversation_id": "m1"})
                follow = await mcp.call_tool(
                    "ask", {"question": "And how do I stop it?", "conversation_id": "m1"}
                )
                return {"tools": tools, "listed": listed, "found": found, "asked": asked,
                        "follow": follow}  # fmt: skip

        got = run(session)
    assert set(got["tools"]) == {"list_assistants", "search", "ask"}
    assert "query" in got["tools"]["search"].input_schema["properties"]
    assert [a["id"] for a in got["listed"].structured_content["assistants"]] == ["asst_default"]

    passages = got["found"].structured_content["passages"]
    assert passages and not got["found"].is_error
    assert all(p["id"] and p["title"] and p["source"] and p["document_id"] for p in passages)
    assert any(p["file_name"] and p["file_name"] in text_of(got["found"]) for p in passages)

    # The same answer and citations as /v1/chat gives for the same question.
    rest = ok(client.post("/v1/chat", json={"message": QUESTION},
                          headers={"X-API-Key": "test-key-a", "X-Conversation-Id": "r1"}))  # fmt: skip
    asked = got["asked"].structured_content
    assert asked["answer"] == rest["answer"] and asked["found"]
    assert [(c["title"], c["source"]) for c in asked["citations"]] == [
        (c["title"], c["source"]) for c in rest["citations"]
    ]
    assert rest["citations"][0]["title"] in text_of(got["asked"])
    # The conversation is the key's, kept like any other: both turns are in it.
    kept = ok(client.get("/v1/conversations/m1", headers={"X-API-Key": "test-key-a"}))
    questions = [m["content"] for m in kept["messages"] if m["role"] == "user"]
    assert questions == [QUESTION, "And how do I stop it?"]

    # Counted under their own channel, audited per call.
    deadline = time.monotonic() + 10
    while True:
        channels = ok(client.get("/v1/analytics", headers=PLATFORM_ADMIN))["channels"]
        if channels.get("mcp") == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert channels["mcp"] == 2 and channels["api"] == 1
    trail = ok(client.get("/v1/audit?action=mcp.tool_called", headers=PLATFORM_ADMIN))["entries"]
    assert sorted(e["target_id"] for e in trail) == ["ask", "ask", "list_assistants", "search"]


def test_no_key_a_bad_key_and_a_key_revoked_mid_session_are_refused(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Acme")
    key = org.key("chat")
    with served_with_mcp(platform) as url:
        for headers in ({}, {"Authorization": "Bearer rk_not_a_key"}):
            refused = httpx.post(f"{url}/mcp", headers=headers, json={
                "jsonrpc": "2.0", "id": 1, "method": "tools/list"})  # fmt: skip
            assert refused.status_code == 401
            assert "Bearer" in refused.headers["www-authenticate"]
            assert refused.json()["error"]["message"]

        async def revoked_mid_session() -> tuple[Any, BaseException | None]:
            async with mcp_client(url, key) as mcp:
                before = await mcp.call_tool("list_assistants", {})
                listed = ok(client.get("/v1/api-keys", headers=org.admin))["api_keys"]
                key_id = next(k["id"] for k in listed if key.startswith(k["prefix"]))
                ok(client.delete(f"/v1/api-keys/{key_id}", headers=org.admin))
                try:
                    await mcp.call_tool("list_assistants", {})
                except Exception as exc:  # the SDK raises on the HTTP 401
                    return before, exc
                return before, None

        before, after = run(revoked_mid_session)
    assert not before.is_error
    assert isinstance(after, MCPError), f"a revoked key was still served: {after!r}"


def test_another_organisation_and_a_narrower_key_see_nothing_more(platform: Flask) -> None:
    client = platform.test_client()
    ours, theirs = create_org(client, "Ours"), create_org(client, "Theirs")
    ours.kb("manuals")
    ours.upload("manuals", "Falcon press", "The Falcon press bolts are torqued to 42 Nm.")
    ours.assistant("Plant", ["manuals"])
    ours.assistant("Office", ["manuals"])
    plant_only = ours.key("chat", assistants=["Plant"])
    theirs.kb("notes")
    theirs.upload("notes", "Canteen", "The canteen opens at 8.")
    theirs.assistant("Canteen", ["notes"])
    their_key = theirs.key("chat")
    plant = ours.assistants["Plant"]
    with served_with_mcp(platform) as url:

        async def as_them() -> dict[str, Any]:
            async with mcp_client(url, their_key) as mcp:
                resources = (await mcp.list_resources()).resources
                found = await mcp.call_tool("search", {"query": "Falcon press torque"})
                asked = await mcp.call_tool(
                    "ask", {"question": "Falcon torque?", "conversation_id": "x",
                            "assistant_id": plant},
                )  # fmt: skip
                try:
                    await mcp.read_resource(f"rag://assistants/{plant}/documents/anything")
                    read_error = None
                except Exception as exc:
                    read_error = exc
                listed = await mcp.call_tool("list_assistants", {})
                return {"resources": resources, "found": found, "asked": asked,
                        "read_error": read_error, "listed": listed}  # fmt: skip

        async def as_plant_key() -> dict[str, Any]:
            async with mcp_client(url, plant_only) as mcp:
                listed = await mcp.call_tool("list_assistants", {})
                resources = (await mcp.list_resources()).resources
                text = (await mcp.read_resource(resources[0].uri)).contents[0].text
                office = await mcp.call_tool(
                    "search", {"query": "Falcon", "assistant_id": ours.assistants["Office"]}
                )
                return {"listed": listed, "resources": resources, "text": text, "office": office}

        them, narrow = run(as_them), run(as_plant_key)
    assert [a["name"] for a in them["listed"].structured_content["assistants"]] == ["Canteen"]
    assert [r.name for r in them["resources"]] and all(
        "Falcon" not in (r.title or "") for r in them["resources"]
    )
    # "42 Nm", not "42": the refusal names the assistant's random id, which may hold "42"
    assert "Falcon" not in text_of(them["found"]) and "42 Nm" not in text_of(them["found"])
    assert them["asked"].is_error and "42 Nm" not in text_of(them["asked"])
    assert them["read_error"] is not None

    assert [a["name"] for a in narrow["listed"].structured_content["assistants"]] == ["Plant"]
    assert [r.title for r in narrow["resources"]] == ["Falcon press"]
    assert "42 Nm" in narrow["text"]
    assert narrow["office"].is_error and "403" in text_of(narrow["office"])


@pytest.mark.parametrize(
    ("tool", "arguments", "said"),
    [
        ("ask", {"question": "hi"}, "conversation_id: Field required"),
        ("ask", {"question": "hi", "conversation_id": "bad id!"}, "conversation_id"),
        ("search", {"query": "x", "limit": 500}, "limit"),
        ("search", {"query": "x", "colour": "red"}, "colour: Extra inputs are not permitted"),
        ("delete_everything", {}, "there is no tool 'delete_everything'"),
    ],
)
def test_bad_arguments_are_a_clear_tool_error(
    platform: Flask, tool: str, arguments: dict[str, Any], said: str
) -> None:
    org = create_org(platform.test_client(), "Acme")
    with served_with_mcp(platform) as url:

        async def call() -> Any:
            async with mcp_client(url, org.admin_key) as mcp:
                return await mcp.call_tool(tool, arguments)

        result = run(call)
    assert result.is_error and said in text_of(result)


def test_tool_calls_spend_the_keys_budget(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Acme")
    org.kb("docs")
    org.assistant("Helper", ["docs"])
    key = org.key("chat", rate_limit="2/minute")
    with served_with_mcp(platform) as url:

        async def three_searches() -> list[Any]:
            async with mcp_client(url, key) as mcp:
                return [await mcp.call_tool("search", {"query": "anything"}) for _ in range(3)]

        first, second, third = run(three_searches)
    assert not first.is_error and not second.is_error
    assert third.is_error and "429" in text_of(third)


def test_a_signed_in_persons_token_is_accepted_until_they_sign_out(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Acme")
    org.kb("docs")
    org.assistant("Helper", ["docs"])
    invitation = ok(client.post("/v1/invitations", headers=org.admin,
                                json={"email": "mia@acme.test", "role": "member"}), 201)  # fmt: skip
    ok(client.post("/v1/auth/accept-invitation", json={
        "token": invitation["token"], "password": "mias long password"}), 201)  # fmt: skip
    tokens = ok(client.post("/v1/auth/login", json={
        "email": "mia@acme.test", "password": "mias long password"}))  # fmt: skip
    with served_with_mcp(platform) as url:

        async def signed_out_mid_session() -> tuple[Any, BaseException | None]:
            async with mcp_client(url, tokens["access_token"]) as mcp:
                before = await mcp.call_tool("list_assistants", {})
                ok(client.post("/v1/auth/logout", headers={
                    "Authorization": f"Bearer {tokens['access_token']}"}))  # fmt: skip
                try:
                    await mcp.call_tool("list_assistants", {})
                except MCPError as exc:
                    return before, exc
                return before, None

        before, after = run(signed_out_mid_session)
    assert [a["name"] for a in before.structured_content["assistants"]] == ["Helper"]
    assert after is not None, "a signed-out person's token was still served"
