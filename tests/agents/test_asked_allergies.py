"""Whether one with an allergy may come (agents/asked_allergies.py), and the sentence on
allergies that answers it (agents/answer.py `fact_giving`)."""

from __future__ import annotations

from agents.asked_allergies import asks_allergy, states_allergy, without_allergen
from agents.asked_facts import asked_fact
from tests.agents.test_fact_giving import given


def test_an_allergy_told_is_the_allergy_fact() -> None:
    for question in (
        "Soy alérgico a las gambas, ¿pasa algo?",
        "My son is allergic to peanuts, is that OK?",
        "Can you take a child with a nut allergy?",
        "Anak saya alergi telur, bisa ikut?",
        "Soy intolerante a la lactosa, ¿puedo tomar algo?",
    ):
        assert asks_allergy(question), question
        assert asked_fact(question).name == "allergy", question
    assert not asks_allergy("¿Hay opción vegana?")


def test_what_the_asker_is_allergic_to_is_no_word_the_page_must_hold() -> None:
    assert "gambas" not in without_allergen("Soy alérgico a las gambas, ¿pasa algo?")
    assert "huevo" not in without_allergen("Mi hijo es alérgico al huevo, ¿puede comer allí?")
    assert "peanuts" not in without_allergen("My son is allergic to peanuts, is that OK?")
    assert "nut" not in without_allergen("Can you take a child with a nut allergy?")
    assert "telur" not in without_allergen("Anak saya alergi telur, bisa ikut?")
    # the rest of the question stays
    assert "comer" in without_allergen("Mi hijo es alérgico al huevo, ¿puede comer allí?")


def test_the_pages_sentence_on_allergies_answers_it() -> None:
    """Set EX's "Soy alérgico a las gambas, ¿pasa algo?" was declined of "Avísanos si
    tienes alguna alergia, sobre todo al marisco o al sésamo" (no word of the question
    but the allergy, which Snowball stems apart: "alerg", "alergi")."""
    sentences = [
        "Cada clase cuesta 65 euros por persona, con todos los ingredientes incluidos.",
        "Avísanos si tienes alguna alergia, sobre todo al marisco o al sésamo, al hacer la "
        "reserva.",
    ]
    assert states_allergy(sentences[1]) and not states_allergy(sentences[0])
    asked = "Soy alérgico a las gambas, ¿pasa algo?"
    assert given(asked, sentences, [0.5, 0.4]) == sentences[1:]
    # a page saying nothing of allergies gives no answer
    assert given(asked, sentences[:1], [0.5]) == []


def test_an_allergy_of_no_one_in_particular_is_no_allergy_told() -> None:
    assert not asks_allergy("What type of hypersensitivity is associated with allergies?")
