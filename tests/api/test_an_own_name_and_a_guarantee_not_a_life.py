"""Set FJ's rules (2026-12-07): the service's own name is not the thing a question asks
the meaning of ("¿Qué es un visillo?" of "Visillo confecciona cortinas, estores y
visillos"); a thing's life is not its guarantee ("Berapa lama umur panel surya?" of
"bergaransi 10 tahun"); "¿Desde cuánto salen...?" asks a price, "¿Cuánto tardáis en
hacerlas?" how long, "¿podéis venir hoy?" whether they come the same day. Which rows the
code before (8eb08d9) answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CURTAINS = {
    "Taller": "Visillo confecciona cortinas, estores y visillos a medida en Salamanca.",
    "Precios": "Los estores enrollables empiezan en 45 euros. Entregamos en tres semanas.",
}
ROOFS = {
    "Urgencias": "Para goteras urgentes vamos en el día si nos avisas antes de las 12.",
}
SOLAR = {
    "Garansi": "Panel surya bergaransi 10 tahun dan inverter 5 tahun.",
    "Harga": "Paket panel surya 2 kWp Rp32.000.000 sudah termasuk pemasangan.",
}
LAMPS = {
    "Produk": "Lampu tenaga surya kami awet sampai 8 tahun dengan baterai lithium.",
}
ANSWERED = [
    # (before: declined, "desde" a word no page holds)
    ("curtains", "¿Desde cuánto salen los estores?", "45 euros"),
    # (before: declined, "hacerlas" read as the thing a length must name)
    ("curtains", "¿Cuánto tardáis en hacerlas?", "tres semanas"),
    # (before: declined, "venir" and "ahora" words no page holds)
    ("roofs", "Tengo una gotera ahora, ¿podéis venir hoy?", "vamos en el día"),
    # a page saying how long a thing lasts still answers it (before: answered too)
    ("lamps", "Lampunya awet berapa tahun?", "awet sampai 8 tahun"),
]
DECLINED = [
    # (before: answered with the sentence naming visillos among other things)
    ("curtains", "es", "¿Qué es un visillo?"),
    # (before: answered with the guarantee)
    ("solar", "id", "Berapa lama umur panel surya?"),
]


def test_an_own_name_and_a_guarantee_not_a_life(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Cortinas Visillo")
    made = assistant_per_kb(
        org, {"curtains": CURTAINS, "roofs": ROOFS, "solar": SOLAR, "lamps": LAMPS}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
