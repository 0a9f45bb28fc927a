"""Indonesian verbs of a "t" root under their nasal ("nambah", "nutup") are the page's
"tambahan", "tutup"; whether one pays for a thing is told by a sentence naming it
("Desainnya bayar tidak?" of "Desain gratis", a guard); mending asked in the asker's word is
the page's ("¿Cuánto tardáis en arreglar...?" of "se repara en"), and a thing the pages
lack, named after three words of asking, is still lacking; the time a job needs is asked
by "butuh waktu", and "harus" (must) names nothing a page must hold."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

EMBROIDERY = {
    "Harga": "Bordir logo satu warna Rp15.000 per baju. Setiap tambahan warna benang "
    "Rp2.000 per baju. Toko tutup pukul 17.00 setiap hari.",
    "Proses": "Pengerjaan 10 hari kerja setelah logo disetujui. Baju bisa dibawa "
    "sendiri atau dibeli dari kami. Pelanggan tanpa janji tetap kami layani.",
}
CAKES = {
    "Harga": "Kue tart diameter 20 cm Rp250.000 dengan satu hiasan. Setiap tambahan "
    "hiasan Rp20.000. Desain gratis untuk pesanan di atas lima kue.",
    "Proses": "Pengerjaan tiga hari setelah desain disetujui dan DP 50 persen dibayar.",
}
WATCHES = {
    "Taller": "Reparamos relojes de pulsera y de pared, y cambiamos pilas en el momento "
    "por 6 euros. Un reloj de pared se repara en unas dos semanas.",
    "Tienda": "Vendemos correas de piel y de acero. Abrimos de lunes a sábado de 10:00 a 14:00.",
}
ANSWERED = [
    ("embroidery", "Jam berapa nutup?", "17.00"),
    ("embroidery", "Butuh waktu berapa hari?", "10 hari kerja"),
    ("embroidery", "Harus janjian dulu?", "tanpa janji"),
    # answered before too: guards
    ("cakes", "Desainnya bayar tidak?", "Desain gratis"),
    ("cakes", "Hiasannya nambah berapa?", "Rp20.000"),
    ("watches", "¿Cuánto tardáis en arreglar un reloj de pared?", "dos semanas"),
]
DECLINED = [
    # declined before too; with mending's kin and the first three absent words read,
    # it was answered
    ("watches", "es", "¿Cuánto tardáis en arreglar una bicicleta?"),
]


def test_added_colours_mending_and_free_designs(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Mending")
    made = assistant_per_kb(org, {"embroidery": EMBROIDERY, "cakes": CAKES, "watches": WATCHES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
