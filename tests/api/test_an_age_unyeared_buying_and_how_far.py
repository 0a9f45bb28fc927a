"""A child's age with no "tahun" is an age ("Anak umur 11 boleh ikut?"); buying one's
own asks whether it is included; abroad is where to, not a thing; "¿Hasta dónde podemos
ir?" is a distance, and miles are one in Spanish."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

KNITTING = {
    "Kelas": "Kelas merajut untuk pemula, 4 kali pertemuan setiap Sabtu. Biaya Rp450.000 "
    "sudah termasuk benang, hakpen dan jarum rajut.",
    "Peserta": "Peserta mulai usia 10 tahun, maksimal 8 orang per kelas.",
}
RECORDS = {
    "Shop": "We sell new and second-hand vinyl records, mostly rock, soul and jazz.",
    "Post": "We ship records worldwide, packed in proper mailers.",
}
BOATS = {
    "Barcos": "Alquilamos barcos de 15 CV para hasta cinco personas sin licencia.",
    "Condiciones": "Se puede navegar hasta dos millas de la costa, solo de día.",
}
ANSWERED = [
    ("knitting", "Anak umur 11 boleh ikut?", "mulai usia 10 tahun"),
    ("knitting", "Harus beli hakpen sendiri?", "hakpen"),
    ("records", "Do you send records abroad?", "worldwide"),
    ("boats", "¿Hasta dónde podemos ir?", "dos millas"),
]
DECLINED = [
    ("knitting", "id", "Apa beda merajut dan merenda?"),
    ("records", "en", "Do you sell record players?"),
]


def test_an_age_unyeared_buying_and_how_far(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Unyeared")
    made = assistant_per_kb(org, {"knitting": KNITTING, "records": RECORDS, "boats": BOATS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
