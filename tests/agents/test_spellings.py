"""A name spelt otherwise than the pages: without accents, or one letter away."""

from __future__ import annotations

import pytest

from agents.spellings import held_as_spelt, initials_spelt_out

PAGES = [
    "In 1862 the family moved to Gospić. Otto von Bismarck met Juris Hartmanis.",
    "El museo está en Málaga. At Wijk bij Duurstede the Nederrijn becomes the Lek.",
]


@pytest.mark.parametrize(
    "name",
    [
        "gospic",  # no accent
        "malaga",
        "gospić",  # as written
        "bismark",  # a letter left out
        "hartmannis",  # one added
        "nederrikn",  # one changed
        "bimsarck",  # two swapped
    ],
)
def test_a_slip_or_a_missing_accent_is_held(name: str) -> None:
    assert held_as_spelt(name, PAGES)


@pytest.mark.parametrize(
    "name",
    [
        "zagreb",  # another name
        "wiik",  # short: no letter may differ ("wijk")
        "dismarck",  # another first letter
        "bismarckian",  # three letters more
        "hartnamis",  # two changed
    ],
)
def test_another_name_is_not(name: str) -> None:
    assert not held_as_spelt(name, PAGES)


def test_names_one_letter_apart_that_are_other_names() -> None:
    assert not held_as_spelt("prussia", ["Russia is vast."])  # another first letter
    assert not held_as_spelt("iraq", ["Iran borders it."])  # too short to tell
    assert not held_as_spelt("austria", ["Australia is far."])  # two letters more


def test_a_word_in_capitals_a_page_spells_out() -> None:
    pages = [
        "Kelas make up artist profesional.",
        "Preparamos el Patrón de Embarcaciones de Recreo.",
    ]
    assert initials_spelt_out("Biaya kelas MUA berapa?", pages) == {"mua"}
    assert initials_spelt_out("¿Cuánto cuesta el PER?", pages) == {"per"}  # "de" skipped
    # letters no page spells, two letters (which spell too much), a word not in capitals
    assert initials_spelt_out("Do you take AMEX?", pages) == set()
    assert initials_spelt_out("Is the GP near?", ["the great park"]) == set()
    assert initials_spelt_out("Biaya kelas mua berapa?", pages) == set()
    # a page's own word in capitals is a word, not the first of the letters
    assert initials_spelt_out("¿Hay ECG?", ["La ECG cuesta 30 euros."]) == set()
