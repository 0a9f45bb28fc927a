"""In what format to send a file, and the sentences naming one
(agents/asked_file_format.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_file_format import asks_file_format, names_file_format


def test_questions_asking_in_what_format_to_send_a_file() -> None:
    for question in (
        "¿En qué formato os mando el archivo?",
        "What file format do you need?",
        "What format should my artwork be in?",
        "Filenya format apa?",
        "Format file apa yang diterima?",
    ):
        assert asks_file_format(question), question
        assert asked_fact(question).name == "file_format", question
    # a format of paper, of a course: no file
    for question in (
        "¿Qué formato de papel usáis?",
        "What formats do the courses come in?",
        "Do you print posters?",
    ):
        assert not asks_file_format(question), question


def test_sentences_naming_a_file_format() -> None:
    for sentence in (
        "Envíanos el archivo en PDF a 300 ppp con 3 mm de sangrado.",
        "We print from JPG or PNG files.",
        "Desain dikirim dalam bentuk CDR atau PSD.",
    ):
        assert names_file_format(sentence), sentence
    # words that are formats' letters only sometimes
    for sentence in (
        "Doc Martens are welcome.",
        "We use AI tools to retouch.",
        "Envíanos el archivo.",
    ):
        assert not names_file_format(sentence), sentence
