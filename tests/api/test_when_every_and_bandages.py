"""Asked when, or how long in time, a quote naming no time at all does not say ("How long
do horses live?" of a livery yard's arena), nor one naming no age at what age; "every
child" is no count ("How many kids in a group?"); "vendas" (bandages) is no word of
selling; "sunat" is "khitan"."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

LIVERY = {
    "Yard": "There is a floodlit 60 by 30 metre arena and a heated tack room with lockers. "
    "Horses are turned out in small groups.",
    "Costs": "Full livery is £170 a week. Shoeing is paid to the farrier once the work is done.",
    "Joining": "New horses must be vaccinated against flu. Settling in usually takes about "
    "two weeks.",
}
CODING = {
    "Club": "Children aged 9 to 14 learn to code games. Every child gets a login for home. "
    "Groups are no bigger than ten, with two tutors.",
}
TYRES = {
    "Ban": "Harga ban motor ring 17 mulai Rp250.000. Pemasangan ban di toko gratis.",
}
BOXING = {
    "Material": "Hay que traer guantes, vendas y bucal; el club presta guantes el primer "
    "mes. La cuota es de 40 euros al mes.",
}
CLINIC = {
    "Biaya": "Khitan metode laser Rp850.000, sudah termasuk obat dan satu kali kontrol.",
    "Perawatan": "Anak bisa menonton kartun selama tindakan. Setelah khitan, anak bisa "
    "langsung memakai celana dan mandi esok harinya.",
}
BARBER = {
    "Layanan": "Potong rambut dewasa Rp35.000, anak di bawah 12 tahun Rp25.000. Kami buka "
    "setiap hari.",
}
ANSWERED = [
    ("livery", "When do I pay the farrier?", "once the work is done"),
    ("livery", "How long does it take a new horse to settle in?", "two weeks"),
    ("coding", "How many kids in a group?", "no bigger than ten"),
    ("clinic", "Sunat laser biayanya berapa?", "Rp850.000"),
    # a child's years, then "berapa": a price, not a year
    ("barber", "Potong rambut anak umur 8 tahun berapa?", "Rp25.000"),
]
DECLINED = [  # each answered with the page's nearest sentence before
    ("livery", "en", "How long do horses live?"),
    ("tyres", "id", "Kapan ban motor harus diganti?"),
    ("boxing", "es", "¿Vendéis guantes?"),
    # a quote giving no age says not which
    ("clinic", "id", "Umur berapa sebaiknya anak disunat?"),
    # how long, of a page giving prices and days only
    ("barber", "id", "Potongnya lama tidak?"),
]


def test_when_every_and_bandages(platform: Flask) -> None:
    org = create_org(platform.test_client(), "When")
    made = assistant_per_kb(
        org,
        {
            "livery": LIVERY,
            "coding": CODING,
            "tyres": TYRES,
            "boxing": BOXING,
            "clinic": CLINIC,
            "barber": BARBER,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
