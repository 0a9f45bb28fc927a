"""Where to find them, what one pays, and whether they rent a thing out, asked in few
words of the asker's own: "Where can I find you?", "Tempatnya di mana?" and "Bayarnya
sebulan berapa?" are answered by the sentence giving the place or the price, "Ngajinya
hari apa?" by the one naming the days of "mengaji"; "Do you rent canoes?" of pages that
never speak of renting is declined."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

REPAIR_SHED = """# Millbrook Repair Shed

Volunteers mend lamps, toasters and bicycles on the first Saturday of each month, 10 am
to 1 pm, in the old scout hut on Tanner Lane. Membership costs £12 a year; visitors
bringing a repair pay what they like.

Canoe trips on the river are run by our friends at the boat club; we only mend paddles.
"""
TPA = """# TPA Nurul Huda

TPA untuk anak umur 6 sampai 12 tahun. Anak-anak mengaji Selasa dan Kamis bakda Asar
di masjid Nurul Huda.

Infak bulanan Rp40.000 per anak.
"""
HUERTO = """# Huerto Escolar Las Lilas

Los talleres de huerto son los miércoles por la tarde, junto a la biblioteca del Parque
Norte. Los niños traen sus propias herramientas; nosotros ponemos las semillas.
"""
ANSWERED = [
    ("shed", "Where can I find you?", "scout hut on Tanner Lane"),
    ("shed", "How much does it cost to be a member?", "£12 a year"),
    ("tpa", "Tempatnya di mana?", "masjid Nurul Huda"),
    ("tpa", "Ngajinya hari apa?", "Selasa dan Kamis"),
    ("tpa", "Bayarnya sebulan berapa?", "Rp40.000"),
    ("huerto", "¿Dónde tenéis la sede?", "junto a la biblioteca"),
]
DECLINED = [
    ("shed", "en", "Do you rent canoes?"),
    ("huerto", "es", "¿Alquiláis herramientas?"),
]


def test_where_what_one_pays_and_renting_asked_in_the_askers_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Finding")
    made = assistant_per_kb(
        org,
        {
            "shed": {"Shed": REPAIR_SHED},
            "tpa": {"TPA": TPA},
            "huerto": {"Huerto": HUERTO},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
