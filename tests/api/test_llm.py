"""LLM mode against a local OpenAI-compatible stub server (real HTTP)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import openai
import pytest
from flask import Flask
from flask.testing import FlaskClient

from stubs.llm import LLMStub
from tenancy.keys import legacy_key_id
from tests.api.conftest import KEY_A, KEY_B, ask
from tests.app_fixtures import history_of, services_of


def answer_requests(stub: LLMStub) -> list[dict]:
    return [r for r in stub.chat_requests() if r["messages"][0]["role"] == "system"]


def read_events(response) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def]
    events = []
    for block in response.get_data(as_text=True).split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_prompt_carries_the_numbered_sources(llm_app: Callable[..., Flask], stub: LLMStub) -> None:
    body = ask(llm_app().test_client(), "How do I start the service?").get_json()
    assert body["mode"] == "llm" and body["found"] is True
    system = answer_requests(stub)[-1]["messages"][0]["content"]
    assert "[1] " in system and "[2] " in system
    assert "make run" in system  # the retrieved passage text is in the prompt
    assert "Cite only the numbers listed below" in system


def test_citations_keep_only_used_sources_and_drop_dangling_markers(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.reply = lambda _: "Run `make run` [2]. It also makes coffee [9]."
    body = ask(llm_app().test_client(), "How do I start the service?").get_json()
    assert body["answer"] == "Run `make run` [2]. It also makes coffee."
    assert [c["n"] for c in body["citations"]] == [2]


def test_no_relevant_passage_means_not_found_without_calling_the_model(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    body = ask(llm_app().test_client(), "What is the capital of France?").get_json()
    assert body["found"] is False and "not found in the knowledge base" in body["answer"].lower()
    assert answer_requests(stub) == []


def test_follow_up_is_rewritten_before_retrieval(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    def reply(request: dict) -> str:
        if request["messages"][0]["role"] == "user":  # the condense prompt
            return "How long are conversations kept in Redis before they expire?"
        return "Conversations expire after `CONVERSATION_TTL` seconds [1]."

    stub.reply = reply
    app = llm_app()
    client = app.test_client()
    ask(client, "How do I delete a conversation?", conversation="fu")
    # Standalone (long, nothing pointing back): searched as asked, no extra model call.
    ask(client, "Which Redis settings control how conversations are stored?", conversation="fu")
    assert [r for r in stub.chat_requests() if r["messages"][0]["role"] == "user"] == []
    ask(client, "and how long is it kept otherwise?", conversation="fu")
    condense = [r for r in stub.chat_requests() if r["messages"][0]["role"] == "user"]
    assert len(condense) == 1  # only the follow-up needed rewriting
    assert "and how long is it kept otherwise?" in condense[0]["messages"][0]["content"]
    state = (
        services_of(app)
        .saver.get_tuple({"configurable": {"thread_id": f"{legacy_key_id('test-key-a')}:fu"}})
        .checkpoint["channel_values"]
    )
    assert state["query"] == "How long are conversations kept in Redis before they expire?"
    # The answer prompt carried the earlier turn as history.
    assert any("How do I delete" in m["content"] for m in answer_requests(stub)[-1]["messages"])


def test_sse_streams_tokens_then_one_final_event(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.reply = lambda _: "Run `make run` in the project folder [1]. Then open port 8501 [2]."
    response = (
        llm_app()
        .test_client()
        .post(
            "/v1/chat",
            json={"message": "How do I start the service?"},
            headers={**KEY_A, "X-Conversation-Id": "sse", "Accept": "text/event-stream"},
        )
    )
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    events = read_events(response)
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"token"} and len(kinds) > 3
    done = events[-1][1]
    assert "".join(data["delta"] for kind, data in events[:-1]) == done["answer"]
    assert [c["n"] for c in done["citations"]] == [1, 2]
    assert done["conversation_id"] == "sse" and done["request_id"]


def test_sse_in_offline_mode_streams_the_quoted_answer(make_app: Callable[..., Flask]) -> None:
    response = (
        make_app()
        .test_client()
        .post(
            "/v1/chat",
            json={"message": "How do I start the service?"},
            headers={**KEY_A, "X-Conversation-Id": "sse-off", "Accept": "text/event-stream"},
        )
    )
    events = read_events(response)
    done = events[-1][1]
    assert events[-1][0] == "done" and done["mode"] == "extractive"
    assert "".join(d["delta"] for k, d in events if k == "token") == done["answer"]


def test_sse_errors_before_streaming_are_plain_json(make_app: Callable[..., Flask]) -> None:
    response = make_app().test_client().post(
        "/v1/chat", json={"message": ""},
        headers={**KEY_A, "X-Conversation-Id": "x", "Accept": "text/event-stream"},
    )  # fmt: skip
    assert response.status_code == 422 and response.is_json


@pytest.mark.parametrize("behaviour", ["timeout", "error500", "malformed"])
def test_llm_failures_fall_back_to_extractive(
    llm_app: Callable[..., Flask], stub: LLMStub, behaviour: str
) -> None:
    stub.behaviour = behaviour
    stub.delay_s = 3.0
    response = ask(llm_app(llm_timeout=1.0).test_client(), "How do I start the service?")
    assert response.status_code == 200
    body = response.get_json()
    assert body["mode"] == "extractive" and body["found"] is True
    assert "make run" in body["answer"] and body["citations"]
    assert "language model did not answer" in body["warning"]


def test_fallback_answer_reads_a_follow_up_with_the_previous_question(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.behaviour = "error500"
    client = llm_app().test_client()
    ask(client, "How long is a conversation kept?", conversation="down")
    body = ask(client, "can I change that?", conversation="down").get_json()
    assert "language model did not answer" in body["warning"]
    assert body["found"] is True and "CONVERSATION_TTL" in body["answer"]


def test_client_disconnect_mid_stream_leaves_a_complete_turn(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.reply = lambda _: " ".join(["Run `make run` [1]."] * 40)
    app = llm_app()
    response = app.test_client().post(
        "/v1/chat",
        json={"message": "How do I start the service?"},
        headers={**KEY_A, "X-Conversation-Id": "gone", "Accept": "text/event-stream"},
        buffered=False,
    )
    first = next(response.response)
    assert b"event: token" in first
    response.close()  # the client goes away after the first token

    deadline = time.monotonic() + 15
    history = None
    while time.monotonic() < deadline:
        history = history_of(app, "test-key-a", "gone")
        if history and len(history) == 2:
            break
        time.sleep(0.1)
    assert history is not None and [m["role"] for m in history] == ["user", "assistant"]
    assert history[1]["content"].startswith("Run `make run` [1].")
    # The conversation is free for the next turn (its lock was released).
    assert ask(app.test_client(), "and then?", conversation="gone").status_code == 200


def openai_client(app: Flask) -> openai.OpenAI:
    transport = httpx.WSGITransport(app=app)
    return openai.OpenAI(
        api_key="test-key-a",
        base_url="http://service.local/v1",
        http_client=httpx.Client(transport=transport),
        max_retries=0,
    )


def test_openai_sdk_non_streaming(make_app: Callable[..., Flask]) -> None:
    client = openai_client(make_app())
    assert [m.id for m in client.models.list().data] == ["asst_default"]
    completion = client.chat.completions.create(
        model="default",
        messages=[{"role": "user", "content": "How do I start the service?"}],
        user="sdk-conversation",
    )
    assert "make run" in completion.choices[0].message.content
    extra = completion.model_extra
    assert extra["conversation_id"] == "sdk-conversation" and extra["citations"]


def test_openai_sdk_streaming_keeps_the_conversation(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    client = openai_client(app)
    question = {"role": "user", "content": "How long are conversations kept?"}
    stream = client.chat.completions.create(
        model="grounded-chat",
        messages=[question],
        stream=True,
        extra_headers={"X-Conversation-Id": "sdk-stream"},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "24 hours" in text or "CONVERSATION_TTL" in text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"]
    history = history_of(app, "test-key-a", "sdk-stream")
    assert history[0]["content"] == question["content"]


@pytest.mark.parametrize("stream", [False, True])
def test_openai_client_that_keeps_the_conversation_itself_gets_follow_ups_understood(
    llm_app: Callable[..., Flask], stub: LLMStub, stream: bool
) -> None:
    """Without a conversation id, the messages an OpenAI client sends before the question
    are the conversation: the follow-up is rewritten with them and the model sees them."""

    def reply(request: dict) -> str:
        if request["messages"][0]["role"] == "user":  # the condense prompt
            return "How long are conversations kept in Redis before they expire?"
        return "Conversations expire after `CONVERSATION_TTL` seconds [1]."

    stub.reply = reply
    client = openai_client(llm_app())
    messages = [
        {"role": "system", "content": "Answer briefly."},
        {"role": "user", "content": "How do I delete a conversation?"},
        {"role": "assistant", "content": "Send DELETE /v1/conversations/{id}."},
        {"role": "user", "content": "and how long is it kept otherwise?"},
    ]
    completion = client.chat.completions.create(
        model="grounded-chat", messages=messages, stream=stream
    )
    text = (
        "".join(c.choices[0].delta.content or "" for c in completion if c.choices)
        if stream
        else completion.choices[0].message.content
    )
    assert "CONVERSATION_TTL" in text
    condense = [r for r in stub.chat_requests() if r["messages"][0]["role"] == "user"]
    assert len(condense) == 1
    assert "How do I delete a conversation?" in condense[0]["messages"][0]["content"]
    sent = [m["content"] for m in answer_requests(stub)[-1]["messages"]]
    assert "Send DELETE /v1/conversations/{id}." in sent
    assert not any("Answer briefly." in m for m in sent)  # the assistant's prompt applies


def test_openai_stream_ends_with_usage_when_asked(make_app: Callable[..., Flask]) -> None:
    client = openai_client(make_app())
    ask = {"model": "grounded-chat", "stream": True}
    messages = [{"role": "user", "content": "How do I start the service?"}]
    chunks = list(
        client.chat.completions.create(
            **ask, messages=messages, stream_options={"include_usage": True}
        )
    )
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens == 0
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert all(c.usage is None for c in chunks[:-1])
    plain = list(client.chat.completions.create(**ask, messages=messages))
    assert plain[-1].choices[0].finish_reason == "stop" and plain[-1].usage is None


def test_one_off_openai_conversations_are_kept_but_not_listed(
    make_app: Callable[..., Flask],
) -> None:
    """Each request of a client that keeps the history is a conversation of its own: an
    integration's thousands of them must not bury the people's in the web chat's list."""
    app = make_app()
    client = openai_client(app)
    question = [{"role": "user", "content": "How do I start the service?"}]
    one_off = client.chat.completions.create(model="grounded-chat", messages=question)
    client.chat.completions.create(
        model="grounded-chat", messages=question, extra_headers={"X-Conversation-Id": "named"}
    )
    http = app.test_client()
    listed = http.get("/v1/conversations", headers=KEY_A).get_json()["conversations"]
    assert [c["conversation_id"] for c in listed] == ["named"]
    one_off_id = one_off.model_extra["conversation_id"]
    kept = http.get(f"/v1/conversations/{one_off_id}", headers=KEY_A)
    assert kept.status_code == 200 and len(kept.get_json()["messages"]) == 2
    # Another key gets nothing of it, by id or in its own list.
    assert http.get(f"/v1/conversations/{one_off_id}", headers=KEY_B).status_code == 404
    assert http.get("/v1/conversations", headers=KEY_B).get_json()["conversations"] == []
    # A malformed request is a clear 422 and leaves what is stored as it was.
    bad = http.post(
        "/v1/chat/completions",
        json={"model": "grounded-chat", "messages": question, "stream_options": "yes"},
        headers={"Authorization": "Bearer test-key-a", "X-Conversation-Id": "named"},
    )
    assert bad.status_code == 422 and "stream_options" in bad.get_json()["error"]["message"]
    named = http.get("/v1/conversations/named", headers=KEY_A).get_json()["messages"]
    assert len(named) == 2


