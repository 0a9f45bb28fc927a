"""Questions of set DI's kinds, end to end over documents written here: what a thing is
or is made of, asked of a page that only names it ("Apa itu galvalum?", "What is glass
made from?"), what there is to see in the page's town ("¿Qué ver en Nava?"), and a place
asked whether it is served that no page names ("Melayani Salatiga?"), each answered by
the code before them with the nearest sentence; a place that is named, asked with the
kind of area it is ("Melayani daerah Ungaran?"), and "¿Dónde estáis?" of a page saying
what the place is and where ("Somos una sidrería familiar en Nava"), and a price for a
child of an age given after the visit's ("Los niños menores de doce años entran
gratis"), each declined by it; a visit asked "en inglés" of a page speaking of no
language, answered by it. A page defining what it is asked ("Gift Aid lets us claim...")
still answers."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

GUTTERS = """# Talang Kokoh

Kami memasang talang air galvalum dan PVC untuk rumah dan ruko di Semarang dan Ungaran.
Survei dan pengukuran gratis.
"""
CIDER = """# Sidrería El Llagar

Somos una sidrería familiar en Nava, Asturias. Servimos cachopo, fabada y quesos de la
zona. Abrimos de miércoles a domingo.
"""
VISITS = """# Visitas

Los sábados a las 11:00 hacemos visita guiada al llagar con cata de tres sidras, por 9 €
por persona. Los niños menores de doce años entran gratis.
"""
GLASS = """# Ashby Glass

We replace misted double-glazed units in windows and doors across Harrogate. A standard
window unit costs from £85 fitted.
"""
CHARITY = """# Giving

Gift Aid lets us claim an extra 25p for every £1 you give, at no cost to you.
"""
ANSWERED = [
    ("gutters", "Melayani daerah Ungaran?", "Ungaran"),
    ("cider", "¿Dónde estáis?", "Nava, Asturias"),
    # a price for children of an age goes on from the visit's price before it
    ("cider", "¿Cuánto cuesta la visita para un niño de ocho años?", "gratis"),
    ("charity", "What is Gift Aid?", "an extra 25p"),
]
DECLINED = [
    ("gutters", "id", "Apa itu galvalum?"),
    ("gutters", "id", "Melayani Salatiga?"),
    ("cider", "es", "¿Qué ver en Nava?"),
    ("cider", "es", "¿Qué es el cachopo?"),
    # a language no page speaks of
    ("cider", "es", "¿Hacéis la visita al llagar en inglés?"),
    ("glass", "en", "What is glass made from?"),
    ("glass", "en", "What is there to do in Harrogate?"),
]


def test_definitions_sights_and_places_served(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Definitions")
    made = assistant_per_kb(
        org,
        {
            "gutters": {"Talang": GUTTERS},
            "cider": {"Sidrería": CIDER, "Visitas": VISITS},
            "glass": {"Glass": GLASS},
            "charity": {"Giving": CHARITY},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
