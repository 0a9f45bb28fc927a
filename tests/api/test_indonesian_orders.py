"""Indonesian questions asking with the everyday loanwords and the prefixed forms of a
page's words, end to end: "Minimal order berapa pcs?" of "Minimal pesanan ... 24 kaos"
("order" is "pesan", "pcs" only counts), "Kirim pakai apa?" of "Pengiriman ... lewat
JNE" ("pengiriman" is "kirim" without its "k"). Declined: what no page speaks of. The
code before (5e35f9d) declined the first (the pages answered the others otherwise too:
tests/agents/test_answerability_terms.py holds "kirim" under its prefix)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PRINTING = {
    "Sablon": "Kami menerima sablon kaos manual dan DTF. Minimal pesanan sablon manual 24 "
    "kaos, sedangkan DTF bisa satuan.",
    "Harga": "Harga kaos cotton combed 30s plus sablon satu warna mulai Rp55.000 per kaos.",
    "Pengiriman": "Pengiriman ke Jabodetabek memakan waktu 2 sampai 4 hari lewat JNE.",
}
ANSWERED = [
    ("printing", "Minimal order berapa pcs?", "24 kaos"),
    ("printing", "Kirim pakai apa?", "lewat JNE"),
    ("printing", "Bisa kirim ke Jabodetabek?", "Jabodetabek"),
]
DECLINED = [
    ("printing", "id", "Bisa bayar COD?"),
    ("printing", "id", "Apa beda sablon plastisol dan rubber?"),
]


def test_indonesian_orders(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Sablon Kaos Mandiri")
    made = assistant_per_kb(org, {"printing": PRINTING})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
