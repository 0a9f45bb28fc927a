"""Lists as organisations write them: a club's page with what to bring and the steps to
book, a shop's welcome slides. A list item of a word or two was no sentence at all, and
of four steps the answer quoted the two closest to the question, out of their order's
sense; a slide's bullets came out as loose lines under no heading."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.api.platform_helpers import Org, chat, create_org, ok
from tests.knowledge.files import pptx_bytes

CLUB = """# Riverside Swimming Club: new members

## What to bring to your first session
- Swimsuit and cap
- Towel
- Padlock for the locker
- Membership card

## Opening hours
The pool is open from 6:00 to 21:00 on weekdays and from 8:00 to 18:00 at weekends.

## How to book a lane
1. Sign in to the club app.
2. Choose Lanes and pick a day.
3. Select a free slot and confirm.
4. Show the booking code at reception.
"""

GARAGE = """Cómo pedir cita en el taller

Paso 1: Llame al 912 000 111 o escriba a citas@tallerlopez.es.
Paso 2: Indique la matrícula y el problema del coche.
Paso 3: Le confirmamos el día y la hora por SMS.
"""

SLIDES = [
    ("Bienvenida a Ferretería Lobo", ["Esta presentación resume tu primera semana."]),
    ("Qué necesitas traer", ["DNI", "Número de la Seguridad Social", "Cuenta bancaria"]),
]


@pytest.fixture
def org(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Lists")
    org.kb("documents")
    assert org.upload("documents", "Swimming club", CLUB)["status"] == "completed"
    assert org.upload("documents", "Taller López", GARAGE)["status"] == "completed"
    deck = pptx_bytes(SLIDES)
    assert org.upload_file("documents", "bienvenida.pptx", deck)["status"] == "completed"
    org.assistant("desk", ["documents"])
    return org


@pytest.mark.parametrize(
    ("question", "answer", "section"),
    [
        (
            "What do I need to bring to my first session?",
            "- Swimsuit and cap\n- Towel\n- Padlock for the locker\n- Membership card [1]",
            "What to bring to your first session",
        ),
        (
            "How do I book a lane?",
            "1. Sign in to the club app.\n2. Choose Lanes and pick a day.\n"
            "3. Select a free slot and confirm.\n4. Show the booking code at reception. [1]",
            "How to book a lane",
        ),
        (
            "¿Cómo pido cita en el taller?",
            "Paso 1: Llame al 912 000 111 o escriba a citas@tallerlopez.es.\n"
            "Paso 2: Indique la matrícula y el problema del coche.\n"
            "Paso 3: Le confirmamos el día y la hora por SMS. [1]",
            "",
        ),
        (
            "¿Qué documentos tengo que traer?",
            "- DNI\n- Número de la Seguridad Social\n- Cuenta bancaria [1]",
            "Qué necesitas traer",
        ),
    ],
)
def test_a_list_is_quoted_whole_in_its_order(
    org: Org, question: str, answer: str, section: str
) -> None:
    reply = ok(chat(org.client, org.admin_key, question, conversation=f"lists-{len(question)}"))
    assert reply["found"] is True, reply
    assert reply["answer"] == answer, reply["answer"]
    assert reply["citations"][0]["section"].endswith(section), reply["citations"]
