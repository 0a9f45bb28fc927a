"""What buying a thing costs, asked of a service that never speaks of selling: by the code
before (1481561) "¿Cuánto cuesta comprar un caballo?" of a riding school was answered
with its rides' price, and "How much does it cost to buy a campervan?" of a campervan hire
with its daily rates. A page that sells the thing answers it; the pages' own prices are
answered as before (those rows pass on both)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

RIDING = {
    "Clases": "Damos clases de equitación a partir de 6 años, en grupos de como máximo 5 "
    "jinetes. Prestamos el casco.",
    "Tarifas": "La clase de una hora cuesta 30 euros. Las rutas a caballo por el pinar "
    "duran dos horas y cuestan 45 euros.",
}
CAMPERS = {
    "Vans": "We hire out four-berth campervans with a kitchen, a shower and heating, "
    "from our yard in Kendal.",
    "Rates": "A campervan costs £95 a day in low season and £140 a day in August. The "
    "minimum hire is three days.",
}
SADDLERY = {
    "Shop": "Our shop sells new and second hand saddles, bridles and riding boots. A "
    "second hand general purpose saddle costs from £250.",
}
ANSWERED = [
    ("riding", "¿Cuánto cuesta una clase?", "30 euros"),
    ("riding", "¿Cuánto cuesta la ruta a caballo?", "45 euros"),
    ("campers", "How much is a campervan a day in August?", "£140"),
    ("saddlery", "How much does it cost to buy a saddle?", "£250"),
]
DECLINED = [
    ("riding", "es", "¿Cuánto cuesta comprar un caballo?"),
    ("campers", "en", "How much does it cost to buy a campervan?"),
]


def test_what_buying_costs_is_answered_only_where_things_are_sold(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Buying, asked of a service")
    made = assistant_per_kb(org, {"riding": RIDING, "campers": CAMPERS, "saddlery": SADDLERY})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
