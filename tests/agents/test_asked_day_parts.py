"""A part of the day asked of pages that give none like it (agents/asked_day_parts.py)."""

from __future__ import annotations

from agents.asked_day_parts import holds_part, part_unheld, parts_asked

PAINTING = [
    "Kelas dewasa setiap Minggu pukul 10.00 sampai 12.00, kelas anak setiap Sabtu sore.",
    "Biaya kelas Rp350.000 untuk empat pertemuan dalam sebulan.",
]
FLIGHTS = ["El vuelo dura entre 20 y 30 minutos, según el viento. El vuelo cuesta 110 euros."]


def test_a_part_of_the_day_no_page_gives() -> None:
    """Set EX's first run answered both with the sentence on the thing at another time."""
    assert part_unheld("Kelas dewasa ada yang malam?", PAINTING)
    assert part_unheld("¿Hay vuelos al atardecer?", FLIGHTS)
    assert part_unheld("Do you do afternoon treks?", ["A morning trek starts at 10 am."])


def test_a_part_the_pages_give_by_name_or_by_the_hours() -> None:
    assert not part_unheld("Ada kelas pagi?", PAINTING)  # 10.00 to 12.00
    assert not part_unheld("¿Hay clases por la tarde?", PAINTING)  # "sore"
    assert not part_unheld("Is there an evening class?", ["Classes are on Thursdays at 7 pm."])
    assert not part_unheld("Is there an evening class?", ["Open 8 am to 8 pm."])
    assert not part_unheld("¿Hay clases por la tarde?", ["Abierto de lunes a viernes de 9 a 18."])
    assert not part_unheld("Is there a cheaper evening rate?", ["Twilight golf after 4 pm: £25."])
    assert not part_unheld("Can I get in at night?", ["Members have 24-hour access."])
    assert not part_unheld("¿Hay clases de tarde?", ["Las clases son dos tardes por semana."])
    # a price's figures are no times
    assert not holds_part("Rp40.000 per orang, £10.50 per hour.", (17, 22))


def test_what_asks_no_part_of_the_day() -> None:
    for question in (
        "Buenas tardes, ¿tenéis clases?",  # a greeting
        "Good evening, do you have classes?",
        "Can we stay two nights?",  # nights counted
        "¿Cuántas noches como mínimo?",
        "Harganya termasuk makan pagi?",  # a meal
        "¿Mañana abrís?",  # tomorrow
        "Can I have a drink the night before?",
        "Si mi conejo se pone malo de noche, ¿qué hago?",  # the asker's moment
        "Truknya bisa dateng sore ini?",
        "¿Las clases son por la mañana?",  # when the one thing is: its time answers
    ):
        assert parts_asked(question) == [], question


def test_with_two_parts_named_one_held_is_enough() -> None:
    """One may be the asker's own: "Trabajo por las mañanas, ¿hay clases de tarde?"."""
    pages = ["Las clases son presenciales dos tardes por semana."]
    assert not part_unheld("Trabajo por las mañanas, ¿hay clases de tarde?", pages)
