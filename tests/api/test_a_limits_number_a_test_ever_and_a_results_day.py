"""The number a limit is of, a test in Indonesian's borrowed word, and when the result
is ready, end to end over pages written here. By the code before (620e65d), "Is there a
minimum number of guests?" of "a minimum of 40 guests" was declined ("number" read as a
thing no page names) and "Airnya pernah dites?" of "Air kami diuji ..." was declined
("dites" not the page's "diuji", "pernah" a term). "Hasil fotonya kapan jadi?" passes on
both over these two short pages (set DZ's three declined it there, "hasil" a term the
duration needed held); it stays answered. The other rows pass on both."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

HOG_ROAST = {
    "Events": "Our hog roast caters for weddings, parties and village fetes across "
    "Herefordshire. We bring our own gazebo and need a level pitch of 3 by 3 metres.",
    "Prices": "Packages start at £11 a head with a minimum of 40 guests, with rolls, "
    "stuffing and apple sauce. A deposit of £150 secures the date.",
}
WATER = {
    "Produk": "Kami menjual air minum isi ulang yang disaring dengan reverse osmosis. Isi "
    "ulang galon Rp5.000 dan galon baru beserta isinya Rp42.000.",
    "Kualitas": "Air kami diuji di laboratorium Dinas Kesehatan setiap 6 bulan. Galon "
    "dicuci dan disikat sebelum diisi.",
}
PHOTOS = {
    "Paket": "Paket foto keluarga Rp400.000 untuk maksimal 5 orang, sesi 30 menit, dapat "
    "8 foto edit.",
    "Pemesanan": "Pesan lewat WhatsApp dengan DP Rp100.000. File foto dikirim lewat Google "
    "Drive dalam 2 hari kerja.",
}
ANSWERED = [
    ("hog", "Is there a minimum number of guests?", "minimum of 40 guests"),
    ("hog", "How much is the deposit?", "£150"),
    ("water", "Airnya pernah dites?", "diuji di laboratorium"),
    ("water", "Isi ulang berapa?", "Rp5.000"),
    ("photos", "Hasil fotonya kapan jadi?", "2 hari kerja"),
    ("photos", "DP-nya berapa?", "Rp100.000"),
]
DECLINED = [
    ("hog", "en", "Is there a vegetarian option?"),
    ("water", "id", "Jual dispenser?"),
]


def test_a_limits_number_a_test_and_a_results_day_are_answered(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Limits, Tests and Results")
    made = assistant_per_kb(org, {"hog": HOG_ROAST, "water": WATER, "photos": PHOTOS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
