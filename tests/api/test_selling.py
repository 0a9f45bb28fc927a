"""Whether they sell a thing, asked of pages that never speak of selling, is not answered
by the sentence on the thing ("Do you sell telescopes?" of a planetarium's own
telescope); pages that sell answer it, and so do pages selling food to take away ("para
llevar": set DE's ice-cream parlour was declined "¿Vendéis helado para llevar a casa?")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PLANETARIUM = """# Northern Lights Planetarium

The dome shows a star show every hour from 11 am. A 20 cm refracting telescope on the
roof is used for solar viewing with our staff. Tickets are £9 for adults.
"""
FERRETERIA = """# Ferretería El Clavo

Vendemos herramientas, tornillería y pintura al peso. Copiamos llaves al momento.
"""
BENGKEL = """# Bengkel Sepeda Roda Jaya

Kami memperbaiki sepeda gunung dan sepeda lipat. Servis ringan Rp35.000 dan ganti ban
Rp50.000.
"""
CHURROS = """# Churrería La Ribera

Hacemos churros y porras cada mañana desde las 7. La ración con chocolate en la barra
cuesta 3,50 euros y la docena de churros para llevar 4 euros.
"""
ANSWERED = [
    ("churros", "¿Vendéis churros para llevar?", "para llevar"),
    ("planetarium", "Is there a telescope?", "refracting telescope"),
    ("ferreteria", "¿Vendéis pintura?", "Vendemos herramientas, tornillería y pintura"),
    ("bengkel", "Bisa servis sepeda lipat?", "sepeda lipat"),
]
DECLINED = [
    ("planetarium", "en", "Do you sell telescopes?"),
    ("bengkel", "id", "Jual sepeda lipat?"),
]


def test_whether_they_sell_is_answered_only_by_pages_that_sell(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Selling")
    made = assistant_per_kb(
        org,
        {
            "planetarium": {"Planetarium": PLANETARIUM},
            "ferreteria": {"Tienda": FERRETERIA},
            "bengkel": {"Bengkel": BENGKEL},
            "churros": {"Churros": CHURROS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
