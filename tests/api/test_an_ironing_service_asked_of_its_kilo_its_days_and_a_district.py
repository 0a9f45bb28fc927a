"""Questions of set EJ's kinds, in pages written here: an Indonesian laundry. By the code
before (09bd478) the first answered row was declined: a price asked of "sekilonya" (the
kilo of it) where the page writes "per kilo". How many days, asked with the being done
first ("Setrikaan jadi dalam berapa hari?") or its "-nya" last, now asks the duration
(on set EJ's pages it was declined before); these pages answered it before too. The first
declined row was answered before: the district asked ("Kecamatan Coblong") shared its
kind's word with the one the page serves, which held the name."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

LAUNDRY = {
    "Tarif": "Cuci setrika Rp7.000 per kilo. Bed cover Rp25.000 per buah.",
    "Antar jemput": "Gratis antar jemput untuk wilayah Kecamatan Lengkong, minimal 3 kilo.",
    "Waktu": "Pakaian selesai dalam 3 hari; layanan express besok sore dengan tambahan 50%.",
}
ANSWERED = [
    ("laundry", "Sekilonya berapa?", "Rp7.000 per kilo"),
    ("laundry", "Setrikaan jadi dalam berapa hari?", "3 hari"),
    ("laundry", "Bajunya berapa hari selesainya?", "3 hari"),
    ("laundry", "Antar jemput ke Kecamatan Lengkong bisa?", "Kecamatan Lengkong"),
]
DECLINED = [
    ("laundry", "id", "Antar jemput ke Kecamatan Coblong bisa?"),
    ("laundry", "id", "Bisa cuci karpet?"),
]


def test_a_kilo_days_asked_and_a_district_by_its_kind(platform: Flask) -> None:
    org = create_org(platform.test_client(), "A laundry")
    made = assistant_per_kb(org, {"laundry": LAUNDRY})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
