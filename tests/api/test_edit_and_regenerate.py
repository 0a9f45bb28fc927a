"""Editing a question replaces it and drops what followed; regenerating replaces the last
answer and keeps the earlier ones (issue 37): in the stored conversation and the REST
API, for keys and guests, and only in one's own conversation."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.app_fixtures import KEY_A, KEY_B, ask


def turn(client: FlaskClient, body: dict, *, conversation: str, key: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post("/v1/chat", json=body,
                       headers={**(key or KEY_A), "X-Conversation-Id": conversation})  # fmt: skip


def history(client: FlaskClient, conversation: str) -> list[dict]:
    return client.get(f"/v1/conversations/{conversation}", headers=KEY_A).get_json()["messages"]


def test_an_edited_question_replaces_it_and_what_followed(client: FlaskClient) -> None:
    ask(client, "How do I start the service?", conversation="edit-1")
    ask(client, "How long are conversations kept?", conversation="edit-1")
    ask(client, "What does a 429 error mean?", conversation="edit-1")
    second = history(client, "edit-1")[2]
    edited = turn(client, {"message": "Which language models can I use?", "edit": second["message_id"]},
                  conversation="edit-1")  # fmt: skip
    assert edited.status_code == 200, edited.get_data(as_text=True)
    messages = history(client, "edit-1")
    assert [m["content"] for m in messages if m["role"] == "user"] == [
        "How do I start the service?", "Which language models can I use?",
    ]  # fmt: skip
    assert len(messages) == 4 and messages[3]["message_id"] == edited.get_json()["message_id"]


def test_a_regenerated_answer_replaces_the_last_and_keeps_the_earlier(client: FlaskClient) -> None:
    first = ask(client, "How do I start the service?", conversation="regen-1").get_json()
    again = turn(client, {"regenerate": True}, conversation="regen-1")
    assert again.status_code == 200, again.get_data(as_text=True)
    third = turn(client, {"regenerate": True}, conversation="regen-1").get_json()
    messages = history(client, "regen-1")
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[1]["message_id"] == third["message_id"] != first["message_id"]
    earlier = messages[0]["earlier_answers"]
    assert [e["message_id"] for e in earlier] == [
        first["message_id"],
        again.get_json()["message_id"],
    ]
    assert earlier[0]["content"] == first["answer"] and earlier[0]["citations"]


def test_rewinds_that_cannot_be_done_are_clear_errors(client: FlaskClient) -> None:
    assert turn(client, {"regenerate": True}, conversation="empty-1").status_code == 404
    ask(client, "How do I start the service?", conversation="bad-1")
    answer_id = history(client, "bad-1")[1]["message_id"]
    assert (
        turn(client, {"message": "x?", "edit": answer_id}, conversation="bad-1").status_code == 404
    )
    assert turn(client, {"message": "x?", "edit": "nope"}, conversation="bad-1").status_code == 404
    assert turn(client, {"edit": answer_id}, conversation="bad-1").status_code == 422
    assert (
        turn(client, {"regenerate": True, "message": "hi"}, conversation="bad-1").status_code == 422
    )
    # Another key's same conversation id is another conversation: nothing to rewind.
    question_id = history(client, "bad-1")[0]["message_id"]
    other = turn(client, {"message": "x?", "edit": question_id}, conversation="bad-1", key=KEY_B)
    assert other.status_code == 404
    assert len(history(client, "bad-1")) == 2  # untouched


def test_a_streamed_regeneration_ends_like_any_turn(client: FlaskClient) -> None:
    ask(client, "How long are conversations kept?", conversation="regen-s")
    streamed = client.post("/v1/chat", json={"regenerate": True}, headers={
        **KEY_A, "X-Conversation-Id": "regen-s", "Accept": "text/event-stream"})  # fmt: skip
    body = streamed.get_data(as_text=True)
    assert streamed.status_code == 200 and "event: done" in body
    messages = history(client, "regen-s")
    assert len(messages) == 2 and len(messages[0]["earlier_answers"]) == 1
