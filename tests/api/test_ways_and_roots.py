"""A way of doing a thing or a means of paying the pages never offer is not answered by
the sentence on the thing; an Indonesian "Jual ...?" asks for a thing as "Ada ...?"
does; a word of the page's root in another form ("fisioterapeuta" of "fisioterapia")
is the page's word."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DIETISTA = """# Consulta de Nutrición Ribera

La dietista atiende consultas de 45 minutos por 40 euros los lunes y jueves, con cita
previa. La primera consulta incluye un análisis de composición corporal.
"""
YOGA = """# Lotus Yoga Loft

Classes are held in our studio on Mill Lane and streamed live on our website for members
at home. A drop-in class costs £9.
"""
PERAHU = """# Sewa Perahu Danau Toba

Sewa perahu motor Rp300.000 per jam untuk 8 orang. Penyewa membayar uang muka Rp100.000
saat memesan.
"""
KAPAL = """# Sewa Kapal Wisata Bahari

Sewa kapal wisata Rp2.000.000 per hari. Pembayaran bisa tunai atau transfer bank.
"""
BURUNG = """# Toko Burung Kicau

Kami menjual burung lovebird, kenari, dan murai, serta sangkar bambu mulai Rp75.000.
"""
ALMENDROS = """# Centro de Mayores Los Almendros

Ofrecemos fisioterapia tres veces por semana y terapia ocupacional todas las mañanas.
"""
ANSWERED = [
    ("dietista", "¿Cuánto dura la consulta?", "45 minutos"),
    ("yoga", "Can I do the classes online?", "streamed live on our website"),
    ("perahu", "Uang mukanya berapa?", "Rp100.000"),
    ("kapal", "Bisa bayar sewa kapal pakai transfer?", "transfer bank"),
    ("burung", "Jual kenari?", "kenari"),
    ("almendros", "¿Tienen fisioterapeuta?", "fisioterapia tres veces por semana"),
]
DECLINED = [
    # a way no page offers nor excludes
    ("dietista", "es", "¿La dietista atiende consultas online?"),
    # a means of paying no page names
    ("perahu", "id", "Bisa bayar uang muka pakai transfer?"),
    # a thing for sale no page names
    ("burung", "id", "Jual pakan burung?"),
]


def test_ways_means_and_things_no_page_offers_are_declined(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ways and roots")
    made = assistant_per_kb(
        org,
        {
            "dietista": {"Consulta": DIETISTA},
            "yoga": {"Studio": YOGA},
            "perahu": {"Sewa": PERAHU},
            "kapal": {"Sewa": KAPAL},
            "burung": {"Toko": BURUNG},
            "almendros": {"Centro": ALMENDROS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
