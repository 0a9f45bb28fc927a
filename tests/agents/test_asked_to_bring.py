"""Which questions ask what to bring or wear, and which sentences tell it
(agents/asked_to_bring.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_to_bring import asks_to_bring, tells_what_to_bring


def test_a_question_asking_what_to_bring_or_wear() -> None:
    for asked in (
        "What should I pack?",
        "What should I wear?",
        "What does my son need to bring?",
        "¿Qué tiene que traer mi hijo?",
        "¿Qué me llevo?",
        "Apa saja yang harus dibawa?",
        "Bawa apa saja?",
        "Harus pakai baju apa?",
    ):
        assert asks_to_bring(asked), asked
        assert asked_fact(asked).name == "bring", asked
    # whether a thing may be brought, and when, ask otherwise
    for asked in (
        "Can I bring my dog?",
        "¿Puedo llevar a mi perro?",
        "What time should I bring my cat in?",
        "What can you bring me?",
    ):
        assert not asks_to_bring(asked), asked


def test_a_sentence_telling_what_to_bring_or_what_is_provided() -> None:
    for sentence in (
        "Bring two towels and a water bottle.",
        "Wear sturdy boots.",
        "Hacen falta botas de montaña y agua.",
        "Lunch and all tools are provided.",
        "Peserta membawa laptop sendiri.",
        "Children need waterproofs, wellies and a packed snack.",
    ):
        assert tells_what_to_bring(sentence), sentence
    # ... or what is included
    assert tells_what_to_bring("Biayanya sudah termasuk kain mori dan canting.")
    for sentence in (
        "Sessions last 50 minutes.",
        "El refugio está en el kilómetro 4.",
        # what one takes home is no bringing
        "Setiap peserta membawa pulang dua lembar kain batik.",
        "Cada alumno se lleva a casa la vidriera que hace.",
        "You can take your pot home after firing.",
    ):
        assert not tells_what_to_bring(sentence), sentence


def test_whether_to_bring_something_is_answered_by_a_sentence_naming_it() -> None:
    """ "Perlu bawa gunting?" of "Pengunjung diberi keranjang dan gunting": a sentence
    on what is given or brought that names the thing asked."""
    for asked in (
        "Perlu bawa gunting?",
        "Do I need to bring a towel?",
        "¿Hay que traer toalla?",
        "Harus bawa KTP?",
    ):
        assert asked_fact(asked).name == "bring", asked
    # may one bring it, a person taken along, what time: other questions
    for asked in (
        "Can I bring my dog?",
        "Bawa anak boleh?",
        "¿Tengo que llevar a mi hijo?",
        "What time should I bring my cat in?",
    ):
        fact = asked_fact(asked)
        assert fact is None or fact.name != "bring", asked
    bring = asked_fact("Perlu bawa gunting?")
    assert bring.given_in("Pengunjung diberi keranjang dan gunting.", "Perlu bawa gunting?")
    towel = "Do I need to bring a towel?"
    assert asked_fact(towel).given_in("Towels are provided in the changing rooms.", towel)
    # a sentence on bringing something else does not say
    assert not asked_fact(towel).given_in("Wear sturdy boots.", towel)
