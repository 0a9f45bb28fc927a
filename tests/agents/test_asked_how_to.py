"""How to do what no page speaks of (agents/asked_how_to.py)."""

from __future__ import annotations

from agents.asked_how_to import how_to_unheld

FARM = [
    "Kebun Stroberi di Ciwidey buka setiap hari pukul 08.00 sampai 17.00.",
    "Stroberi yang dipetik sendiri dibayar Rp80.000 per kilogram.",
]
PARTY = ["We bring a balloon artist and a bouncy castle to your party.", "Book online."]
TALLER = ["Ajustamos guitarras y bajos.", "Pide cita por teléfono."]


def test_how_to_do_what_no_page_speaks_of() -> None:
    assert how_to_unheld("Bagaimana cara menanam stroberi di pot?", FARM) == "menanam"
    assert how_to_unheld("How do you make a balloon dog?", PARTY) == "make"
    assert how_to_unheld("¿Cómo se afina una guitarra de oído?", TALLER) == "afina"


def test_how_to_do_what_a_page_speaks_of_or_naming_nothing_else() -> None:
    # the doing is on a page
    assert how_to_unheld("How do I book a party?", PARTY) is None
    assert how_to_unheld("¿Cómo pido cita?", TALLER) is None
    # nothing named but the doing: the page's way, in its own words
    assert how_to_unheld("How do I join?", PARTY) is None
    assert how_to_unheld("Bagaimana cara memesan?", FARM) is None
    # not a question of how to
    assert how_to_unheld("What time do you open?", PARTY) is None
