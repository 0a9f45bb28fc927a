"""Single sign-on into the web chat, through the API: a single-use sign-in link, and the
session it opens, held to one user of one assistant."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, create_org, key_header, ok

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."


@pytest.fixture
def org(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    app = make_app(qdrant=empty_qdrant, sso_link_seconds=1, web_chat_url="https://chat.example")
    org = create_org(app.test_client(), "Acme")
    org.kb("support")
    assert org.upload("support", "Router", ROUTER)["status"] == "completed"
    org.assistant("helper", ["support"])
    org.assistant("other", ["support"])
    return org


def link(org: Org, key: str, user: str = "alice") -> dict:
    body = {"user": user, "assistant_id": "helper", "display_name": "Alice A."}
    return ok(org.client.post("/v1/sessions", json=body, headers=key_header(key)), 201)


def redeem(org: Org, token: str):  # type: ignore[no-untyped-def]
    return org.client.post("/v1/sessions/redeem", json={"token": token})


def test_a_sign_in_link_opens_one_session_for_one_user(org: Org) -> None:
    key = org.key("chat")
    made = link(org, key)
    assert made["url"] == f"https://chat.example/?sso={made['token']}"
    assert made["assistant_id"] == org.assistants["helper"]
    opened = ok(redeem(org, made["token"]))
    assert opened["user"] == "alice" and opened["display_name"] == "Alice A."
    assert key not in str(opened)  # the session never carries the key
    replay = redeem(org, made["token"])
    assert replay.status_code == 401 and "already used" in replay.get_json()["error"]["message"]

    session = {"X-Session-Token": opened["session_token"], "X-Conversation-Id": "s1"}
    answer = ok(org.client.post("/v1/chat", json={"message": "How do I reset the router?"},
                                headers=session))  # fmt: skip
    assert "ten seconds" in answer["answer"]
    # The conversation is Alice's under the key, and only hers (a `user` sent is ignored).
    mine = ok(org.client.get("/v1/conversations?user=alice&assistant_id=helper",
                             headers=key_header(key)))["conversations"]  # fmt: skip
    assert [c["conversation_id"] for c in mine] == ["s1"]
    listed = ok(org.client.get("/v1/conversations?user=bob", headers=session))["conversations"]
    assert [c["conversation_id"] for c in listed] == ["s1"]


def test_a_session_can_do_nothing_else(org: Org) -> None:
    key = org.key("chat", "admin")
    session = {"X-Session-Token": ok(redeem(org, link(org, key)["token"]))["session_token"]}
    assert org.client.get("/v1/api-keys", headers=session).status_code == 403
    other = {**session, "X-Assistant-Id": "other", "X-Conversation-Id": "x"}
    assert org.client.post("/v1/chat", json={"message": "hi"}, headers=other).status_code == 403
    again = org.client.post("/v1/sessions", json={"user": "mallory"}, headers=session)
    assert again.status_code == 403
    assert (
        org.client.get("/v1/conversations", headers={"X-Session-Token": "made-up"}).status_code
        == 401
    )


def test_links_expire_and_revoking_the_key_ends_its_sessions(org: Org) -> None:
    key_id = ok(org.client.post("/v1/api-keys", json={"name": "portal", "scopes": ["chat"]},
                                headers=org.admin), 201)  # fmt: skip
    key = key_id["key"]
    stale = link(org, key)["token"]
    session = {"X-Session-Token": ok(redeem(org, link(org, key)["token"]))["session_token"]}
    time.sleep(1.5)
    assert redeem(org, stale).status_code == 401  # expired before use
    assert org.client.get("/v1/conversations", headers=session).status_code == 200
    ok(org.client.delete(f"/v1/api-keys/{key_id['id']}", headers=org.admin))
    ended = org.client.get("/v1/conversations", headers=session)
    assert ended.status_code == 401 and "session has ended" in ended.get_json()["error"]["message"]


def test_another_organisations_key_cannot_link_to_this_assistant(org: Org) -> None:
    beta = create_org(org.client, "Beta")
    response = org.client.post("/v1/sessions", json={"user": "eve", "assistant_id": org.assistants["helper"]},
                               headers=beta.admin)  # fmt: skip
    assert response.status_code == 404
