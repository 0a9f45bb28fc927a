"""Set FH's rules (2026-12-07): "¿Cuánto se tarda en hacer...?" and "How long does it
take to get through?" ask how long, the doing no thing a length must name; whether
someone no page names gets a discount, asked in Indonesian ("Pelajar dapat potongan
harga?"), is declined as in English and Spanish. Which rows the code before (8eb08d9)
answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

WALKS = {
    "La ruta": "La ruta de las cascadas sale de la plaza de Somaén y es circular. "
    "Recorrerla lleva unas tres horas a paso tranquilo.",
    "The maze": "Our willow maze covers half an acre behind the tea room. Most visitors "
    "take twenty minutes to find the middle.",
}
MUSEUM = {
    "Tiket": "Tiket masuk Museum Kereta Api Rp20.000 untuk dewasa dan Rp10.000 untuk "
    "anak-anak umur 3 sampai 12 tahun.",
    "Jam buka": "Museum buka Selasa sampai Minggu pukul 09.00 sampai 16.00.",
}
ANSWERED = [
    # (before: declined, "se tarda" and "hacer" not read as asking how long)
    ("walks", "¿Cuánto se tarda en hacer la ruta?", "unas tres horas"),
    # (before: declined, "through" a word no page holds)
    ("walks", "How long does it take to get through?", "twenty minutes"),
    # (before: answered too) whom a page prices gets the price
    ("museum", "Anak-anak dapat diskon?", "Rp10.000 untuk anak-anak"),
]
DECLINED = [
    # (before: answered with the adults' and the children's prices)
    ("museum", "id", "Pelajar dapat potongan harga tiket?"),
    # (before: declined too)
    ("museum", "id", "Lansia dapat diskon?"),
]


def test_how_long_to_do_it_and_who_gets_a_discount(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Walks and a museum")
    made = assistant_per_kb(org, {"walks": WALKS, "museum": MUSEUM})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
