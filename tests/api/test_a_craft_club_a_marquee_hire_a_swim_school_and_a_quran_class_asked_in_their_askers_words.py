"""Questions in the askers' words of pages written in their own (set ER's cookery club,
cinema hire, skating school and Arabic course, in pages written here): what time the
children finish, of a club for children whose sessions end at a time (the children were
read as a thing with no time of its own); how big the smaller of two things is (read as
a kind the pages leave out); what a month costs "si voy dos días" ("voy" was read as the
thing priced); men and women in a class, of "putra dan putri". Which rows the code before
(aaa08e7) answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CLUB = {
    "Club": "Our craft club is for children aged 5 to 9. Sessions run on Wednesdays from "
    "3.45 pm to 5 pm at St Anne's Church Hall. Each child takes home what they make.",
}
MARQUEES = {
    "Marquees": "Our small marquee is 6 metres by 9 metres and seats 40 guests. The large "
    "marquee is 12 metres by 18 metres and seats 150. The party marquee and the garden "
    "marquee come with lighting.",
}
SWIMMING = {
    "Cuotas": "La cuota mensual es de 30 euros por una clase a la semana y 50 euros por "
    "dos. Las clases son en la piscina municipal de Tudela.",
}
QURAN = {
    "Kelas": "Kelas tahsin diadakan setiap Ahad pagi. Kelas untuk peserta putra dan putri "
    "dipisah. Biaya Rp150.000 per bulan.",
}
ANSWERED = [
    # (before: declined)
    ("club", "What time do the children finish?", "5 pm"),
    ("marquees", "How big is the smaller marquee?", "6 metres by 9 metres"),
    ("swimming", "¿Cuánto cuesta al mes si voy dos días?", "50 euros por dos"),
    ("quran", "Kelas laki-laki dan perempuan campur?", "putra dan putri dipisah"),
    # (before: answered too)
    ("club", "What time does the club start?", "3.45 pm"),
]
DECLINED = [
    # (before: declined too) a kind of marquee the page does not list
    ("marquees", "en", "How big is the wedding marquee?"),
    ("swimming", "es", "¿Hay clases de natación para bebés?"),
]


def test_a_page_answering_in_its_own_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Club, marquees, swimming, Quran")
    made = assistant_per_kb(
        org, {"club": CLUB, "marquees": MARQUEES, "swimming": SWIMMING, "quran": QURAN}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
