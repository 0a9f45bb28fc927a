"""Questions of set DJ's kinds, end to end over documents written here, each answered by
the code before them: how to look after a thing the page names ("¿Cómo se limpia el
cuero de una silla?" of a saddler's), whether the page's town is worth a visit or where
to eat in it ("Is Hebden Bridge worth visiting?", "Kafe yang bagus di Jalan Kaliurang
apa saja?"), and a price asked of a thing on its own that the page's price only includes
("How much is membership on its own?"). The page's own facts still answer, and where the
place is is quoted from a page's opening line naming it ("Taller de guarnicionería en
Jerez de la Frontera.", where the visiting hours were quoted before)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SADDLER = """# Guarnicionería

Taller de guarnicionería en Jerez de la Frontera. Fabricamos a mano sillas de montar
vaquera, cabezadas y zahones de cuero, y arreglamos cualquier artículo de cuero para
caballos.

Puede visitar el taller de martes a viernes por la mañana.
"""
SIGNS = """# Signs

We hand-paint shop fascias, pub signs and lettering on vans and narrowboats, working from
our studio in Hebden Bridge.
"""
ROWING = """# Learn to row

Our learn-to-row course runs over six Saturday mornings on the river at Bedford and
costs £120, including a year's club membership.
"""
BARISTA = """# Kelas

Kelas barista dasar selama tiga hari di studio kami di Jalan Kaliurang, Yogyakarta.
Biaya Rp1.500.000 sudah termasuk modul, bahan kopi dan sertifikat.
"""
ANSWERED = [
    ("saddler", "¿Dónde tenéis el taller?", "Jerez de la Frontera"),
    ("saddler", "¿Arregláis cabezadas de cuero?", "arreglamos cualquier artículo de cuero"),
    ("signs", "Where is your studio?", "Hebden Bridge"),
    ("rowing", "How much is the learn to row course?", "£120"),
    ("barista", "Kelasnya di mana?", "Jalan Kaliurang"),
]
DECLINED = [
    ("saddler", "es", "¿Cómo se limpia el cuero de una silla?"),
    ("signs", "en", "Is Hebden Bridge worth visiting?"),
    ("rowing", "en", "How much is membership on its own?"),
    ("barista", "id", "Kafe yang bagus di Jalan Kaliurang apa saja?"),
]


def test_care_towns_and_prices_apart(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Care and towns")
    made = assistant_per_kb(
        org,
        {
            "saddler": {"Guarnicionería": SADDLER},
            "signs": {"Signs": SIGNS},
            "rowing": {"Learn to row": ROWING},
            "barista": {"Kelas": BARISTA},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
