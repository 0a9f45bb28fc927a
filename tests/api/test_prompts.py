"""Named prompt templates: admin CRUD, sandboxed rendering with declared variables, and
structured output in LLM mode (a local stub model)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from stubs.llm import LLMStub
from tests.api.platform_helpers import Org, create_org, key_header, ok

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."
TROUBLE = {
    "name": "troubleshoot",
    "template": "How do I reset the {{ device }}? The customer is {{ customer }}.",
    "variables": {"device": "string", "customer": "string"},
}
SCHEMA = {
    "type": "object",
    "properties": {"seconds": {"type": "integer"}, "steps": {"type": "array"}},
    "required": ["seconds", "steps"],
}


def acme(app: Flask) -> Org:
    org = create_org(app.test_client(), "Acme")
    org.kb("support")
    assert org.upload("support", "Router", ROUTER)["status"] == "completed"
    org.assistant("helper", ["support"])
    return org


@pytest.fixture
def org(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    return acme(make_app(qdrant=empty_qdrant))


def prompts_url(org: Org) -> str:
    return f"/v1/assistants/{org.assistants['helper']}/prompts"


def ask(org: Org, conversation: str = "c1", **body: Any) -> Any:
    return org.client.post("/v1/chat", json=body,
                           headers={**org.admin, "X-Conversation-Id": conversation})  # fmt: skip


def test_admins_keep_named_prompts_of_an_assistant(org: Org) -> None:
    url = prompts_url(org)
    created = ok(org.client.post(url, json=TROUBLE, headers=org.admin), 201)
    assert created["variables"] == TROUBLE["variables"] and created["use_history"] is True
    assert org.client.post(url, json=TROUBLE, headers=org.admin).status_code == 409
    assert [p["name"] for p in ok(org.client.get(url, headers=org.admin))["prompts"]] == [
        "troubleshoot"
    ]
    patched = ok(org.client.patch(f"{url}/troubleshoot", json={"use_history": False},
                                  headers=org.admin))  # fmt: skip
    assert patched["use_history"] is False
    # Another organisation's admin, and a chat key, reach none of it.
    other = create_org(org.client, "Beta")
    assert org.client.get(url, headers=other.admin).status_code == 404
    assert (
        org.client.get(f"{url}/troubleshoot", headers=key_header(org.key("chat"))).status_code
        == 403
    )
    ok(org.client.delete(f"{url}/troubleshoot", headers=org.admin))
    assert org.client.get(f"{url}/troubleshoot", headers=org.admin).status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"template": "Hello {{ name }}"}, "undeclared variables: name"),
        ({"template": "{{ ''.__class__.__mro__[1].__subclasses__() }}"}, "refused"),
        ({"template": "{{ device.__class__ }}"}, "refused"),
        ({"template": "{% for x in %}"}, "syntax"),
        ({"output_schema": {"type": "no-such-type"}}, "not a valid JSON Schema"),
        ({"variables": {"device": "date"}}, "variables"),
    ],
)
def test_bad_templates_are_refused_when_saved(org: Org, change: dict, message: str) -> None:
    response = org.client.post(prompts_url(org), json={**TROUBLE, **change}, headers=org.admin)
    assert response.status_code == 422, response.get_json()
    assert message in response.get_json()["error"]["message"]


def test_chat_renders_the_prompt_with_its_variables(org: Org) -> None:
    ok(org.client.post(prompts_url(org), json=TROUBLE, headers=org.admin), 201)
    reply = ok(ask(org, prompt_name="troubleshoot",
                   variables={"device": "router", "customer": "{{ 7*7 }}"}))  # fmt: skip
    assert "ten seconds" in reply["answer"] and reply["citations"][0]["title"] == "Router"
    history = ok(org.client.get("/v1/conversations/c1", headers=org.admin))["messages"]
    assert history[0]["content"] == "How do I reset the router? The customer is {{ 7*7 }}."
    for variables, message in (
        ({"device": "router"}, "missing variables: customer"),
        ({"device": "router", "customer": "x", "mood": "calm"}, "unknown variables: mood"),
        ({"device": 7, "customer": "x"}, "device (expected string)"),
    ):
        response = ask(org, prompt_name="troubleshoot", variables=variables)
        assert response.status_code == 422 and message in response.get_json()["error"]["message"]
    assert ask(org, prompt_name="nope", variables={}).status_code == 404
    both = ask(org, message="hi", prompt_name="troubleshoot")
    assert both.status_code == 422


def test_a_prompt_with_an_output_schema_needs_a_model(org: Org) -> None:
    ok(org.client.post(prompts_url(org), json={**TROUBLE, "output_schema": SCHEMA},
                       headers=org.admin), 201)  # fmt: skip
    response = ask(org, prompt_name="troubleshoot", variables={"device": "router", "customer": "x"})
    assert response.status_code == 422
    assert "needs a language model" in response.get_json()["error"]["message"]


@pytest.fixture
def llm_org(llm_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    return acme(llm_app(qdrant=empty_qdrant))


def structured_requests(stub: LLMStub) -> list[dict]:
    return [r for r in stub.chat_requests() if "JSON Schema" in r["messages"][0]["content"]]


def test_structured_output_is_validated_and_repaired_once(llm_org: Org, stub: LLMStub) -> None:
    ok(llm_org.client.post(prompts_url(llm_org), json={**TROUBLE, "output_schema": SCHEMA},
                           headers=llm_org.admin), 201)  # fmt: skip
    replies = iter(['{"seconds": "ten"}', '```json\n{"seconds": 10, "steps": ["hold power"]}\n```'])

    def reply(request: dict) -> str:
        if "JSON Schema" in request["messages"][0]["content"]:
            return next(replies)
        return "Hold the power button for ten seconds [1]."

    stub.reply = reply
    body = ok(ask(llm_org, prompt_name="troubleshoot",
                  variables={"device": "router", "customer": "Ann"}))  # fmt: skip
    assert body["additional_data"] == {"seconds": 10, "steps": ["hold power"]}
    assert len(structured_requests(stub)) == 2  # the first try and one repair
    stub.reply = lambda r: (
        "not json" if "JSON Schema" in r["messages"][0]["content"] else "Hold it [1]."
    )
    failed = ok(ask(llm_org, "c2", prompt_name="troubleshoot",
                    variables={"device": "router", "customer": "Ann"}))  # fmt: skip
    assert "additional_data" not in failed and "not JSON" in failed["additional_data_error"]


def test_history_can_be_left_out(llm_org: Org, stub: LLMStub) -> None:
    ok(llm_org.client.post(prompts_url(llm_org), json={**TROUBLE, "use_history": False},
                           headers=llm_org.admin), 201)  # fmt: skip
    ok(ask(llm_org, message="How do I reset the router?"))
    ok(ask(llm_org, message="How long do I hold the router button?", ignore_history=True))
    ok(ask(llm_org, prompt_name="troubleshoot", variables={"device": "router", "customer": "x"}))
    answering = [r for r in stub.chat_requests() if r["messages"][0]["role"] == "system"
                 and "JSON Schema" not in r["messages"][0]["content"]]  # fmt: skip
    assert [len(r["messages"]) for r in answering] == [2, 2, 2]  # system + the question only
    assert "How do I reset the router?" not in json.dumps(answering[1]["messages"][1:])


def test_a_named_prompt_reads_the_files_attached_to_it(org: Org) -> None:
    import base64

    summary = {"name": "codes", "template": "What is the launch code of {{ project }}?",
               "variables": {"project": "string"}}  # fmt: skip
    ok(org.client.post(prompts_url(org), json=summary, headers=org.admin), 201)
    text = b"# Falcon\n\nThe launch code of Project Falcon is 7731."
    reply = ok(ask(org, prompt_name="codes", variables={"project": "Project Falcon"},
                   files=[{"name": "falcon.md", "content_base64": base64.b64encode(text).decode()}]))  # fmt: skip
    assert "7731" in reply["answer"]
    assert reply["citations"][0]["source"] == "attachment:falcon.md"
