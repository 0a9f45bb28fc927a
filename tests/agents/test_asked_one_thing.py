"""Whether there is one thing, asked in no other word, and the sentence naming it
(agents/asked_one_thing.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_one_thing import asks_one_thing


def test_questions_asking_only_whether_there_is_one_thing() -> None:
    for question in (
        "Ada garansi?",
        "Apakah ada loker?",
        "Bisa dicicil?",
        "Is there a matinee?",
        "Do you have wifi?",
        "Any discounts?",
        "¿Hay taquillas?",
        "¿Tenéis bonos?",
        "¿Se puede fumar?",
        # ... while at it, as Indonesian speaks
        "Bisa sekalian grooming?",
    ):
        assert asks_one_thing(question), question
        assert asked_fact(question).name == "one_thing", question
    for question in (
        # two things, or a verb asked beside the thing
        "Ada diskon untuk pelajar?",
        "Boleh bawa anjing?",
        "Do you sell guitars?",
        "Bisa pasang regulator di rumah sekalian?",
        "Is there parking nearby at night?",
        # not whether there is: what it is, how much
        "Apa itu galvalum?",
        "How much is the matinee?",
        "Garansi?",
    ):
        assert not asks_one_thing(question), question
    # a fact of its own comes first
    assert asked_fact("Apakah ada parkir?").name == "parking"


def test_the_sentence_naming_the_thing_gives_it() -> None:
    fact = asked_fact("Ada garansi?")
    assert fact.given_in("Sparepart yang diganti bergaransi 3 bulan.", "Ada garansi?")
    assert not fact.given_in("Ganti dinamo mulai Rp250.000.", "Ada garansi?")
    matinee = asked_fact("Is there a matinee?")
    assert matinee.given_in("A Saturday matinee starts at 2.30 pm.", "Is there a matinee?")
    assert not matinee.given_in("Evening shows start at 7.30 pm.", "Is there a matinee?")
