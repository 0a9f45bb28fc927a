"""Questions of set EI's kinds, in pages written here: an English and an Indonesian
pharmacy, a Spanish immigration adviser. By the code before (1f9c8a2) each answered row
was declined: a public holiday asked by its name, of pages naming holidays ("Are you
open on Good Friday?" of "closed on bank holidays"; "Tanggal merah buka?" of "termasuk
hari libur"; "Buka waktu Lebaran?"), and the day asked first with a Spanish verb ("¿Los
viernes abrís?"). The declined rows are declined before and after: the fasting month is
no holiday a page on holidays tells."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PHARMACY = {
    "Opening": "We are open Monday to Friday, 9am to 5.30pm, and closed on bank holidays.",
    "Services": "We offer free blood pressure checks and flu jabs for £14.",
}
APOTEK = {
    "Jam buka": "Apotek buka setiap hari pukul 08.00 sampai 21.00, termasuk hari libur.",
    "Layanan": "Kami melayani resep dokter dan cek gula darah Rp15.000.",
}
ADVISER = {
    "Horario": "La oficina abre de lunes a jueves de 9:00 a 14:00.",
    "Trámites": "Tramitamos permisos de residencia y renovaciones de tarjeta.",
}
ANSWERED = [
    ("pharmacy", "Are you open on Good Friday?", "closed on bank holidays"),
    ("apotek", "Tanggal merah buka?", "termasuk hari libur"),
    ("apotek", "Buka waktu Lebaran?", "termasuk hari libur"),
    ("adviser", "¿Los viernes abrís?", "lunes a jueves"),
]
DECLINED = [
    ("pharmacy", "en", "Do you do travel vaccinations?"),
    ("apotek", "id", "Ada layanan vaksin?"),
    ("apotek", "id", "Buka waktu bulan puasa?"),
    ("adviser", "es", "¿Tramitáis visados de estudiante?"),
]


def test_holidays_by_their_names_and_a_day_asked_first_are_answered(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Pharmacies and an adviser")
    made = assistant_per_kb(org, {"pharmacy": PHARMACY, "apotek": APOTEK, "adviser": ADVISER})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
