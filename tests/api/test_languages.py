"""Questions in Indonesian and Spanish over the (English) sample knowledge base: found
and cited; what the service says in its own words in the question's language."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.app_fixtures import KEY_A


def ask(client: FlaskClient, message: str, conversation: str, **body: object) -> dict:
    response = client.post(
        "/v1/chat", json={"message": message, **body},
        headers={**KEY_A, "X-Conversation-Id": conversation},
    )  # fmt: skip
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_probe(app: Flask) -> None:
    client = app.test_client()
    for q in ["¿Cómo inicio el servicio?", "¿Cuánto tiempo se guardan las conversaciones?",
              "¿Qué significa un error 429?", "Bagaimana cara memulai layanan?",
              "Berapa lama percakapan disimpan?", "Model bahasa apa yang bisa saya gunakan?",
              "¿Quién ganó el mundial de fútbol de 2010?", "Siapa presiden pertama Amerika?"]:
        r = ask(client, q, f"probe-{abs(hash(q))}")
        print(q, "|", r["language"], r["found"], [c["source"] for c in r["citations"]], r["answer"][:150].replace("\n", " "))
