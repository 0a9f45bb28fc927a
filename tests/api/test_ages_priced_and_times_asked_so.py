"""A price asked for a child of an age is the price of the age band that holds it
("What's the price for a 9-year-old?" of "£5 for children aged 4 to 14"); a verb's
particle names nothing ("Could my 15-year-old come along?"); "Where do we meet you?"
asks where; "What's the latest we can arrive?" asks a time; "¿En cuánto rato ...?" and
"Jadinya berapa hari?" ask how long."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

MAZE = {
    "Tickets": "Entry to the maize maze is £7 for adults and £5 for children aged 4 to 14. "
    "Under-4s go in free.",
    "Opening": "We open at 10 am in July and August. Last admission is at 5 pm.",
}
FORGE = {
    "Workshops": "Our weekend forging workshops cost £180 and are for adults aged 18 and over.",
    "Lunch": "A hot lunch is served in the farmhouse kitchen.",
}
CANOES = {
    "Meeting": "The hire kiosk is on the beach beside the lifeboat station.",
    "Hire": "Canoes cost £20 an hour with paddles and buoyancy aids. We meet every group "
    "for a safety talk before they go out.",
}
TOWING = {
    "Servicio": "Llegamos en menos de media hora a cualquier punto de la ciudad.",
    "Precio": "La salida cuesta 55 euros con los primeros 10 kilómetros.",
}
TRANSLATION = {
    "Waktu": "Pengerjaan biasa 4 hari kerja untuk dokumen sampai 10 halaman.",
    "Biaya": "Biaya terjemahan Rp120.000 per halaman.",
}
ANSWERED = [
    ("maze", "What's the price for a 9-year-old?", "£5 for children aged 4 to 14"),
    ("maze", "What's the latest we can arrive?", "5 pm"),
    ("forge", "Could my 15-year-old come along?", "aged 18 and over"),
    ("canoes", "Where do we meet you?", "beside the lifeboat station"),
    ("towing", "¿En cuánto rato estáis aquí?", "media hora"),
    ("translation", "Jadinya berapa hari?", "4 hari kerja"),
]
DECLINED = [  # a thing one books that no page names
    ("maze", "en", "Can we book a birthday party?"),
]


def test_ages_priced_and_times_asked_so(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ages")
    made = assistant_per_kb(
        org,
        {
            "maze": MAZE,
            "forge": FORGE,
            "canoes": CANOES,
            "towing": TOWING,
            "translation": TRANSLATION,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
