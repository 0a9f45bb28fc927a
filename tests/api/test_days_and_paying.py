"""On which day something is done, and whether one pays for it, asked in the asker's
words: the sentence naming the day ("Ensayamos los miércoles"), or giving the price or
saying it is free ("Juniors play free"), answers it."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CORO = """# Coro Voces del Sur

Ensayamos los miércoles de 20:00 a 22:00 en el salón parroquial. La cuota es de 10 euros
al mes y la partitura la pone el coro.
"""
CHESS = """# Hillside Chess Club

We meet on Tuesday evenings from 7 pm in the library annexe. Juniors play free; adults
pay £3 a night.
"""
SENAM = """# Senam Sehat Ceria

Senam aerobik diadakan setiap Minggu pagi pukul 06.30 di lapangan kelurahan. Peserta
lansia gratis, yang lain Rp5.000.
"""
ANSWERED = [
    ("coro", "¿Qué día ensayáis?", "los miércoles"),
    ("chess", "What night do you play?", "Tuesday evenings"),
    ("senam", "Senamnya hari apa?", "setiap Minggu pagi"),
    ("chess", "Do juniors have to pay?", "Juniors play free"),
    ("senam", "Lansia bayar tidak?", "lansia gratis"),
    ("coro", "¿Se paga algo al mes?", "10 euros"),
]
DECLINED = [
    # a day asked of what no page names
    ("coro", "es", "¿Qué día es el curso de guitarra?"),
    ("chess", "en", "What day is the bridge club?"),
]


def test_the_day_and_whether_one_pays_are_answered_in_the_pages_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Days and paying")
    made = assistant_per_kb(
        org, {"coro": {"Coro": CORO}, "chess": {"Club": CHESS}, "senam": {"Senam": SENAM}}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
