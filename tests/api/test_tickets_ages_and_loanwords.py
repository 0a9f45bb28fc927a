"""A sentence on tickets prices what the sentence before it names ("Cellar tours run on
Saturdays ... Tickets are £15" answers "How much does a tour cost?"); asked whether one
may bring someone of an age, "18 or over" gives the age; a Spanish loanword is one
word in the singular and the plural ("kit" of "kits")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CELLAR = {
    "Tours": "Cellar tours run on Saturdays at 3 pm and last an hour. Tickets are £15 and "
    "include a tasting of three wines.",
    "Rules": "Guests must be 18 or over to join a tour. Please wear flat shoes.",
}
SHOP = {
    "Tienda": "Vendemos kits de cultivo de setas desde 25 euros y sustratos ecológicos.",
    "Envíos": "Enviamos a toda España en 48 horas.",
}
ANSWERED = [
    ("cellar", "How much does a tour cost?", "Tickets are £15"),
    ("cellar", "Can I bring my 16-year-old son?", "18 or over"),
    ("shop", "¿Cuánto vale un kit?", "desde 25 euros"),
]
DECLINED = [  # a thing of its own still needs its own words
    ("shop", "es", "¿Vendéis macetas de barro?"),
]


def test_tickets_ages_and_loanwords(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Tickets")
    made = assistant_per_kb(org, {"cellar": CELLAR, "shop": SHOP})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
