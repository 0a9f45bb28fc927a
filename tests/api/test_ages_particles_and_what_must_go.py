"""An age written "berusia 6 sampai 12 tahun" answers "Umur berapa ...?"; spoken
Indonesian's particles ("aja", "sih", "di sini") are no topic; asked whether a thing may
be left, the sentence naming it ("Fuel tanks must be emptied") answers, not one on
collecting the boat; something asked for adults of pages only for children is declined;
a monthly invoice answers "Can we pay monthly?", and "How do I know ...?" asks what shows
it, not how to know."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PAINTING = {
    "Kelas": "Sanggar Lukis Warna menerima anak berusia 6 sampai 12 tahun. Biaya kelas "
    "Rp200.000 per bulan untuk empat pertemuan.",
    "Kegiatan": "Kegiatan meliputi menggambar bebas, mewarnai dengan cat air, dan membuat "
    "kolase dari kertas bekas.",
}
BOATYARD = {
    "Winter storage": "We lift boats out in October and keep them ashore on cradles until "
    "April. Owners may collect and return their boat on any weekday.",
    "Before lifting": "Fuel tanks must be emptied before the boat is lifted onto its cradle.",
}
COOKING = {
    "Clases": "Damos clases de cocina para niños de 6 a 11 años los viernes por la tarde. "
    "Cada clase cuesta 18 euros con los ingredientes incluidos.",
    "Reservas": "Las plazas se reservan por teléfono y se pagan el primer día.",
}
PRINTING = {
    "Orders": "Trade customers can open an account and pay by invoice at the end of each "
    "month. Every order is checked by hand, and a proof is emailed to you before we "
    "print.",
    "Turnaround": "Business cards are ready in two working days.",
}
YOGA = {
    "Classes": "Family yoga is for children aged 4 to 10 with a parent, on Saturdays at "
    "10 am. Classes for adults are on Thursdays at 7 pm.",
}
ANSWERED = [
    ("painting", "Umur berapa anak bisa ikut?", "berusia 6 sampai 12 tahun"),
    ("painting", "Kegiatannya apa aja sih di sini?", "menggambar bebas"),
    ("boatyard", "Can I leave the fuel tank in the boat?", "Fuel tanks must be emptied"),
    ("printing", "Can our office pay monthly?", "pay by invoice"),
    ("printing", "How do I know the design is right before you print it?", "a proof"),
    # a page that speaks of adults answers for them
    ("yoga", "Do you have classes for adults?", "Thursdays at 7 pm"),
]
DECLINED = [
    ("cooking", "es", "¿Tenéis clases para adultos?"),  # the classes are for children
]


def test_ages_particles_what_must_go_and_adults(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Ages")
    made = assistant_per_kb(
        org,
        {
            "painting": PAINTING,
            "boatyard": BOATYARD,
            "cooking": COOKING,
            "yoga": YOGA,
            "printing": PRINTING,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
