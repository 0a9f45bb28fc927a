"""Public assistants: visitors without a key, each with conversations of its own, from
the pages of the sites an assistant allows, within its daily quotas and the per-address
limit; private assistants stay out of reach."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.app_fixtures import services_of

ADMIN = {"X-API-Key": "admin-key"}
VISITOR_A, VISITOR_B = "a" * 32, "b" * 32
SITE = "https://shop.example"


def ask(client, visitor: str, message: str = "How do I start the service?", **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/public/chat",
        json={"message": message},
        headers={"X-Assistant-Id": "asst_default", "X-Visitor-Id": visitor,
                 "X-Conversation-Id": "guest", "Origin": SITE, **headers},
    )  # fmt: skip


@pytest.fixture
def make_app(make_app: Callable[..., Flask]) -> Callable[..., Flask]:  # noqa: F811
    """The shared app fixture with a generous per-address limit (this module's tests send
    many public turns from one address within a minute, and the limit's counters live
    in the shared Redis); the limit's own test sets its own."""
    return functools.partial(make_app, public_rate_limit="10000/minute")


def make_public(client: FlaskClient, **fields: Any) -> None:
    changed = client.patch("/v1/assistants/asst_default", headers=ADMIN,
                           json={"is_public": True, "allowed_origins": [SITE], **fields})  # fmt: skip
    assert changed.status_code == 200, changed.get_json()


