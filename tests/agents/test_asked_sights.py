"""What there is to see or do in a place: which questions ask it, and which sentences
speak of it."""

from __future__ import annotations

import pytest

from agents.asked_sights import asks_sights, speaks_of_sights


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is there to do in Ludlow?", True),
        ("¿Qué ver en Alcalá de Henares?", True),
        ("Tempat wisata anak di Bandung apa saja?", True),
        ("Wisata apa yang bagus di Batu?", True),
        # asked what to do for a thing of theirs, or a tour they sell
        ("¿Qué hay que hacer para adoptar?", False),
        ("What to do if I lose my key?", False),
        ("Ada paket wisata ke Bromo?", False),
        ("What device is used to test the magnetic attractions?", False),
    ],
)
def test_questions_asking_what_to_see(question: str, asked: bool) -> None:
    assert asks_sights(question) is asked


def test_sentences_speaking_of_what_to_see() -> None:
    assert speaks_of_sights("Nearby you can visit the castle and walk by the river.")
    assert speaks_of_sights("Desde la casa salen rutas de senderismo.")
    assert not speaks_of_sights("Estamos en la calle Mayor 14 de Alcalá de Henares.")
    assert not speaks_of_sights("Harga paket Rp1.200.000 untuk wilayah Bandung kota.")


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Is Hebden Bridge worth visiting?", True),
        ("¿Merece la pena visitar Alcalá?", True),
        ("Kafe yang bagus di Jalan Kaliurang apa saja?", True),
        ("Any good pubs near Ludlow?", True),
        ("¿Dónde comer en Nava?", True),
        # whether their own thing is worth it, or good
        ("Is the course worth it?", False),
        ("Is the food good?", False),
    ],
)
def test_questions_asking_whether_a_town_is_worth_a_visit_or_where_to_eat(
    question: str, asked: bool
) -> None:
    assert asks_sights(question) is asked


def test_places_to_eat_named_as_such_not_as_a_word_of_another_thing() -> None:
    assert speaks_of_sights("The village has two pubs and a tea room.")
    assert not speaks_of_sights("We hand-paint shop fascias and pub signs in Hebden Bridge.")