def test_openai_client_history_is_not_added_to_a_remembered_conversation(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    client = openai_client(app)
    first = {"role": "user", "content": "How do I start the service?"}
    client.chat.completions.create(
        model="grounded-chat", messages=[first], extra_headers={"X-Conversation-Id": "kept"}
    )
    client.chat.completions.create(
        model="grounded-chat",
        messages=[
            first,
            {"role": "assistant", "content": "made up"},
            {"role": "user", "content": "and stop it?"},
        ],
        extra_headers={"X-Conversation-Id": "kept"},
    )
    history = history_of(app, "test-key-a", "kept")
    assert [m["content"] for m in history if m["role"] == "user"] == [
        first["content"],
        "and stop it?",
    ]
    assert "made up" not in [m["content"] for m in history]


def test_openai_endpoint_rejects_a_bad_key_and_bad_messages(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    bad_key = client.post(
        "/v1/chat/completions",
        json={"model": "m", "messages": [{"role": "user", "content": "hi"}]},
        headers={"Authorization": "Bearer nope"},
    )
    assert bad_key.status_code == 401
    no_user = client.post(
        "/v1/chat/completions",
        json={"model": "m", "messages": [{"role": "assistant", "content": "hi"}]},
        headers={"Authorization": "Bearer test-key-a"},
    )
    assert no_user.status_code == 422 and "last message" in no_user.get_json()["error"]["message"]


def test_health_reports_a_refused_llm_key(llm_app: Callable[..., Flask], stub: LLMStub) -> None:
    admin = {"X-API-Key": "admin-key"}
    healthy = llm_app().test_client().get("/health", headers=admin).get_json()
    assert healthy["llm"] == {"mode": "llm", "model": "stub-model", "ok": True}
    refused = llm_app(llm_api_key="sk-wrong").test_client().get("/health", headers=admin)
    body = refused.get_json()
    assert body["llm"]["ok"] is False and "refused the key" in body["llm"]["error"]
    assert body["status"] == "degraded"
    assert "sk-wrong" not in refused.get_data(as_text=True)


def test_unsupported_openai_fields_are_refused_not_ignored(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    key = {"Authorization": "Bearer test-key-a"}
    question = [{"role": "user", "content": "How do I start the service?"}]
    two = client.post(
        "/v1/chat/completions", json={"model": "default", "messages": question, "n": 2}, headers=key
    )
    assert two.status_code == 400 and "n must be 1" in two.get_json()["error"]["message"]
    tools = client.post("/v1/chat/completions", headers=key,
                        json={"model": "default", "messages": question, "tools": [], "logprobs": True})  # fmt: skip
    assert tools.status_code == 400 and "logprobs, tools" in tools.get_json()["error"]["message"]
    # What chat front ends send by default is accepted (the assistant's settings apply).
    sampling = {"temperature": 0.2, "top_p": 1, "presence_penalty": 0, "frequency_penalty": 0,
                "seed": 7, "max_tokens": 500, "stop": None, "tools": None}  # fmt: skip
    sampled = client.post("/v1/chat/completions", headers=key,
                          json={"model": "default", "messages": question, **sampling})  # fmt: skip
    assert sampled.status_code == 200, sampled.get_json()
    json_mode = client.post("/v1/chat/completions", headers=key,
                            json={"model": "default", "messages": question,
                                  "response_format": {"type": "json_object"}})  # fmt: skip
    assert (
        json_mode.status_code == 400
        and "response_format" in json_mode.get_json()["error"]["message"]
    )
    unknown = client.post(
        "/v1/chat/completions", headers=key, json={"model": "nobody", "messages": question}
    )
    assert unknown.status_code == 404


def test_an_assistant_answers_with_its_organisations_provider_and_prompt(
    make_app: Callable[..., Flask], stub: LLMStub
) -> None:
    from tests.api.platform_helpers import create_org, key_header, ok

    # The deployment itself has no LLM (offline); the stub is on loopback, allowed here.
    client = make_app(provider_allowed_hosts=["127.0.0.1"]).test_client()
    org = create_org(client, "Modelled")
    ok(client.patch("/v1/organisation", headers=org.admin, json={
        "llm": {"base_url": stub.url, "model": "org-model", "api_key": stub.api_key}}))  # fmt: skip
    org.kb("docs")
    org.upload("docs", "Quickstart", "# Quickstart\n\nRun `make run` to start the service.")
    bot = org.assistant("bot", ["docs"], system_prompt="Answer like a pirate.", temperature=0.7,
                        max_tokens=123, not_found_message="Arr, nothing found.")  # fmt: skip
    key = org.key("chat", assistants=["bot"])
    body = ok(client.post("/v1/chat", json={"message": "How do I start the service?"},
                          headers={**key_header(key), "X-Conversation-Id": "p"}))  # fmt: skip
    assert body["mode"] == "llm" and body["assistant_id"] == bot
    request = answer_requests(stub)[-1]
    assert request["model"] == "org-model" and request["temperature"] == 0.7
    assert request.get("max_completion_tokens", request.get("max_tokens")) == 123
    assert request["messages"][0]["content"].startswith("Answer like a pirate.")
    missing = ok(client.post("/v1/chat", json={"message": "What is the capital of Peru?"},
                             headers={**key_header(key), "X-Conversation-Id": "q"}))  # fmt: skip
    assert missing["found"] is False and missing["answer"] == "Arr, nothing found."


def test_langchain_chat_openai_reaches_the_citations(make_app: Callable[..., Flask]) -> None:
    """LangChain's ChatOpenAI keeps no unknown body field: the citations ride in a header,
    which it hands over in response_metadata when asked to."""
    from langchain_openai import ChatOpenAI

    transport = httpx.WSGITransport(app=make_app())
    model = ChatOpenAI(
        model="grounded-chat", api_key="test-key-a", base_url="http://service.local/v1",
        http_client=httpx.Client(transport=transport), max_retries=0,
        include_response_headers=True,
    )  # fmt: skip
    message = model.invoke("How do I start the service?")
    assert "[1]" in message.content
    citations = json.loads(message.response_metadata["headers"]["x-citations"])
    assert citations[0]["n"] == 1 and citations[0]["source"].endswith("quickstart.md")
    assert citations[0]["snippet"]


def streaming_then_stopped(
    client: FlaskClient, conversation: str, *, stop_key: dict
) -> tuple[Any, Any]:
    """An answer streaming for KEY_A (its first token read), and `stop_key`'s stop of
    `conversation`, sent from a thread of its own as a server runs each request (the
    stream's request context stays pushed in this thread while it is read)."""
    response = client.post(
        "/v1/chat", json={"message": "How do I start the service?"},
        headers={**KEY_A, "X-Conversation-Id": conversation, "Accept": "text/event-stream"},
        buffered=False,
    )  # fmt: skip
    assert b"event: token" in next(response.response)
    with ThreadPoolExecutor(1) as other:
        stop = other.submit(
            client.post, f"/v1/conversations/{conversation}/stop", headers=stop_key
        ).result()
    return response, stop


def test_stop_keeps_what_was_written_and_the_model_writes_no_more(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    """Stop (from any worker, through Redis) closes the model's stream at its next token;
    the words written so far are the stored answer, marked stopped; the turn's tokens
    count only those."""
    stub.reply = lambda _: " ".join(["Run `make run` to start [1]."] * 20)  # 120 words
    stub.token_delay_s = 0.05
    app = llm_app(llm_timeout=30.0)
    client = app.test_client()
    response, stopped = streaming_then_stopped(client, "stopped-1", stop_key=KEY_A)
    assert stopped.status_code == 202 and stopped.get_json()["stopping"] is True
    rest = b"".join(response.response).decode()
    assert '"stopped": true' in rest and "event: done" in rest
    written = stub.streamed_words
    time.sleep(1.0)  # a model still writing would have added about 20 words by now
    # (One word may be in flight when the stream closes: the socket takes it.)
    assert stub.streamed_words <= written + 1 and written < 100
    history = history_of(app, "test-key-a", "stopped-1")
    assert history is not None and history[1]["stopped"] is True
    assert history[1]["content"].startswith("Run `make run`")
    assert len(history[1]["content"].split()) < 100
    services = services_of(app)
    services.recorder.flush()
    totals = client.get("/v1/analytics", headers={"X-API-Key": "admin-key"}).get_json()["totals"]
    assert 0 < totals["tokens"] < 100
    # The conversation goes on; a stop for a turn already over stops nothing.
    assert client.post("/v1/conversations/stopped-1/stop", headers=KEY_A).status_code == 202
    assert ask(client, "and then?", conversation="stopped-1").status_code == 200
    assert "stopped" not in history_of(app, "test-key-a", "stopped-1")[3]


def test_another_key_cannot_stop_an_answer(llm_app: Callable[..., Flask], stub: LLMStub) -> None:
    """The same conversation id under another key names another conversation: its stop
    reaches nothing of this one."""
    stub.reply = lambda _: " ".join(["Run `make run` [1]."] * 10)
    stub.token_delay_s = 0.05
    client = llm_app(llm_timeout=30.0).test_client()
    response, stop = streaming_then_stopped(client, "mine", stop_key=KEY_B)
    assert stop.status_code == 202
    rest = b"".join(response.response).decode()
    assert "event: done" in rest and '"stopped": true' not in rest
    assert stub.streamed_words == 40  # every word written


def test_a_failed_model_is_explained_in_the_questions_language_without_its_error_class(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.behaviour = "error500"
    client = llm_app().test_client()
    for question, words in (("¿Cómo inicio el servicio?", "El modelo de lenguaje no respondió"),
                            ("Bagaimana cara memulai layanan?", "Model bahasa tidak menjawab")):  # fmt: skip
        body = ask(client, question, conversation=f"c{len(question)}").get_json()
        assert body["warning"].startswith(words), body["warning"]
        assert "Error" not in body["warning"] and "OpenAI" not in body["warning"]


def test_a_model_that_calls_the_not_answerable_tool_gets_the_not_found_message(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    """The model decides answerability with a tool call; the service honours it in the
    question's language, with no citation, streamed or not."""

    def reply(request: dict) -> Any:
        if request["messages"][0]["role"] != "system":
            return "How do I start the service?"
        return [{"name": "sources_do_not_answer", "arguments": {"missing": "the price"}}]

    stub.reply = reply
    client = llm_app().test_client()
    body = ask(client, "¿Cuánto cuesta iniciar el servicio?", conversation="na").get_json()
    assert body["found"] is False and body["citations"] == [], body
    assert body["answer"].startswith("No se encontró en la base de conocimiento"), body["answer"]
    offered = answer_requests(stub)[-1]["tools"]
    assert [t["function"]["name"] for t in offered] == ["sources_do_not_answer"]
    streamed = client.post(
        "/v1/chat", json={"message": "How much does it cost to start the service?"},
        headers={**KEY_A, "X-Conversation-Id": "na-stream", "Accept": "text/event-stream"},
    )  # fmt: skip
    done = dict(read_events(streamed))["done"]
    assert done["found"] is False and done["citations"] == []
    assert done["answer"].startswith("Not found in the knowledge base")


def test_an_endpoint_that_refuses_tools_is_asked_without_them(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    stub.behaviour = "no_tools"
    client = llm_app().test_client()
    for n in range(2):
        body = ask(client, "How do I start the service?", conversation=f"nt{n}").get_json()
        assert body["found"] is True and body["mode"] == "llm", body
        assert "warning" not in body
    # One refused request, then plain requests only.
    offered = [bool(r.get("tools")) for r in answer_requests(stub)]
    assert offered == [True, False, False], offered
