"""A grown-up's price, asked of a page that sets children apart, is its price for
everyone else ("Tiket dewasa berapa?" of "Tiket masuk Rp20.000. Anak di bawah 5 tahun
gratis."); whether a child is old enough is asked of the age a page gives; the day
something is cheaper is told by the sentence lowering its price, and declined of pages
lowering none."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

LIDO = """# Millpond Lido

Entry costs £6.50. Children under 16 pay £3, and under-5s swim free. The lido is open
every day from May to September, and on Mondays every ticket is half price.
"""
BARBER = """# Barbería El Tupé

Corte de caballero 14 euros, con lavado incluido. Corte infantil, hasta 10 años, 9 euros.
Abrimos de martes a sábado y los jueves, día del cliente, hay un 20 % de descuento.
"""
ZOO = """# Kebun Binatang Mini Ceria

Tiket masuk Rp20.000 per orang. Anak di bawah 5 tahun gratis. Setiap hari Selasa ada
diskon 30 persen untuk semua tiket. Kelas memberi makan hewan untuk anak usia 7 tahun ke
atas.
"""
CLIMBING = """# Crag Lane Climbing Club

Junior climbing sessions run on Saturday mornings. Climbers must be 8 or older, and
every session costs £10.
"""
ROBOTS = """# Taller de Robótica Chispas

El taller es para niños a partir de 10 años y se hace los viernes por la tarde. Cuesta
30 euros al mes.
"""
HIKES = """# Fellside Guided Walks

Our guided walks leave from the village green at 9 am on Saturdays and last about five
hours. Walks cost £15 a person.
"""
ANSWERED = [
    ("lido", "How much does an adult pay?", "£6.50"),
    ("barber", "¿Cuánto pagan los adultos por el corte?", "14 euros"),
    ("zoo", "Harga tiket dewasa berapa?", "Rp20.000"),
    ("climbing", "Is my son old enough to join?", "8 or older"),
    ("robots", "Mi hija tiene nueve años, ¿tiene edad suficiente?", "a partir de 10 años"),
    ("climbing", "Is a six-year-old too young to climb?", "8 or older"),
    # answered before too: a guard of the Indonesian "cukup umur"
    ("zoo", "Anak saya sudah cukup umur untuk kelas memberi makan hewan?", "7 tahun"),
    ("lido", "Which day is cheapest?", "half price"),  # answered before too
    ("barber", "¿Qué día es más barato?", "jueves"),
    ("zoo", "Hari apa yang paling murah?", "Selasa"),
]
DECLINED = [
    ("hikes", "en", "Which day is cheapest?"),
]


def test_adults_prices_old_enough_and_the_cheaper_day(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Cheaper")
    made = assistant_per_kb(
        org,
        {
            "lido": {"Lido": LIDO},
            "barber": {"Barbería": BARBER},
            "zoo": {"Kebun binatang": ZOO},
            "climbing": {"Climbing": CLIMBING},
            "robots": {"Robótica": ROBOTS},
            "hikes": {"Walks": HIKES},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
