"""Whether one may come without having done it before (agents/asked_experience.py)."""

from __future__ import annotations

from agents.asked_experience import asks_experience, states_experience, without_never_done
from agents.asked_facts import asked_fact


def test_being_new_to_it_and_asking_to_come_all_the_same() -> None:
    for question in (
        "Nunca he buceado, ¿puedo probar?",
        "No he cantado nunca, ¿puedo apuntarme igual?",
        "Nunca he jugado, ¿hay nivel para mí?",
        "I've never sailed, can I still join?",
        "I’ve never climbed, can I come?",
        "We're complete beginners, is that OK?",
        "Belum pernah main, boleh ikut?",
        "Do I need any experience?",
        "¿Hace falta experiencia?",
    ):
        assert asks_experience(question), question
        assert asked_fact(question).name == "experience", question
    # new to it, asking something else: its price, what to bring; and never having had
    # something is no experience
    assert asked_fact("Nunca he buceado, ¿cuánto cuesta el bautismo?") is None
    assert asked_fact("Nunca he buceado, ¿qué tengo que llevar?").name == "bring"
    assert not asks_experience("I never got my refund, can I complain?")


def test_what_the_asker_never_did_is_no_word_the_page_must_hold() -> None:
    assert (
        without_never_done("Nunca he subido a un velero, ¿puedo apuntarme?").strip(" ,")
        == "¿puedo apuntarme?"
    )
    assert "velero" not in without_never_done("No he subido a un velero nunca, ¿puedo ir?")


def test_a_sentence_on_experience_or_beginners() -> None:
    for sentence in (
        "No hace falta experiencia, pero sí saber nadar.",
        "No hace falta saber solfeo ni haber cantado antes.",
        "Clases por nivel, de iniciación a avanzado.",
        "Complete beginners are welcome.",
        "No previous experience is needed.",
        "Kelas ini cocok untuk pemula.",
    ):
        assert states_experience(sentence), sentence
    assert not states_experience("Our instructors have years of experience teaching.")
    assert not states_experience("Pengajar kami berpengalaman.")
    assert not states_experience("Pelatih dengan pengalaman sepuluh tahun.")
    assert states_experience("Tidak perlu pengalaman, alat disediakan.")


def test_not_able_to_do_it_yet_asks_as_never_having_done_it() -> None:
    """ "Belum bisa hangul sama sekali, bisa ikut?" of "untuk pemula" was declined (set
    EG). "Tidak bisa" is being unable to come, not new to it."""
    assert asks_experience("Belum bisa hangul sama sekali, bisa ikut?")
    assert asks_experience("Anak saya belum bisa berenang, boleh ikut?")
    assert not asks_experience("Saya tidak bisa datang Senin, bisa ganti jadwal?")


def test_knowing_how_already_asks_as_having_done_it() -> None:
    """Set EX's "¿Hay que saber volar antes?" was answered with the children's age of a
    page saying "No hace falta experiencia"."""
    for question in (
        "¿Hay que saber volar antes?",
        "Do I need to know how to sail already?",
        "Harus bisa berenang dulu?",
    ):
        assert asked_fact(question).name == "experience", question
    assert "volar" not in without_never_done("¿Hay que saber volar antes?")
    # knowing a thing is no experience asked, nor knowing how without "before"
    assert not asks_experience("¿Hay que saber algo de la ruta?")
    assert not asks_experience("Do I need to know how to get there?")
