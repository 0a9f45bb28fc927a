"""A price asked by the time ("Sekali pijat berapa?"); notice asked as how long before,
or with how many days of margin; running in a month, of trips scheduled by the month;
what to wear, asked as anything special; having to have done it before; and a group
numbering itself against the sizes a caterer takes."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

MASSAGE = {
    "Tarif": "Tarif pijat refleksi Rp120.000 per sesi, durasi 60 menit.",
    "Pesan": "Pemesanan paling lambat dua hari sebelumnya lewat WhatsApp.",
}
PAELLA = {
    "Servicio": "Cocinamos paella en tu casa para grupos de 20 a 100 personas.",
    "Reservas": "Reserva con al menos dos semanas de antelación.",
}
TRIPS = {
    "Trips": "Our seal-watching trips leave the quay at 10am and 3pm from May to September.",
    "Clothing": "Please wear warm clothes and flat shoes; life jackets are provided.",
}
DUBBING = {
    "Requisitos": "No hace falta experiencia, pero hay que tener buena dicción.",
    "Curso": "El curso de doblaje dura de octubre a junio.",
}
ANSWERED = [
    ("massage", "Sekali pijat berapa?", "Rp120.000 per sesi"),
    ("massage", "Harus pesan berapa lama sebelum datang?", "dua hari sebelumnya"),
    ("paella", "¿Con cuántos días de margen hay que avisaros?", "dos semanas"),
    ("paella", "Somos 12, ¿nos la hacéis?", "de 20 a 100 personas"),
    ("trips", "Do you go out in April?", "from May to September"),
    ("trips", "Should I wear anything special?", "warm clothes"),
    ("dubbing", "¿Hay que haber hecho teatro antes?", "No hace falta experiencia"),
]
DECLINED = [
    ("massage", "id", "Ada layanan lulur?"),
    ("paella", "es", "¿Hacéis arroz negro?"),
    ("trips", "en", "Do you sell binoculars?"),
]


def test_once_priced_notice_by_margin_and_a_group_numbering_itself(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Onceprice")
    made = assistant_per_kb(
        org, {"massage": MASSAGE, "paella": PAELLA, "trips": TRIPS, "dubbing": DUBBING}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
