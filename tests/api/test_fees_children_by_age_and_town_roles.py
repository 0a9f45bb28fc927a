"""What a price is called names nothing priced ("How much are the fees?" of "Membership
is £30 a term"); children asked by their age are named by a page giving an age ("¿Cuánto
pagan los niños de 10 años?" of "los menores de 12 años entran gratis"), and the price,
not whether they may come, is what is asked; who holds a town's office ("Siapa bupati
Kulon Progo?") is not told by a sentence naming the village a farm is in."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CHOIR = """# Oakley Singers

Anyone can join, and there are no auditions. Membership is £30 a term, and students pay
£10. We rehearse on Monday evenings in the church hall.
"""
MILL = """# Molino de Aceite El Olivo

La visita guiada dura una hora. Cuesta 12 euros por adulto; los menores de 12 años entran
gratis. Se hacen visitas de martes a sábado.
"""
FARM = """# Peternakan Kambing Sumber Rejeki

Peternakan kami di Desa Girimulyo, Kulon Progo, memelihara 120 ekor kambing etawa. Susu
segar dijual Rp50.000 per liter.
"""
ANSWERED = [
    ("choir", "How much are the fees?", "£30 a term"),
    ("mill", "¿Cuánto pagan los niños de 10 años?", "entran gratis"),
    ("farm", "Kambingnya ada berapa ekor?", "120 ekor"),
]
DECLINED = [
    ("farm", "id", "Siapa bupati Kulon Progo?"),
    ("mill", "es", "¿Quién es el alcalde del pueblo?"),
]


def test_fees_children_by_their_age_and_a_towns_office(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Fees")
    made = assistant_per_kb(
        org, {"choir": {"Choir": CHOIR}, "mill": {"Molino": MILL}, "farm": {"Peternakan": FARM}}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
