"""Where the place is, said as the organisation's own place at a named one ("di sanggar
kami di Waingapu", "en nuestro taller de Cuenca"), answers "where are you?" (issue 45):
"Sanggarnya di mana?" was declined, the page giving no street. A shop online
("toko kami di Tokopedia") is no place to go to."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import (
    assert_answered,
    assert_not_found,
    assistant_per_kb,
    create_org,
)

KOLAM = {
    "Ikan": "Kami membudidayakan ikan mas, nila dan gurame di kolam air deras. Ikan dipanen "
    "setiap pagi dan dijual hidup.",
    "Harga": "Ikan nila Rp35.000 per kilo dan gurame Rp55.000 per kilo. Pembelian di atas "
    "10 kilo mendapat potongan 5 persen.",
    "Pemancingan": "Pengunjung boleh memancing di kolam kami di Ciampea setiap Selasa sampai "
    "Minggu. Tiket mancing Rp40.000 untuk tiga jam.",
}
RELOJES = {
    "Reparaciones": "Reparamos relojes de pared, de sobremesa y de bolsillo. Cambiamos pilas "
    "y correas al momento.",
    "Precios": "Una limpieza completa cuesta desde 60 euros y el presupuesto es gratuito.",
    "Restauración": "Las piezas antiguas se restauran a mano en nuestro taller de Cuenca en "
    "unas tres semanas.",
}
SILLAS = {
    "Seats": "We re-cane and re-rush chair seats in the traditional way. Most seats take "
    "about four weeks.",
    "Prices": "A standard cane seat costs from £95 and a rush seat from £120.",
    "Collection": "Chairs are worked on by hand at our workshop in Ludlow, and we collect "
    "within 20 miles.",
}
BATIK = """# Batik Tulis Sekar

Kain batik tulis kami dijual mulai Rp350.000. Toko kami di Tokopedia melayani pesanan
setiap hari dan mengirim ke seluruh Indonesia.
"""


def test_the_organisations_own_place_at_a_named_one_says_where_it_is(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Own places")
    made = assistant_per_kb(
        org, {"Kolam Ikan Lestari": KOLAM, "Relojería Áncora": RELOJES,
              "Ludlow Chair Caning": SILLAS, "batik": {"Batik": BATIK}},
    )  # fmt: skip
    assert_answered(
        org, "Kolamnya di mana?", "Ciampea", assistant=made["Kolam Ikan Lestari"], conversation="k1"
    )
    assert_answered(
        org,
        "¿Dónde tenéis el taller?",
        "Cuenca",
        assistant=made["Relojería Áncora"],
        conversation="r1",
    )
    assert_answered(
        org, "Where is your workshop?", "Ludlow", assistant=made["Ludlow Chair Caning"],
        conversation="l1",
    )  # fmt: skip
    # the shop online says where to buy, not where they are
    assert_not_found(org, "Lokasinya di mana?", "id", assistant=made["batik"], conversation="b1")
