"""Available on a day, of appointments on a span of days; what a dozen sells at and
bringing it home, in Spain's words; a schedule by the month asked of a month outside it,
and being new to it; how long an order takes, asked of the service's own product, and
the deposit as a share of the total; learners per class in the school's word; how long
stock holds out on the road."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

GROOMER = {
    "Booking": "Appointments are Wednesday to Sunday, 9am to 5pm.",
    "Prices": "A full groom is £45 for small dogs.",
}
EGGS = {
    "Venta": "Vendemos la docena de huevos a 3 euros. Te los llevamos a casa los viernes en Olite.",
}
CANOES = {
    "Horario": "Salimos cada día de 10:00 a 14:00 de mayo a octubre.",
    "Requisitos": "No se necesita experiencia, pero hay que saber nadar.",
}
# The knowledge base is named for the product, as an organisation's own name would be.
SERAGAM = {
    "Waktu": "Pengerjaan 10 hari kerja setelah DP 40% diterima.",
    "Harga": "Kemeja drill mulai Rp90.000 per potong.",
}
MANDARIN = {"Kelas": "Kelas reguler dua kali seminggu, maksimal 8 siswa per kelas."}
FISH = {"Kirim": "Bibit dikirim dalam kantong oksigen, tahan sampai 10 jam perjalanan."}
ANSWERED = [
    ("groomer", "Are you available on Mondays?", "Wednesday to Sunday"),
    ("eggs", "¿A cuánto está la docena?", "3 euros"),
    ("eggs", "¿Me podéis acercar los huevos a casa?", "llevamos a casa"),
    ("canoes", "¿Abrís en diciembre?", "de mayo a octubre"),
    ("canoes", "Nunca he remado, ¿puedo ir?", "No se necesita experiencia"),
    ("seragam", "Berapa hari sampai seragamnya jadi?", "10 hari kerja"),
    ("seragam", "DP-nya berapa persen dari total?", "DP 40%"),
    ("mandarin", "Muridnya per kelas ada berapa?", "8 siswa"),
    ("fish", "Kuat berapa lama di jalan?", "10 jam"),
]
DECLINED = [
    ("groomer", "en", "Do you groom cats too?"),
    ("eggs", "es", "¿Vendéis pollo de corral?"),
    ("mandarin", "id", "Ada persiapan ujian HSK?"),
]


def test_available_on_a_day_a_dozen_priced_and_a_schedule_by_the_month(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Availableday")
    made = assistant_per_kb(
        org,
        {
            "groomer": GROOMER,
            "eggs": EGGS,
            "canoes": CANOES,
            "seragam": SERAGAM,
            "mandarin": MANDARIN,
            "fish": FISH,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
