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
