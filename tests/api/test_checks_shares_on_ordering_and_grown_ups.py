"""A root of one syllable is one term under "penge-" ("Cek AC bayar berapa?" of "Biaya
pengecekan"); a share paid on ordering is what is paid ahead ("¿Cuánto hay que
adelantar?" of "Pedimos un 30 % al encargar"); and a grown-up, as the asker writes it
("How much does a grown-up pay?"), is the page's adult."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

AIRCON = {
    "Servis": "Cuci AC split Rp75.000 per unit. Biaya pengecekan Rp50.000, gratis jika "
    "perbaikan dilanjutkan. Isi freon mulai Rp150.000.",
    "Jadwal": "Teknisi datang Senin sampai Sabtu pukul 08.00 sampai 17.00.",
}
KITCHENS = {
    "Encargos": "Diseñamos y montamos cocinas a medida en toda la provincia. Pedimos un "
    "30 % al encargar y el resto a la entrega.",
    "Plazos": "Una cocina se entrega en unas seis semanas desde la medición.",
}
FARM = {
    "Visiting": "The farm park is open daily from 10 am to 5 pm. Entry is £6 for adults "
    "and £3 for children aged 2 to 15.",
    "Animals": "You can feed the goats and hold the rabbits at the petting barn.",
}
ANSWERED = [
    ("aircon", "Cek AC bayar berapa?", "Rp50.000"),
    ("kitchens", "¿Cuánto hay que adelantar?", "30 %"),
    ("farm", "How much does a grown-up pay?", "£6"),
]
DECLINED = [
    ("aircon", "id", "Cek kulkas bayar berapa?"),  # declined before too: a guard
]


def test_checks_shares_on_ordering_and_grown_ups(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Checks")
    made = assistant_per_kb(org, {"aircon": AIRCON, "kitchens": KITCHENS, "farm": FARM})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
