"""POST /v1/chat end to end: real Redis, real Qdrant local mode, the real model."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from agents.answerability import AlignmentBar
from tests.api.conftest import KEY_A, KEY_B, ask
from tests.app_fixtures import history_of


def test_chat_answers_from_the_knowledge_base_with_citations(client: FlaskClient) -> None:
    response = ask(client, "How do I start the service?")
    assert response.status_code == 200
    body = response.get_json()
    assert body["found"] is True and body["mode"] == "extractive"
    assert "make run" in body["answer"]
    assert body["conversation_id"] == "c1"
    assert body["request_id"] == response.headers["X-Request-Id"]
    assert body["citations"], body
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])}
    assert markers == {c["n"] for c in body["citations"]}
    first = body["citations"][0]
    assert set(first) >= {"n", "title", "source", "snippet", "score"}
    assert first["source"].endswith(".md")


def test_unrelated_question_is_not_found(client: FlaskClient) -> None:
    body = ask(client, "What is the capital of France?").get_json()
    assert body["found"] is False
    assert "not found in the knowledge base" in body["answer"].lower()
    assert body["citations"] == []


def test_a_question_the_pages_speak_around_is_declined_by_the_alignment_bar(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It shares the pages' words (the service, hosting a model) and passes the lexical
    decision by a little; the quote's tokens match few of its own (the alignment bar), so
    the reply is the not-found message, where it was the hosted model's billing."""
    question = "Which cloud provider hosts the service?"
    body = ask(client, question, conversation="bar").get_json()
    assert body["found"] is False and body["citations"] == []
    assert "not found in the knowledge base" in body["answer"].lower()
    monkeypatch.setattr(AlignmentBar, "reads", lambda *_: False)  # as before the bar
    unread = ask(client, question, conversation="unread").get_json()
    assert unread["found"] is True and unread["citations"], unread


def test_second_turn_sees_the_first(app: Flask, client: FlaskClient) -> None:
    ask(client, "How long are conversations kept?", conversation="memory")
    follow_up = ask(client, "and can I delete one?", conversation="memory").get_json()
    assert "DELETE /v1/conversations" in follow_up["answer"]
    history = history_of(app, "test-key-a", "memory")
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert history[2]["content"] == "and can I delete one?"


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        ("How long is a conversation kept?", "can I change that?", "CONVERSATION_TTL"),
        ("What is the rate limit?", "what happens when a key goes over it?", "RATE_LIMIT"),
    ],
)
def test_follow_up_leaning_on_the_previous_question_is_answered(
    client: FlaskClient, first: str, follow_up: str, expected: str
) -> None:
    """Offline, "that" and "it" are read with the previous question, both to search and,
    when the words alone match no sentence well enough, to choose what to quote."""
    conversation = f"lean-{len(first)}"
    ask(client, first, conversation=conversation)
    body = ask(client, follow_up, conversation=conversation).get_json()
    assert body["found"] is True, body["answer"]
    assert expected in body["answer"]


def test_conversation_list_is_newest_first_and_limited(client: FlaskClient) -> None:
    for name in ("first", "second", "third"):
        ask(client, "What is hybrid search?", conversation=name)
    listed = client.get("/v1/conversations?limit=2", headers=KEY_A).get_json()
    assert [c["conversation_id"] for c in listed["conversations"]] == ["third", "second"]
    everything = client.get("/v1/conversations", headers=KEY_A).get_json()["conversations"]
    assert len(everything) == 3
    for bad in ("0", "1001", "two", "-1"):
        response = client.get(f"/v1/conversations?limit={bad}", headers=KEY_A)
        assert response.status_code == 400, bad
        assert "limit" in response.get_json()["error"]["message"]


def test_conversations_are_scoped_to_the_api_key(app: Flask, client: FlaskClient) -> None:
    ask(client, "How do I get an API key?", conversation="shared-id", key=KEY_A)
    ask(client, "What is hybrid search?", conversation="shared-id", key=KEY_B)
    mine = history_of(app, "test-key-a", "shared-id")
    theirs = history_of(app, "test-key-b", "shared-id")
    assert len(mine) == 2 and len(theirs) == 2
    assert mine[0]["content"] != theirs[0]["content"]


