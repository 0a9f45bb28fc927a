"""Leaving a cat on a Sunday is asked of the hours; a season spanned "to the end of
September" answers for November; a fee asked by "sebulan" and a duration asked by
"durasi", "cuántas horas es" or "sehari selesai" are found in the page's words."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CATTERY = {
    "Estancias": "Cuidamos gatos en habitaciones individuales. La estancia cuesta 14 euros al día.",
    "Horario": "Entradas y salidas de lunes a sábado de 10:00 a 13:00 y de 17:00 a 19:00.",
    "Clases": "Las clases de adiestramiento son de dos horas, una vez por semana.",
}
FISHING = {
    "Lessons": "A half-day casting lesson on the lake is £85 for one person.",
    "Season": "Lessons run from April to the end of September.",
}
DRAWING = {
    "Kelas": "Les menggambar untuk anak usia 4 sampai 12 tahun, seminggu sekali selama 90 menit.",
    "Biaya": "Iuran bulanan Rp300.000, sudah termasuk krayon dan kertas.",
    "Gorden": "Produksi gorden 5 sampai 7 hari kerja, lalu pemasangan 1 hari.",
}
ANSWERED = [
    ("cattery", "¿Puedo dejarlo un domingo?", "de lunes a sábado"),
    ("cattery", "¿Cuántas horas es cada sesión?", "dos horas"),
    ("fishing", "Can I have a lesson in November?", "April to the end of September"),
    ("drawing", "Iurannya sebulan berapa?", "Rp300.000"),
    ("drawing", "Durasi tiap pertemuan berapa menit?", "90 menit"),
    ("drawing", "Pasangnya sehari selesai?", "pemasangan 1 hari"),
]
DECLINED = [
    ("cattery", "es", "¿Cuidáis perros también?"),
    ("fishing", "en", "Do you teach sea fishing?"),
    ("drawing", "id", "Apakah ada les piano untuk anak?"),
]


def test_leaving_it_on_a_day_seasons_spanned_and_durations_asked(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Spanned")
    made = assistant_per_kb(org, {"cattery": CATTERY, "fishing": FISHING, "drawing": DRAWING})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
