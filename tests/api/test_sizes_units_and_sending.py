"""A size the page lists others of is not offered ("Ada tabung 5,5 kg?" of "tabung 3 kg
dan 12 kg"), and a unit is one in its symbol and its name ("3 kilo" of "3 kg"); sending
is the page's word for it ("mandarme" of "Enviamos"), "ongkir" is what sending costs, and
"nanti" (later) names nothing a page must hold."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

GAS = {
    "Produk": "Kami menjual gas elpiji tabung 3 kg dan 12 kg, serta air galon isi ulang. "
    "Tabung 3 kg Rp22.000 dan tabung 12 kg Rp190.000.",
    "Antar": "Gratis antar ke rumah untuk pembelian dua tabung atau lebih. "
    "Kami juga melayani pemasangan regulator baru.",
}
YARN = {
    "Pedidos": "Enviamos pedidos a toda la península por 5 euros, gratis a partir de 40 "
    "euros. Los pedidos llegan en dos o tres días laborables.",
    "Tienda": "Vendemos lanas de oveja y de alpaca, y agujas de bambú.",
}
ANSWERED = [
    ("gas", "Harga gas 3 kilo berapa?", "Rp22.000"),
    # answered before too: guards
    ("gas", "Antar ke rumah bayar ongkir?", "Gratis antar"),
    ("gas", "Bisa pasang regulator nanti?", "pemasangan regulator"),
    ("yarn", "¿Cuánto me cobráis por mandarme un pedido a casa?", "5 euros"),
]
DECLINED = [
    ("gas", "id", "Ada tabung 5,5 kg?"),
]


def test_sizes_units_and_sending(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Sizes")
    made = assistant_per_kb(org, {"gas": GAS, "yarn": YARN})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
