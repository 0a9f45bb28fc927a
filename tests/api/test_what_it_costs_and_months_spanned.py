"""What a thing costs asked as "What do the puppy classes cost?" or "¿Qué cuesta ...?"
is a price question like "how much"; a month asked falls in a span of months a page
gives ("a Saturday in June" of "from May to September"); "How late can ...?" asks a
time; "sesudah" is "setelah"."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DOGS = {
    "Puppy classes": "Puppy classes are for dogs aged 10 to 20 weeks and run for six "
    "weeks on Tuesday evenings. The course is £90.",
    "What to bring": "Bring small soft treats, a flat collar and a short lead.",
}
BARN = {
    "Prices": "Saturdays from May to September cost £6,500. Fridays and Sundays cost "
    "£4,800, and winter weekdays £3,200.",
    "The barn": "The barn seats 120 guests and the courtyard has fairy lights. Music "
    "must finish at 11.30 pm.",
}
CHESS = {
    "Torneos": "Cada último sábado de mes organizamos un torneo rápido, con inscripción "
    "de 5 euros para los alumnos y 8 euros para los demás.",
    "Clases": "Los grupos son de ocho alumnos como máximo.",
}
REPAIRS = {
    "Layanan": "Kami memperbaiki mesin cuci satu tabung, dua tabung dan front loading di "
    "rumah pelanggan. Biaya kunjungan dan pengecekan Rp75.000, tidak dihitung lagi kalau "
    "perbaikan jadi dikerjakan.",
    "Jadwal": "Teknisi datang Senin sampai Sabtu, jam 08.00 sampai 17.00.",
    "Garansi": "Setiap perbaikan bergaransi 30 hari untuk kerusakan yang sama. Pembayaran "
    "bisa tunai atau transfer setelah mesin dicoba dan berfungsi.",
}
ANSWERED = [
    ("dogs", "What do the puppy classes cost?", "£90"),
    ("barn", "What does a Saturday in June cost?", "£6,500"),
    ("barn", "How late can the band play?", "11.30 pm"),
    ("chess", "¿Qué cuesta el torneo si no soy alumno?", "8 euros"),
    ("repairs", "Bayarnya sebelum atau sesudah dibetulkan?", "setelah mesin dicoba"),
]
DECLINED = [
    ("dogs", "en", "What does a dog bed cost?"),  # no page sells beds
    ("chess", "es", "¿Qué cuesta un tablero de ajedrez?"),
]


def test_what_it_costs_a_month_spanned_and_after(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Costs")
    made = assistant_per_kb(org, {"dogs": DOGS, "barn": BARN, "chess": CHESS, "repairs": REPAIRS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
