"""Facts a page gives in words the rules did not read (set EU's balloon flights, becak
tours, bouldering wall, foraging walks and calligraphy school, in pages written here):
a time of day by the sun ("al amanecer"), where one meets or sets off from ("¿En qué sitio
nos vemos?", "Mulainya dari mana?" of "berangkat dari depan Gedung Juang"), what to wear
for the page's own activity ("¿Qué me pongo para montar?"), whether to bring one's own
("Kuasnya bawa sendiri?"), how many come, of groups "no bigger than eight", a child alone
("by herself"), a term's price of "la matrícula trimestral", learning what a page
teaches, and a kind of what they teach that no page names ("¿Dais clases de violín?"). Which rows the code before (883894c) answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

RIDES = {
    "Paseos": "Hacemos paseos a caballo por la playa de Sanlúcar al amanecer, cuando la "
    "arena está fresca. Quedamos en la plaza del Cabildo media hora antes de la salida del "
    "sol. Hay que llevar pantalón largo y calzado cerrado.",
}
TOUR = {
    "Tur": "Tur jalan kaki keliling kota tua Tangerang berangkat dari depan Gedung Juang "
    "setiap hari Minggu. Tiket Rp50.000 per orang.",
}
PAINTING = {
    "Kelas": "Kelas melukis cat air untuk dewasa setiap Sabtu sore. Kuas, cat dan kertas "
    "disediakan, peserta cukup datang.",
}
CRAYONS = {
    "Kelas": "Kelas mewarnai untuk anak setiap Minggu pagi. Krayon disediakan.",
}
ORIENTEERING = {
    "Courses": "Wren Hill Orienteering sets out courses in Bramley Woods every Saturday. "
    "Groups are no bigger than eight. Under-12s must run with an adult.",
}
GUITAR = {
    "Clases": "Enseñamos guitarra clásica y flamenca en la calle Real 3 de Écija. La "
    "matrícula trimestral cuesta 120 euros.",
}
ANSWERED = [
    # (before: declined)
    ("rides", "¿En qué sitio nos vemos?", "plaza del Cabildo"),
    ("tour", "Mulainya dari mana?", "depan Gedung Juang"),
    ("painting", "Kuasnya bawa sendiri?", "Kuas, cat dan kertas disediakan"),
    ("orienteering", "How many people are in a group?", "no bigger than eight"),
    ("orienteering", "Can my 10 year old run by herself?", "Under-12s must run with an adult"),
    ("guitar", "¿Cuánto cuesta el trimestre?", "120 euros"),
    ("rides", "¿Qué me pongo para montar a caballo?", "pantalón largo y calzado cerrado"),
    # (before: answered too, of these short pages)
    ("guitar", "¿Se aprende flamenco?", "guitarra clásica y flamenca"),
    ("rides", "¿A qué hora son los paseos?", "al amanecer"),
]
DECLINED = [
    # (before: declined too)
    ("crayons", "id", "Kuasnya bawa sendiri?"),
    ("guitar", "es", "¿Cuánto cuesta al mes?"),
    # (before: answered with the guitar lessons, of another instrument)
    ("guitar", "es", "¿Dais clases de violín?"),
]


def test_a_page_giving_a_fact_in_its_own_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Rides, tour, orienteering, guitar")
    made = assistant_per_kb(
        org,
        {
            "rides": RIDES,
            "tour": TOUR,
            "painting": PAINTING,
            "crayons": CRAYONS,
            "orienteering": ORIENTEERING,
            "guitar": GUITAR,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
