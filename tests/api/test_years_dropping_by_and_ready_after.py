"""In what year is answered only by a quote naming a year ("¿En qué año se inventó el
disco de vinilo?" is not answered by a record shop's "un 20 % más"); whether one may drop
by on a day ("¿Puedo pasarme un domingo?") asks the hours; how long something takes is
told by a time after something ("selesai dalam satu jam setelah desain disetujui"), and
asked in everyday words ("Bikin stempel jadi berapa lama?") of a page that writes
"membuat"."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

# a record shop's three pages
RECORDS = {
    "La tienda": "Vendemos vinilos nuevos y de segunda mano de rock, jazz, soul y flamenco. "
    "Cada disco usado se limpia con máquina y se revisa antes de ponerlo a la venta.",
    "Compramos": "Compramos colecciones de vinilos y pagamos en efectivo o con vale de "
    "tienda, que vale un 20 % más. No compramos casetes ni CD.",
    "Horario": "Abrimos de lunes a sábado de 11:00 a 14:00 y de 17:30 a 21:00. Enviamos "
    "pedidos a toda España por 6 euros.",
}
VINYL = {
    "Shop": "We sell new and second-hand vinyl: rock, jazz, soul and folk. Every used "
    "record is cleaned by machine and checked before it goes on sale.",
    "Selling to us": "We buy record collections and pay in cash or in store credit, which "
    "is worth 20% more. We do not buy cassettes or CDs.",
}
BOOKSHOP = """# Hartley Books

The shop opened in 1998 in a former bank on the high street. We sell new and second-hand
books and order any title in print within two days.
"""
STAMPS = {
    "Produk": "Kami membuat stempel warna otomatis, stempel kayu, dan stempel tanggal. "
    "Stempel otomatis ukuran 4 x 2 cm harganya Rp85.000, sudah termasuk tinta biru.",
    "Pesanan": "Stempel selesai dalam satu jam setelah desain disetujui. Pesanan di atas "
    "sepuluh stempel mendapat potongan 10 persen.",
}
FRAMES = """# Kestrel Framing

We frame prints, photos and needlework. Frames are ready five days after you order, and
a standard frame costs from £40.
"""
ANSWERED = [
    ("bookshop", "In what year did the shop open?", "1998"),  # answered before too
    ("records", "¿Puedo pasarme un domingo por la mañana?", "lunes a sábado"),
    ("stamps", "Bikin stempel jadi berapa lama?", "satu jam"),
    ("frames", "How long does a frame take?", "five days"),  # answered before too
]
DECLINED = [
    ("records", "es", "¿En qué año se inventó el disco de vinilo?"),
    ("bookshop", "en", "In what year was the first paperback printed?"),  # before too
    ("vinyl", "en", "In what year were vinyl records invented?"),
]


def test_years_dropping_by_on_a_day_and_how_long_after(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Years")
    made = assistant_per_kb(
        org,
        {
            "records": RECORDS,
            "vinyl": VINYL,
            "bookshop": {"Books": BOOKSHOP},
            "stamps": STAMPS,
            "frames": {"Framing": FRAMES},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
