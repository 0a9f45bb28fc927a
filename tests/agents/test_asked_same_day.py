"""Whether it can be had the same day, and the sentences saying so
(agents/asked_same_day.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_same_day import asks_same_day, states_same_day


def test_questions_asking_whether_it_can_be_had_the_same_day() -> None:
    for question in (
        "¿Lo podéis tener hoy mismo?",
        "Can I have it today?",
        "Can you do it the same day?",
        "Bisa jadi hari ini?",
        "Kalau servis hari ini, bisa diambil sore?",
        "¿Si lo recojo hoy por la tarde estará?",
        # ... or while the asker waits
        "¿Lo podéis hacer en el momento, mientras espero?",
        "Can you do it while I wait?",
        "Bisa ditunggu?",
    ):
        assert asks_same_day(question), question
        assert asked_fact(question).name == "same_day", question
    # today, of opening or booking; a same day in the past
    for question in (
        "Are you open today?",
        "¿Abrís hoy?",
        "Can I book for today?",
        "What did Tesla do on the same day?",
        # how long from today
        "Si pido hoy, ¿en cuántos días lo tengo?",
        "If I order today, when will I get it?",
        "Hari ini bisa jadi berapa jam?",
        # waiting, not for the job
        "Can I wait in the shop?",
        "Bisa ditunggu di sini?",
        "Bisa datang hari ini?",
    ):
        assert not asks_same_day(question), question


def test_sentences_saying_it_is_done_the_same_day() -> None:
    for sentence in (
        "Con pedido urgente lo entregamos el mismo día por un suplemento del 20 %.",
        "We offer a same-day service on keys.",
        "Kunci bisa ditunggu, jadi hari itu juga.",
        "Cambiamos tapas de tacón en el momento por 6 euros.",
    ):
        assert states_same_day(sentence), sentence
    for sentence in (
        "Abrimos todos los días.",
        "Most orders are ready in three days.",
        # of what is not done so
        "Los arreglos que no se hacen en el momento tardan de dos a cuatro días.",
        "Servis pompa tidak bisa ditunggu.",
    ):
        assert not states_same_day(sentence), sentence
