"""Facts a page gives in words the rules did not read (set ES's pedal boats, second-hand
bikes, watch repairer and forest school, in pages written here): where a place on a
named water is ("en el pantano de Entrepeñas"), whether it is still open in a month past
a season from Easter ("de Semana Santa a finales de septiembre"), whether they send to a
named city of a page sending nowhere ("No hacemos envíos", asked by "mandar"), what the
cheapest costs, on which floor a kiosk is, and the ratio of staff to children; and
whether they send to Spain's islands, of a page sending "a toda la península", which
leaves them out. Which rows the code before (88859b8) answered alike is in each row's
comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BOATS = {
    "Barcas": "Alquilamos hidropedales en el pantano de Entrepeñas, en Sacedón. Abrimos de "
    "Semana Santa a finales de septiembre, de 11:00 a 19:00. Una hora cuesta 18 euros.",
}
BIKES = {
    "Tienda": "Vendemos patinetes eléctricos de segunda mano revisados, desde 150 euros. "
    "No hacemos envíos: el patinete se recoge en la tienda de Murcia.",
}
KIOSK = {
    "Layanan": "Kami melayani sol sepatu dan ganti hak di Mal Paragon Semarang lantai 3. "
    "Sol sepatu mulai Rp60.000.",
}
OIL = {
    "Envíos": "Vendemos aceite de oliva virgen extra en latas de 5 litros por 40 euros. "
    "Hacemos envíos a toda la península en 48 horas.",
}
NURSERY = {
    "Sessions": "Our outdoor nursery is for children aged 2 to 4. Sessions are led by "
    "trained practitioners, with one adult for every four children.",
}
ANSWERED = [
    # (before: declined)
    ("boats", "¿Dónde estáis exactamente?", "pantano de Entrepeñas"),
    ("boats", "¿Seguís abiertos en octubre?", "de Semana Santa a finales de septiembre"),
    ("bikes", "¿Me lo mandáis a Sevilla?", "No hacemos envíos"),
    ("kiosk", "Kiosnya di lantai berapa?", "lantai 3"),
    ("nursery", "What is the ratio of staff to children?", "one adult for every four children"),
    ("oil", "¿Me mandáis una lata a Zaragoza?", "toda la península"),
    # (before: answered too, of this page)
    ("bikes", "¿Cuánto cuesta la más barata?", "desde 150 euros"),
]
DECLINED = [
    # (before: declined too)
    ("bikes", "es", "¿Vendéis bicicletas de montaña?"),
    ("kiosk", "id", "Bisa servis tas kulit?"),
    # (before: answered with the peninsula, which leaves the islands out)
    ("oil", "es", "¿Enviáis a Mallorca?"),
    # (before: declined too, "mandáis" being no word of the page's)
    ("oil", "es", "¿Me mandáis una lata a Tenerife?"),
]


def test_a_page_giving_a_fact_in_its_own_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Boats, bikes, kiosk, nursery")
    made = assistant_per_kb(
        org,
        {"boats": BOATS, "bikes": BIKES, "kiosk": KIOSK, "oil": OIL, "nursery": NURSERY},
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
