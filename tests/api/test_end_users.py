"""An organisation's backend serves many people through one key: `user` scopes their
conversations, and each person's conversations can be listed."""

from __future__ import annotations

from flask.testing import FlaskClient

KEY = {"X-API-Key": "test-key-a"}


def ask(client: FlaskClient, message: str, *, user: str | None, conversation: str) -> dict:
    body = {"message": message, **({"user": user} if user else {})}
    response = client.post(
        "/v1/chat", json=body, headers={**KEY, "X-Conversation-Id": conversation}
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_people_behind_one_key_never_read_each_others_conversations(client: FlaskClient) -> None:
    ask(client, "How do I start the service?", user="alice@example.com", conversation="c1")
    ask(client, "What does a 429 error mean?", user="bob:42", conversation="c1")
    alice = client.get("/v1/conversations/c1?user=alice@example.com", headers=KEY).get_json()
    bob = client.get("/v1/conversations/c1?user=bob:42", headers=KEY).get_json()
    assert [m["content"] for m in alice["messages"]][0] == "How do I start the service?"
    assert [m["content"] for m in bob["messages"]][0] == "What does a 429 error mean?"
    assert client.get("/v1/conversations/c1", headers=KEY).status_code == 404  # the key's own
    assert client.get("/v1/conversations/c1?user=carol", headers=KEY).status_code == 404
    # Ids that would collide if joined naively stay apart.
    ask(client, "How long are conversations kept?", user="bob", conversation="42:c1")
    assert (
        len(client.get("/v1/conversations/c1?user=bob:42", headers=KEY).get_json()["messages"]) == 2
    )


def test_a_persons_conversations_are_listed_newest_first_with_titles(client: FlaskClient) -> None:
    ask(client, "How do I start the service?", user="dana", conversation="first")
    ask(client, "What is hybrid search?", user="dana", conversation="second")
    ask(client, "and how is it tuned?", user="dana", conversation="second")
    ask(client, "What does a 429 error mean?", user="erin", conversation="other")
    listed = client.get("/v1/conversations?user=dana", headers=KEY).get_json()["conversations"]
    assert [(c["conversation_id"], c["title"]) for c in listed] == [
        ("second", "What is hybrid search?"),
        ("first", "How do I start the service?"),
    ]
    assert listed[0]["last_activity"] >= listed[1]["last_activity"]
    assert client.delete("/v1/conversations/first?user=dana", headers=KEY).status_code == 200
    after = client.get("/v1/conversations?user=dana", headers=KEY).get_json()["conversations"]
    assert [c["conversation_id"] for c in after] == ["second"]
    other_key = client.get("/v1/conversations?user=dana", headers={"X-API-Key": "test-key-b"})
    assert other_key.get_json()["conversations"] == []


def test_the_openai_user_field_scopes_conversations_too(client: FlaskClient) -> None:
    def complete(user: str) -> None:
        response = client.post(
            "/v1/chat/completions", headers={**KEY, "X-Conversation-Id": "shared"},
            json={"model": "default", "user": user,
                  "messages": [{"role": "user", "content": f"How do I start the service, {user}?"}]},
        )  # fmt: skip
        assert response.status_code == 200

    complete("frank")
    complete("gina")
    frank = client.get("/v1/conversations/shared?user=frank", headers=KEY).get_json()
    assert len(frank["messages"]) == 2 and "frank" in frank["messages"][0]["content"]


def test_a_user_id_must_be_1_to_128_characters(client: FlaskClient) -> None:
    long = "x" * 129
    body = client.post(
        "/v1/chat", json={"message": "hi", "user": long}, headers={**KEY, "X-Conversation-Id": "u"}
    )
    assert body.status_code == 422
    assert client.get(f"/v1/conversations?user={long}", headers=KEY).status_code == 400
