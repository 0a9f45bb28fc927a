"""A greeting, a thanks or "can you help me?" is not a question the documents failed to
answer: it got the not-found message ("Not found in the knowledge base...") and showed
up in the gaps report. It is answered in kind, in its language, with nothing cited, and
left out of the not-found figures."""

from __future__ import annotations

from flask import Flask

from agents.phrasebook import built_in
from tests.api.platform_helpers import create_org, ok, reply_to

ROUTER = "# Router\n\nThe Acme router resets when you hold its power button for ten seconds."


def test_greetings_and_thanks_are_answered_in_kind_and_are_not_gaps(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Acme")
    org.kb("support")
    assert org.upload("support", "Router", ROUTER)["status"] == "completed"
    org.assistant("helper", ["support"])

    for message, language, said, conversation in [
        ("Hello!", "en", "greeting", "c1"),
        ("Halo kak", "id", "greeting", "c2"),
        ("¡Muchas gracias!", "es", "thanks", "c3"),
        ("Can you help me?", "en", "help", "c4"),
        ("Sampai jumpa", "id", "farewell", "c5"),
    ]:
        reply = reply_to(org, message, conversation=conversation)
        assert reply["answer"] == built_in()[language][said], (message, reply)
        assert reply["mode"] == "small_talk" and reply["found"] is False, reply
        assert reply["citations"] == [] and reply["language"] == language, reply

    # In a conversation: the question before it is answered, the thanks after it in kind,
    # and both are kept in its history.
    answered = reply_to(org, "How do I reset the router?", conversation="c6")
    assert answered["found"] is True and answered["citations"], answered
    assert reply_to(org, "thanks", conversation="c6")["mode"] == "small_talk"
    history = ok(org.client.get("/v1/conversations/c6", headers=org.admin))["messages"]
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert (
        history[3]["mode"] == "small_talk" and history[3]["content"] == built_in()["en"]["thanks"]
    )

    # A greeting with a question in it is a question.
    greeted = reply_to(org, "Hi, how do I reset the router?", conversation="c7")
    assert greeted["found"] is True and "ten seconds" in greeted["answer"], greeted
    reply_to(org, "What is the capital of Peru?", conversation="c8")

    # Nine turns: one found nothing (Peru); the gaps report holds only that question.
    totals = ok(org.client.get("/v1/analytics", headers=org.admin))["totals"]
    assert totals["turns"] == 9 and totals["not_found_rate"] == round(1 / 9, 4), totals
    gaps = ok(org.client.get("/v1/analytics/unanswered", headers=org.admin))["questions"]
    assert [g["question"] for g in gaps] == ["What is the capital of Peru?"], gaps


def test_an_assistant_greets_in_its_own_words_where_it_has_them(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ferreteria")
    org.kb("support")
    assert org.upload("support", "Router", ROUTER)["status"] == "completed"
    assistant = org.assistant("helper", ["support"])
    own = "¡Hola! Soy Lola, de la Ferretería Ruiz. ¿En qué le ayudo?"
    ok(org.client.patch(
        f"/v1/assistants/{assistant}", json={"messages": {"es": {"greeting": own}}},
        headers=org.admin,
    ))  # fmt: skip
    assert reply_to(org, "Hola", conversation="g1")["answer"] == own
    # Other languages and kinds keep the built-in ones.
    assert reply_to(org, "Hello", conversation="g2")["answer"] == built_in()["en"]["greeting"]
    assert reply_to(org, "Gracias", conversation="g3")["answer"] == built_in()["es"]["thanks"]
    # A kind the service does not know is refused, and nothing is changed.
    bad = org.client.patch(
        f"/v1/assistants/{assistant}",
        json={"messages": {"es": {"welcome": "Hola"}}},
        headers=org.admin,
    )
    assert bad.status_code == 422 and "welcome" in bad.get_json()["error"]["message"]
    assert reply_to(org, "Hola", conversation="g4")["answer"] == own
    # Another organisation's admin cannot see or change it.
    other = create_org(platform.test_client(), "Otra")
    foreign = other.client.patch(
        f"/v1/assistants/{assistant}", json={"messages": {"es": {"greeting": "Adiós"}}},
        headers=other.admin,
    )  # fmt: skip
    assert foreign.status_code == 404
    assert reply_to(org, "Hola", conversation="g5")["answer"] == own
