"""Whether they take the old one away, asked as getting rid of it: by the code before
(17be84c) "Do you get rid of the old tyres?" of "Every fitting includes ... disposal of
the old tyres" was declined, "rid" read as a thing no page names. A thing they do not
take is still declined; the other rows pass on both."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TYRES = {
    "Service": "We fit car and van tyres at your home or workplace across Leeds. Every "
    "fitting includes new valves, balancing and disposal of the old tyres.",
    "Prices": "Fitting costs £15 a tyre on top of the tyre price. Puncture repairs are £20.",
}
ANSWERED = [
    ("Do you get rid of the old tyres?", "disposal of the old tyres"),
    ("How much is fitting?", "£15 a tyre"),
]
DECLINED = [
    ("en", "Do you get rid of old car batteries?"),
]


def test_getting_rid_of_the_old_one_asks_whether_they_take_it(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Old tyres")
    made = assistant_per_kb(org, {"tyres": TYRES})
    assert_answers(
        org,
        [("tyres", *row) for row in ANSWERED],
        [("tyres", *row) for row in DECLINED],
        assistants=made,
    )
