"""Findings of the third outside probe (issue 36), each as the prober saw it: a guest's
formula in the admin's CSV, a template that burns CPU, sessions and routes outside a
key's budget, deployment-wide figures for an organisation's admin, lone surrogates and
out-of-range dates as 500s, a PATCH that fails when repeated, an LLM endpoint on the
deployment's own network, and a chat key reading an assistant's system prompt."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import PLATFORM_ADMIN, Org, chat, create_org, key_header, ok

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."
SECRET_PROMPT = "Internal: offer the 40% retention discount only when asked twice."


@pytest.fixture
def acme(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Acme")
    org.kb("support")
    assert org.upload("support", "Router", ROUTER)["status"] == "completed"
    org.assistant("helper", ["support"], system_prompt=SECRET_PROMPT, description="Router help")
    return org


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_formula_in_feedback_is_text_in_the_csv_export(acme: Org, start: str) -> None:
    formula = f'{start}HYPERLINK("https://evil.example","click")'
    reply = ok(chat(acme.client, acme.admin_key, f"{formula} how do I reset the router?"))
    ok(acme.client.post(
        f"/v1/conversations/c1/messages/{reply['message_id']}/feedback",
        json={"rating": "down", "comment": formula}, headers=acme.admin,
    ), 201)  # fmt: skip
    exported = acme.client.get("/v1/feedback?format=csv", headers=acme.admin)
    row = next(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert row["comment"] == "'" + formula
    assert row["question"].startswith("'" + start)
    # The JSON export keeps the text as it was given.
    given = ok(acme.client.get("/v1/feedback", headers=acme.admin))["feedback"][0]
    assert given["comment"] == formula


NESTED = "{% for a in range(30000) %}{% for b in range(30000) %}x{% endfor %}{% endfor %}"


def test_a_template_that_does_too_much_work_is_a_quick_422(acme: Org) -> None:
    url = f"/v1/assistants/{acme.assistants['helper']}/prompts"
    started = time.monotonic()
    saved = acme.client.post(url, json={"name": "burn", "template": NESTED}, headers=acme.admin)
    assert saved.status_code == 422
    assert "too much work" in saved.get_json()["error"]["message"]
    huge = acme.client.post(url, json={"name": "big", "template": "{{ 'x' * 100000000 }}"},
                            headers=acme.admin)  # fmt: skip
    assert huge.status_code == 422
    assert time.monotonic() - started < 30  # seconds, not the minutes the loops would take


def test_a_web_chat_session_spends_its_keys_budget(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, anonymous_rate_limit="1000/minute").test_client()
    org = create_org(client, "Limited")
    org.kb("docs")
    org.assistant("bot", ["docs"])
    limited = org.key("chat", rate_limit="3/minute")
    link = ok(client.post("/v1/sessions", json={"user": "u1", "assistant_id": "bot"},
                          headers=key_header(limited)), 201)  # fmt: skip
    session = ok(client.post("/v1/sessions/redeem", json={"token": link["token"]}))
    statuses = [
        client.post(
            "/v1/chat",
            json={"message": "hello"},
            headers={
                "X-Session-Token": session["session_token"],
                "X-Conversation-Id": f"s{i}",
                "X-Forwarded-For": f"203.0.113.{i}",
            },
        ).status_code  # fmt: skip
        for i in range(5)
    ]
    assert statuses[:2] == [200, 200] and statuses[2:] == [429, 429, 429]
    assert chat(client, limited, "hello").status_code == 429  # the key itself: spent too


@pytest.mark.parametrize("route", ["sessions", "feedback", "export"])
def test_every_keyed_route_spends_the_keys_budget(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, route: str
) -> None:
    client = make_app(qdrant=empty_qdrant).test_client()
    org = create_org(client, "Limited")
    org.kb("docs")
    org.assistant("bot", ["docs"])
    limited = org.key("chat", rate_limit="3/minute")
    reply = ok(chat(client, limited, "hello"))

    def call() -> int:
        if route == "sessions":
            return client.post("/v1/sessions", json={"user": "u", "assistant_id": "bot"},
                               headers=key_header(limited)).status_code  # fmt: skip
        if route == "feedback":
            return client.post(f"/v1/conversations/c1/messages/{reply['message_id']}/feedback",
                               json={"rating": "up"}, headers=key_header(limited)).status_code  # fmt: skip
        return client.get("/v1/conversations/c1/export", headers=key_header(limited)).status_code

    statuses = [call() for _ in range(4)]
    assert statuses[:2] != [429, 429] and statuses[2:] == [429, 429]


def test_management_routes_have_a_budget_per_key(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, admin_rate_limit="4/minute").test_client()
    org = create_org(client, "Busy")
    statuses = [client.get("/v1/knowledge-bases", headers=org.admin).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    another = create_org(client, "Other")
    assert client.get("/v1/knowledge-bases", headers=another.admin).status_code == 200


def test_an_organisations_admin_sees_no_deployment_wide_figures(
    acme: Org, make_app: Callable[..., Flask]
) -> None:
    client = acme.client
    health = ok(client.get("/health", headers=acme.admin))
    assert set(health) == {"status", "version"}
    assert client.get("/metrics", headers=acme.admin).status_code == 403
    assert "qdrant" in ok(client.get("/health", headers=PLATFORM_ADMIN))
    assert client.get("/metrics", headers=PLATFORM_ADMIN).status_code == 200


def test_the_metrics_scraper_has_a_credential_of_its_own(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, metrics_token="scrape-secret").test_client()
    scraped = client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
    assert scraped.status_code == 200 and b"# TYPE" in scraped.data
    assert client.get("/metrics", headers={"Authorization": "Bearer guess"}).status_code == 401
    health = ok(client.get("/health", headers={"Authorization": "Bearer scrape-secret"}))
    assert set(health) == {"status", "version"}  # the token opens /metrics only


LONE = '"hello \\ud800"'  # the JSON escape: the raw bytes could not hold it


def lone(template: str) -> str:
    return template.replace("TEXT", LONE)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/chat", lone('{"message": TEXT}')),
        ("/v1/chat/completions", lone('{"messages": [{"role": "user", "content": TEXT}]}')),
        ("/v1/chat/completions",
         lone('{"stream": true, "messages": [{"role": "user", "content": TEXT}]}')),
        ("/v1/chat/completions",
         lone('{"messages": [{"role": "user", "content": [{"type": "text", "text": TEXT}]}]}')),
        ("/v1/chat/completions", lone('{"messages": [{"role": "user", "content": TEXT}, '
         '{"role": "assistant", "content": "ok"}, {"role": "user", "content": "and?"}]}')),
    ],
)  # fmt: skip
def test_a_lone_surrogate_is_the_same_422_everywhere(client, path: str, body: str) -> None:  # type: ignore[no-untyped-def]
    # /v1/chat always names its conversation; completions may or may not.
    named = {"X-Conversation-Id": "surrogate-1"}
    for headers in (named,) if path == "/v1/chat" else ({}, named):
        response = client.post(path, data=body, content_type="application/json",
                               headers={"X-API-Key": "test-key-a", **headers})  # fmt: skip
        assert response.status_code == 422, response.get_data(as_text=True)
        assert "lone surrogate" in response.get_json()["error"]["message"]
    paired = '{"message": "a smile \\ud83d\\ude00 how do I start the service?"}'
    answered = client.post("/v1/chat", data=paired, content_type="application/json",
                           headers={"X-API-Key": "test-key-a", "X-Conversation-Id": "pair"})  # fmt: skip
    assert answered.status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("/v1/audit?before=99999999999999999999999", "before"),
        ("/v1/audit?to=9999-12-31", "to"),
        ("/v1/feedback?from=0001-01-01T00:00:00%2B01:00", "from"),
        ("/v1/feedback?to=0001-01-01", "to"),
        ("/v1/analytics?from=0001-01-01&to=2026-02-01&interval=hour", "from"),
        ("/v1/analytics?from=2026-01-01&to=9999-12-31&interval=hour", "to"),
        ("/v1/analytics/unanswered?from=0001-01-02", "from"),
    ],
)
def test_out_of_range_dates_and_numbers_are_a_400_naming_the_parameter(
    acme: Org, query: str, parameter: str
) -> None:
    response = acme.client.get(query, headers=acme.admin)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert f"`{parameter}`" in response.get_json()["error"]["message"]


def test_the_same_patch_twice_gives_the_same_assistant(acme: Org) -> None:
    url = f"/v1/assistants/{acme.assistants['helper']}"
    body = {"knowledge_bases": [{"kb_id": acme.kbs["support"]}]}
    first = ok(acme.client.patch(url, json=body, headers=acme.admin))
    second = ok(acme.client.patch(url, json=body, headers=acme.admin))
    assert first == second
    assert second["knowledge_bases"] == [
        {"kb_id": acme.kbs["support"], "priority": 0, "active": True}
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/v1",
        "http://169.254.169.254/latest",
        "http://[::1]:8000/v1",
        "http://10.0.0.8/v1",
        "http://localhost:8000/v1",
        "http://[::ffff:127.0.0.1]/v1",
    ],
)
def test_an_organisations_llm_endpoint_may_not_be_internal(acme: Org, url: str) -> None:
    response = acme.client.patch("/v1/organisation", json={"llm": {"base_url": url, "model": "m"}},
                                 headers=acme.admin)  # fmt: skip
    assert response.status_code == 422
    assert "internal address" in response.get_json()["error"]["message"]
    assert ok(acme.client.get("/v1/organisation", headers=acme.admin))["llm"]["base_url"] is None


def test_the_operator_may_allow_an_internal_llm_host(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant, provider_allowed_hosts=["127.0.0.1"]).test_client()
    org = create_org(client, "Own model")
    llm = {"base_url": "http://127.0.0.1:9/v1", "model": "m"}
    assert ok(client.patch("/v1/organisation", json={"llm": llm}, headers=org.admin))["llm"]


def test_a_chat_key_sees_no_system_prompt(acme: Org) -> None:
    key = key_header(acme.key("chat"))
    listed = ok(acme.client.get("/v1/assistants", headers=key))["assistants"]
    one = ok(acme.client.get(f"/v1/assistants/{acme.assistants['helper']}", headers=key))
    for shown in (listed[0], one):
        assert shown == {"id": acme.assistants["helper"], "name": "helper",
                         "description": "Router help", "is_public": False,
                         "suggested_questions": ["What does “Router” say?"]}  # fmt: skip
    assert SECRET_PROMPT not in acme.client.get("/v1/assistants", headers=key).get_data(True)
    full = ok(acme.client.get("/v1/assistants", headers=acme.admin))["assistants"][0]
    assert full["system_prompt"] == SECRET_PROMPT
