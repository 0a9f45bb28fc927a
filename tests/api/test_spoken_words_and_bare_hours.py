"""Spoken Indonesian reaches the written page: "masang" is "memasang" ("pemasangan"),
"dicek" is "cek", "sebotol" is a "botol", "balikin" is "balik", "telat" is
"terlambat" and "handphone" is "HP"; a count in words prices what a page counts in
digits ("paket empat kamera" of "Paket 4 kamera"). Spanish hours written without their
minutes ("de lunes a viernes de 9 a 18") are hours, but a range of ages is not; a
weekday asked is answered by the hours of one; where one picks a thing up is where the
place is."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CAMERAS = {
    "Paket": "Paket 4 kamera lengkap dengan perekam dan kabel Rp2.900.000. Tayangan kamera "
    "bisa dilihat dari HP lewat aplikasi.",
    "Pemasangan": "Pemasangan di rumah selesai dalam satu hari kerja.",
}
PUMPS = {
    "Biaya": "Biaya cek pompa ke rumah Rp40.000, gratis bila jadi diperbaiki.",
    "Garansi": "Setiap perbaikan bergaransi 30 hari.",
}
HONEY = {
    "Produk": "Madu randu dijual Rp90.000 per botol 600 ml. Pengiriman ke luar kota lewat "
    "ekspedisi.",
    "Sewa": "Alat panen lebah bisa disewa. Keterlambatan pengembalian didenda Rp20.000 per hari.",
}
DAY_CENTRE = {
    "El centro": "Somos un centro de día para mayores, abierto de lunes a viernes de 9 a 18.",
    "Cuidados": "Las familias pueden visitarnos antes de decidir. El podólogo viene dos "
    "veces por semana.",
}
ROBOTS = {
    "Cursos": "Cursos de robótica para niños de 8 a 12 años los sábados.",
    "Precio": "El curso cuesta 50 euros al mes.",
}
TOOLS = {
    "Where": "The shed is behind the community hall on Orchard Road.",
    "When": "We lend tools on Saturdays 9 am to noon and Thursdays 6 pm to 8 pm.",
}
ANSWERED = [
    ("cameras", "Masangnya berapa hari?", "satu hari"),
    ("cameras", "Paket empat kamera harganya berapa?", "Rp2.900.000"),
    ("cameras", "Bisa pantau dari handphone?", "dari HP"),
    ("pumps", "Kalau cuma dicek bayar berapa?", "Rp40.000"),
    ("honey", "Sebotol madu harganya berapa?", "Rp90.000 per botol"),
    ("honey", "Kalau telat balikin alat panen kena berapa?", "Rp20.000 per hari"),
    ("day_centre", "¿Abrís el fin de semana?", "de lunes a viernes de 9 a 18"),
    ("tools", "Can I come on a weekday evening?", "Thursdays 6 pm to 8 pm"),
    ("tools", "Where do I pick the tools up?", "behind the community hall"),
]
DECLINED = [  # a range of ages gives no hours
    ("robots", "es", "¿A qué hora abrís?"),
]


def test_spoken_words_and_bare_hours(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Spoken")
    made = assistant_per_kb(
        org,
        {
            "cameras": CAMERAS,
            "pumps": PUMPS,
            "honey": HONEY,
            "day_centre": DAY_CENTRE,
            "robots": ROBOTS,
            "tools": TOOLS,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
