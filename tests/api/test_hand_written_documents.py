"""Documents typed by hand and sent as text through the API, as an organisation's first
ones often are: headings on lines of their own, no Markdown. The heading named the
section; it was quoted as the first words of the answer ("Horario El gimnasio abre...")."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.api.platform_helpers import Org, chat, create_org, ok

GUIDE = """Gimnasio Olímpico Norte: guía del socio

Horario
El gimnasio abre de lunes a viernes de 6:30 a 22:30 y los sábados de 9:00 a 14:00.
Los domingos permanece cerrado.

Cuotas
La cuota mensual cuesta 39 euros y la trimestral 105 euros. Los estudiantes menores de
25 años pagan 29 euros al mes presentando su carné.
"""

TERMS = """Harbourside Coworking membership terms

Plans
A Flex membership costs 180 pounds a month and gives access to any free desk on weekdays.

Cancellation
Memberships renew every month. To cancel, give notice by email at least 30 days before the
next renewal date.
"""

FAQ = """Riverside Dental - Frequently asked questions

How do I book an appointment?
You can book online through our website or call the front desk on 020 7946 0321.

What are your opening hours?
Monday to Thursday 8 am to 6 pm, Friday 8 am to 4 pm. We are closed at weekends.
"""

SPEC = """# Impresora de la segunda planta

**Modelo:** HP LaserJet M404
**Ubicación:** segunda planta, junto a la sala de reuniones
**Tóner de repuesto:** en el armario B del almacén
"""

CHECKLIST = """Perpustakaan Kota: anggota baru

Kartu anggota
Untuk membuat kartu anggota, bawa dokumen berikut ke loket:
• KTP asli
• Pas foto ukuran 3x4 sebanyak dua lembar
• Formulir pendaftaran yang sudah diisi
Kartu selesai dalam tiga hari kerja.
"""

PHARMACY = """Greenfield Pharmacy FAQ

Q: Do you deliver prescriptions?
A: Yes. We deliver within 5 km of the shop on weekdays, free of charge for patients over 65.

Q: Can I get a flu vaccine without an appointment?
A: Walk-in flu vaccines are available on Tuesday and Thursday mornings from 9 to 12.

Q: How do I transfer my prescription from another pharmacy?
A: Bring the bottle or the prescription number to the counter, and we call the other pharmacy.
"""

CARD = """Academia Sol: datos de contacto

Secretaría
Horario: de lunes a viernes de 9:00 a 14:00
Teléfono: 912 345 678
Correo: info@academiasol.es
"""


@pytest.fixture
def org(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Hand-written")
    org.kb("documents")
    assert org.upload("documents", "Gimnasio Olímpico Norte: guía del socio", GUIDE)["status"] == (
        "completed"
    )
    assert org.upload("documents", "Membership terms", TERMS)["status"] == "completed"
    assert org.upload("documents", "Dental FAQ", FAQ)["status"] == "completed"
    assert org.upload("documents", "Impresora", SPEC)["status"] == "completed"
    assert org.upload("documents", "Perpustakaan", CHECKLIST)["status"] == "completed"
    assert org.upload("documents", "Pharmacy FAQ", PHARMACY)["status"] == "completed"
    assert org.upload("documents", "Academia Sol", CARD)["status"] == "completed"
    org.assistant("desk", ["documents"])
    return org


@pytest.mark.parametrize(
    ("question", "opening", "section"),
    [
        ("¿A qué hora abre el gimnasio los sábados?", "El gimnasio abre de lunes", "Horario"),
        ("¿Cuánto cuesta la cuota mensual?", "La cuota mensual cuesta 39 euros", "Cuotas"),
        # only the sentence giving the notice (asked_facts), not the renewal before it
        ("How do I cancel my membership?", "To cancel, give notice by email", "Cancellation"),
    ],
)
def test_the_answer_quotes_the_sentence_and_cites_the_heading_as_its_section(
    org: Org, question: str, opening: str, section: str
) -> None:
    reply = ok(chat(org.client, org.admin_key, question, conversation=section))
    assert reply["found"] is True, reply
    assert reply["answer"].startswith(opening), reply["answer"]
    assert f"{section} " not in reply["answer"], reply["answer"]
    assert reply["citations"][0]["section"] == section, reply["citations"]
    # the source panel shows the quoted sentence, under the heading, not after it
    snippet = reply["citations"][0]["snippet"]
    assert opening in snippet and not snippet.startswith(section), reply["citations"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How can I book an appointment?", "You can book online through our website"),
        ("Are you open on Saturdays?", "We are closed at weekends."),
    ],
)
def test_a_question_and_answer_page_is_answered_by_the_answer_not_its_question(
    org: Org, question: str, answer: str
) -> None:
    """A question on a line of its own heads its answer: quoted as a sentence, "How do I
    book an appointment?" was the reply to "How can I book an appointment?"."""
    reply = ok(chat(org.client, org.admin_key, question, conversation=f"faq-{len(question)}"))
    assert reply["found"] is True and answer in reply["answer"], reply
    assert "?" not in reply["answer"], reply["answer"]


