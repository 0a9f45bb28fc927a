"""What if one cancels, who pays for a thing, how long the work takes beside a
guarantee's length, and a place's kind before its name, end to end over pages written
here. By the code of set DX's commit (85511e4), "What if I cancel the day before?" of
"Lessons missed with less than 24 hours' notice are charged" was declined, "¿Cuánto
tardáis?" was answered with the six months' guarantee, and "¿Qué es un centro
comercial?" with the shop's address in one. "Bensin ditanggung siapa?" of "Harga sudah
termasuk bensin" passes there on this short page (set DX's longer one let the search
find nothing), and so do the other rows."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PHONES = {
    "Reparaciones": "Cambiamos pantallas, baterías y altavoces de móviles Samsung, "
    "Motorola, iPhone y Realme. No reparamos relojes ni tablets.",
    "Precios": "Cambiar la batería de un Samsung cuesta desde 45 euros y una pantalla de "
    "iPhone desde 99 euros. El presupuesto es gratis. Todas las reparaciones tienen 6 "
    "meses de garantía.",
    "Tienda": "Estamos en el centro comercial Las Dunas, local 4, en Cádiz. Abrimos de "
    "lunes a sábado de 10:00 a 21:00. La mayoría de las reparaciones están listas en una "
    "hora.",
}
SINGING = {
    "Lessons": "I teach singing to adults and teenagers, from pop to folk. Lessons are "
    "one to one in my studio on Mill Street.",
    "Fees": "A 30 minute lesson costs £24 and an hour costs £44. Lessons missed with "
    "less than 24 hours' notice are charged.",
}
CARS = {
    "Armada": "Kami menyewakan mobil pengantin Mercedes dan VW Kodok klasik, lengkap "
    "dengan sopir dan hiasan bunga segar.",
    "Harga": "Sewa Mercedes Rp2.800.000 untuk 6 jam dan VW Kodok Rp1.900.000. Harga "
    "sudah termasuk bensin dan parkir.",
    "Pemesanan": "Pemesanan dengan DP 30% paling lambat dua minggu sebelum acara.",
}
ANSWERED = [
    ("singing", "What if I cancel the day before?", "less than 24 hours' notice"),
    ("singing", "How much is an hour?", "£44"),
    ("cars", "Bensin ditanggung siapa?", "termasuk bensin"),
    ("cars", "DP-nya berapa?", "DP 30%"),
    ("phones", "¿Cuánto tardáis?", "en una hora"),
    ("phones", "¿Tiene garantía la reparación?", "6 meses de garantía"),
]
DECLINED = [
    ("phones", "es", "¿Qué es un centro comercial?"),
    ("cars", "id", "Kalau mobilnya mogok, ditanggung siapa?"),
    ("singing", "en", "What if the teacher is ill?"),
]


def test_cancelling_who_pays_and_how_long_are_answered_a_shops_kind_is_not_defined(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Cancelling, Fuel, Repairs and Malls")
    made = assistant_per_kb(org, {"phones": PHONES, "singing": SINGING, "cars": CARS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
