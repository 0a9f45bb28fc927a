"""A share paid ahead answers how much the deposit is ("¿Cuánto es la señal?" of "una
señal del 20 %", "DP-nya berapa?" of "DP 50 persen"); "¿Cuánto valen...?" is a price
asked; "Berapa DP-nya?" of a page saying "uang muka" is answered by its share; and a
Spanish thing of two nouns is asked by both ("¿Tenéis piscina de
invierno?" of a club with a summer pool only is declined)."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CLUB = """# Club Deportivo Vega

Tenemos cinco pistas de pádel y una piscina de verano. Para reservar una pista se paga
una señal del 20 % del precio; el resto, en recepción. El alquiler de toalla para la
piscina son 2 euros.
"""
SOUND = """# Sewa Sound System Gemilang

Paket sound system pengajian Rp1.500.000 dan paket pernikahan Rp3.500.000 per hari.
Pemesanan dengan DP 50 persen, pelunasan pada hari acara.
"""
CATERING = """# Katering Bu Ani

Nasi kotak Rp25.000 per kotak. Uang muka 40% dibayar saat pesan, sisanya saat barang
diterima.
"""
ANSWERED = [
    ("club", "¿Cuánto es la señal?", "señal del 20 %"),
    ("club", "¿Cuánto valen las toallas?", "2 euros"),
    ("club", "¿Tenéis pistas de pádel?", "cinco pistas de pádel"),
    ("sound", "DP-nya berapa?", "DP 50 persen"),
    # the page says "uang muka" for "DP": the share paid ahead, not the box's price
    ("catering", "Berapa DP yang harus dibayar?", "Uang muka 40%"),
    ("catering", "DP berapa persen?", "Uang muka 40%"),
]
DECLINED = [("club", "es", "¿Tenéis piscina de invierno?")]


def test_deposits_worth_and_things_of_two_nouns(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Deposits")
    made = assistant_per_kb(
        org, {"club": {"Club": CLUB}, "sound": {"Sound": SOUND}, "catering": {"Katering": CATERING}}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
