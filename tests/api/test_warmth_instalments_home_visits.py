"""How warm something is is answered by a sentence giving degrees ("How warm is the
water?" of "heated to 29 degrees"); a price asked by the kilo by a page pricing per
kilogram; paying without cash by the means a page takes; whether to bring one's own thing
by a sentence saying it is included ("Perlu bawa benang sendiri?" of "sudah termasuk
benang"), not by what one takes home. Paying in instalments and home visits are not
answered by pages that never speak of them."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

POOL = """# Linden Road Swimming Pool

The pool is 25 metres long and heated to 29 degrees. A swim costs £4.80 for adults and
£2.50 for children. Lane swimming runs every morning from 6.30 am to 9 am.
"""
PISCINA = """# Piscina Municipal Las Acacias

La piscina climatizada está a 28 grados todo el año. La entrada cuesta 4 euros y el bono
de diez baños 32 euros.
"""
PASAR = """# Kios Sayur Bu Narti

Harga per kilogram: cabai merah Rp 40.000, bawang merah Rp 30.000, tomat Rp 12.000. Kios
buka setiap hari pukul 05.00 sampai 10.00. Pembayaran bisa tunai atau transfer bank.
"""
RAJUT = """# Kursus Merajut Benang Ceria

Kursus merajut untuk pemula berlangsung enam kali pertemuan setiap Sabtu sore. Biaya
kursus Rp 350.000 sudah termasuk benang dan jarum. Setiap peserta membawa pulang syal
buatannya dan benang yang tersisa.
"""
LIDO = """# Saltdean Lido

The outdoor lido is heated to 24 degrees from May to September. A swim costs £6 for
adults.
"""
RINK = """# Frostgate Ice Rink

The rink is kept at around 6°C, so bring a warm jumper. Public sessions run daily from
10 am to 4 pm, and skate hire is included in the £8 ticket.
"""
PHYSIO = """# Ashdown Physiotherapy

Sessions last 45 minutes and cost £55. We treat back pain, sports injuries and
recovery after surgery at our clinic on Church Street, Monday to Friday.
"""
ANSWERED = [
    ("pool", "How warm is the water?", "heated to 29 degrees"),
    ("rink", "How chilly is it in there?", "around 6°C"),
    # the water asked of a page that names only its pool
    ("lido", "How warm is the water?", "heated to 24 degrees"),
    ("rink", "What's the temperature on the ice?", "around 6°C"),
    ("piscina", "¿A qué temperatura está el agua?", "28 grados"),
    ("pasar", "Berapa harga cabai sekilo?", "cabai merah Rp 40.000"),
    ("pasar", "Boleh bayar tanpa uang tunai?", "tunai atau transfer bank"),
    ("rajut", "Apakah harus bawa benang sendiri?", "sudah termasuk benang"),
]
DECLINED = [
    ("pool", "en", "Can I pay in instalments?"),
    ("piscina", "es", "¿Se puede pagar el bono a plazos?"),
    ("rajut", "id", "Biaya kursusnya bisa dicicil?"),
    ("physio", "en", "Do you do home visits?"),
    ("physio", "en", "Can a physio come to my house for my back pain?"),
]


def test_warmth_a_kilo_without_cash_own_things_instalments_and_home_visits(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Warmth")
    made = assistant_per_kb(
        org,
        {
            "pool": {"Pool": POOL},
            "piscina": {"Piscina": PISCINA},
            "pasar": {"Kios": PASAR},
            "rajut": {"Rajut": RAJUT},
            "rink": {"Rink": RINK},
            "lido": {"Lido": LIDO},
            "physio": {"Physio": PHYSIO},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
