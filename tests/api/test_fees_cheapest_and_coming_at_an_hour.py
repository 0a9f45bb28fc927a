"""A fee asked as a fee ("¿Cuál es la cuota anual?" of "Ser socio cuesta 30 euros al
año"), the cheapest price ("Kamar termurah berapa?" of "mulai Rp200.000"), which day a
place is closed ("Tokonya tutup hari apa?" of the days it opens), whether one may come
at an hour (of a check-in time), how long a session lasts (not the children's ages,
"de 6 a 9 años") and how long something takes, told by a sentence that names it only in
the one before ("It takes two minutes")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TENNIS = """# Club de Tenis Los Álamos

Ser socio cuesta 30 euros al año y da acceso a las pistas de lunes a domingo. Las
pistas se reservan por la aplicación del club.
"""
HOMESTAY = """# Homestay Kenanga Asri

Harga kamar mulai Rp200.000 per malam, sudah termasuk sarapan. Check-in pukul 13.00
dan check-out pukul 12.00. Toko oleh-oleh kami buka Senin sampai Sabtu pukul 08.00
sampai 17.00.
"""
ROBOTS = """# Taller de Robótica Chispa

Tenemos dos grupos: Iniciación, para niños de 6 a 9 años, y Avanzado, de 10 a 14 años.
Las clases son semanales, de hora y media, de octubre a junio.
"""
CAFE = """# The Copper Kettle Café

If you drink here often, sign up for our loyalty scheme at the till and every tenth
coffee is on us. It takes two minutes at the till.
"""
ANSWERED = [
    ("tennis", "¿Cuál es la cuota anual?", "30 euros al año"),
    ("homestay", "Kamar termurah berapa?", "mulai Rp200.000"),
    ("homestay", "Tokonya tutup hari apa?", "Senin sampai Sabtu"),
    ("homestay", "Kami boleh datang jam 10 pagi?", "Check-in pukul 13.00"),
    ("robots", "¿Cuánto tiempo están los niños en cada sesión?", "hora y media"),
    ("cafe", "How long does it take to sign up for the loyalty scheme?", "two minutes"),
]


def test_a_fee_the_cheapest_a_closed_day_an_hour_to_come_and_how_long(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Fees")
    made = assistant_per_kb(
        org,
        {
            "tennis": {"Tenis": TENNIS},
            "homestay": {"Homestay": HOMESTAY},
            "robots": {"Robótica": ROBOTS},
            "cafe": {"Café": CAFE},
        },
    )
    assert_answers(org, ANSWERED, [], assistants=made)
