"""Something asked for children of pages that never speak of children nor of any age is
declined ("Do you run classes for kids?" of an evening pottery class); where a page
speaks of them, it is answered as before ("How much is a haircut for children?" of "children
under 12 are cut for £11")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

POTTERY = """# Wheelhouse Pottery

Our evening pottery classes run on Tuesdays and Thursdays from 7 to 9 pm. A course of
six classes costs £120, clay and firing included.
"""
BARBER = """# Iron Comb Barbers

A haircut costs £17; children under 12 are cut for £11 on weekdays.
"""
IDIOMAS = """# Academia de Idiomas Lingua

Clases de inglés y francés en grupos de ocho alumnos, los lunes y miércoles por la tarde.
"""
KURSUS = """# Kursus Bahasa Inggris Cakra

Kelas percakapan bahasa Inggris setiap Selasa dan Kamis pukul 19.00.
"""
ANSWERED = [
    ("barber", "How much is a haircut for children?", "£11"),
    ("pottery", "When are the classes?", "Tuesdays and Thursdays"),
]
DECLINED = [
    ("pottery", "en", "Do you run classes for kids?"),
    ("idiomas", "es", "¿Hay clases para niños?"),
    ("kursus", "id", "Ada kelas untuk anak SD?"),
]


def test_for_children_of_pages_silent_on_them(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Children")
    made = assistant_per_kb(
        org,
        {
            "pottery": {"Pottery": POTTERY},
            "barber": {"Barber": BARBER},
            "idiomas": {"Idiomas": IDIOMAS},
            "kursus": {"Kursus": KURSUS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
