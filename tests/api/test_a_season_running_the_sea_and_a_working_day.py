"""Set FI's rules (2026-12-07): whether a thing is on at a time of year is told by the
months it runs ("Is it on in November?" of "runs every Sunday from April to October");
whether one new to it may join ("¿me puedo apuntar?"); what happens when the sea is
rough is the weather's question ("Kalau ombak besar bagaimana?" of "jika gelombang
tinggi"); whether they do their work on a day ("¿Repartís los sábados?") is told by
the days they work. Which rows the code before (8eb08d9) answered alike is in each
row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

MARKET = {
    "The market": "Eastgate Flea Market runs every Saturday from March to November in the "
    "car park of Eastgate School. Stalls cost £10.",
}
WEAVING = {
    "Cursos": "El taller de cestería Mimbre enseña a tejer cestos de mimbre en Cuenca. "
    "No hace falta experiencia: empezamos desde cero.",
}
BOAT = {
    "Jadwal": "Perahu wisata Teluk Biru berangkat dari Pantai Bama setiap pagi pukul 07.00.",
    "Cuaca": "Perahu tidak berangkat jika gelombang tinggi, dan tiket dikembalikan penuh.",
}
COURIER = {
    "Servicio": "Mensajería Rayo reparte paquetes en moto por Valencia de lunes a viernes "
    "de 9 a 19 h.",
    "Tarifas": "Un envío en la ciudad cuesta 5 euros.",
}
ANSWERED = [
    # (before: declined, being on not read as asking when in the year it runs)
    ("market", "Is it on in December?", "from March to November"),
    # (before: answered too, the month in the sentence's words)
    ("market", "Is it on in November?", "from March to November"),
    # (before: declined, "apuntar" no word of asking)
    ("weaving", "Nunca he tejido, ¿me puedo apuntar?", "No hace falta experiencia"),
    # (before: declined, the sea's waves not read as weather)
    ("boat", "Kalau ombak besar bagaimana?", "jika gelombang tinggi"),
    # (before: declined, whether they deliver on a day not read as asking the days)
    ("courier", "¿Repartís los sábados?", "de lunes a viernes"),
    # (before: answered too)
    ("courier", "¿Cuánto cuesta un envío?", "5 euros"),
]
DECLINED = [
    # a price on a day no page prices is still declined (before: declined too)
    ("courier", "es", "¿Cuánto cuesta un envío un sábado?"),
]


def test_a_season_running_the_sea_and_a_working_day(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Markets, baskets, boats, bikes")
    made = assistant_per_kb(
        org, {"market": MARKET, "weaving": WEAVING, "boat": BOAT, "courier": COURIER}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
