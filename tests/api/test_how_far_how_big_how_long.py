"""How far, how big, how long, and whether something is included, are answered by a
sentence giving a distance, a size, a length of time, or what the price includes, in
words the question need not share ("How far do you travel?" of "We deliver anywhere
within 15 miles of Leeds"); a measure of something else is no answer ("How big is
Leeds?" of that distance). A short question the language detector misreads is read in its page's
language ("¿Arregláis tándems?", taken for Hungarian). A price asked after what it
prices ("Dodol salak harganya berapa?") is of that thing, and where the asker is
("Kalau saya di Semarang...?") is where a sentence on sending out of town answers for.
A kind asked that no page names, of a sentence listing the kinds they work on, is not
among them ("¿Arregláis patinetes?" of "bicis de carretera, de montaña y tándems")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CASTLES = """# Hopscotch Bouncy Castles

We deliver anywhere within 15 miles of Leeds. A castle needs a flat space of five by
six metres. Setting up takes about forty minutes. Hire is £95 a day, blower and safety
mat included.
"""
TALLER = """# Taller de bicis Radios

Arreglamos bicis de carretera, de montaña y tándems. Las revisiones están listas en dos
días. La revisión cuesta 35 euros, piezas aparte. Recogemos bicis hasta 10 km de Vitoria.
"""
LAUNDRY = """# Laundry Harum

Cuci kering setrika selesai dalam dua hari. Harga Rp8.000 per kilo, sudah termasuk
pewangi. Antar jemput gratis sampai 3 km dari toko.
"""
SALAK = """# Oleh-oleh Salak Pondoh

Kami menjual salak pondoh segar, keripik salak, dan dodol salak. Salak segar Rp25.000
per kilo, keripik salak Rp20.000 per bungkus. Pesanan luar kota dikirim lewat ekspedisi.
"""
ANSWERED = [
    ("castles", "How far do you travel?", "within 15 miles of Leeds"),
    ("taller", "¿Cuánto tardáis en una revisión?", "dos días"),
    ("taller", "¿Las piezas entran en el precio?", "piezas aparte"),
    ("castles", "How much room do we need?", "five by six metres"),
    ("castles", "Is the safety mat included?", "safety mat included"),
    ("taller", "¿En cuántos días está lista mi bici?", "dos días"),
    ("taller", "¿Hasta dónde recogéis bicis?", "hasta 10 km de Vitoria"),
    ("taller", "¿Arregláis tándems?", "tándems"),
    ("laundry", "Berapa lama cucinya?", "dua hari"),
    ("laundry", "Sudah termasuk pewangi?", "termasuk pewangi"),
    # a thing named before its "-nya" price word; where the asker is, to be sent to
    ("salak", "Keripik salak harganya berapa?", "Rp20.000 per bungkus"),
    ("salak", "Kalau saya di Semarang bisa dikirim?", "luar kota dikirim"),
]
DECLINED = [
    ("castles", "en", "How big is Leeds?"),
    ("castles", "en", "How long is the warranty?"),
    ("taller", "es", "¿Cuánto tarda un pedido en llegar a Canarias?"),
    ("laundry", "id", "Berapa luas tokonya?"),
    ("salak", "id", "Dodol salak harganya berapa?"),
    # a kind no page names, of a sentence listing the kinds they do
    ("taller", "es", "¿Arregláis patinetes?"),
]


def test_how_far_how_big_how_long_and_what_is_included(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Measures")
    made = assistant_per_kb(
        org,
        {
            "castles": {"Castles": CASTLES},
            "taller": {"Taller": TALLER},
            "laundry": {"Laundry": LAUNDRY},
            "salak": {"Salak": SALAK},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
