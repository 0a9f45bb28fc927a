"""Questions in the customer's words, of a Spanish exam academy and an Indonesian
T-shirt printer (set EF's kinds, in pages written here). By the code before (7a0c0f6)
each answered row was declined: "¿Se puede hacer online?" of "en directo por internet"
("online" not read as "internet"), "¿Qué cuota mensual tenéis?" (priced less its
"tenéis"), "¿Puedo pasar a las seis de la tarde?" (an hour in words), "Saya belum punya desain, bisa dibantu?"
("not yet" and "have" as things asked), "Kaosnya bahan apa?" of a sentence naming the
cotton without a word of making. By 2edbbeb's, a Japanese course's "Modulnya harus
beli terpisah?" (bought apart asks whether it is included) and "Belum bisa hiragana sama
sekali, bisa ikut?" (new to it) were declined (set EG's kinds). "Apa bedanya sablon DTF dan plastisol?" was answered
with the sentence naming the two side by side. The other questions the pages do not
answer are declined, before and after."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

ACADEMY = {
    "Cursos": "Preparamos oposiciones de correos y de celador. Las clases se dan en Logroño "
    "o en directo por internet.",
    "Precios": "La cuota es de 95 euros al mes, con los apuntes incluidos.",
    "Exámenes": "Los sábados hay un simulacro de examen con preguntas de otros años.",
    "Horario": "Abrimos de lunes a viernes de 10 a 13 y de 17 a 21 h.",
}
PRINTER = {
    "Layanan": "Kami menerima sablon kaos, jaket dan totebag dengan sablon plastisol atau "
    "DTF. Desain bisa dibantu gratis oleh tim kami.",
    "Harga": "Satu kaos sablon Rp40.000 sudah termasuk kaos katun combed 24s.",
}
COURSE = {
    "Program": "Kelas bahasa Jepang untuk pemula sampai persiapan JLPT N3, maksimal 10 "
    "siswa per kelas.",
    "Biaya": "Biaya kursus Rp550.000 per bulan, modul belajar sudah termasuk.",
}
ANSWERED = [
    ("academy", "¿Se puede hacer online?", "por internet"),
    ("academy", "¿Qué cuota mensual tenéis?", "95 euros"),
    ("academy", "¿Puedo pasar a las seis de la tarde?", "17 a 21"),
    ("printer", "Saya belum punya desain, bisa dibantu?", "Desain bisa dibantu"),
    ("printer", "Kaosnya bahan apa?", "katun combed"),
    ("course", "Modulnya harus beli terpisah?", "modul belajar sudah termasuk"),
    ("course", "Belum bisa hiragana sama sekali, bisa ikut?", "pemula"),
]
DECLINED = [
    ("academy", "es", "¿Preparáis oposiciones de bombero?"),
    ("academy", "es", "¿Hay descuento para familias numerosas?"),
    ("printer", "id", "Bisa sablon topi?"),
    ("printer", "id", "Apa bedanya sablon DTF dan plastisol?"),
]


def test_an_exam_academy_and_a_printer_answer_their_customers_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Academy and printer")
    made = assistant_per_kb(org, {"academy": ACADEMY, "printer": PRINTER, "course": COURSE})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
