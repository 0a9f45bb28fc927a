"""Whether someone pays, asked of anyone ("Do parents have to pay?" of "Adults go free",
"Do we pay anything when booking a party?" of a deposit), and whether one pays for a
thing the page names ("¿Se paga matrícula?" of "No hay matrícula", not the monthly fee);
whether it is still open at an hour ("Siang-siang jam dua masih buka?") and whether a
service comes at weekends ("¿Venís también los fines de semana?" of "de lunes a
domingo") or at night ("Atendemos urgencias las 24 horas")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PLAY = """# Jumping Jacks Play Barn

Entry is £6.50 for each child. Adults go free, but every child must stay with an adult.
Birthday parties are for up to 15 children, and we ask for a £40 deposit when you book.
"""
DRAWING = """# Academia de Pintura Pincel

La mensualidad cuesta 50 euros para niños y 65 euros para adultos. No hay matrícula.
Las clases son los martes y jueves por la tarde.
"""
JAMU = """# Warung Wedang Ronde Bu Sum

Warung kami di Jalan Malioboro 12 buka setiap hari pukul 16.00 sampai 23.00. Wedang
ronde Rp10.000 per mangkuk.
"""
SITTERS = """# Canguros Nube

Enviamos canguros a domicilio en Murcia, de lunes a domingo, de 9:00 a 23:00. La hora
cuesta 11 euros.
"""
LOCKS = """# Cerrajería Ágil

Atendemos urgencias las 24 horas, también los festivos. Abrir una puerta cuesta 60
euros de día y 100 euros de noche.
"""
ANSWERED = [
    ("play", "Do parents have to pay?", "Adults go free"),
    ("play", "Do we pay anything when booking a party?", "£40 deposit"),
    ("drawing", "¿Se paga matrícula?", "No hay matrícula"),
    ("jamu", "Malam-malam jam sepuluh masih buka?", "pukul 16.00 sampai 23.00"),
    ("sitters", "¿Venís también los fines de semana?", "de lunes a domingo"),
    # open all day, said of the service: not the night's price
    ("locks", "¿Venís un domingo por la noche?", "las 24 horas"),
]


def test_who_pays_for_what_and_whether_still_open_or_coming(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Pays")
    made = assistant_per_kb(
        org,
        {
            "play": {"Play": PLAY},
            "drawing": {"Pintura": DRAWING},
            "jamu": {"Warung": JAMU},
            "sitters": {"Canguros": SITTERS},
            "locks": {"Cerrajería": LOCKS},
        },
    )
    assert_answers(org, ANSWERED, [], assistants=made)
