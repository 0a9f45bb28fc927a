"""A price asked roughly is the price ("Roughly what does a shop sign cost?"), and a
thing priced by name needs a sentence naming it; "mayor de edad" is an age; what the
asker must send is no delivering, while exporting and collecting-and-returning are;
spoken Indonesian's "udah" and "sama" name nothing."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SIGNS = {
    "Signs": "We hand-paint shop fronts, pub signs and chalkboards in enamel paints. A "
    "painted shop sign typically costs £600 to £1,500 depending on size.",
    "Collection": "We collect and return old signs for restoration free within 15 miles "
    "of Norwich.",
}
SHELTER = {
    "Adopción": "Todos los gatos se entregan vacunados y con microchip. Para adoptar hay "
    "que ser mayor de edad y rellenar un cuestionario.",
}
STONES = {
    "Nisan": "Kami membuat batu nisan dari marmer dan granit, lengkap dengan ukiran nama "
    "dan tanggal.",
    "Pesan": "Pesan cukup lewat WhatsApp dengan mengirim nama, tanggal lahir dan tanggal "
    "wafat. Kami kirim ke seluruh Jawa lewat ekspedisi. Ekspor ke luar negeri dengan "
    "kontainer.",
}
ANSWERED = [
    ("signs", "Roughly what does a shop sign cost?", "£600 to £1,500"),
    ("signs", "We're 10 miles away, do we pay for the pick-up?", "free within 15 miles"),
    ("shelter", "Tengo 17 años, ¿puedo adoptar un gato?", "mayor de edad"),
    ("stones", "Udah sama ukiran nama?", "ukiran nama"),
    ("stones", "Data apa aja yang harus dikirim?", "tanggal lahir"),
    ("stones", "Bisa kirim ke luar negeri?", "Ekspor ke luar negeri"),
]
DECLINED = [  # a thing the page does not price, asked roughly, is still not priced
    ("signs", "en", "Roughly what does a boat name cost?"),
]


def test_rough_prices_adult_age_and_sending(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Rough")
    made = assistant_per_kb(org, {"signs": SIGNS, "shelter": SHELTER, "stones": STONES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
