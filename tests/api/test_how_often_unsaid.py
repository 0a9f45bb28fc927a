"""How often, asked of pages that say it and of pages that do not, end to end over pages
written here. "How often should I wax my car?" of a valeter whose full valet includes a
wax was answered with its price by the code before (this commit's parent): a quote
saying no time nor how often does not say how often."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

VALETING = {
    "Services": "A mini valet, a hand wash with wheels and windows, costs £25. A full valet "
    "adds a vacuum, seat shampoo and a hand wax and costs £80.",
    "Booking": "We work Tuesday to Sunday, 8am to 5pm, at your home or workplace.",
}
WINDOWS = {
    "Rounds": "We clean the windows of houses in Thornbury every four weeks, and a "
    "three-bedroom house costs £18 a visit.",
}
SWEEPS = {
    "Servicios": "Limpiamos chimeneas y estufas de leña por 90 euros. Recomendamos limpiar "
    "la chimenea una vez al año, antes del invierno.",
}
ANSWERED = [
    ("windows", "How often do you clean the windows?", "every four weeks"),
    ("sweeps", "¿Cada cuánto hay que limpiar la chimenea?", "una vez al año"),
    ("valet", "How much is a full valet?", "£80"),
]
DECLINED = [
    ("valet", "en", "How often should I wax my car?"),
    ("sweeps", "es", "¿Cada cuánto hay que cambiar la estufa de leña?"),
]


def test_how_often_is_answered_only_by_a_quote_saying_it(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Shine and Sweep")
    made = assistant_per_kb(org, {"valet": VALETING, "sweeps": SWEEPS, "windows": WINDOWS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
