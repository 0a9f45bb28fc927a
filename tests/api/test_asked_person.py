""" "Who owns the gym?", "¿Quién es el dueño del taller?" and "Siapa nama lurah
Sukamaju?" were answered with the opening hours or the address: the page's sentences
share the question's words ("gym", "taller", "Sukamaju") and name no one. A question
asking who holds a role is answered only by a quote that names someone; a page that
names the person still answers it, cited."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

GYM = """# Northside Climbing Gym

Northside Climbing Gym is open Monday to Friday from 7 am to 10 pm, and weekends from
9 am to 8 pm. A day pass costs 18 dollars for adults.

## Coaching

Our head coach is Sam Ortiz, who coached the national bouldering team for six years.
Beginner courses run every Tuesday evening.
"""
GARAGE = """# Taller Mecánico Hermanos Ruiz

El taller abre de lunes a viernes de 8:00 a 18:00 y los sábados de 9:00 a 13:00.
Estamos en la Calle Mayor 45, Zaragoza.

## Recepción

La encargada de recepción es Marta Gil, que atiende las citas y los presupuestos.
"""
OFFICE = """# Kantor Kelurahan Sukamaju

Kantor Kelurahan Sukamaju melayani warga RW 01 sampai RW 12 di Jl. Melati Raya No. 5,
Bandung. Pelayanan dibuka Senin sampai Kamis pukul 08.00 sampai 15.00.

## Pelayanan

Kepala seksi pelayanan adalah Bapak Dedi Kurniawan. Surat pengantar selesai dalam satu
hari kerja.
"""

ANSWERED = [
    ("gym", "Who is the head coach?", "Sam Ortiz"),
    ("taller", "¿Quién es la encargada de recepción?", "Marta Gil"),
    ("kantor", "Siapa kepala seksi pelayanan?", "Dedi Kurniawan"),
]
NOT_FOUND = [
    ("gym", "en", "Who owns the gym?"),
    ("taller", "es", "¿Quién es el dueño del taller?"),
    ("kantor", "id", "Siapa nama lurah Sukamaju?"),
]


def test_who_holds_a_role_is_answered_only_by_a_page_naming_someone(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Asked person")
    made = assistant_per_kb(
        org, {"gym": {"Gym": GYM}, "taller": {"Taller": GARAGE}, "kantor": {"Kantor": OFFICE}}
    )
    assert_answers(org, ANSWERED, NOT_FOUND, assistants=made)
