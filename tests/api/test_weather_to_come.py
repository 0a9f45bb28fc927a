"""The weather to come is asked of no service's pages ("¿Qué tiempo hará mañana en
Jávea?" of boat trips leaving Jávea's harbour is declined), while what they do when it is
bad is answered ("¿Y si mañana hace mal tiempo?")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BOATS = """# Excursiones Cala Blanca

Nuestras excursiones en barco salen del puerto de Jávea a las 11:00 y vuelven a las
15:00. Si hay mal tiempo, cambiamos la fecha o devolvemos el dinero.
"""
WALKS = """# Whitby Ghost Walks

Our ghost walks leave from the steps of St Mary's Church in Whitby at 8 pm every Friday
and Saturday. Walks go ahead in any weather, so bring a coat.
"""
PERAHU = """# Sewa Perahu Telaga Biru

Perahu bisa disewa setiap hari pukul 07.00 sampai 17.00 di dermaga Telaga Biru. Kalau
hujan deras, sewa bisa dijadwalkan ulang tanpa biaya.
"""
ANSWERED = [
    ("boats", "¿Y si mañana hace mal tiempo?", "Si hay mal tiempo"),
    ("walks", "What happens if the weather is bad on Saturday?", "in any weather"),
    ("perahu", "Kalau besok hujan gimana?", "dijadwalkan ulang"),
]
DECLINED = [
    ("boats", "es", "¿Qué tiempo hará mañana en Jávea?"),
    ("walks", "en", "What's the weather going to be like in Whitby this weekend?"),
    ("perahu", "id", "Cuaca di Telaga Biru besok gimana?"),
]


def test_the_weather_to_come_is_declined_and_bad_weather_answered(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Weather")
    made = assistant_per_kb(
        org, {"boats": {"Barcos": BOATS}, "walks": {"Walks": WALKS}, "perahu": {"Perahu": PERAHU}}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
