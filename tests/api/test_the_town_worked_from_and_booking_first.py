"""Set FG's rules (2026-12-07): from what town they work is where they are, and a page
working "desde Salamanca" says it; whether one must book first is told by the notice a
page asks ("minimal satu hari sebelumnya"). Which rows the code before (8eb08d9)
answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TRANSLATORS = {
    "Servicio": "Traducciones Puente traduce documentos oficiales del inglés y del "
    "francés. Trabajamos a distancia desde Cáceres y enviamos las traducciones juradas "
    "por mensajería.",
    "Tarifas": "Una partida de nacimiento cuesta 40 euros y está lista en tres días.",
}
BATIK = {
    "Kelas": "Kelas membatik Canting Sari diadakan di Kampung Batik Laweyan, Solo, "
    "setiap hari pukul 09.00 sampai 14.00. Satu kelas berlangsung tiga jam.",
    "Pemesanan": "Pemesanan lewat WhatsApp paling lambat dua hari sebelumnya.",
}
FERRY = {
    "Trips": "Our seal-watching boat leaves Morston Quay twice a day in summer. Places "
    "must be booked at least 24 hours before sailing.",
}
ANSWERED = [
    # (before: declined, "trabajáis" from a town not read as asking where)
    ("translators", "¿Desde qué ciudad trabajáis?", "desde Cáceres"),
    # (before: answered with the class's place and hours, whether to book first not
    # read as asking the notice)
    ("batik", "Mau ikut kelas batik perlu pesan dulu?", "paling lambat dua hari"),
    # (before: answered too, the English with the trip's sentence before it as well)
    ("ferry", "Do we need to book ahead?", "24 hours before sailing"),
    ("batik", "Harus pesan kapan?", "paling lambat dua hari"),
]
DECLINED = [
    # a town no page works from is still no answer (before: declined too)
    ("translators", "es", "¿Tenéis oficina en Badajoz?"),
]


def test_the_town_worked_from_and_booking_first(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Towns and bookings")
    made = assistant_per_kb(org, {"translators": TRANSLATORS, "batik": BATIK, "ferry": FERRY})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
