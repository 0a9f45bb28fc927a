"""GET /v1/me: what the presented key may do, and nothing of any other key or
organisation; without a valid key, a clear 401."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import PLATFORM_ADMIN, create_org, key_header, ok


def test_each_key_sees_its_own_scopes_and_organisation_only(platform: Flask) -> None:
    client = platform.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    acme.kb("docs")
    acme.assistant("bot", ["docs"])
    chat_key = acme.key("chat", assistants=["bot"])
    mine = ok(client.get("/v1/me", headers=key_header(chat_key)))
    assert mine["org_id"] == acme.id and mine["scopes"] == ["chat"]
    assert mine["assistant_ids"] == [acme.assistants["bot"]] and mine["platform_admin"] is False
    assert chat_key not in str(mine)  # the key itself is never sent back
    theirs = ok(client.get("/v1/me", headers=beta.admin))
    assert theirs["org_id"] == beta.id and theirs["scopes"] == ["admin"]
    assert acme.id not in str(theirs)
    assert ok(client.get("/v1/me", headers=PLATFORM_ADMIN))["platform_admin"] is True


def test_without_a_valid_key_it_is_a_clear_401(platform: Flask) -> None:
    client = platform.test_client()
    for headers in ({}, {"X-API-Key": "gc_live_guess"}):
        response = client.get("/v1/me", headers=headers)
        assert response.status_code == 401 and response.get_json()["error"]["message"]
    acme = create_org(client, "Acme")
    key = acme.key("chat")
    key_id = ok(client.get("/v1/me", headers=key_header(key)))["key_id"]
    ok(client.delete(f"/v1/api-keys/{key_id}", headers=acme.admin))
    assert client.get("/v1/me", headers=key_header(key)).status_code == 401
