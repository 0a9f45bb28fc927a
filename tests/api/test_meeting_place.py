"""Where they meet or where it is held is answered by where the place is, or by a
building or ground named by its kind ("Where do we meet?" of "from the slipway by the
lifeboat station", "¿Dónde es el taller?" of "en la antigua granja de Valdelobos"); a
room of their own does not say where the place is ("Where are you?" of "Classes are
held in the main hall" is declined)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SWIM = """# Shingle Bay Swimmers

Club swims are every Saturday at 9 am from the slipway by the sailing club, all year
round. Membership is £20 a year.
"""
RINGERS = """# St Oswald's Ringers

The band practises on Thursday evenings in the church tower. New ringers are taught one
to one.
"""
SILAT = """# Perguruan Silat Garuda

Latihan setiap Sabtu pukul 15.00 di Lapangan Merdeka. Iuran Rp30.000 per bulan.
"""
# ... or a farm's building, a mill, named beside where it is
DRAWING = """# Coombe Life Drawing

Our life-drawing classes run on Monday evenings in the old dairy at Coombe Farm. A term
of ten classes costs £120, paper and charcoal included.
"""
CERAMICA = """# Barro y Fuego

Los talleres de cerámica son los martes por la tarde en la antigua granja de Valdelobos.
Cada curso dura ocho semanas y cuesta 90 euros.
"""
SCHOOL = """# Bright Minds Tutoring

Classes are held in the main hall. Maths and English tutoring for ages 7 to 16.
"""
ANSWERED = [
    ("swim", "Where do we meet?", "from the slipway by the sailing club"),
    ("ringers", "Where do you meet?", "in the church tower"),
    ("silat", "Latihannya di mana?", "Lapangan Merdeka"),
    ("drawing", "Where do the classes take place?", "in the old dairy at Coombe Farm"),
    ("ceramica", "¿Dónde es el taller?", "en la antigua granja de Valdelobos"),
]
DECLINED = [
    ("school", "en", "What is your address?"),
    ("silat", "id", "Kumpulnya di mana kalau hujan?"),
]


def test_where_they_meet(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Meeting places")
    made = assistant_per_kb(
        org,
        {
            "swim": {"Swim": SWIM},
            "ringers": {"Ringers": RINGERS},
            "silat": {"Silat": SILAT},
            "school": {"School": SCHOOL},
            "drawing": {"Drawing": DRAWING},
            "ceramica": {"Cerámica": CERAMICA},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
