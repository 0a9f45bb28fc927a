"""How long ahead to book, given as "con al menos 24 horas"; whether accessories are
included, asked bare ("Aksesorisnya termasuk?"); suitcases paid apart, of a price "con
equipaje incluido"."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DRIVER = {
    "Tarifas": "El traslado del centro de Málaga al aeropuerto cuesta 35 euros en berlina, "
    "con equipaje incluido.",
    "Reservas": "Reserve con al menos 24 horas por WhatsApp o web.",
}
COSTUMES = {
    "Harga": "Sewa baju adat dewasa Rp150.000 untuk 2 hari, sudah lengkap dengan aksesoris.",
    "Koleksi": "Kami menyewakan baju adat Jawa, Bali, Minang dan Bugis.",
}
TOURS = {
    "Booking": "Please book at least two days ahead; tours run at low tide only.",
    "Tours": "The oyster farm tour lasts about two hours and costs £32 for adults.",
}
ANSWERED = [
    ("driver", "¿Con cuánta antelación hay que reservar?", "24 horas"),
    ("driver", "¿Las maletas se pagan aparte?", "equipaje incluido"),
    ("costumes", "Aksesorisnya termasuk?", "lengkap dengan aksesoris"),
    ("tours", "How far ahead do we need to book?", "two days ahead"),
]
DECLINED = [
    ("driver", "es", "¿Alquiláis coches sin conductor?"),
    ("costumes", "id", "Apakah ada baju adat Papua?"),
    ("tours", "en", "Can we buy oysters to take home?"),
]


def test_notice_with_at_least_included_bare_and_luggage(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Atleast")
    made = assistant_per_kb(org, {"driver": DRIVER, "costumes": COSTUMES, "tours": TOURS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
