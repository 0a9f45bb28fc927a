"""Whether they deliver is not answered by pages that never speak of delivering,
posting or sending ("Do you deliver?" of a bakery's opening hours, "¿Hacéis envíos a
domicilio?" of a shop's prices), and is by one that does. How much is paid ahead is asked
by paying ahead ("¿Cuánto hay que adelantar?"), a price by a word of its kin ("la clase"
of "El curso ... cuesta 95 euros"), whether one pays in two words ("Pelajar masuk
bayar?"), and how many share a class by who "coincides" in it."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BAKERY = """# Millbrook Bakehouse

We bake sourdough, rye and seeded loaves every morning. The bakehouse is open Tuesday
to Saturday from 7 am to 2 pm. A large sourdough loaf is £4.50.
"""
FLOWERS = """# Floristería El Jazmín

Preparamos ramos de novia, centros de mesa y coronas. Un ramo de temporada cuesta
desde 25 euros. Abrimos de lunes a sábado de 9:30 a 20:00.
"""
WARUNG = """# Warung Soto Pak Kumis

Warung buka setiap hari pukul 06.00 sampai 14.00. Soto ayam Rp15.000 dan soto
daging Rp22.000. Pembayaran tunai atau QRIS.
"""
PIZZA = """# Slice Street Pizza

We deliver within three miles of the shop for £2.50, free on orders over £25. Pizzas
are baked in a wood-fired oven.
"""
CERAMICS = """# Taller de Cerámica El Torno

Las clases son de ocho personas como máximo, los lunes y miércoles por la tarde. Se
reserva plaza con una señal de 30 €, que se descuenta del curso.
"""
BINDING = """# Taller de Encuadernación Lomo

El curso de cuatro sesiones cuesta 95 euros con los materiales incluidos. Las sesiones
son los jueves de 18:00 a 20:30.
"""
MUSEUM = """# Museum Batik Pekalongan

Museum buka Selasa sampai Minggu pukul 08.00 sampai 15.00. Pelajar dan warga Pekalongan
boleh masuk tanpa biaya; pengunjung lain membayar Rp10.000.
"""
ANSWERED = [
    ("pizza", "Do you deliver?", "We deliver within three miles"),
    ("ceramics", "¿Cuánto hay que adelantar para reservar?", "señal de 30 €"),
    ("ceramics", "¿Cuántos alumnos coinciden en clase?", "ocho personas como máximo"),
    ("binding", "¿Cuánto cuesta la clase?", "95 euros"),
    ("museum", "Pelajar masuk bayar?", "tanpa biaya"),
]
DECLINED = [
    ("bakery", "en", "Do you deliver?"),
    ("bakery", "en", "Can you post a loaf to my mum?"),
    ("bakery", "en", "Do you deliver sourdough loaves?"),
    ("flowers", "es", "¿Hacéis envíos a domicilio?"),
    ("flowers", "es", "¿Enviáis ramos de novia?"),
    ("warung", "id", "Bisa diantar ke rumah?"),
    ("warung", "id", "Soto ayam bisa diantar?"),
]


def test_delivering_paying_ahead_a_class_priced_as_a_course_and_who_shares_it(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Deliver")
    made = assistant_per_kb(
        org,
        {
            "bakery": {"Bakery": BAKERY},
            "flowers": {"Flores": FLOWERS},
            "warung": {"Warung": WARUNG},
            "pizza": {"Pizza": PIZZA},
            "ceramics": {"Cerámica": CERAMICS},
            "binding": {"Encuadernación": BINDING},
            "museum": {"Museum": MUSEUM},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
