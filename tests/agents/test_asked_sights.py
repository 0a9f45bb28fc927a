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
