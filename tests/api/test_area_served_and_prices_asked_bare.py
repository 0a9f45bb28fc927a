"""Questions of set DH's kinds, end to end over documents written here: the area a
service covers asked openly ("Which area do you cover?", "¿Por qué zonas trabajáis?",
"Melayani daerah mana saja?"), how soon, a show by another of its names, and a short
Spanish question the detector took for Portuguese (each declined by the code before
them); a price asked "How much to ...?" of a price of the kind named bare; and a rent's
period, which says not how long hens live."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TRANSLATIONS = """# Harwood Translations

We translate birth certificates, driving licences and school reports between English
and Italian, Greek and Turkish, for people in and around Leicester. A certificate of one
page costs £40. Certificates are ready in three working days.
"""
PUPPETS = """# Títeres El Grillo

Somos una compañía de títeres de Huesca. Llevamos nuestras funciones a cumpleaños,
colegios y bibliotecas de toda la provincia de Huesca. Cada función dura 50 minutos.
"""
FENCES = """# Pagar Besi Sinar Baja

Kami membuat pagar dan teralis besi untuk rumah di wilayah Klaten dan Boyolali. Survei
ke rumah gratis.
"""
PLOTS = """# Plots

We let half plots of 125 square metres for £35 a year and full plots for £60 a year.
"""
ANIMALS = """# Animals

Hens may be kept with the committee's written permission, but cockerels are not allowed.
"""
ANSWERED = [
    ("translations", "How much to translate a birth certificate?", "£40"),
    ("translations", "How soon can I get my birth certificate back?", "three working days"),
    ("translations", "Which area do you cover?", "around Leicester"),
    ("puppets", "¿Vais a colegios?", "colegios"),
    ("puppets", "¿Cuánto dura el espectáculo?", "50 minutos"),
    ("puppets", "¿Por qué zonas trabajáis?", "provincia de Huesca"),
    ("fences", "Melayani daerah mana saja?", "wilayah Klaten"),
]
DECLINED = [
    ("allotments", "en", "How long do hens live?"),
]


def test_the_area_covered_a_price_asked_bare_and_a_rents_period(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Areas")
    made = assistant_per_kb(
        org,
        {
            "translations": {"Translations": TRANSLATIONS},
            "puppets": {"Títeres": PUPPETS},
            "fences": {"Pagar": FENCES},
            "allotments": {"Plots": PLOTS, "Animals": ANIMALS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
