"""Asked why, a page that never writes what the question says happens holds no answer
("Why do hedgehogs have spines?" of a rescue's pages), unless its sentence gives a
reason ("because the hedgehogs are hibernating"); "¿Por qué zona estáis?" asks where
they are; "¿Cuánto me saldría ...?" asks a price, which a page pricing another thing does
not give; "Bisa dihubungi di nomor berapa?" asks their number."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org, reply_to

HEDGEHOGS = {
    "Our work": "We take in injured and orphaned hedgehogs and release them when they are "
    "strong enough. The centre is closed to visitors in winter because the hedgehogs "
    "are hibernating.",
    "Visiting": "Visitors are welcome on Sundays from 2 pm to 4 pm between April and October.",
    "Feeding": "We feed the hedgehogs meaty cat food and dry kitten biscuits, never milk or bread.",
}
FRAMES = {
    "Taller": "Enmarcamos cuadros, láminas y fotografías a medida. El local está en la "
    "calle Feria 31, al lado de la parroquia.",
    "Precios": "Un marco sencillo para una lámina de 30 por 40 centímetros cuesta 25 euros.",
}
RENTAL = {
    "Sewa": "Kami menyewakan tenda dan kursi untuk acara keluarga di Kota Malang.",
    "Kontak": "Pemesanan dan pertanyaan lewat WhatsApp 0813 5566 7788, setiap hari pukul "
    "08.00 sampai 20.00.",
}
FOGGING = {  # set AU's pages
    "Sebelum fogging": "Penghuni dan hewan peliharaan harus keluar rumah selama dua jam. "
    "Makanan, piring, dan akuarium ditutup rapat sebelum petugas datang.",
    "Jadwal": "Fogging dilakukan pagi hari pukul 06.00 sampai 09.00 atau sore pukul 16.00 "
    "sampai 18.00, saat nyamuk aktif.",
}
ANSWERED = [
    ("hedgehogs", "Why is the centre closed in winter?", "hibernating"),
    # "sleep" is on no page, but the sentence gives a reason
    ("hedgehogs", "Why do hedgehogs sleep in winter?", "because the hedgehogs"),
    ("frames", "¿Por qué zona estáis?", "calle Feria 31"),
    ("frames", "¿Cuánto me saldría enmarcar una lámina de 30 por 40?", "25 euros"),
    ("rental", "Bisa dihubungi di nomor berapa?", "0813 5566 7788"),
]
DECLINED = [  # general knowledge, each answered with a sentence on hedgehogs before
    ("hedgehogs", "en", "Why do hedgehogs have spines?"),
    ("hedgehogs", "en", "Why do hedgehogs eat beetles?"),
    # the page prices a print's frame, not a photograph's
    ("frames", "es", "¿Cuánto me saldría enmarcar una fotografía?"),
]


def test_why_where_a_price_and_which_number(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Why")
    made = assistant_per_kb(
        org, {"hedgehogs": HEDGEHOGS, "frames": FRAMES, "rental": RENTAL, "fogging": FOGGING}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
    # a reply, not a server error: a turn whose quote had no sentence once failed there
    reply = reply_to(org, "Kucing saya bagaimana?", assistant=made["fogging"])
    assert reply["answer"] and reply["found"] == bool(reply["citations"])
