"""A question on what the world knows of a service's subject ("¿Quién fabricó la
primera bicicleta de montaña?" of a bike workshop) is not answered with the sentence that names the subject:
the not-found message, in the question's language. A page that reads like a reference
work's (a mill's history) still answers such questions, and so does a page holding every
word of one ("¿Cuándo se fundó la cofradía?")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BAKERY = {
    "Bread": "We bake sourdough, rye and seeded loaves every morning from 6 am. A "
    "sourdough loaf costs £4.20 and a rye loaf £3.80.",
    "Orders": "Birthday cakes are made to order with three days' notice. We deliver "
    "within two miles of the shop for £3.",
}
BIKES = {
    "Taller": "Reparamos bicicletas de carretera, de montaña y eléctricas. Una revisión "
    "completa cuesta 45 euros y tarda dos días.",
    "Tienda": "Vendemos cascos, luces y candados. Abrimos de lunes a sábado de 10:00 a 20:00.",
}
BATIK = {
    "Kursus": "Kursus membatik tulis berlangsung tiga jam dan biayanya Rp150.000 per "
    "orang, sudah termasuk kain dan canting.",
    "Lokasi": "Sanggar kami ada di Jalan Malioboro 12, Yogyakarta, dan buka setiap hari "
    "pukul 09.00 sampai 17.00.",
}
MILL = {
    "The mill": "Hale's Mill was built in 1820 by Thomas Hale and ground corn until "
    "1932. It was restored by the Hale's Mill Trust in 1998.",
    "Visiting": "The mill opens on Sundays from 11 am to 4 pm, and entry is free.",
}
BROTHERHOOD = {
    "Historia": "La cofradía se fundó en 1604 y sale en procesión el Jueves Santo.",
    "Hermanos": "La cuota de hermano es de 20 euros al año.",
}
ANSWERED = [
    ("bakery", "How much is a sourdough loaf?", "£4.20"),
    ("bikes", "¿Cuánto cuesta una revisión?", "45 euros"),
    ("batik", "Berapa biaya kursus membatik?", "Rp150.000"),
    ("mill", "When was the mill built?", "1820"),
    ("mill", "Who restored the mill?", "Hale's Mill Trust"),
    ("brotherhood", "¿Cuándo se fundó la cofradía?", "1604"),
]
DECLINED = [
    ("bakery", "en", "Why does sourdough bread taste sour?"),
    ("bikes", "es", "¿De qué material se fabrican los cascos?"),
    ("bikes", "es", "¿Quién fabricó la primera bicicleta de montaña?"),
    ("bikes", "es", "¿Qué significa la palabra bicicleta?"),
    ("batik", "id", "Siapa pahlawan dari Yogyakarta?"),
    # declined before the readings too: guards
    ("bakery", "en", "Where was sourdough first made?"),
    ("batik", "id", "Dari daerah mana batik berasal?"),
]


def test_questions_asked_at_large(platform: Flask) -> None:
    org = create_org(platform.test_client(), "At large")
    made = assistant_per_kb(
        org,
        {
            "bakery": BAKERY,
            "bikes": BIKES,
            "batik": BATIK,
            "mill": MILL,
            "brotherhood": BROTHERHOOD,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
