"""How often, asked in the asker's words and given in the page's."""

from __future__ import annotations

import pytest

from agents.asked_facts import asked_fact
from agents.asked_frequency import (
    asks_frequency,
    says_how_often,
    states_frequency,
    tells_frequency,
)


@pytest.mark.parametrize(
    "question",
    [
        "How often do you come?",
        "How many times a week are the classes?",
        "¿Cada cuánto venís a limpiar?",
        "¿Con qué frecuencia son las salidas?",
        "¿Cuántas veces a la semana hay que ir?",
        "Seminggu masuk berapa kali?",
        "Sehari dikirim berapa kali?",
        "Seberapa sering tukangnya datang?",
    ],
)
def test_how_often_is_asked_in_every_language(question: str) -> None:
    assert asks_frequency(question)
    assert asked_fact(question).name == "frequency"


@pytest.mark.parametrize(
    "question",
    [
        "Berapa kali pertemuan?",  # how many sessions, not how often
        "¿Cuántas veces tengo que ir?",
        "How many times have you won the league?",
        "How long is a lesson?",
    ],
)
def test_a_count_or_a_length_is_not_how_often(question: str) -> None:
    assert not asks_frequency(question)


@pytest.mark.parametrize(
    "sentence",
    [
        "We cut every week or every fortnight.",
        "Lessons are weekly during term time.",
        "We meet on the first Wednesday of every month.",
        "Recomendamos revisar la graduación una vez al año.",
        "El mantenimiento semanal cuesta 85 euros al mes.",
        "Salimos cada sábado a las nueve.",
        "Kelas 2 kali seminggu, masing-masing 2 jam.",
        "Kelas dibuka setiap Senin.",
    ],
)
def test_how_often_is_given_in_the_pages_words(sentence: str) -> None:
    assert states_frequency(sentence)


def test_a_price_by_its_period_is_how_often_one_pays_only() -> None:
    """ "£30 a month" says what is paid, not how often the service comes; asked how often
    one pays, it is the answer, and a weekly event is not."""
    assert not states_frequency("Membership is £30 a month.")
    assert not states_frequency("Each person pays £5.")
    asked = "¿Cada cuánto se paga el club?"
    assert tells_frequency("La cuota del club es de 15 euros al trimestre.", asked)
    assert not tells_frequency("Cada viernes organizamos torneos.", asked)
    assert tells_frequency("Cada viernes organizamos torneos.", "¿Cada cuánto hacéis torneos?")


def test_how_long_between_and_every_span_of_periods() -> None:
    assert asks_frequency("How many weeks between visits?")
    assert asks_frequency("How long between services?")
    assert states_frequency("Most horses need shoeing every 5 to 7 weeks.")
    assert states_frequency("Hay que volver cada 4 a 6 semanas.")
    assert not states_frequency("Open between 9 and 5.")


def test_every_so_many_in_figures_with_separators() -> None:
    """ "cada 2.000 horas" and "every 2,000 hours" say how often (the oil, not the seals,
    answers "¿Cada cuántas horas se cambia el aceite?")."""
    assert states_frequency("El aceite se cambia cada 2.000 horas de funcionamiento.")
    assert states_frequency("Service the pump every 2,000 hours.")
    assert states_frequency("Ganti oli setiap 2.000 jam.")


def test_how_often_is_said_by_a_word_for_it_or_a_price_by_its_period() -> None:
    """A quote answering "how often" says it somehow: a frequency, a price by its period,
    or a word for it; a price with no period says nothing of it."""
    assert says_how_often("The Doctor rarely travels alone.")
    assert says_how_often("Los domingos siempre abrimos por la mañana.")
    assert says_how_often("Kami biasanya datang pagi.")
    assert says_how_often("Membership is £20 a month.")
    assert not says_how_often("A full valet adds a wax and costs £80 for a small car.")
    assert not says_how_often("Limpiamos chimeneas y estufas de leña.")
