"""Public assistants: visitors without a key, each with conversations of its own,
limited per client address; private assistants stay out of reach."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

ADMIN = {"X-API-Key": "admin-key"}
VISITOR_A, VISITOR_B = "a" * 32, "b" * 32


def ask(client, visitor: str, message: str = "How do I start the service?", **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/v1/public/chat",
        json={"message": message},
        headers={"X-Assistant-Id": "asst_default", "X-Visitor-Id": visitor,
                 "X-Conversation-Id": "guest", **headers},
    )  # fmt: skip


def test_a_private_assistant_is_not_reachable_without_a_key(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    assert client.get("/v1/public/assistants").get_json() == {"assistants": []}
    assert ask(client, VISITOR_A).status_code == 404


def test_visitors_of_a_public_assistant_each_have_their_own_conversations(
    make_app: Callable[..., Flask],
) -> None:
    client = make_app().test_client()
    client.patch("/v1/assistants/asst_default", json={"is_public": True}, headers=ADMIN)
    listed = client.get("/v1/public/assistants").get_json()["assistants"]
    assert [a["id"] for a in listed] == ["asst_default"]
    answer = ask(client, VISITOR_A)
    assert answer.status_code == 200 and "make run" in answer.get_json()["answer"]
    path = "/v1/public/conversations/guest"
    mine = client.get(path, headers={"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A})
    theirs = client.get(path, headers={"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_B})
    assert len(mine.get_json()["messages"]) == 2 and theirs.status_code == 404
    # A key holder's conversation of the same id is another conversation again.
    keyed = client.get("/v1/conversations/guest", headers={"X-API-Key": "test-key-a"})
    assert keyed.status_code == 404
    assert ask(client, "short").status_code == 400  # a guessable visitor id is refused


def test_public_chat_is_limited_per_client_address(make_app: Callable[..., Flask]) -> None:
    client = make_app(public_rate_limit="3/minute").test_client()
    client.patch("/v1/assistants/asst_default", json={"is_public": True}, headers=ADMIN)
    statuses = [ask(client, f"{i}" * 24, "hi").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]  # new visitor ids do not buy more


def test_guests_ask_in_plain_text_and_rate_their_answers(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    client.patch("/v1/assistants/asst_default", json={"is_public": True}, headers=ADMIN)
    guest = {"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A,
             "X-Conversation-Id": "guest"}  # fmt: skip
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
    guest = {"X-Assistant-Id": "asst_default", "X-Visitor-Id": VISITOR_A}
    assert client.post("/v1/public/conversations/guest/stop", headers=guest).status_code == 404
    client.patch("/v1/assistants/asst_default", json={"is_public": True}, headers=ADMIN)
    stopped = client.post("/v1/public/conversations/guest/stop", headers=guest)
    assert stopped.status_code == 202 and stopped.get_json()["stopping"] is True
    bad_id = client.post("/v1/public/conversations/not%20an%20id/stop", headers=guest)
    assert bad_id.status_code == 404 and bad_id.get_json()["error"]["message"]
    no_visitor = client.post("/v1/public/conversations/guest/stop",
                             headers={"X-Assistant-Id": "asst_default"})  # fmt: skip
    assert no_visitor.status_code in (400, 422) and no_visitor.get_json()["error"]["message"]
