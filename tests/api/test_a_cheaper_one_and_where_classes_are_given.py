"""Set FA's rules (2026-12-07): "Is there a cheaper membership for students?" asks a
price the pages give ("or £5 for students"), "cheaper" naming no thing of its own; a
price paid first ("biaya awal", "upfront fee") is named by the page for what it is for;
"tiap bulan" is a period, not a thing priced; "ya" ends a question and names nothing;
"¿Dónde dais las clases?" asks where the place is, which the sentence with the street
answers. Which rows the code before (a4068f8) answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CLIMBING = {
    "Membership": "Climbing club membership is £30 a year, or £12 for students and "
    "under-18s. Members book the wall for free.",
    "Sessions": "The wall is open on Tuesday and Friday evenings from 6 pm to 10 pm.",
}
POTTERY = {
    "Kelas": "Studio Tanah Liat membuka kelas membuat gerabah untuk dewasa pada hari "
    "Sabtu. Biaya kelas Rp350.000 per bulan untuk empat kali pertemuan.",
    "Pendaftaran": "Pendaftaran Rp75.000 sekali saja, sudah termasuk celemek.",
}
CERAMICA = {
    "Clases": "El Taller del Barro da clases de cerámica para niños desde los 8 años y para "
    "adultos en la calle Alfarería 7 de Talavera de la Reina. Los grupos son de diez alumnos "
    "como máximo y se agrupan por nivel, no por edad.",
    "Horarios y precios": "Las clases son los lunes y miércoles de 18:00 a 19:30 y cuestan "
    "40 euros al mes. Las clases siguen el calendario escolar y no hay clase en agosto.",
    "Hornadas": "Cada último viernes de mes cocemos en el horno las piezas de todos los "
    "alumnos, sin coste.",
}
ANSWERED = [
    # (before: declined, "cheaper" taken for a thing no page names)
    ("climbing", "Is there a cheaper membership for students?", "£12 for students"),
    # (before: declined, "awal" and "tiap" taken for what is priced)
    ("pottery", "Untuk mendaftar, ada biaya awal berapa?", "Rp75.000"),
    ("pottery", "Biaya kelas tiap bulan berapa ya?", "Rp350.000 per bulan"),
    # (before: answered with the timetable's sentences, not the street's)
    ("ceramica", "¿Dónde dais las clases?", "calle Alfarería 7"),
    # (before: answered too)
    ("climbing", "How much is membership?", "£30 a year"),
]
DECLINED = [
    # a thing no page prices is still declined, whatever is cheaper (before: declined too)
    ("climbing", "en", "Is there a cheaper rate for shoe hire?"),
    ("pottery", "id", "Berapa biaya kelas melukis tiap bulan ya?"),
]


def test_a_cheaper_price_a_price_paid_first_and_where_classes_are_given(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Clubs and classes")
    made = assistant_per_kb(org, {"climbing": CLIMBING, "pottery": POTTERY, "ceramica": CERAMICA})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
