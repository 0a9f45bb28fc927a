"""Conversations in Indonesian and Spanish, end to end and offline: the question is found
in documents of its own language and of another, cited, followed up; what the service
says in its own words (not found, refusal, hand-over) is in the question's language, or
the assistant's own words for that language; the language is kept on the turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from agents.phrasebook import built_in
from stubs.llm import LLMStub
from tests.api.platform_helpers import Org, create_org, key_header, ok
from tests.app_fixtures import KEY_A

ADMISSIONS = """# Pendaftaran Mahasiswa Baru

Institut Teknologi Bandung membuka pendaftaran mahasiswa baru setiap tahun. Pendaftaran
dilakukan secara daring melalui portal penerimaan, dibuka pada 1 Maret dan ditutup pada
15 April.

## Biaya

Calon mahasiswa membayar biaya pendaftaran sebesar Rp 300.000 melalui transfer bank.
"""
MAINTENANCE = """# Mantenimiento de equipos

Los compresores de la planta necesitan mantenimiento preventivo cada 500 horas de
funcionamiento. El técnico de turno registra cada revisión en el libro de mantenimiento.

## Garantía

La garantía del modelo W-100 cubre dos años de piezas y mano de obra.
"""
LIBRARY = """# Library opening hours

The campus library is open from 8:00 to 20:00 on weekdays and from 9:00 to 14:00 on
Saturdays. It is closed on Sundays and public holidays.
"""
RULES = {
    "forbidden_topics": ["politics and elections"],
    "escalation_triggers": ["talk to a human agent"],
}


@pytest.fixture
def org(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    org = create_org(make_app(qdrant=empty_qdrant).test_client(), "Kampus")
    org.kb("docs")
    for title, text in (("Pendaftaran", ADMISSIONS), ("Mantenimiento", MAINTENANCE),
                        ("Library", LIBRARY)):  # fmt: skip
        assert org.upload("docs", title, text)["status"] == "completed"
    org.assistant("help", ["docs"], **RULES)
    return org


def ask(org: Org, message: str, conversation: str, **body: Any) -> dict[str, Any]:
    headers = {**org.admin, "X-Conversation-Id": conversation}
    return ok(org.client.post("/v1/chat", json={"message": message, **body}, headers=headers))


def sources(reply: dict[str, Any]) -> set[str]:
    return {c["title"] for c in reply["citations"]}


def test_an_indonesian_conversation(org: Org) -> None:
    first = ask(org, "Kapan pendaftaran mahasiswa baru ditutup?", "id-1")
    assert first["language"] == "id" and first["found"]
    assert sources(first) == {"Pendaftaran"} and "15 April" in first["answer"]
    # A follow-up leans on the question before it.
    follow = ask(org, "Berapa biayanya?", "id-1")
    assert follow["found"] and "300.000" in follow["answer"]
    assert sources(follow) == {"Pendaftaran"}
    # Asked in Indonesian, found in an English document (quoted as written).
    across = ask(org, "Jam berapa perpustakaan buka pada hari Sabtu?", "id-1")
    assert across["found"] and sources(across) == {"Library"}
    assert "9:00 to 14:00" in across["answer"]
    missing = ask(org, "Siapa pemenang piala dunia sepak bola tahun 2018?", "id-1")
    assert not missing["found"] and missing["language"] == "id"
    assert missing["answer"] == built_in()["id"]["not_found"]
    # The history keeps each answer's language.
    history = ok(org.client.get("/v1/conversations/id-1", headers=org.admin))["messages"]
    assert [m.get("language") for m in history if m["role"] == "assistant"] == ["id"] * 4


def test_a_spanish_conversation(org: Org) -> None:
    first = ask(org, "¿Cada cuántas horas necesitan mantenimiento los compresores?", "es-1")
    assert first["language"] == "es" and sources(first) == {"Mantenimiento"}
    assert "500 horas" in first["answer"]
    follow = ask(org, "¿Y cuánto dura la garantía del W-100?", "es-1")
    assert "dos años" in follow["answer"] and sources(follow) == {"Mantenimiento"}
    refused = ask(org, "¿A qué partido político debería votar en las elecciones?", "es-1")
    assert refused["refused"] and refused["answer"] == built_in()["es"]["refusal"]
    handed = ask(org, "Quiero hablar con un agente humano, por favor", "es-1")
    assert handed["escalate"] and handed["answer"] == built_in()["es"]["handoff"]
    missing = ask(org, "¿Quién ganó el mundial de fútbol de 2010?", "es-1")
    assert not missing["found"] and missing["answer"] == built_in()["es"]["not_found"]


def test_a_question_too_short_to_tell_keeps_the_conversations_language(org: Org) -> None:
    ask(org, "¿Cuánto dura la garantía del modelo W-100?", "es-2")
    assert ask(org, "ok", "es-2")["language"] == "es"
    # Said by the client, the language is not guessed.
    given = ask(org, "W-100?", "es-3", language="es-MX")
    assert given["language"] == "es"


def test_a_question_opened_by_an_inverted_mark_is_answered_in_spanish(org: Org) -> None:
    """The detector took "¿Tenéis croissants de chocolate?" for French, surely: only
    Spanish opens a question with "¿"."""
    reply = ask(org, "¿Tenéis croissants de chocolate?", "es-4")
    assert reply["language"] == "es" and reply["answer"] == built_in()["es"]["not_found"]


def test_an_assistant_says_its_own_words_per_language(org: Org) -> None:
    own = {"es": {"not_found": "No lo sé; pregunte en recepción."}}
    assistant = org.assistants["help"]
    patched = ok(org.client.patch(f"/v1/assistants/{assistant}", json={"messages": own},
                                  headers=org.admin))  # fmt: skip
    assert patched["messages"] == own
    spanish = ask(org, "¿Quién ganó el mundial de fútbol de 2010?", "own-1")
    assert spanish["answer"] == "No lo sé; pregunte en recepción."
    # Other languages keep the built-in messages.
    indonesian = ask(org, "Siapa pemenang piala dunia sepak bola tahun 2018?", "own-2")
    assert indonesian["answer"] == built_in()["id"]["not_found"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"messages": {"xx": {"not_found": "?"}}}, "not a language code"),
        ({"messages": {"es": {"welcome": "Hola"}}}, "not one of not_found"),
        ({"messages": {"es": {"refusal": ""}}}, "1 to 2000 characters"),
        ({"messages": ["es"]}, "messages must be an object"),
    ],
)
def test_bad_messages_are_refused_with_the_reason(
    org: Org, body: dict[str, Any], message: str
) -> None:
    assistant = org.assistants["help"]
    kept = {"es": {"refusal": "No puedo ayudar con eso."}}
    ok(org.client.patch(f"/v1/assistants/{assistant}", json={"messages": kept},
                        headers=org.admin))  # fmt: skip
    response = org.client.patch(f"/v1/assistants/{assistant}", json=body, headers=org.admin)
    assert response.status_code == 422 and message in response.get_json()["error"]["message"]
    # Nothing stored is lost: the assistant keeps the messages it had.
    shown = ok(org.client.get(f"/v1/assistants/{assistant}", headers=org.admin))
    assert shown["messages"] == kept


def test_another_organisation_cannot_set_or_see_an_assistants_messages(org: Org) -> None:
    assistant = org.assistants["help"]
    other = create_org(org.client, "Elsewhere")
    url = f"/v1/assistants/{assistant}"
    body = {"messages": {"es": {"not_found": "Hackeado"}}}
    assert org.client.patch(url, json=body, headers=key_header(other.admin_key)).status_code == 404
    assert org.client.get(url, headers=key_header(other.admin_key)).status_code == 404
    assert ok(org.client.get(url, headers=org.admin))["messages"] == {}


def test_an_unknown_language_code_is_refused(org: Org) -> None:
    headers = {**org.admin, "X-Conversation-Id": "bad-language"}
    response = org.client.post(
        "/v1/chat", json={"message": "Hola", "language": "klingon"}, headers=headers
    )
    assert response.status_code == 422 and "klingon" in response.get_json()["error"]["message"]


def test_analytics_count_turns_per_language(org: Org) -> None:
    ask(org, "Kapan pendaftaran mahasiswa baru ditutup?", "an-1")
    ask(org, "¿Cuánto dura la garantía del modelo W-100?", "an-2")
    ask(org, "¿Quién ganó el mundial de fútbol de 2010?", "an-2")
    body = ok(org.client.get("/v1/analytics", headers=org.admin))
    assert body["languages"]["es"] == {"turns": 2, "not_found_rate": 0.5}
    assert body["languages"]["id"] == {"turns": 1, "not_found_rate": 0.0}
    # Another organisation sees none of it.
    other = create_org(org.client, "Elsewhere")
    assert (
        ok(org.client.get("/v1/analytics", headers=key_header(other.admin_key)))["languages"] == {}
    )


def test_a_model_is_asked_to_answer_in_the_questions_language(
    llm_app: Callable[..., Flask], stub: LLMStub
) -> None:
    client = llm_app().test_client()
    headers = {**KEY_A, "X-Conversation-Id": "llm-es"}
    body = ok(client.post("/v1/chat", json={"message": "¿Cómo inicio el servicio?"},
                          headers=headers))  # fmt: skip
    assert body["language"] == "es" and body["mode"] == "llm"
    answering = [r for r in stub.chat_requests() if r["messages"][0]["role"] == "system"]
    system = answering[-1]["messages"][0]["content"]
    assert "Write the answer in Spanish" in system
