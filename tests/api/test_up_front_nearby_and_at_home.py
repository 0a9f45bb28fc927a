"""Questions of set DN's kinds, end to end over documents written here. Answered: whether
one pays up front, of a page saying payment is taken once the job is done; whether they
come out to a town no page names, of a page serving within a distance; how long a
service takes, of a sentence that names it only in the one before ("Suele estar lista
en tres días"). Declined: how to do oneself at home what the business does ("¿Cómo se
afila un cuchillo en casa?"); what the weather is now in the town a page names. Each was
answered otherwise by the code before (e97ebf9)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

WINDOWS = {
    "Windows": "We clean windows, frames and sills with purified water on a long pole. A "
    "three-bedroom house costs £25.",
    "Area": "We cover Derby and villages within 10 miles. Payment is by card or cash once "
    "the work is finished.",
}
BIKES = {
    "Revisión": "La revisión completa cuesta 50 euros e incluye frenos, cambios y ruedas "
    "centradas. Suele estar lista en tres días.",
    "Taller": "Reparamos bicicletas de carretera y de paseo en la calle Mayor 3.",
}
KNIVES = {
    "Afilado": "Afilamos cuchillos de cocina y tijeras en el mercado de Ourense los jueves. "
    "Un cuchillo cuesta 4 euros.",
}
ANSWERED = [
    ("windows", "Do I pay up front?", "once the work is finished"),
    ("windows", "Do you come out to Belper?", "within 10 miles"),
    ("bikes", "¿Cuánto tardáis en la revisión?", "tres días"),
]
DECLINED = [
    ("knives", "es", "¿Cómo se afila un cuchillo en casa?"),
    ("knives", "es", "¿Qué tiempo hace en Ourense?"),
]


def test_up_front_nearby_and_at_home(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ventanas y Bicis")
    made = assistant_per_kb(org, {"windows": WINDOWS, "bikes": BIKES, "knives": KNIVES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
