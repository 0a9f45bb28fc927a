"""How many may come, of a page giving only its groups' size: by the code before
(24f6c29) "How many people can come?" of "... for groups of 4 to 12" was declined, no
sentence read as giving a number of people. A sentence giving a price by the group
("Group bookings get 10% off") gives none; the other rows pass on both."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

AXES = {
    "Sessions": "Our sessions last 90 minutes with a coach in each lane, for groups of 4 "
    "to 12. Everyone throws from the first ten minutes.",
    "Prices": "Sessions cost £25 a person. Group bookings get 10% off on weekdays.",
}
RIDING = {
    "Clases": "Damos clases de equitación en grupos de hasta 5 jinetes. Prestamos el casco.",
    "Tarifas": "La clase de una hora cuesta 30 euros.",
}
ANSWERED = [
    ("axes", "How many people can come?", "groups of 4 to 12"),
    ("axes", "How much per person?", "£25"),
    ("riding", "¿Cuántos alumnos hay por clase?", "grupos de hasta 5"),
]
DECLINED = [
    ("axes", "en", "Is there a bar?"),
]


def test_a_groups_size_says_how_many_may_come(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Groups")
    made = assistant_per_kb(org, {"axes": AXES, "riding": RIDING})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
