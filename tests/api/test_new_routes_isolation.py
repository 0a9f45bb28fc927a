"""The routes added with guardrails, feedback, analytics, audit, prompts, voice, sessions
and the document view, called from the other side: another organisation's key, or
another key of the same organisation, gets nothing; bad input gets a JSON error and
leaves what is stored as it was."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from stubs.speech import spoken
from tests.api.platform_helpers import Org, chat, create_org, key_header, ok

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."
PROMPT = {"name": "reset", "template": "How do I reset the {{ device }}?",
          "variables": {"device": "string"}}  # fmt: skip


@pytest.fixture
def orgs(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> tuple[Org, Org]:
    client = make_app(qdrant=empty_qdrant).test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    for org in (acme, beta):
        org.kb("support")
        org.assistant("helper", ["support"])
    assert acme.upload("support", "Router", ROUTER)["status"] == "completed"
    return acme, beta


def error_of(response) -> str:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert body is not None and body["error"]["message"], response.get_data(as_text=True)
    return body["error"]["message"]


def test_export_and_document_view_are_the_callers_own(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs
    reply = ok(chat(acme.client, acme.admin_key, "How do I reset the router?"))
    source = reply["citations"][0]["source"]
    own = ok(acme.client.get(f"/v1/documents/view?source={source}", headers=acme.admin))
    assert "ten seconds" in own["parts"][0]["text"]
    assert (
        acme.client.get(f"/v1/documents/view?source={source}", headers=beta.admin).status_code
        == 404
    )
    assert acme.client.get("/v1/conversations/c1/export", headers=beta.admin).status_code == 404
    other_key = key_header(acme.key("chat"))
    assert acme.client.get("/v1/conversations/c1/export", headers=other_key).status_code == 404
    assert ok(acme.client.get("/v1/conversations/c1/export", headers=acme.admin))["messages"]


def test_prompts_of_one_organisation_are_out_of_the_others_reach(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs
    url = f"/v1/assistants/{acme.assistants['helper']}/prompts"
    ok(acme.client.post(url, json=PROMPT, headers=acme.admin), 201)
    for method, path, body in (("get", f"{url}/reset", None), ("patch", f"{url}/reset",
                               {"use_history": False}), ("delete", f"{url}/reset", None),
                               ("post", url, {**PROMPT, "name": "mine"})):  # fmt: skip
        response = getattr(acme.client, method)(path, json=body, headers=beta.admin)
        assert response.status_code == 404, (method, path)
    # Beta asking with Acme's prompt name finds no such prompt in its own assistant.
    asked = acme.client.post("/v1/chat", json={"prompt_name": "reset", "variables": {"device": "x"}},
                             headers={**beta.admin, "X-Conversation-Id": "p"})  # fmt: skip
    assert asked.status_code == 404
    # Bad input leaves the stored prompt as it was.
    bad = acme.client.patch(f"{url}/reset", json={"template": "{{ device.__class__ }}"},
                            headers=acme.admin)  # fmt: skip
    assert bad.status_code == 422 and "refused" in error_of(bad)
    assert (
        acme.client.patch(f"{url}/reset", json={"template": None}, headers=acme.admin).status_code
        == 422
    )
    assert ok(acme.client.get(f"{url}/reset", headers=acme.admin))["template"] == PROMPT["template"]


def test_audit_input_is_checked(orgs: tuple[Org, Org]) -> None:
    acme, _ = orgs
    for query in (
        "limit=0",
        "limit=abc",
        "before=x",
        "from=2026-13-40",
        "from=2026-02-01&to=2026-01-01",
    ):
        response = acme.client.get(f"/v1/audit?{query}", headers=acme.admin)
        assert response.status_code == 400, query
        error_of(response)
    assert acme.client.get("/v1/audit", headers=key_header(acme.key("chat"))).status_code == 403
    assert acme.client.get("/v1/audit").status_code == 401


def test_sessions_input_is_checked(orgs: tuple[Org, Org]) -> None:
    acme, _ = orgs
    for body in ({}, {"user": ""}, {"user": "x" * 129}, {"user": "ann", "extra": 1}):
        response = acme.client.post("/v1/sessions", json=body, headers=acme.admin)
        assert response.status_code == 422, body
        error_of(response)
    for body in ({}, {"token": ""}, {"token": "x" * 201}):
        response = acme.client.post("/v1/sessions/redeem", json=body)
        assert response.status_code == 422, body
    assert acme.client.post("/v1/sessions/redeem", data="nope").status_code == 415


def test_a_voice_conversation_is_the_callers_own(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs

    def send(key: str, audio: bytes, **headers: str):  # type: ignore[no-untyped-def]
        return acme.client.post(
            "/v1/audio", data={"audio": (io.BytesIO(audio), "q.wav")},
            headers={**key_header(key), "X-Conversation-Id": "voice", **headers},
            content_type="multipart/form-data",
        )  # fmt: skip

    assert send(acme.admin_key, spoken("How do I reset the router?")).status_code == 200
    # Beta's key cannot name Acme's assistant; another Acme key has its own conversation.
    other = send(beta.admin_key, spoken("hello"), **{"X-Assistant-Id": acme.assistants["helper"]})
    assert other.status_code == 404
    assert acme.client.get("/v1/conversations/voice", headers=beta.admin).status_code == 404
    second = key_header(acme.key("chat"))
    assert acme.client.get("/v1/conversations/voice", headers=second).status_code == 404
    # A bad recording is refused and the conversation keeps its one turn.
    bad = send(acme.admin_key, b"not audio")
    assert bad.status_code == 415 and error_of(bad)
    history = ok(acme.client.get("/v1/conversations/voice", headers=acme.admin))["messages"]
    assert len(history) == 2


def test_guests_voice_input_is_checked(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    client.patch("/v1/assistants/asst_default", headers={"X-API-Key": "admin-key"},
                 json={"is_public": True, "allowed_origins": ["https://shop.example"]})  # fmt: skip
    guest = {"X-Assistant-Id": "asst_default", "X-Visitor-Id": "g" * 32, "X-Conversation-Id": "v",
             "Origin": "https://shop.example"}  # fmt: skip
    empty = client.post("/v1/public/audio", data={"audio": (io.BytesIO(b""), "q.wav")},
                        headers=guest, content_type="multipart/form-data")  # fmt: skip
    assert empty.status_code == 422 and "empty" in error_of(empty)
    missing = client.post("/v1/public/audio", data={}, headers=guest,
                          content_type="multipart/form-data")  # fmt: skip
    assert missing.status_code == 422
    spoke = client.post("/v1/public/audio", headers=guest, content_type="multipart/form-data",
                        data={"audio": (io.BytesIO(spoken("How do I start the service?")), "q.wav")})  # fmt: skip
    assert spoke.status_code == 200
    other_visitor = {**guest, "X-Visitor-Id": "h" * 32}
    assert client.get("/v1/public/conversations/v", headers=other_visitor).status_code == 404
