"""Which area a service covers, asked openly, and the sentence putting what it does in or
around a named place (agents/asked_area.py)."""

from __future__ import annotations

from agents.asked_area import asks_area_served, states_area_served, tells_area_asked
from agents.asked_facts import asked_fact, held_by_kin
from tests.agents.test_fact_giving import given


def test_questions_asking_which_area_is_covered() -> None:
    for question in (
        "Which area do you cover?",
        "What areas do you serve?",
        "Where do you cover?",
        "¿Por qué zonas trabajáis?",
        "¿Qué pueblos cubrís?",
        "Melayani daerah mana saja?",
        "Wilayah mana yang dilayani?",
    ):
        assert asks_area_served(question), question
        assert asked_fact(question).name == "area", question
    # a place named asks it too, told only by a sentence naming that place; where they
    # are is the address
    for question in ("Do you cover Frome?", "Melayani daerah Depok?"):
        assert asks_area_served(question), question
    works = "Kami memasang talang untuk rumah di Semarang dan Ungaran."
    assert tells_area_asked(works, "Melayani daerah Ungaran?")
    assert not tells_area_asked(works, "Melayani Salatiga?")
    assert tells_area_asked(works, "Melayani daerah mana saja?")
    assert asked_fact("Tempat kursusnya di daerah mana?").name == "address"
    assert asked_fact("¿Por qué zona estáis?").name == "address"


def test_a_sentence_putting_the_service_in_a_named_place() -> None:
    for sentence in (
        "We give lessons to older people in their own homes around Kendal.",
        "Instalamos toldos en Aranda de Duero y pueblos de la Ribera.",
        "Kami membuat pagar untuk rumah di wilayah Sidoarjo dan Surabaya.",
        "Llevamos las funciones a colegios de toda la provincia de Huesca.",
        "We sweep chimneys across the county of Kent.",
        # ... or how far they go
        "We come anywhere within 20 miles of Norwich.",
    ):
        assert states_area_served(sentence), sentence
    for sentence in (
        "Most people want help with email and video calls.",
        "Classes start in June.",
        "Kami libur setiap hari Minggu.",
    ):
        assert not states_area_served(sentence), sentence


LESSONS = [
    "Most people want help with email, video calls with family and online banking.",
    "We give one-to-one lessons to older people in their own homes around Kendal.",
]


def test_the_area_asked_is_given_by_the_sentence_naming_it() -> None:
    # the closest sentence names what the lessons cover, not where they are given
    assert given("Which area do you cover?", LESSONS, [0.6, 0.4]) == LESSONS[1:]


def test_an_area_and_a_show_by_any_of_their_words() -> None:
    assert held_by_kin("daerah", ["Kami melayani wilayah Sidoarjo."])
    assert held_by_kin("espectáculo", ["Cada función dura 45 minutos."])
    assert not held_by_kin("daerah", ["Kami libur setiap hari Minggu."])
