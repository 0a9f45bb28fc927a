"""An age given as "over 18s only" or what one "must be"; calling on a day, of a line open
all day; where a market is set up and where to take a thing, asked bare; a feed's price
asked by its "-nya"; the old asked by a grandmother; and what the pages leave out
declined."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DISCO = {
    "Nights": "Skate disco nights run on Fridays from 7pm to 10pm, over 18s only.",
    "Contact": "Our helpline answers 24 hours a day, weekends included.",
    "Course": "The skating course runs over five Saturdays. You must be 12 on the first day.",
}
MARKET = {
    "Dónde": "El rastro se monta cada sábado de 9:00 a 14:00 en la plaza Mayor.",
    "Donar": "Recogemos libros y juguetes usados en la biblioteca los lunes por la tarde.",
}
PARK = {
    "Tiket": "Tiket masuk Rp10.000 per orang, buka setiap hari.",
    "Pakan": "Pakan ikan koi dijual Rp3.000 per bungkus di loket.",
}
BARBER = {
    "Layanan": "Tukang cukur kami datang ke rumah untuk potong rambut anak dan lansia.",
    "Harga": "Potong rambut dewasa Rp35.000, anak Rp25.000.",
}
ANSWERED = [
    ("disco", "Can my 15 year old come on a Friday night?", "over 18s only"),
    ("disco", "Can I ring you on a Sunday night?", "24 hours a day"),
    ("disco", "My son is 10, can he do the course?", "must be 12"),
    ("market", "¿Dónde se monta?", "plaza Mayor"),
    ("market", "¿Dónde llevo los libros que ya no leo?", "en la biblioteca"),
    ("park", "Pakannya berapa?", "Rp3.000"),
    ("barber", "Bisa potong rambut kakek saya?", "lansia"),
]
DECLINED = [
    ("disco", "en", "Can I buy skates from you?"),
    ("market", "es", "¿Se puede pagar con tarjeta en los puestos?"),
    ("park", "id", "Ada harimau?"),
]


def test_an_age_over_a_call_on_a_day_and_where_it_is_set_up(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Overeighteen")
    made = assistant_per_kb(org, {"disco": DISCO, "market": MARKET, "park": PARK, "barber": BARBER})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
