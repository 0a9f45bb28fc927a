"""A size in words is no thing asked ("a six-foot tree" of trees "from 5 to 8 feet"); who
does a thing is its root ("perias" of "rias"); Spanish "aquí" carries no topic; a fact
asked "biasanya" (usually) is the fact, and a part of the day gives a time ("dilakukan
pagi hari"); "Can you [sharpen] X?" and "Melayani X?" ask whether the service is done,
so a thing no page names is not."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TREES = {
    "Trees": "Pick a Nordmann fir in the field or a netted one in the yard. Trees from 5 to "
    "8 feet cost £50; taller ones are priced by the foot.",
    "Visiting": "We are open every day in December from 10 am to 4 pm.",
}
KNIVES = {
    "Sharpening": "We sharpen kitchen knives, scissors and garden tools on a water-cooled "
    "wheel. Kitchen knives are £5 each.",
    "Drop-off": "Leave your knives at the shop on Mill Lane and collect them the next day.",
}
MAKE_UP = {
    "Paket": "Paket rias wisuda Rp350.000 sudah termasuk sanggul atau hijab.",
    "Jadwal": "Tim kami datang ke rumah dua jam sebelum acara dimulai.",
}
SCHOOL_RUN = {
    "Layanan": "Kami mengantar dan menjemput siswa SD dan SMP di Kota Madiun dengan mobil ber-AC.",
    "Biaya": "Biaya bulanan Rp400.000 untuk jarak sampai 5 km.",
}
FARM_SHOP = {
    "Pengiriman": "Pembelian pupuk di atas 10 karung diantar gratis. Pengantaran dilakukan "
    "pagi hari dengan mobil pikap.",
    "Produk": "Kami menjual pupuk urea, NPK dan kompos dalam karung 50 kg.",
}
HERBS = {
    "Productos": "Vendemos infusiones a granel, miel de la comarca y jabones naturales.",
    "Envíos": "Enviamos a toda la península en 48 horas.",
}
ANSWERED = [
    ("trees", "How much is a six-foot tree?", "£50"),
    ("make_up", "Jam berapa perias datang?", "dua jam sebelum acara"),
    ("farm_shop", "Diantar jam berapa biasanya?", "pagi hari"),
    ("herbs", "¿Tenéis miel de aquí?", "miel de la comarca"),
]
DECLINED = [  # each answered with the page's nearest sentence before
    ("knives", "en", "Can you sharpen a chainsaw chain?"),
    ("school_run", "id", "Melayani antar jemput TK?"),
]


def test_sizes_in_words_hedges_and_services_asked(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Sizes")
    made = assistant_per_kb(
        org,
        {
            "trees": TREES,
            "knives": KNIVES,
            "make_up": MAKE_UP,
            "school_run": SCHOOL_RUN,
            "farm_shop": FARM_SHOP,
            "herbs": HERBS,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
