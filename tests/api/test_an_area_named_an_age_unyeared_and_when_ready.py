"""A page naming the area it serves answers whether they go to a place in it; children
"from 8" is an age; how long between visits and when a thing will be ready are asked in
words of their own; a discount and a bumper go by other names."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DIGGERS = {
    "Unit": "Kami menyewakan excavator PC75 lengkap dengan operator.",
    "Area": "Area layanan Jabodetabek dan Karawang.",
    "Biaya": "Biaya kursus operator Rp1.500.000 termasuk modul. Diskon 10% untuk pelajar dan "
    "mahasiswa.",
    "Sertifikat": "Hasil cetak sertifikat jadi 5 hari kerja.",
}
FLIGHTS = {
    "Tandem flights": "A tandem flight with an instructor lasts 15 to 25 minutes and costs £149.",
    "Who can fly": "Children from 8 can fly with a parent's signed consent.",
}
FARRIER = {
    "Shoeing": "A full set of shoes costs £110. Most horses need shoeing every 5 to 7 weeks.",
    "Visits": "We come to your yard across North Yorkshire.",
}
BODYWORK = {
    "Precios": "Pintar un paragolpes cuesta desde 180 euros y dejamos coche de sustitución.",
    "Plazos": "El desabollado sin pintura para granizo se hace en 2 o 3 días.",
}
ANSWERED = [
    ("diggers", "Bisa kirim ke Karawang?", "Karawang"),
    ("diggers", "Mahasiswa ada potongan?", "Diskon 10%"),
    ("diggers", "Cetakan sertifikatnya jadi kapan?", "5 hari kerja"),
    ("flights", "Can my 9 year old fly?", "Children from 8"),
    ("farrier", "How many weeks between visits?", "every 5 to 7 weeks"),
    ("bodywork", "¿Cuánto sale pintar el parachoques?", "180 euros"),
]
DECLINED = [
    ("diggers", "id", "Bisa kirim ke Bandung?"),
    ("flights", "en", "Do you do hang gliding?"),
    ("bodywork", "es", "¿Cambiáis el parabrisas?"),
]


def test_an_area_named_an_age_unyeared_and_when_ready(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Areanamed")
    made = assistant_per_kb(
        org, {"diggers": DIGGERS, "flights": FLIGHTS, "farrier": FARRIER, "bodywork": BODYWORK}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
