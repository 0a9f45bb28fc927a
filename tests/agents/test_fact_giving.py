"""Which sentences answer a question asking a fact (agents/answer.py `fact_giving`),
given the sentences read, the one chosen first and their closeness to the question."""

from __future__ import annotations

import numpy as np

from agents.answer import fact_giving
from agents.answerability import Evidence

SEEN = Evidence(
    best=0.5, gap=0.1, lead=0.1, relative=0.1, dense_relative=0.1, coverage=0.5,
    sentence_coverage=0.5, missing=0, absent=0, names=1.0, same_language=True,
)  # fmt: skip


def given(question: str, sentences: list[str], closeness: list[float], **kw: object) -> list[str]:
    candidates = list(enumerate(sentences))
    picked = fact_giving(
        question, [int(np.argmax(closeness))], candidates, np.array(closeness),
        np.ones(len(sentences), dtype=bool), SEEN, sentences, **kw,
    )  # fmt: skip
    return [sentences[i] for i in picked]


BAKERY = [
    "Los roscones se encargan con 48 horas de antelación.",
    "Abrimos de lunes a sábado de 8:00 a 15:00.",
    "En agosto abrimos solo por las mañanas de 8:00 a 13:00.",
]


def test_a_seasons_hours_come_with_the_years_when_the_closest_is_the_seasons() -> None:
    # The sentence chosen first gives no hours, and August's are the closest that do:
    # they were given alone.
    assert given("¿A qué hora abren?", BAKERY, [0.6, 0.4, 0.5]) == BAKERY[1:]
    assert given("¿Qué horario tenéis en agosto?", BAKERY, [0.6, 0.4, 0.5]) == BAKERY[2:]


NURSERY = [
    "Children can be dropped off from 7.45 am and must be collected by 6 pm.",
    "A full day costs £55, with lunch included.",
]


def test_the_time_of_another_thing_is_no_answer() -> None:
    assert given("What time can I drop my son off?", NURSERY, [0.6, 0.4]) == NURSERY[:1]
    # lunch is named and given no time: the drop-off time is not its time
    assert given("What time is lunch?", NURSERY, [0.4, 0.6]) == []


def test_the_services_own_names_are_no_words_the_pages_lack() -> None:
    hours = ["Abrimos de martes a sábado de 10:00 a 19:00."]
    asked = "¿A qué hora abre la peluquería?"
    assert given(asked, hours, [0.5]) == []
    assert given(asked, hours, [0.5], own=frozenset({"peluquería", "rizos"})) == hours


SHOP = [
    "Hacemos queso de oveja con leche cruda de nuestro propio rebaño.",
    "La tienda de la quesería abre de martes a domingo de 10:00 a 14:00.",
]


def test_coming_on_a_day_to_shop_is_answered_by_the_hours() -> None:
    # "comprar" is what one comes for, not a thing the page must name
    asked = "¿Un lunes por la mañana puedo pasar a comprar?"
    assert given(asked, SHOP, [0.6, 0.5]) == SHOP[1:]
    # a thing to buy is still one the page must name
    assert given("¿Un lunes puedo pasar a comprar yogures?", SHOP, [0.6, 0.5]) == []


PLAY = [
    "Members get in free; membership is £25 a year.",
    "Entry is £6 for adults and £3 for under-16s, paid at the door.",
    "Party packages start at £12.95 per child.",
]


def test_a_price_asked_for_someone_of_an_age_is_the_one_giving_an_age() -> None:
    # "12-year-old" is whom the price is for: "£25 a year" does not price it because it
    # says "year", and the sentence giving an age is the one that does
    for asked in ("How much is it for my 12-year-old?", "What's the charge for my 12 year old?"):
        assert given(asked, PLAY, [0.6, 0.5, 0.4]) == PLAY[1:2], asked
