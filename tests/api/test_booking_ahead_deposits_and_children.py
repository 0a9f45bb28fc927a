"""When to book, asked as when one should ("¿Cuándo debería reservar...?"), is told by the
notice a page asks for; a price asked is not the deposit's ("How much is a week?" quotes
the week's price, not the sentence whose one amount is the deposit); whether children
may come, asked of pages that never speak of children nor of an age, is declined."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org, reply_to

# two pages, as a small shop writes them
COSTUME_HIRE = """Alquilamos trajes de fiesta de la talla 36 a la 50 para bodas y ferias. El
alquiler cuesta 55 euros por tres días. Se deja una fianza de 40 euros que se devuelve al
entregar el traje."""
COSTUME_FITTINGS = """Las pruebas son con cita previa, de lunes a viernes por la tarde.
Conviene reservar con tres semanas de antelación, porque en mayo hay mucha demanda."""
COTTAGE = """# Brook End Cottage

A week in the cottage costs from £520, and short breaks of three nights from £260.
A deposit of £100 secures the booking, and the rest is due four weeks before you arrive.
"""
BEES = """# Escuela de Apicultura El Panal

El curso de iniciación dura dos fines de semana y cuesta 140 euros. Hay que venir con
pantalón largo y botas. Los antiguos alumnos pueden comprar su primera colmena con
descuento.
"""
HIKES = """# Fellside Guided Walks

Our guided walks leave from the village green at 9 am on Saturdays and last about five
hours. Bring waterproofs and a packed lunch. Walks cost £15 a person.
"""
ANSWERED = [
    ("costumes", "¿Cuándo debería reservar el traje para la feria?", "tres semanas"),
]
DECLINED = [
    ("bees", "es", "¿Pueden venir niños?"),
    ("hikes", "en", "Can kids join the walk?"),  # declined before too: a guard
]


def test_when_to_book_a_price_not_a_deposit_and_children_taking_part(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ahead")
    made = assistant_per_kb(
        org,
        {
            "costumes": {"Alquiler": COSTUME_HIRE, "Pruebas": COSTUME_FITTINGS},
            "cottage": {"Cottage": COTTAGE},
            "bees": {"Apicultura": BEES},
            "hikes": {"Walks": HIKES},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
    reply = reply_to(org, "How much is a week?", assistant=made["cottage"], conversation="w")
    assert reply["found"] is True and "£520" in reply["answer"], reply
    assert "deposit" not in reply["answer"], reply