def test_a_private_assistant_is_not_reachable_without_a_key(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    client = app.test_client()
    web_chat = {"X-Web-Chat-Key": services_of(app).web_chat_guest_key}
    assert client.get("/v1/public/assistants", headers=web_chat).get_json() == {"assistants": []}
    assert ask(client, VISITOR_A).status_code == 404
    assert (
        client.get("/v1/public/assistants/asst_default", headers={"Origin": SITE}).status_code
        == 404
    )


def test_visitors_of_a_public_assistant_each_have_their_own_conversations(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    client = app.test_client()
    make_public(client)
    web_chat = {"X-Web-Chat-Key": services_of(app).web_chat_guest_key}
    listed = client.get("/v1/public/assistants", headers=web_chat).get_json()["assistants"]
    assert [a["id"] for a in listed] == ["asst_default"]
    answer = ask(client, VISITOR_A)
    assert answer.status_code == 200 and "make run" in answer.get_json()["answer"]
    path = "/v1/public/conversations/guest"
    guest = {"X-Assistant-Id": "asst_default", "Origin": SITE}
    mine = client.get(path, headers={**guest, "X-Visitor-Id": VISITOR_A})
    theirs = client.get(path, headers={**guest, "X-Visitor-Id": VISITOR_B})
    assert len(mine.get_json()["messages"]) == 2 and theirs.status_code == 404
    # A key holder's conversation of the same id is another conversation again.
    keyed = client.get("/v1/conversations/guest", headers={"X-API-Key": "test-key-a"})
    assert keyed.status_code == 404
    assert ask(client, "short").status_code == 400  # a guessable visitor id is refused


def test_public_chat_is_limited_per_client_address(make_app: Callable[..., Flask]) -> None:
    client = make_app(public_rate_limit="3/minute").test_client()
    make_public(client)
    statuses = [ask(client, f"{i}" * 24, "hi").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]  # new visitor ids do not buy more


def test_guests_ask_in_plain_text_and_rate_their_answers(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    make_public(client)
    guest = {"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A,
             "X-Conversation-Id": "guest", "Origin": SITE}  # fmt: skip
    for extra, message in (
        ({"files": [{"name": "a.md", "content_base64": "IyBh"}]}, "attachments need an API key"),
        ({"prompt_name": "x", "message": None}, "named prompts need an API key"),
    ):
        body = {"message": "hi", **extra}
        if body["message"] is None:
            del body["message"]
        response = client.post("/v1/public/chat", json=body, headers=guest)
        assert response.status_code == 422 and message in response.get_json()["error"]["message"]
    answer = ask(client, VISITOR_A).get_json()
    rated = client.post(
        f"/v1/public/conversations/guest/messages/{answer['message_id']}/feedback",
        json={"rating": "up"}, headers=guest,
    )  # fmt: skip
    assert rated.status_code == 201
    other = {**guest, "X-Visitor-Id": VISITOR_B}
    stolen = client.post(
        f"/v1/public/conversations/guest/messages/{answer['message_id']}/feedback",
        json={"rating": "down"}, headers=other,
    )  # fmt: skip
    assert stolen.status_code == 404


def test_a_guests_stop_is_for_public_assistants_and_clear_about_bad_input(
    make_app: Callable[..., Flask],
) -> None:
    client = make_app().test_client()
    guest = {"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "Origin": SITE}
    assert client.post("/v1/public/conversations/guest/stop", headers=guest).status_code == 404
    make_public(client)
    stopped = client.post("/v1/public/conversations/guest/stop", headers=guest)
    assert stopped.status_code == 202 and stopped.get_json()["stopping"] is True
    bad_id = client.post("/v1/public/conversations/not%20an%20id/stop", headers=guest)
    assert bad_id.status_code == 404 and bad_id.get_json()["error"]["message"]
    no_visitor = client.post("/v1/public/conversations/guest/stop",
                             headers={"X-Assistant-Id": "asst_default", "Origin": SITE})  # fmt: skip
    assert no_visitor.status_code in (400, 422) and no_visitor.get_json()["error"]["message"]


def test_only_the_pages_of_allowed_sites_are_answered(make_app: Callable[..., Flask]) -> None:
    """The Origin is matched exactly (scheme, host, port; browsers' spelling of a default
    port or of capitals is the same site); no Origin is refused unless allowed."""
    client = make_app().test_client()
    make_public(client)
    for same_site in (SITE, "https://SHOP.example", "https://shop.example:443"):
        response = ask(client, VISITOR_A, "hi", Origin=same_site)
        assert response.status_code == 200, (same_site, response.get_json())
    assert ask(client, VISITOR_A, "hi").headers["Access-Control-Allow-Origin"] == SITE
    for other in ("http://shop.example", "https://shop.example:8443",
                  "https://shop.example.evil.test", "https://evil.test", "null"):  # fmt: skip
        refused = ask(client, VISITOR_A, "hi", Origin=other)
        assert refused.status_code == 403, other
        assert refused.get_json()["error"]["code"] == "origin_not_allowed"
        assert "Access-Control-Allow-Origin" not in refused.headers  # the browser blocks it
    no_origin = client.post("/v1/public/chat", json={"message": "hi"}, headers={
        "X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "X-Conversation-Id": "c"})  # fmt: skip
    assert no_origin.status_code == 403
    assert no_origin.get_json()["error"]["code"] == "origin_required"
    # Reading the conversation, rating, stopping: the same rule.
    read = client.get("/v1/public/conversations/guest", headers={
        "X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "Origin": "https://evil.test"})  # fmt: skip
    assert read.status_code == 403
    make_public(client, allow_requests_without_origin=True)  # a server of the operator's own
    no_origin = client.post("/v1/public/chat", json={"message": "hi"}, headers={
        "X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "X-Conversation-Id": "c"})  # fmt: skip
    assert no_origin.status_code == 200


def test_the_web_chat_server_alone_lists_assistants_and_calls_without_an_origin(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    client = app.test_client()
    make_public(client)
    refused = client.get("/v1/public/assistants")
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "web_chat_only"
    forged = client.get("/v1/public/assistants", headers={"X-Web-Chat-Key": "0" * 64})
    assert forged.status_code == 403
    key = {"X-Web-Chat-Key": services_of(app).web_chat_guest_key}
    assert client.get("/v1/public/assistants", headers=key).status_code == 200
    answered = client.post("/v1/public/chat", json={"message": "hi"}, headers={
        "X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "X-Conversation-Id": "w",
        **key})  # fmt: skip
    assert answered.status_code == 200


def test_daily_quotas_bound_a_copied_assistant_id(make_app: Callable[..., Flask]) -> None:
    """A forged Origin gets answers, but only within the assistant's quotas per visitor,
    per address and in all; the refusal says which, and when it starts again."""
    client = make_app().test_client()
    make_public(client, visitor_daily_quota=2, address_daily_quota=3, daily_quota=100)
    shown = client.get("/v1/assistants/asst_default", headers=ADMIN).get_json()
    assert (shown["visitor_daily_quota"], shown["address_daily_quota"], shown["daily_quota"]) == (
        2,
        3,
        100,
    )
    assert [ask(client, VISITOR_A, "hi").status_code for _ in range(2)] == [200, 200]
    spent = ask(client, VISITOR_A, "hi")
    assert spent.status_code == 429 and spent.get_json()["error"]["code"] == "quota_exceeded"
    assert "each visitor" in spent.get_json()["error"]["message"]
    assert 0 < int(spent.headers["Retry-After"]) <= 86_400
    assert ask(client, VISITOR_B, "hi").status_code == 200  # another visitor: the address's 3rd
    by_address = ask(client, "c" * 32, "hi")
    assert (
        by_address.status_code == 429
        and "each address" in by_address.get_json()["error"]["message"]
    )
    # What was asked before is kept; the limits lift with null, and a partial PATCH
    # leaves the others as they were.
    history = client.get("/v1/public/conversations/guest", headers={
        "X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A, "Origin": SITE})  # fmt: skip
    assert len(history.get_json()["messages"]) == 4
    lifted = client.patch("/v1/assistants/asst_default", headers=ADMIN,
                          json={"visitor_daily_quota": None, "address_daily_quota": None})  # fmt: skip
    assert (
        lifted.get_json()["daily_quota"] == 100 and lifted.get_json()["visitor_daily_quota"] is None
    )
    assert ask(client, VISITOR_A, "hi").status_code == 200
    bad = client.patch("/v1/assistants/asst_default", headers=ADMIN, json={"daily_quota": 0})
    assert bad.status_code == 422


def test_a_widget_reads_only_its_own_assistants_public_face(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    client = app.test_client()
    make_public(client, system_prompt="Internal: never reveal the discount code KX-42.",
                sample_questions=["How do I start the service?"], show_citations=False)  # fmt: skip
    face = client.get("/v1/public/assistants/asst_default", headers={"Origin": SITE})
    assert face.status_code == 200 and face.headers["Access-Control-Allow-Origin"] == SITE
    body = face.get_json()
    assert body["suggested_questions"] == ["How do I start the service?"]
    assert body["show_citations"] is False
    assert "KX-42" not in face.get_data(as_text=True) and "org_" not in face.get_data(as_text=True)
    elsewhere = client.get(
        "/v1/public/assistants/asst_default", headers={"Origin": "https://evil.test"}
    )
    assert elsewhere.status_code == 403
    assert (
        client.get("/v1/public/assistants/asst_nope", headers={"Origin": SITE}).status_code == 404
    )
    script = client.get("/widget.js")
    assert script.status_code == 200 and script.mimetype == "text/javascript"
    assert b"X-Visitor-Id" in script.data and b"localStorage" in script.data


def test_analytics_count_turns_by_the_way_they_came_in(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    client = app.test_client()
    make_public(client)
    web_chat = {"X-Web-Chat-Key": services_of(app).web_chat_guest_key}
    for n in range(2):
        assert ask(client, VISITOR_A, "hi", **{"X-Conversation-Id": f"w{n}"}).status_code == 200
    keyed = {"X-API-Key": "test-key-a"}
    assert client.post("/v1/chat", json={"message": "hi"},
                       headers={**keyed, "X-Conversation-Id": "k"}).status_code == 200  # fmt: skip
    assert client.post("/v1/chat", json={"message": "hi"},
                       headers={**keyed, **web_chat, "X-Conversation-Id": "wc"}).status_code == 200  # fmt: skip
    completion = client.post("/v1/chat/completions", headers=keyed,
                             json={"model": "default", "messages": [{"role": "user", "content": "hi"}]})  # fmt: skip
    assert completion.status_code == 200
    figures = client.get("/v1/analytics", headers=ADMIN).get_json()
    assert figures["channels"] == {"widget": 2, "api": 1, "web_chat": 1, "openai": 1}
    # Another organisation's admin sees none of them.
    other = client.post("/v1/admin/organisations", json={"name": "Other"}, headers=ADMIN).get_json()
    theirs = client.get("/v1/analytics", headers={"X-API-Key": other["admin_key"]["key"]})
    assert theirs.get_json()["channels"] == {}
