"""Example questions for an assistant's guardrail topics (issue 45):
GET|PUT /v1/assistants/{id}/topic-examples. They change what the offline check refuses;
bad input is a 422 that changes nothing; another organisation gets nothing."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import chat, create_org, key_header, ok

GUARDED = {
    "allowed_topics": ["orders, delivery and returns", "payment methods"],
    "forbidden_topics": ["legal advice"],
    "escalation_triggers": ["talk to a human agent"],
}
EXAMPLES = {"legal advice": ["Can I sue the courier for a damaged parcel?",
                             "Is it legal to resell what I bought here?"]}  # fmt: skip
QUESTION = "Could I take the delivery company to court over my broken TV?"


def test_examples_are_kept_shown_and_make_the_check_refuse(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Shop")
    org.kb("help")
    org.upload("help", "Returns", "A broken TV is returned through the returns page within "
               "30 days. Delivery companies collect returned parcels from your door.")  # fmt: skip
    assistant = org.assistant("shop", ["help"], **GUARDED)
    url = f"/v1/assistants/{assistant}/topic-examples"
    assert ok(org.client.get(url, headers=org.admin))["examples"] == {}
    before = ok(chat(org.client, org.admin_key, QUESTION, assistant=assistant, conversation="b"))
    assert before["refused"] is False, before

    body = ok(org.client.put(url, json={"examples": EXAMPLES}, headers=org.admin))
    assert body["examples"] == EXAMPLES and body["unused"] == []
    assert ok(org.client.get(url, headers=org.admin))["examples"] == EXAMPLES
    after = ok(chat(org.client, org.admin_key, QUESTION, assistant=assistant, conversation="a"))
    assert after["found"] is False and after["citations"] == []
    assert after["refused"] is True and after["topic"] == "legal advice", after

    # A topic dropped from the assistant keeps its examples, listed as unused.
    ok(org.client.patch(f"/v1/assistants/{assistant}", json={"forbidden_topics": []},
                        headers=org.admin))  # fmt: skip
    assert ok(org.client.get(url, headers=org.admin))["unused"] == ["legal advice"]


def test_triggers_that_borrow_built_in_examples_are_shown(platform: Flask) -> None:
    """A trigger naming a request for a person (in any of the three languages) is shown as
    using the service's own examples, and a request phrased far from its name is handed
    over; a trigger of the organisation's own kind borrows nothing."""
    org = create_org(platform.test_client(), "Outfitters")
    org.kb("help")
    org.upload("help", "Returns", "A broken TV is returned through the returns page within "
               "30 days. Delivery companies collect returned parcels from your door.")  # fmt: skip
    triggers = ["hablar con una persona", "a parcel delivered to the wrong address"]
    assistant = org.assistant("shop", ["help"], **{**GUARDED, "escalation_triggers": triggers})
    shown = ok(org.client.get(f"/v1/assistants/{assistant}/topic-examples", headers=org.admin))
    assert shown["built_in"] == {"hablar con una persona": "person"}
    for n, question in enumerate(("Hubungkan saya dengan bagian pelayanan",
                                  "I'd like someone from your team to ring me back")):  # fmt: skip
        reply = ok(chat(org.client, org.admin_key, question, assistant=assistant,
                        conversation=f"p{n}"))  # fmt: skip
        assert reply["escalate"] is True and reply["citations"] == [], (question, reply)
    in_scope = ok(chat(org.client, org.admin_key, "How do I return a broken TV?",
                       assistant=assistant, conversation="r"))  # fmt: skip
    assert in_scope["escalate"] is False and in_scope["found"] is True


def test_bad_examples_are_a_422_and_change_nothing(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Careful")
    assistant = org.assistant("guarded", [], **GUARDED)
    url = f"/v1/assistants/{assistant}/topic-examples"
    ok(org.client.put(url, json={"examples": EXAMPLES}, headers=org.admin))
    for bad in (
        {"examples": {"astrology": ["What is my horoscope?"]}},  # not one of its topics
        {"examples": {"legal advice": []}},  # no question
        {"examples": {"legal advice": ["?"]}},  # too short
        {"examples": {"legal advice": [f"Question {n}?" for n in range(11)]}},  # too many
        {"examples": {"legal advice": "Can I sue?"}},  # not a list
        {"examples": ["legal advice"]},
        {"examples": EXAMPLES, "extra": 1},
        {},
    ):
        response = org.client.put(url, json=bad, headers=org.admin)
        assert response.status_code == 422, (bad, response.get_data(as_text=True))
        assert response.get_json()["error"]["message"], bad
    assert org.client.put(url, data="{", headers={**org.admin, "Content-Type":
                          "application/json"}).status_code in (400, 422)  # fmt: skip
    assert ok(org.client.get(url, headers=org.admin))["examples"] == EXAMPLES


def test_another_organisation_and_a_chat_key_get_nothing(platform: Flask) -> None:
    owner = create_org(platform.test_client(), "Owner")
    assistant = owner.assistant("guarded", [], **GUARDED)
    url = f"/v1/assistants/{assistant}/topic-examples"
    ok(owner.client.put(url, json={"examples": EXAMPLES}, headers=owner.admin))
    other = create_org(platform.test_client(), "Other")
    refused = other.client.get(url, headers=other.admin)
    assert refused.status_code == 404 and refused.get_json()["error"]["message"]
    assert "human agent" not in refused.get_data(as_text=True)  # not even which triggers
    put = other.client.put(url, json={"examples": {"legal advice": ["Hi there?"]}},
                           headers=other.admin)  # fmt: skip
    assert put.status_code == 404
    chat_key = key_header(owner.key("chat"))
    assert owner.client.get(url, headers=chat_key).status_code == 403
    assert owner.client.put(url, json={"examples": {}}, headers=chat_key).status_code == 403
    assert ok(owner.client.get(url, headers=owner.admin))["examples"] == EXAMPLES
