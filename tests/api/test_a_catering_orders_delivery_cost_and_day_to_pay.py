"""Spoken Indonesian of a caterer's pages: by the code before (28882f1) "Ongkirnya
berapa?" (the delivery cost, shortened as it is spoken) of "Ongkos kirim gratis dalam
kota" and "Bayarnya kapan?" of "Pembayaran lunas H-1" (the day before the event) were
declined; by 1635078's "Nomor teleponnya berapa?" of "Hubungi 0812 ..." too, not read as
asking the telephone number ("teleponnya"). The price row passes, and the questions the
pages do not answer are declined, before and after."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CATERING = {
    "Menu": "Kami menyediakan nasi kotak dan tumpeng untuk acara kantor dan pengajian. "
    "Semua masakan halal.",
    "Harga": "Nasi kotak mulai Rp 28.000 per kotak, minimal 25 kotak. Ongkos kirim gratis "
    "dalam kota Semarang.",
    "Pemesanan": "Pesan paling lambat 2 hari sebelum acara lewat WhatsApp. Pembayaran lunas "
    "H-1 lewat transfer bank. Hubungi 0812 4455 6677.",
}
ANSWERED = [
    ("catering", "Ongkirnya berapa?", "Ongkos kirim gratis"),
    ("catering", "Bayarnya kapan?", "H-1"),
    ("catering", "Berapa harga nasi kotak?", "Rp 28.000"),
    ("catering", "Nomor teleponnya berapa?", "0812 4455 6677"),
]
DECLINED = [
    ("catering", "id", "Bisa sewa tenda juga?"),
    ("catering", "id", "Bagaimana cara membuat tumpeng?"),
]


def test_a_caterers_delivery_cost_the_day_to_pay_and_its_number(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Catering")
    made = assistant_per_kb(org, {"catering": CATERING})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
