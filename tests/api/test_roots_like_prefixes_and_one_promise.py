"""An Indonesian verb of "-kan" or speech's "-in" on a root that begins as a prefix does
("bersihin" of "bersih") shares its root with the page's "membersihkan";
a warranty is the page's guarantee; "daring" is the page's "online". Asked through POST
/v1/chat of three assistants, each over a knowledge base of its own."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

WASHERS = {
    "Layanan": "Kami memperbaiki mesin cuci satu tabung, dua tabung dan front loading semua "
    "merek. Teknisi datang ke rumah di wilayah Depok.",
    "Harga": "Ganti dinamo pengering mulai Rp250.000. Cuci tabung (membersihkan kerak dan "
    "jamur) Rp150.000.",
}
CLOCKS = {
    "Repairs": "We repair mechanical clocks and wristwatches in our workshop on West Street. "
    "A full service of a mantel clock costs £120.",
    "Guarantee": "Every full service comes with a two year guarantee. The workshop is open "
    "Tuesday to Saturday, 9am to 5pm.",
}
COURSE = {
    "Kelas": "Kami membuka kelas bahasa Jepang tingkat dasar dan menengah. Satu kelas berisi "
    "paling banyak 10 siswa.",
    "Lokasi": "Kelas diadakan di Jalan Kaliurang, Yogyakarta, dan juga online lewat Zoom.",
}
ANSWERED = [
    ("washers", "Berapa biaya bersihin tabung yang berjamur?", "Rp150.000"),
    ("washers", "Berapa ongkos bersihin kerak?", "Rp150.000"),
    ("clocks", "How long is the warranty?", "two year guarantee"),
    ("course", "Ada kelas daring?", "online lewat Zoom"),
]
DECLINED = [  # a root of its own still needs its own words
    ("washers", "id", "Berapa biaya bersihin kulkas?"),
]


def test_roots_like_prefixes_a_warranty_and_daring(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Roots")
    made = assistant_per_kb(org, {"washers": WASHERS, "clocks": CLOCKS, "course": COURSE})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
