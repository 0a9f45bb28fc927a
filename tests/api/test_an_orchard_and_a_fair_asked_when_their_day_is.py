"""When a day of the year is, asked of pages that price other things beside it: "When is
Apple Day?" of "Our Apple Day is held in mid-October" (set EP's community orchard, in
pages written here). By the code before (37afb9e) the answerer preferred the sentences
with figures in them (the juice's and the membership's prices: a "when" asks a
quantity), quoted those, and the reply was declined as saying no time; a month, a season
or a weekday now counts as a figure when the question asks when. The other rows read
alike before: the weekday's sentence has "10 am", and the Spanish fair's month sentence
was chosen over its prices by the words it shares."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

ORCHARD = {
    "Apple Day": "Our Apple Day is held in mid-October. Bring your own apples to press into "
    "juice; bottles are 50p each. Membership is £12 a year and members get first pick of "
    "the fruit.",
    "Volunteering": "Work parties meet on the first Saturday of each month at 10 am.",
}
FAIR = {
    "Feria": "Nuestra feria del libro se celebra a finales de abril. La entrada cuesta 3 "
    "euros y los menores de 12 años entran gratis. Cada puesto se alquila por 40 euros.",
}
ANSWERED = [
    ("orchard", "When is Apple Day?", "mid-October"),
    ("orchard", "When do work parties meet?", "first Saturday of each month"),
    ("fair", "¿Cuándo es la feria del libro?", "finales de abril"),
]


def test_a_day_of_the_year_asked_beside_prices(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Orchard and fair")
    made = assistant_per_kb(org, {"orchard": ORCHARD, "fair": FAIR})
    assert_answers(org, ANSWERED, [], assistants=made)
