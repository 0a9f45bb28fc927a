"""How often is answered by the page's words for it ("semanal", "2 kali seminggu",
"fortnightly"); a town the asker names is answered by a page's radius or its "outside
<county>"; a print size no page offers ("16R") is not one it does ("10R")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

POOLS = {
    "Mantenimiento": "El mantenimiento semanal de una piscina privada cuesta 85 euros al "
    "mes: limpiamos fondo y skimmers y medimos cloro y pH.",
    "Zona": "Trabajamos en Murcia y pedanías hasta 25 km.",
}
PHOTOS = {
    "Paket": "Paket foto wisuda Rp350.000, dapat 2 cetak ukuran 10R dengan bingkai.",
    "Kelas": "Kelas editing foto 12 pertemuan, 2 kali seminggu, masing-masing 2 jam.",
}
BOOTHS = {
    "Travel": "Outside Leicestershire we charge 45p a mile for travel.",
    "Cleaning": "We clean the booth and its props fortnightly, and before every event.",
}
ANSWERED = [
    ("pools", "¿Cada cuánto venís a limpiar?", "semanal"),
    ("pools", "¿Llegáis hasta Alcantarilla?", "hasta 25 km"),
    ("photos", "Seminggu masuk berapa kali?", "2 kali seminggu"),
    ("booths", "We're in Nottingham, is there a travel fee?", "45p a mile"),
]
DECLINED = [
    ("photos", "id", "Ada cetak ukuran 16R?"),
    ("booths", "en", "Do the booths have a green screen?"),
]


def test_how_often_places_within_reach_and_print_sizes(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Often")
    made = assistant_per_kb(org, {"pools": POOLS, "photos": PHOTOS, "booths": BOOTHS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
