"""Which questions ask who holds a role, and which sentences name someone for them."""

from __future__ import annotations

import pytest

from agents.asked_person import asks_person, names_someone


@pytest.mark.parametrize(
    "question",
    [
        "Who is the head dentist?",
        "Who's your manager?",
        "What is the name of the owner?",
        "Who owns the gym?",
        "¿Quién es el dueño del taller?",
        "¿Cómo se llama el presidente?",
        "¿Quién dirige la academia?",
        "Siapa nama lurah Sukamaju?",
        "Siapa pemilik toko?",
        "Siapa yang mengelola kantin?",
        "Who is the caretaker?",
        "¿Quién es la conserje?",
        # ... or who first made something
        "Who invented the first candle?",
        "¿Quién inventó el futbolín?",
        "Siapa penemu lampu pijar?",
        # ... or a town's office
        "Siapa bupati Kulon Progo?",
        "Who is the mayor of Alnwick?",
        "¿Quién es el alcalde de Baeza?",
    ],
)
def test_asks_who_holds_a_role(question: str) -> None:
    assert asks_person(question)


@pytest.mark.parametrize(
    "question",
    [
        # a kind of people, or a role, answers these
        "¿Quién puede conducir las carretillas?",
        "Who do I tell when I'm sick?",
        "Siapa saja yang boleh mendaftar?",
        # a thing's name, not a person's
        "What is the name of the first Doctor Who serial?",
        # long: "government-owned" may answer it
        "Who owns the rail lines in Victoria?",
    ],
)
def test_does_not_ask_who_holds_a_role(question: str) -> None:
    assert not asks_person(question)


def test_a_sentence_names_someone_the_question_does_not() -> None:
    assert names_someone("Dr. Priya Shah is our principal dentist.", "Who is the head dentist?")
    assert names_someone("Maria Lopez owns the gym.", "Who owns the gym?")
    assert names_someone(
        "Kepala seksi pelayanan adalah Bapak Dedi Kurniawan.", "Siapa kepala seksi pelayanan?"
    )
    # the place asked about, its address and town, days and acronyms name no one
    asked = "Siapa nama lurah Sukamaju?"
    assert not names_someone("Kantor Kelurahan Sukamaju melayani warga RW 01 sampai RW 12.", asked)
    assert not names_someone("Kantor kelurahan berada di Jl. Melati No. 12, Bandung.", asked)
    assert not names_someone("Kelurahan buka Senin sampai Jumat pukul 08.00 WIB.", asked)
    assert not names_someone("Northside Climbing Gym is open daily.", "Who owns the gym?")
    # someone, but of another role, in a sentence sharing nothing with the question
    assert not names_someone(
        "La encargada de recepción es Marta Gil.", "¿Quién es el dueño del taller?"
    )


def test_the_organisations_own_name_is_no_one() -> None:
    """ "La Academia Musical Do Re Mi ofrece clases de piano" names the academy, which is
    the organisation asked of, not its piano teacher; a name beside it still counts."""
    own = frozenset("academia musical do re mi".split())
    asked = "¿Quién es el profesor de piano?"
    offer = "La Academia Musical Do Re Mi ofrece clases de piano y flauta."
    assert names_someone(offer, asked)  # any capitalised words, without the organisation's
    assert not names_someone(offer, asked, own=own)
    teacher = "En la Academia Musical Do Re Mi el profesor de piano es Andrés Soler."
    assert names_someone(teacher, asked, own=own)


def test_languages_a_page_lists_are_no_one() -> None:
    """ "Siapa guru bahasa Jepang?" of a course's list of languages: capitalised words,
    no teacher."""
    asked = "Siapa guru bahasa Jepang?"
    offer = "Kursus ini membuka kelas bahasa Inggris, Jepang dan Mandarin untuk umum."
    assert not names_someone(offer, asked)
    assert not names_someone("We teach English, Japanese and Mandarin.", "Who teaches Japanese?")
    assert names_someone("Guru bahasa Jepang adalah Ibu Rina.", asked)
    assert names_someone("Guru bahasa Jepang kami, Rina Sato, lulusan Osaka.", asked)


def test_a_place_of_a_kind_is_no_one() -> None:
    """ "Desa Girimulyo" is a village, not the regent of the district named beside it."""
    asked = "Siapa bupati Kulon Progo?"
    assert not names_someone("Peternakan kami di Desa Girimulyo, Kulon Progo.", asked)
    assert names_someone("Bupati Kulon Progo saat ini adalah Agung Setyawan.", asked)
