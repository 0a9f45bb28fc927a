"""Questions of set DK's kinds, end to end over documents written here: whether they do a
deed to a thing the pages never name, when a page says what they do it to ("¿Afináis
violines?" of a piano tuner's "Afinamos pianos verticales y de cola"); whether they
sell a thing, of pages whose only "venta" was inside "ventanas"; a day of the week
asked of pages naming no day ("Can I do the course on a Sunday?"); and whether a child
of an age may come, of a page giving the age "from the age of 8". Each declined question
was answered by the code before, and the age was declined."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TUNER = """# Afinación

Afinamos pianos verticales y de cola en Salamanca. Recomendamos afinar el piano dos veces
al año y mantenerlo lejos de ventanas y radiadores.
"""
RIDING = """# Course

Our one-day riding course costs £140 and starts at 8am at the yard in Malton. Bring boots
that cover your ankles.
"""
CAVES = """# Caving

The taster trip lasts two hours underground. Children can join from the age of 8 with an
adult.
"""
ANSWERED = [
    ("tuner", "¿Afináis pianos de cola?", "verticales y de cola"),
    ("riding", "What time does the course start?", "8am"),
    ("caves", "Can my 10 year old come?", "from the age of 8"),
    ("caves", "How long is the taster trip?", "two hours"),
]
DECLINED = [
    ("tuner", "es", "¿Afináis violines?"),
    ("tuner", "es", "¿Vendéis pianos de segunda mano?"),
    ("riding", "en", "Can I do the course on a Sunday?"),
]


def test_deeds_days_and_ages(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Deeds and days")
    made = assistant_per_kb(
        org,
        {
            "tuner": {"Afinación": TUNER},
            "riding": {"Course": RIDING},
            "caves": {"Caving": CAVES},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
