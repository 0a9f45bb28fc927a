"""Guardrails per assistant: forbidden topics refused, triggers handed to a human,
out-of-scope questions refused by strictness, checks in LLM mode with a fallback."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from stubs.llm import LLMStub
from tests.api.platform_helpers import Org, chat, create_org, ok

CARDS = (
    "# Cards\n\nActivate a new debit card in the mobile app under Cards > Activate. "
    "The daily cash withdrawal limit of a debit card is 500 euros."
)
BANK = {
    "allowed_topics": ["debit and credit cards", "bank accounts and balances"],
    "forbidden_topics": ["cryptocurrency", "investment advice and stock picks"],
    "escalation_triggers": ["lost or stolen card", "fraud or transactions I did not make"],
    "refusal_message": "Sorry, Northbank's assistant cannot discuss that.",
    "handoff_message": "An advisor will take over this conversation now.",
}


@pytest.fixture
def bank(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    return _bank(make_app(qdrant=empty_qdrant))


def _bank(app: Flask) -> Org:
    org = create_org(app.test_client(), "Northbank")
    org.kb("cards")
    assert org.upload("cards", "Cards", CARDS)["status"] == "completed"
    org.assistant("support", ["cards"], **BANK)
    return org


def ask(org: Org, message: str, conversation: str = "c1") -> dict[str, Any]:
    return ok(chat(org.client, org.admin_key, message, conversation=conversation))


def test_a_forbidden_topic_is_refused_with_the_assistants_message(bank: Org) -> None:
    reply = ask(bank, "Should I buy Bitcoin with my savings?")
    assert reply["refused"] is True and reply["escalate"] is False
    # (buying Bitcoin with savings is investment advice as much as cryptocurrency)
    assert reply["topic"] in BANK["forbidden_topics"]
    assert reply["answer"] == BANK["refusal_message"] and reply["citations"] == []
    # A question mixing an allowed and a forbidden subject is refused too.
    mixed = ask(bank, "How do I activate my card, and which stocks should I buy?")
    assert mixed["refused"] is True and mixed["topic"] == "investment advice and stock picks"
    # The refused turns are turns of the conversation like any other.
    history = ok(bank.client.get("/v1/conversations/c1", headers=bank.admin))["messages"]
    assert [m["role"] for m in history] == ["user", "assistant"] * 2
    assert history[1]["refused"] is True and history[1]["topic"] == reply["topic"]


def test_an_allowed_question_is_answered_from_the_documents(bank: Org) -> None:
    reply = ask(bank, "How do I activate my new debit card?")
    assert reply["refused"] is False and reply["escalate"] is False and reply["found"] is True
    assert "Activate" in reply["answer"] and reply["citations"][0]["title"] == "Cards"
    assert "topic" not in reply


def test_an_escalation_trigger_hands_the_person_over(bank: Org) -> None:
    reply = ask(bank, "My card was stolen this morning!")
    assert reply["escalate"] is True and reply["refused"] is False
    assert reply["answer"] == BANK["handoff_message"]
    assert reply["topic"] == "lost or stolen card"


def test_out_of_scope_questions_are_refused_unless_lenient(bank: Org) -> None:
    reply = ask(bank, "What is a good recipe for pancakes?")
    # Refused: as out of scope, or (the default encoder's low floors) under the nearest
    # forbidden topic; the same refusal message either way.
    assert reply["refused"] is True and reply["answer"] == BANK["refusal_message"]
    assistant_id = bank.assistants["support"]
    ok(bank.client.patch(f"/v1/assistants/{assistant_id}", json={"strictness": "lenient"},
                         headers=bank.admin))  # fmt: skip
    relaxed = ask(bank, "What is a good recipe for pancakes?", conversation="c2")
    assert relaxed["refused"] is False and relaxed["found"] is False
    # Forbidden topics stay forbidden when lenient.
    assert ask(bank, "Which cryptocurrency is a good buy?", conversation="c2")["refused"] is True


def test_guardrail_settings_are_validated_and_shown(bank: Org) -> None:
    url = f"/v1/assistants/{bank.assistants['support']}"
    shown = ok(bank.client.get(url, headers=bank.admin))
    assert (
        shown["forbidden_topics"] == BANK["forbidden_topics"] and shown["strictness"] == "moderate"
    )
    for bad in ({"strictness": "paranoid"}, {"forbidden_topics": "crypto"},
                {"max_conversation_history": -1}, {"allowed_topics": [""]}):  # fmt: skip
        response = bank.client.patch(url, json=bad, headers=bank.admin)
        assert response.status_code == 422, bad
        assert response.get_json()["error"]["message"]


def test_refusals_are_counted_in_metrics(bank: Org) -> None:
    def refused() -> float:
        text = bank.client.get("/metrics", headers={"X-API-Key": "admin-key"}).get_data(
            as_text=True
        )
        line = [
            x
            for x in text.splitlines()
            if x.startswith('guardrail_decisions_total{decision="refuse"}')
        ]
        return float(line[0].split()[-1]) if line else 0.0

    before = refused()
    ask(bank, "Which cryptocurrency should I buy?")
    assert refused() == before + 1


FROZEN = (
    "# Card payments\n\n## When a payment is declined\nA card payment is declined when the "
    "account has too little money, when the daily spending limit has been reached, or when "
    "the card is frozen in the app. Unfreeze the card or raise the limit under Cards > Limits."
)


def test_a_question_its_documents_answer_is_not_handed_over(bank: Org) -> None:
    """Topics are weighed against the assistant's knowledge bases: near the "lost or
    stolen card" trigger, but answered by a page of its own, so answered and cited."""
    question = "How do I unfreeze my card?"
    assert ask(bank, question)["escalate"] is True  # its documents do not say yet
    assert bank.upload("cards", "Card payments", FROZEN)["status"] == "completed"
    reply = ask(bank, question, conversation="c2")
    assert reply["escalate"] is False and reply["found"] is True
    assert "Unfreeze" in reply["answer"] and reply["citations"][0]["title"] == "Card payments"
    assert ask(bank, "My card was stolen this morning!", conversation="c2")["escalate"] is True


