"""Whether they take a thing in (agents/asked_accepted.py), asked as a fact."""

from __future__ import annotations

from agents.asked_facts import asked_fact

TIP = "We accept garden waste, cardboard, glass, metal, mattresses and up to two tyres."


def test_whether_they_take_a_thing_in_is_answered_by_a_sentence_naming_it() -> None:
    for asked in (
        "Can I drop off an old mattress?",
        "Do you take gas bottles?",
        "¿Aceptáis ropa usada?",
        "¿Se pueden dejar colchones?",
        "Terima barang elektronik bekas?",
    ):
        assert asked_fact(asked).name == "accepted", asked
    mattress = "Can I drop off an old mattress?"
    assert asked_fact(mattress).given_in(TIP, mattress)
    # a sentence taking other things in does not say
    fridge = "Can I drop off a fridge?"
    assert not asked_fact(fridge).given_in(TIP, fridge)
    # how they are paid, how long it takes, thanks: other questions
    assert asked_fact("Do you accept credit cards?").name == "payment"
    assert asked_fact("How long does it take?").name == "duration"
    fact = asked_fact("Terima kasih, ada parkir?")
    assert fact is None or fact.name != "accepted"
