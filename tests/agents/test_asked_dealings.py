"""Whether they sell a thing, and whether a page speaks of selling at all."""

from __future__ import annotations

from agents.asked_to_buy import asks_to_buy, speaks_of_selling


def test_questions_asking_whether_they_sell_a_thing() -> None:
    for question in (
        "Do you sell telescopes?",
        "Can I buy a gift voucher?",
        "Are used bikes for sale?",
        "¿Vendéis relojes inteligentes?",
        "¿Se puede comprar pienso?",
        "Jual helm juga?",
    ):
        assert asks_to_buy(question), question
    # where, when, how and for how much are other questions
    for question in (
        "Where do you sell tickets?",
        "How much do you sell eggs for?",
        "¿Qué vendéis?",
        "Berapa harga beli kostum?",
        "Do you repair bikes?",
    ):
        assert not asks_to_buy(question), question


def test_a_page_speaking_of_selling_or_a_shop() -> None:
    assert speaks_of_selling("Our shop stocks alpaca socks.")
    assert speaks_of_selling("Vendemos herramientas y pintura.")
    assert speaks_of_selling("Tiket dijual di loket.")
    # a price alone is no selling
    assert not speaks_of_selling("The dome houses a telescope. Tickets are £12.")
