"""Set FE's rules (2026-12-07): "How long is ...?" asks a length or a time, so a quote
giving neither (nor any figure) does not answer it; "¿Qué espacio hace falta?" asks the
room needed, and "¿... para niños de qué edad?" the age. Which rows the code before
(8eb08d9) answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BOATS = {
    "The wharf": "Our hire boats leave from Foxton Locks on the Leicester line of the Grand "
    "Union Canal, beside the inn.",
    "Trips": "A return trip to Market Harborough takes about five hours. The Foxton "
    "towpath walk is a 3 mile loop past the ten locks.",
    "Hire": "A boat for up to ten people costs £180 a day, fuel included.",
}
CASTLES = {
    "Castillos": "Alquilamos castillos hinchables para cumpleaños en Zaragoza. Cada "
    "castillo está pensado para niños de 3 a 10 años y se monta en media hora.",
    "Montaje": "Para montarlo necesitamos un espacio llano de cinco por cinco metros y "
    "un enchufe a menos de 20 metros.",
}
ANSWERED = [
    # (before: declined, "qué espacio" not read as asking the room needed)
    ("castles", "¿Qué espacio hace falta?", "cinco por cinco metros"),
    # (before: declined, "niños/críos de qué edad" not read as asking an age)
    ("castles", "¿Es apropiado para niños de qué edad?", "de 3 a 10 años"),
    ("castles", "¿Vale para críos de qué edad?", "de 3 a 10 años"),
    # (before: answered too) the room asked otherwise, the age asked of the castle, and a
    # length or a time the pages give
    ("castles", "¿Qué sitio necesitáis para montarlo?", "cinco por cinco metros"),
    ("castles", "¿Para chicos de qué edad es el castillo?", "de 3 a 10 años"),
    ("boats", "How long is the towpath walk?", "3 mile loop"),
    ("boats", "How long is the trip to Market Harborough?", "about five hours"),
]
DECLINED = [
    # (before: answered with the wharf's sentence, which names the canal)
    ("boats", "en", "How long is the Grand Union Canal?"),
    # (before: declined too)
    ("boats", "en", "How long is the Leicester line?"),
]


def test_how_long_it_is_and_the_room_needed(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Boats and castles")
    made = assistant_per_kb(org, {"boats": BOATS, "castles": CASTLES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
