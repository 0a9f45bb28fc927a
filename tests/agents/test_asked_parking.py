"""Where to leave the car, and whether a page speaks of parking at all."""

from __future__ import annotations

from agents.asked_dealings import dealing_unoffered
from agents.asked_facts import asked_fact
from agents.asked_parking import asks_parking, states_parking


def test_questions_asking_where_to_park() -> None:
    for question in (
        "Is there somewhere to leave the car?",
        "Where can I park?",
        "Is there parking at the surgery?",
        "¿Dónde aparco?",
        "¿Hay sitio para dejar el coche?",
        "Parkirnya di mana?",
    ):
        assert asks_parking(question), question
        assert asked_fact(question).name == "parking", question
    # a park is no parking, nor is anything else asked of a car park; a price of
    # parking is the price's question
    for question in (
        "Which park is the largest?",
        "What is Central Park known for?",
        "How far is the car park from departures?",
        "¿Cuándo se renuevan las plazas de aparcamiento?",
    ):
        assert not asks_parking(question), question
    assert asked_fact("Do we pay for parking?").name == "paid"


def test_a_page_speaking_of_parking() -> None:
    for sentence in (
        "We are on Unit 7, with free parking outside.",
        "You can park on the street after 6 pm.",
        "The nearest car park is on Mill Street.",
        "Hay aparcamiento gratuito detrás del edificio.",
        "Tersedia parkir mobil dan motor.",
    ):
        assert states_parking(sentence), sentence
    assert not states_parking("Golden Gate Park is the city's largest.")
    assert not states_parking("The theatre has step-free access and a hearing loop.")


def test_where_to_park_is_not_told_by_pages_speaking_of_no_parking() -> None:
    access = ["The theatre has step-free access and a hearing loop."]
    assert dealing_unoffered("Is there parking at the theatre?", access) == "no_parking"
    assert dealing_unoffered("Is there parking?", ["Free parking behind the hall."]) is None
