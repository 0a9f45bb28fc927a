"""A question asking what something costs, of documents that describe it but give no
price, gets the not-found message (issue 45: "a question about a documented machine's
price, which no document gives, was answered with its maintenance interval"). A page
that states the price, or that it is free, still answers."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, chat, create_org, ok

COMPRESSOR = """# Compresor de tornillo CT-45

El compresor CT-45 suministra aire comprimido a las líneas de montaje 1 y 2. Trabaja a
una presión nominal de 7,5 bar. El aceite sintético LUB-S46 se cambia cada 8.000 horas;
el bidón de 20 litros cuesta 96 euros en el almacén central.
"""
VISITORS = """# Visiting the plant

Visitors sign in at the gatehouse and are given a safety vest. Parking is free for
visitors in the car park beside the gatehouse. A guided tour of the assembly lines takes
place every Friday at ten and lasts ninety minutes.
"""
ORIENTATION = """# Orientasi taruna baru

Biaya pendaftaran sebesar Rp 250.000 dibayarkan melalui virtual account. Seragam taruna
dibagikan pada minggu pertama orientasi di gedung asrama B.
"""

ANSWERED = [
    ("¿Cuánto cuesta el bidón de aceite LUB-S46?", "96 euros"),
    ("How much does parking cost for visitors?", "free"),
    ("Berapa biaya pendaftaran?", "250.000"),
]
NOT_GIVEN = [
    ("es", "¿Cuánto cuesta el compresor CT-45?"),
    ("en", "How much does the guided tour cost?"),
    ("id", "Berapa harga seragam taruna?"),
]


def test_a_price_no_document_gives_is_not_answered_with_what_they_do_say(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Prices")
    org.kb("documents")
    for title, text in (("CT-45", COMPRESSOR), ("Visits", VISITORS), ("Orientasi", ORIENTATION)):
        assert org.upload("documents", title, text)["status"] == "completed"
    org.assistant("desk", ["documents"])
    assert_answers(org, ANSWERED, NOT_GIVEN)


VET = """# Microchip y pasaporte

Todos los perros y gatos deben llevar microchip. Implantarlo cuesta 40 euros.
El pasaporte europeo para viajar con la mascota se expide en el mismo día.
"""


def test_a_price_given_after_what_it_prices_is_answered_with_both(platform: Flask) -> None:
    """The microchip is named only in the sentence before "Implantarlo cuesta 40 euros": the
    answer quotes both, in the page's order."""
    org = create_org(platform.test_client(), "Veterinaria")
    org.kb("documents")
    assert org.upload("documents", "Microchip", VET)["status"] == "completed"
    org.assistant("desk", ["documents"])
    reply = ok(chat(org.client, org.admin_key, "¿Cuánto cuesta el microchip?"))
    assert reply["found"] is True and reply["citations"], reply
    answer = reply["answer"]
    assert "deben llevar microchip. Implantarlo cuesta 40 euros." in answer, reply
