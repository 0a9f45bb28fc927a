"""Set FC's rules (2026-12-07): a capacity is a size ("What size is the battery?" of "a
100 Ah battery", a moped's "125 cc"), and whether a child who turns an age is the
right age is answered by the ages the page gives. Which rows the code before (5eff186)
answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SCOOTERS = {
    "Scooters": "Every electric scooter we hire has a 36 V battery of 10 Ah and a top "
    "speed of 15 mph. A day's hire is £25.",
    "Mopeds": "Our petrol mopeds are 125 cc and need a full driving licence.",
}
PUPPETS = {
    "Shows": "The Paper Lantern puppet show is for children aged 3 to 7 and lasts forty "
    "minutes. We perform in schools, libraries and village halls.",
    "Booking": "A show costs £180 within 20 miles of Norwich.",
}
ANSWERED = [
    # (before: declined, no size read in "10 Ah", "125 cc")
    ("scooters", "What size is the scooter battery?", "10 Ah"),
    ("scooters", "What size are the mopeds?", "125 cc"),
    # (before: declined, "right", "suitable" and "turns" terms no page holds); one too old
    # is told the ages all the same
    ("puppets", "My daughter turns 6, is she the right age for it?", "aged 3 to 7"),
    ("puppets", "My daughter turns 8, is she the right age?", "aged 3 to 7"),
    ("puppets", "Our grandson turns 4, is that a suitable age?", "aged 3 to 7"),
    # (before: answered too)
    ("puppets", "My son turns 5, is he the right age for the puppet show?", "aged 3 to 7"),
    ("puppets", "How long is the show?", "forty minutes"),
]
DECLINED = [
    # a size asked of pages giving none is still declined (before: declined too)
    ("puppets", "en", "What size is your puppet theatre?"),
]


def test_a_capacity_is_a_size_and_the_right_age_is_the_age(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Hire and shows")
    made = assistant_per_kb(org, {"scooters": SCOOTERS, "puppets": PUPPETS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
