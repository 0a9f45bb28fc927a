"""A price asked as a rate ("What's the cheapest hourly rate?", "What are your rates?")
is a price, the cheapest one of the prices given, and a day's is the weekend's ("on a
Saturday" of "at weekends"); how many fit inside, or how many a class is limited to
("dibatasi"), asks how many people."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

STUDIO = {
    "Hire": "Studios are hired by the hour from £18 on weekdays and £24 at weekends, or "
    "by the day from £120.",
    "Kit": "Each studio has a piano, music stands and a small PA. Tea and coffee are free.",
}
BOAT = {
    "The boat": "Our electric launch seats six adults and has a canopy for showers.",
    "Trips": "Trips leave the town quay every hour from 11 am.",
}
CLASS = {
    "Kelas": "Kelas menulis kreatif diadakan setiap Sabtu dan Minggu pukul 10.00 sampai "
    "12.00. Setiap kelas paling banyak 12 peserta.",
    "Biaya": "Biaya kelas Rp900.000 untuk enam pertemuan.",
}
ANSWERED = [
    ("studio", "What's the cheapest hourly rate?", "from £18"),
    ("studio", "What are your rates?", "£120"),
    ("studio", "What's the hourly rate on a Saturday?", "£24 at weekends"),
    ("boat", "How many of us fit inside?", "seats six adults"),
    ("class", "Pesertanya dibatasi berapa orang per kelas?", "paling banyak 12 peserta"),
]
DECLINED = [  # a rate of something else is no price the pages give
    ("studio", "en", "What is the rate of inflation this year?"),
]


def test_rates_and_how_many_fit(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Rates")
    made = assistant_per_kb(org, {"studio": STUDIO, "boat": BOAT, "class": CLASS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
