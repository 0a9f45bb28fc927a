"""Facts asked in words of their own: how many people ("Sekelas berapa orang?" of
"maksimal delapan peserta"), what to bring ("What should I pack?" of "Bring two
towels"), a price for one person or by the month asked without a word of price ("How
much per person?", "¿Cuánto es al mes?"), and a school's classes as its courses, joining
as enrolling ("¿Qué días son las clases?" of "El curso ... los martes y jueves", "¿Se
paga algo al apuntarse?" of "la matrícula"). What no page gives is still declined."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SAUNA = """# Cliffside Sauna

Our wood-fired sauna stands on the harbour wall and seats ten people. A place in a
shared session is £12; the whole sauna for your group is £80. Bring a towel and flip-flops.
"""
SEWING = """# Taller de Costura Dedal

El curso de costura enseña a arreglar prendas en grupos los lunes y miércoles de 18:00 a
20:00. La mensualidad es de 50 euros y la matrícula de 15 euros.
"""
COMPUTER = """# Kursus Komputer Tekun

Kursus Excel 10 pertemuan. Satu kelas maksimal enam peserta, satu komputer untuk setiap
peserta.
"""
ANSWERED = [
    ("sauna", "How much per person?", "£12"),
    ("sauna", "What should I pack?", "Bring a towel"),
    ("sauna", "How many people fit in the sauna?", "seats ten people"),
    ("sewing", "¿Qué días son las clases?", "los lunes y miércoles"),
    ("sewing", "¿Cuánto es al mes?", "50 euros"),
    ("sewing", "¿Se paga algo al apuntarse?", "matrícula de 15 euros"),
    ("computer", "Sekelas berapa orang?", "maksimal enam peserta"),
]
DECLINED = [
    ("sauna", "en", "What should I bring to the yoga class?"),
    ("sewing", "es", "¿Cuánto cuesta el curso de patronaje?"),
    ("computer", "id", "Berapa orang pengajarnya?"),
]


def test_people_packing_prices_per_head_and_kin_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Kin words")
    made = assistant_per_kb(
        org,
        {
            "sauna": {"Sauna": SAUNA},
            "sewing": {"Costura": SEWING},
            "computer": {"Kursus": COMPUTER},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