def test_a_bold_label_is_quoted_as_its_words_and_its_snippet_shows_them(org: Org) -> None:
    """Markdown's marks were quoted ("**Modelo:** HP LaserJet M404 **Ubicación:** ..."), one
    "sentence" of every line, and the snippet did not hold the quote."""
    reply = ok(
        chat(org.client, org.admin_key, "¿Dónde está el tóner de repuesto?", conversation="t")
    )
    assert reply["found"] is True, reply
    assert reply["answer"].startswith("Tóner de repuesto: en el armario B"), reply["answer"]
    assert "*" not in reply["answer"] and "Modelo" not in reply["answer"], reply["answer"]
    assert "…" not in reply["answer"], reply["answer"]
    snippet = reply["citations"][0]["snippet"]
    assert "Tóner de repuesto: en el armario B del almacén" in snippet, snippet


def test_a_checklist_typed_with_bullets_is_quoted_under_its_introduction(org: Org) -> None:
    """Lines opened by "•" ran into the line above and the next: the checklist, its
    introduction and the sentence after it were one "sentence"."""
    question = "Dokumen apa saja yang harus dibawa untuk membuat kartu anggota?"
    reply = ok(chat(org.client, org.admin_key, question, conversation="kartu"))
    assert reply["found"] is True, reply
    assert reply["answer"].startswith(
        "Untuk membuat kartu anggota, bawa dokumen berikut ke loket:\n- KTP asli\n"
        "- Pas foto ukuran 3x4 sebanyak dua lembar\n- Formulir pendaftaran yang sudah diisi"
    ), reply["answer"]
    assert "•" not in reply["answer"], reply["answer"]
    assert reply["citations"][0]["section"] == "Kartu anggota", reply["citations"]


def test_a_labelled_answer_is_quoted_without_its_label_and_alone(org: Org) -> None:
    """ "Q:" and "A:" were quoted as words, and the answer to "Do you deliver?" went on
    with the answer to another question of the page ("Bring the bottle...")."""
    question = "Do you deliver medicines to my home?"
    reply = ok(chat(org.client, org.admin_key, question, conversation="pharmacy"))
    assert reply["found"] is True, reply
    assert reply["answer"].startswith("We deliver within 5 km of the shop"), reply["answer"]
    assert "A:" not in reply["answer"] and "bottle" not in reply["answer"], reply["answer"]
    assert reply["citations"][0]["section"] == "Do you deliver prescriptions?", reply


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("¿Cuál es el correo de la academia?", "Correo: info@academiasol.es."),
        ("¿Cuál es el teléfono de la academia Sol?", "Teléfono: 912 345 678."),
    ],
)
def test_a_contact_card_typed_by_hand_is_quoted_line_by_line(
    org: Org, question: str, answer: str
) -> None:
    """Lines opened by a plain label ran together, one "sentence" of the whole card, and
    a labelled value of two words ("Correo: info@...") was too short to be a sentence."""
    reply = ok(chat(org.client, org.admin_key, question, conversation=f"card-{len(question)}"))
    assert reply["found"] is True, reply
    assert reply["answer"].startswith(answer), reply["answer"]
    assert "Horario" not in reply["answer"], reply["answer"]