def test_missing_api_key_is_401(client: FlaskClient) -> None:
    response = client.post("/v1/chat", json={"message": "hi"}, headers={"X-Conversation-Id": "c"})
    assert response.status_code == 401
    assert response.get_json()["error"] == {
        "code": "unauthorized",
        "message": "missing X-API-Key header",
    }


def test_wrong_api_key_is_401(client: FlaskClient) -> None:
    response = ask(client, "hi", key={"X-API-Key": "not-a-key"})
    assert response.status_code == 401
    assert response.get_json()["error"]["message"].startswith("invalid API key")


def test_missing_conversation_id_is_400(client: FlaskClient) -> None:
    response = client.post("/v1/chat", json={"message": "hi"}, headers=KEY_A)
    assert response.status_code == 400
    assert "X-Conversation-Id" in response.get_json()["error"]["message"]


def test_invalid_conversation_id_is_400(client: FlaskClient) -> None:
    for bad in ["has space", "a" * 129, "slash/id", "ünïcode"]:
        response = ask(client, "hi", conversation=bad)
        assert response.status_code == 400, bad
        assert response.get_json()["error"]["code"] == "bad_request"


def test_body_that_is_not_json_is_415(client: FlaskClient) -> None:
    response = client.post(
        "/v1/chat", data="message=hi", headers={**KEY_A, "X-Conversation-Id": "c"},
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = client.post(
        "/v1/chat", data="{not json", headers={**KEY_A, "X-Conversation-Id": "c"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "not valid JSON" in response.get_json()["error"]["message"]


def test_invalid_message_is_422(client: FlaskClient) -> None:
    headers = {**KEY_A, "X-Conversation-Id": "c"}
    for body in [{}, {"message": ""}, {"message": "   "}, {"message": "x" * 5001},
                 {"message": 42}, {"message": "hi", "extra": 1}, ["a list"]]:  # fmt: skip
        response = client.post("/v1/chat", json=body, headers=headers)
        assert response.status_code == 422, body
        error = response.get_json()["error"]
        assert error["code"] == "validation_error" and error["message"]


def test_too_large_body_is_413(make_app: Callable[..., Flask]) -> None:
    client = make_app(max_request_bytes=2048).test_client()
    response = client.post(
        "/v1/chat",
        data=json.dumps({"message": "x" * 4000}),
        headers={**KEY_A, "X-Conversation-Id": "c"},
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_unknown_route_is_json_404(client: FlaskClient) -> None:
    response = client.get("/v1/nope")
    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"]["code"] == "not_found"


def test_wrong_method_is_json_405(client: FlaskClient) -> None:
    response = client.get("/v1/chat", headers=KEY_A)
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]


def test_rate_limit_is_429_with_retry_after(make_app: Callable[..., Flask]) -> None:
    client = make_app(rate_limit="2/minute").test_client()
    statuses = [ask(client, "What is hybrid search?").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = ask(client, "What is hybrid search?")
    assert limited.get_json()["error"] == {
        "code": "rate_limited",
        "message": "rate limit of 2 per 1 minute reached; retry after Retry-After seconds",
    }
    assert int(limited.headers["Retry-After"]) > 0
    # Another key has its own budget.
    assert ask(client, "What is hybrid search?", key=KEY_B).status_code == 200


def test_request_id_is_taken_from_the_client_or_made(client: FlaskClient) -> None:
    mine = client.get("/health", headers={"X-Request-Id": "trace-123"})
    assert mine.headers["X-Request-Id"] == "trace-123"
    made = client.get("/health", headers={"X-Request-Id": "bad id with spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-Id"])


def test_logs_are_json_with_request_id_and_no_secrets(client: FlaskClient, capsys) -> None:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    response = client.post(
        "/v1/chat",
        json={"message": "What is hybrid search?"},
        headers={**KEY_A, "X-Conversation-Id": "logs", "X-Request-Id": "req-log-1"},
    )
    assert response.status_code == 200
    err = capsys.readouterr().err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("message") == "request"]
    assert access and access[-1]["request_id"] == "req-log-1"
    assert access[-1]["route"] == "/v1/chat" and access[-1]["status"] == 200
    assert "duration_ms" in access[-1]
    assert "test-key-a" not in err


def test_a_retry_with_the_same_idempotency_key_is_answered_once(
    app: Flask, client: FlaskClient
) -> None:
    headers = {**KEY_A, "X-Conversation-Id": "retry", "Idempotency-Key": "req-7"}
    first = client.post(
        "/v1/chat", json={"message": "How do I start the service?"}, headers=headers
    )
    again = client.post(
        "/v1/chat", json={"message": "How do I start the service?"}, headers=headers
    )
    streamed = client.post("/v1/chat", json={"message": "How do I start the service?"},
                           headers={**headers, "Accept": "text/event-stream"})  # fmt: skip
    assert first.status_code == again.status_code == streamed.status_code == 200
    assert again.get_json()["replayed"] is True and "replayed" not in first.get_json()
    assert again.get_json()["answer"] == first.get_json()["answer"]
    assert first.get_json()["answer"] in streamed.get_data(as_text=True)
    assert len(history_of(app, "test-key-a", "retry")) == 2  # one question, one answer
    fresh = client.post("/v1/chat", json={"message": "How do I start the service?"},
                        headers={**headers, "Idempotency-Key": "req-8"})  # fmt: skip
    assert "replayed" not in fresh.get_json() and len(history_of(app, "test-key-a", "retry")) == 4
    bad = client.post(
        "/v1/chat", json={"message": "hi"}, headers={**headers, "Idempotency-Key": "a b"}
    )
    assert bad.status_code == 400 and "Idempotency-Key" in bad.get_json()["error"]["message"]


def test_deep_nesting_null_and_invisible_messages_are_clear_errors(client: FlaskClient) -> None:
    headers = {**KEY_A, "X-Conversation-Id": "bad", "Content-Type": "application/json"}
    admin = {**headers, "X-API-Key": "admin-key"}
    for path, with_key in (
        ("/v1/chat", headers),
        ("/v1/chat/completions", headers),
        ("/v1/documents", admin),
    ):
        deep = client.post(path, data="[" * 1000 + "]" * 1000, headers=with_key)
        assert deep.status_code == 400 and "nested" in deep.get_json()["error"]["message"]
    null = client.post("/v1/chat", data="null", headers=headers)
    assert null.status_code == 422 and "not null" in null.get_json()["error"]["message"]
    for invisible in ("\u200b\u200b", "\u00a0 \t", "\u2060\ufeff"):
        response = client.post("/v1/chat", json={"message": invisible}, headers=headers)
        assert response.status_code == 422, invisible


def test_every_response_carries_security_headers(client: FlaskClient) -> None:
    for response in (ask(client, "hi"), client.get("/health"), client.get("/nope")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
    assert ask(client, "hi").headers["Cache-Control"] == "no-store"
    assert "Retry-After" not in ask(client, "hi").headers


def test_citations_keep_every_field_even_when_empty(client: FlaskClient) -> None:
    body = ask(client, "How do I start the service?", conversation="fields").get_json()
    assert set(body["citations"][0]) == {
        "n",
        "title",
        "source",
        "section",
        "page",
        "snippet",
        "score",
    }
    assert "warning" not in body and "replayed" not in body


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("How do I start the service?", "knowledge_base/quickstart.md"),
        ("How long are conversations kept?", "knowledge_base/conversations.md"),
        ("Which language models can I use?", "knowledge_base/llm-providers.md"),
        ("What does a 429 error mean?", "knowledge_base/errors.md"),
    ],
)
def test_the_web_chats_example_questions_are_answered_from_the_right_page(
    client: FlaskClient, question: str, source: str
) -> None:
    body = ask(client, question, conversation="examples").get_json()
    assert body["found"] and source in [c["source"] for c in body["citations"]]