# -- LLM mode ----------------------------------------------------------------------------


@pytest.fixture
def llm_bank(llm_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    return _bank(llm_app(qdrant=empty_qdrant))


def is_classification(request: dict[str, Any]) -> bool:
    return "You decide whether an assistant may take up" in str(request["messages"][-1]["content"])


def test_with_an_llm_one_classification_call_decides(llm_bank: Org, stub: LLMStub) -> None:
    def reply(request: dict[str, Any]) -> str:
        if is_classification(request):
            return json.dumps({"decision": "forbidden", "topic": "cryptocurrency"})
        return "Activate it in the app [1]."

    stub.reply = reply
    # Worded so that the offline check would let it through: the model's call decides.
    answer = ask(llm_bank, "How do I activate my new debit card?")
    assert answer["refused"] is True and answer["topic"] == "cryptocurrency"
    classification = [r for r in stub.chat_requests() if is_classification(r)]
    assert len(classification) == 1 and "response_format" in classification[0]


def test_a_failing_classification_falls_back_to_the_offline_check(
    llm_bank: Org, stub: LLMStub
) -> None:
    stub.reply = lambda r: "this is not JSON" if is_classification(r) else "Use the app [1]."
    assert ask(llm_bank, "Should I buy Bitcoin?")["refused"] is True
    allowed = ask(llm_bank, "How do I activate my new debit card?", conversation="c2")
    assert allowed["refused"] is False and allowed["answer"] == "Use the app [1]."


def test_an_llm_answer_that_drifts_off_scope_is_replaced(llm_bank: Org, stub: LLMStub) -> None:
    stub.reply = lambda r: (
        json.dumps({"decision": "allowed", "topic": None}) if is_classification(r)
        else "Skip the card: put your savings into Bitcoin and other cryptocurrency [1]."
    )  # fmt: skip
    reply = ask(llm_bank, "How do I activate my new debit card?")
    assert reply["refused"] is True and reply["answer"] == BANK["refusal_message"]


def test_an_llm_answer_that_ignores_the_sources_is_not_given(llm_bank: Org, stub: LLMStub) -> None:
    stub.reply = lambda r: (
        json.dumps({"decision": "allowed", "topic": None}) if is_classification(r)
        else "You can activate it in the app."
    )  # fmt: skip
    uncited = ask(llm_bank, "How do I activate my new debit card?")
    assert uncited["found"] is False and uncited["citations"] == []
    assert uncited["answer"].startswith("Not found in the knowledge base")


def test_citation_required_and_history_limit(
    llm_app: Callable[..., Flask], empty_qdrant: QdrantClient, stub: LLMStub
) -> None:
    """No guardrails here: `citation_required` alone turns an uncited answer away."""
    org = create_org(llm_app(qdrant=empty_qdrant).test_client(), "Plain")
    org.kb("cards")
    assert org.upload("cards", "Cards", CARDS)["status"] == "completed"
    org.assistant("support", ["cards"])
    stub.reply = lambda r: "You can activate it in the app."
    first = ask(org, "How do I activate my new debit card?")
    assert first["found"] is True, first
    url = f"/v1/assistants/{org.assistants['support']}"
    ok(org.client.patch(url, json={"citation_required": True, "max_conversation_history": 1},
                        headers=org.admin))  # fmt: skip
    uncited = ask(org, "What is the debit card withdrawal limit?")
    assert uncited["found"] is False and uncited["citations"] == []
    ask(org, "And for credit cards?")
    answering = [r for r in stub.chat_requests() if r["messages"][0]["role"] == "system"][-1]
    earlier = [m["role"] for m in answering["messages"][1:-1]]
    assert earlier == ["user", "assistant"]  # one earlier turn of the two
