"""The price of getting in ("How much does it cost to get in?", "¿Cuánto cuesta
entrar?") is the page's entry price, not another price on it; two weekends are a length of
time ("¿Cuánto dura el curso?" of "dura dos fines de semana")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PUMPKINS = {
    "Picking": "The pumpkin patch opens every day from 28 September to 31 October, 10 am "
    "to 5 pm. Entry is £4 per person, and under-2s go free.",
    "Good to know": "Wheelbarrows and knives for cutting stems are provided. Dogs on "
    "leads are welcome in the patch but not in the café.",
}
CASTLE = {
    "Visitas": "El castillo abre de martes a domingo de 10:00 a 18:00. La entrada general "
    "cuesta 8 euros y los menores de 6 años no pagan.",
    "Historia": "La torre del homenaje se construyó en el siglo XIV y se restauró en 1990.",
}
POTTERY = {
    "Curso": "El curso de torno para principiantes dura dos fines de semana, con clases "
    "de 10:00 a 14:00, y cuesta 160 euros con el barro y las cocciones incluidos.",
    "Taller": "El taller está en la calle Alfarería 8. Las piezas se recogen tres semanas "
    "después del curso, cuando ya están cocidas.",
}
ANSWERED = [
    ("pumpkins", "How much does it cost to get in?", "£4 per person"),
    ("castle", "¿Cuánto cuesta entrar?", "8 euros"),
    ("pottery", "¿Cuánto dura el curso?", "dos fines de semana"),
]
DECLINED = [
    ("pumpkins", "en", "How much does it cost to park?"),  # declined before too: a guard
]


def test_getting_in_and_two_weekends(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Entry")
    made = assistant_per_kb(org, {"pumpkins": PUMPKINS, "castle": CASTLE, "pottery": POTTERY})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
