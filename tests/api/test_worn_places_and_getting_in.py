"""Questions asked in other words than the page's, end to end over pages written here.
The first four were declined or misquoted by the code of 912bee1's parent: shoes a
page recommends (it quoted the partner one need not come with), getting in by the page's
"se accede", a shop asked by its kind in Indonesian, a breakdown asked as breaking down;
the next two by the code of the commit after set DR (609c6cc): a charge asked of a page
saying "at no cost", "¿Y si hace mucho viento?" ("mucho" was a term). Beside them,
classes asked with "dais", of the dance the school teaches and of one it does not, and
off-topic questions."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DANCE = {
    "Clases": "Damos clases de salsa cubana los lunes y los miércoles a las 19:30. No hace "
    "falta venir con pareja, porque cambiamos de pareja cada diez minutos.",
    "Qué llevar": "Recomendamos zapatillas ligeras con suela lisa para poder girar.",
    "Al aire libre": "En verano bailamos en la plaza. Si el viento no deja bailar, volvemos "
    "a la sala.",
}
CLIMBING = {
    "Acceso": "Los socios entran con su huella. Se accede de lunes a domingo de 6:30 a "
    "22:30 y la cuota mensual es de 39 euros.",
}
PRINT_SHOP = {
    "Lokasi": "Kami di seberang Pasar Kranggan, buka setiap hari pukul 08.00–20.00.",
    "Harga": "Cetak foto ukuran 4R Rp2.000 per lembar.",
}
HEATERS = {
    "Hire": "We hire patio heaters for £35 a weekend. Every hire includes a breakdown "
    "visit within 48 hours and a full gas bottle.",
}
PARTIES = {
    "Garden parties": "We cater garden parties for up to 60 guests from £20 a head.",
    "Weather": "A party cancelled for bad weather is moved to another weekend at no cost.",
}
ANSWERED = [
    ("dance", "¿Qué calzado hay que llevar?", "zapatillas ligeras"),
    ("climbing", "¿Hasta qué hora puedo entrar?", "22:30"),
    ("print", "Tokonya di mana?", "Pasar Kranggan"),
    ("heaters", "What happens if it breaks down?", "breakdown visit"),
    ("parties", "Is there a charge if the party is cancelled?", "at no cost"),
    ("dance", "¿Y si hace mucho viento?", "volvemos a la sala"),
    ("dance", "¿Dais clases de salsa?", "salsa cubana"),
]
DECLINED = [
    ("dance", "es", "¿Dais clases de bachata?"),
    ("print", "id", "Siapa presiden pertama Indonesia?"),
    ("heaters", "en", "Why do patio heaters need propane?"),
]


def test_questions_in_other_words_than_the_pages_are_answered_and_others_declined(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Other Words")
    made = assistant_per_kb(
        org,
        {
            "dance": DANCE, "climbing": CLIMBING, "print": PRINT_SHOP, "heaters": HEATERS,
            "parties": PARTIES,
        },
    )  # fmt: skip
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
