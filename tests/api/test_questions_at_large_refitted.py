"""Questions at large read by the refit on more hand sets (sets A to DO, less DP to DY):
"How many calories are in a slice of cake?" of a cake maker, "Sepeda gunung merek apa
yang bagus?" of a bike hire, "¿Dónde se puede pernoctar con autocaravana en
Galicia?" of a campervan hire were answered with the service's prices by the reading
fitted on sets A to CP; they get the not-found message, and the same pages' own questions
are answered as before."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CAKES = {
    "Cakes": "We bake birthday and wedding cakes to order in vanilla, chocolate, lemon "
    "and red velvet. Every cake can be made gluten free.",
    "Prices": "A 6 inch cake serving 12 starts at £45 and an 8 inch cake serving 24 at "
    "£70. A three tier wedding cake serving 100 starts at £380.",
}
BIKES = {
    "Sewa": "Sewa sepeda lipat Rp60.000 per hari dan sepeda gunung Rp100.000 per hari. "
    "Helm dan gembok sudah termasuk.",
    "Syarat": "Penyewa meninggalkan KTP asli sebagai jaminan. Sepeda diambil di toko kami "
    "di Jalan Parangtritis dan dikembalikan paling lambat jam 7 malam.",
}
CAMPERS = {
    "Vehículos": "Alquilamos autocaravanas de 4 y 6 plazas con cocina, baño y "
    "calefacción. Se conducen con el carné B y el conductor debe tener al menos 25 años.",
    "Tarifas": "En temporada baja la autocaravana de 4 plazas cuesta 95 euros al día y "
    "en agosto 150 euros. Se recoge en nuestra base de Arteixo.",
}
ANSWERED = [
    ("cakes", "How much is a cake for 12 people?", "£45"),
    ("cakes", "Can you make it gluten free?", "gluten free"),
    ("bikes", "Berapa sewa sepeda gunung sehari?", "Rp100.000"),
    ("bikes", "Sepedanya dikembalikan jam berapa?", "jam 7 malam"),
    ("campers", "¿Cuánto cuesta al día en agosto?", "150 euros"),
    ("campers", "¿Tienen calefacción?", "calefacción"),
]
DECLINED = [
    ("cakes", "en", "How many calories are in a slice of cake?"),
    ("bikes", "id", "Sepeda gunung merek apa yang bagus?"),
    ("campers", "es", "¿Dónde se puede pernoctar con autocaravana en Galicia?"),
]


def test_questions_at_large_read_by_the_refit_are_declined(platform: Flask) -> None:
    org = create_org(platform.test_client(), "At large, refitted")
    made = assistant_per_kb(org, {"cakes": CAKES, "bikes": BIKES, "campers": CAMPERS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
