"""How long an order takes to reach the asker (agents/asked_arrival.py), asked in words
of arriving and receiving, answered by a page's sentence on sending."""

from __future__ import annotations

from agents.asked_arrival import asks_arrival, states_arrival
from agents.asked_facts import asked_fact
from tests.agents.test_fact_giving import given


def test_asking_when_an_order_arrives_in_three_languages() -> None:
    for question in (
        "¿Cuánto tarda en llegarme si lo pido por internet?",
        "Si encargo hoy, ¿cuándo lo recibo?",
        "How long will my order take to arrive?",
        "When will I get it?",
        "Berapa lama barang sampai?",
        "Kapan pesanan saya sampai?",
    ):
        assert asks_arrival(question), question
        assert asked_fact(question).name == "arrival", question
    # someone or something else arriving; "sampai" as "until"; which days they deliver
    for question in (
        "When does the bus arrive?",
        "¿Cuándo llega el técnico?",
        "Butuh waktu berapa hari sampai kaos jadi?",
        "When do you deliver?",
    ):
        assert not asks_arrival(question), question


def test_a_sentence_on_sending_in_a_length_of_time() -> None:
    assert states_arrival("Enviamos a toda la península en 48 horas, en caja isotérmica.")
    assert states_arrival("Barang dikirim paling lambat satu hari setelah pembayaran.")
    assert states_arrival("Orders are posted within two working days.")
    assert states_arrival("Si no lo tenemos, lo pedimos y suele llegar en dos o tres días.")
    # days of delivering are no length of time; a class's length is no sending
    assert not states_arrival("Deliveries are made Tuesday to Saturday.")
    assert not states_arrival("La clase dura 60 minutos.")


CHEESE = [
    "Elaboramos queso de oveja curado y semicurado con leche de nuestro rebaño.",
    "Enviamos a toda la península en 48 horas, en caja isotérmica.",
    "No enviamos a Canarias ni a Baleares.",
]


def test_the_sentence_sending_in_a_time_answers_when_it_arrives() -> None:
    # The page speaks of sending, the asker of ordering and receiving: no other word of
    # the question is on it, and the sentence giving the time is the answer.
    asked = "Si encargo hoy, ¿cuándo lo recibo?"
    assert given(asked, CHEESE, [0.45, 0.42, 0.40]) == CHEESE[1:2]
    # ... but not when the thing ordered is one the page never names
    assert given("Si encargo vino hoy, ¿cuándo lo recibo?", CHEESE, [0.45, 0.42, 0.40]) == []
