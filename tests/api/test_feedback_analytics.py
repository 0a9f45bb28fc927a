"""Feedback on answers, analytics, the audit trail, retention and conversation export,
each scoped to the organisation: another organisation's admin gets nothing."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from tenancy.models import utcnow
from tenancy.retention import purge_expired
from tests.api.platform_helpers import PLATFORM_ADMIN, Org, chat, create_org, key_header, ok
from tests.app_fixtures import services_of

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."


@pytest.fixture
def orgs(platform: Flask) -> tuple[Org, Org]:
    client = platform.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    for org in (acme, beta):
        org.kb("support")
        assert org.upload("support", "Router", ROUTER)["status"] == "completed"
        org.assistant("helper", ["support"], forbidden_topics=["cryptocurrency"])
    return acme, beta


def ask(org: Org, message: str, *, key: str | None = None, conversation: str = "c1") -> dict:
    return ok(chat(org.client, key or org.admin_key, message, conversation=conversation))


def rate(org: Org, message_id: str, rating: str, *, key: str | None = None,
         conversation: str = "c1", comment: str | None = None) -> Any:  # fmt: skip
    return org.client.post(
        f"/v1/conversations/{conversation}/messages/{message_id}/feedback",
        json={"rating": rating, **({"comment": comment} if comment else {})},
        headers=key_header(key or org.admin_key),
    )


def test_feedback_is_one_per_answer_and_traces_to_the_documents(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs
    reply = ask(acme, "How do I reset the router?")
    message_id = reply["message_id"]
    history = ok(acme.client.get("/v1/conversations/c1", headers=acme.admin))["messages"]
    assert history[1]["message_id"] == message_id and history[0]["message_id"]

    first = ok(rate(acme, message_id, "up"), 201)
    assert first["rating"] == "up" and first["question"] == "How do I reset the router?"
    again = ok(rate(acme, message_id, "down", comment="too short"), 200)
    assert again["id"] == first["id"] and again["comment"] == "too short"

    listed = ok(acme.client.get("/v1/feedback?rating=down", headers=acme.admin))["feedback"]
    assert len(listed) == 1
    assert listed[0]["answer"] == reply["answer"]
    assert listed[0]["citations"][0]["title"] == "Router"
    assert ok(acme.client.get("/v1/feedback?rating=up", headers=acme.admin))["feedback"] == []

    exported = acme.client.get("/v1/feedback?format=csv", headers=acme.admin)
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert rows[0]["rating"] == "down" and "Router" in rows[0]["sources"]

    # The other organisation sees none of it, and cannot rate Acme's answer.
    assert ok(beta.client.get("/v1/feedback", headers=beta.admin))["feedback"] == []
    assert rate(beta, message_id, "up").status_code == 404


def test_feedback_input_is_checked(orgs: tuple[Org, Org]) -> None:
    acme, _ = orgs
    reply = ask(acme, "How do I reset the router?")
    history = ok(acme.client.get("/v1/conversations/c1", headers=acme.admin))["messages"]
    assert rate(acme, reply["message_id"], "meh").status_code == 422
    assert rate(acme, "no-such-message", "up").status_code == 404
    assert rate(acme, history[0]["message_id"], "up").status_code == 422  # a question
    assert rate(acme, reply["message_id"], "up", conversation="never").status_code == 404
    # Another key of the same organisation has conversations of its own.
    other = acme.key("chat")
    assert rate(acme, reply["message_id"], "up", key=other).status_code == 404
    # Listing feedback is for admins.
    assert acme.client.get("/v1/feedback", headers=key_header(other)).status_code == 403
    assert acme.client.get("/v1/feedback?rating=sideways", headers=acme.admin).status_code == 400
    assert acme.client.get("/v1/feedback?from=yesterday", headers=acme.admin).status_code == 400


def test_analytics_count_turns_outcomes_feedback_and_latency(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs
    assistant_id = acme.assistants["helper"]
    answered = ask(acme, "How do I reset the router?")
    ask(acme, "Which cryptocurrency should I buy?", conversation="c2")
    ask(acme, "What is the capital of Peru?", conversation="c3")
    ask(acme, "Tell me the capital city of Peru", conversation="c4")
    ok(rate(acme, answered["message_id"], "down"), 201)

    body = ok(acme.client.get(f"/v1/analytics?assistant_id={assistant_id}", headers=acme.admin))
    totals = body["totals"]
    assert totals["turns"] == 4 and totals["conversations"] == 4
    assert totals["refusal_rate"] == 0.25 and totals["not_found_rate"] == 0.5
    assert totals["feedback_down"] == 1 and totals["feedback_up"] == 0
    assert totals["latency_p50_ms"] > 0 and totals["latency_p95_ms"] >= totals["latency_p50_ms"]
    assert len(body["series"]) in (30, 31) and sum(p["turns"] for p in body["series"]) == 4
    hourly = ok(acme.client.get("/v1/analytics?interval=hour&from=" + body["series"][-1]["start"],
                                headers=acme.admin))  # fmt: skip
    assert sum(p["turns"] for p in hourly["series"]) == 4

    unanswered = ok(acme.client.get("/v1/analytics/unanswered", headers=acme.admin))["questions"]
    assert unanswered[0]["count"] == 2 and "Peru" in unanswered[0]["question"]
    assert len(unanswered[0]["examples"]) == 2
    assert all("crypto" not in g["question"] for g in unanswered)  # refusals are not gaps

    # Nothing of Acme's in Beta's figures; chat keys cannot read them.
    assert ok(beta.client.get("/v1/analytics", headers=beta.admin))["totals"]["turns"] == 0
    assert ok(beta.client.get("/v1/analytics/unanswered", headers=beta.admin))["questions"] == []
    chat_key = key_header(acme.key("chat"))
    assert acme.client.get("/v1/analytics", headers=chat_key).status_code == 403
    assert acme.client.get("/v1/analytics?interval=year", headers=acme.admin).status_code == 400


def test_questions_are_not_kept_when_the_organisation_turns_logging_off(
    orgs: tuple[Org, Org],
) -> None:
    acme, _ = orgs
    org = ok(acme.client.patch("/v1/organisation", json={"log_questions": False},
                               headers=acme.admin))  # fmt: skip
    assert org["log_questions"] is False
    ask(acme, "What is the capital of Peru?")
    assert ok(acme.client.get("/v1/analytics", headers=acme.admin))["totals"]["turns"] == 1
    assert ok(acme.client.get("/v1/analytics/unanswered", headers=acme.admin))["questions"] == []


def test_admin_actions_are_audited_without_secrets(orgs: tuple[Org, Org]) -> None:
    acme, beta = orgs
    key = acme.key("chat")
    ok(acme.client.patch("/v1/organisation", headers=acme.admin,
                         json={"llm": {"base_url": "http://93.184.216.34/v1", "model": "m",
                                       "api_key": "sk-very-secret"}}))  # fmt: skip
    ok(acme.client.get("/v1/feedback", headers=acme.admin))
    trail = acme.client.get("/v1/audit", headers=acme.admin)
    entries = ok(trail)["entries"]
    actions = [e["action"] for e in entries]
    for expected in ("knowledge_base.created", "document.created", "assistant.created",
                     "api_key.created", "organisation.updated", "feedback.exported"):  # fmt: skip
        assert expected in actions
    assert actions[0] == "feedback.exported"  # newest first
    assert entries[0]["actor_prefix"] == acme.admin_key[: len(entries[0]["actor_prefix"])]
    text = trail.get_data(as_text=True)
    assert "sk-very-secret" not in text and key not in text and acme.admin_key not in text

    beta_actions = [
        e["action"] for e in ok(beta.client.get("/v1/audit", headers=beta.admin))["entries"]
    ]
    assert "organisation.updated" not in beta_actions and "feedback.exported" not in beta_actions
    assert beta.client.get("/v1/admin/audit", headers=beta.admin).status_code == 403
    platform = ok(acme.client.get(f"/v1/admin/audit?org_id={acme.id}", headers=PLATFORM_ADMIN))
    assert {e["org_id"] for e in platform["entries"]} == {acme.id}
    everyone = ok(acme.client.get("/v1/admin/audit?limit=1000", headers=PLATFORM_ADMIN))
    assert {acme.id, beta.id} <= {e["org_id"] for e in everyone["entries"]}


def test_deleting_a_conversation_removes_its_records_and_export_has_everything(
    orgs: tuple[Org, Org], platform: Flask
) -> None:
    acme, _ = orgs
    reply = ask(acme, "How do I reset the router?")
    ok(rate(acme, reply["message_id"], "up", comment="spot on"), 201)
    exported = ok(acme.client.get("/v1/conversations/c1/export", headers=acme.admin))
    answer = exported["messages"][1]
    assert answer["feedback"]["rating"] == "up" and answer["feedback"]["comment"] == "spot on"
    assert answer["citations"][0]["title"] == "Router"

    ok(acme.client.delete("/v1/conversations/c1", headers=acme.admin))
    assert ok(acme.client.get("/v1/feedback", headers=acme.admin))["feedback"] == []
    assert ok(acme.client.get("/v1/analytics", headers=acme.admin))["totals"]["turns"] == 0
    assert acme.client.get("/v1/conversations/c1/export", headers=acme.admin).status_code == 404
    entries = ok(acme.client.get("/v1/audit?action=conversation.deleted", headers=acme.admin))
    (deleted,) = entries["entries"]
    assert deleted["target_type"] == "conversation" and len(deleted["target_id"]) == 64  # hashed


def test_retention_purges_old_records_of_that_organisation_only(
    orgs: tuple[Org, Org], platform: Flask
) -> None:
    acme, beta = orgs
    for org in (acme, beta):
        reply = ask(org, "How do I reset the router?")
        ok(rate(org, reply["message_id"], "up"), 201)
    body = ok(acme.client.patch("/v1/organisation", json={"retention_days": 7}, headers=acme.admin))
    assert body["retention_days"] == 7
    services = services_of(platform)
    services.recorder.flush()
    assert purge_expired(services.db)["turn_records"] == 0  # nothing is old yet
    purged = purge_expired(services.db, now=utcnow() + timedelta(days=8))
    assert purged["turn_records"] == 1 and purged["feedback"] == 1 and purged["audit_entries"] > 0
    assert ok(acme.client.get("/v1/feedback", headers=acme.admin))["feedback"] == []
    assert len(ok(beta.client.get("/v1/feedback", headers=beta.admin))["feedback"]) == 1
    bad = acme.client.patch("/v1/organisation", json={"retention_days": 0}, headers=acme.admin)
    assert bad.status_code == 422
