"""What the answerability decision counts as a question's names and numbers: a name the
passages do not hold counts against answering, so a sentence's own first word, whatever
opens it, must not be taken for one."""

from __future__ import annotations

from agents.answerability import absent_words, left_out, names_in


def test_a_questions_opening_word_is_not_a_name_after_an_opening_mark() -> None:
    assert names_in("¿Cuántos días de vacaciones tiene cada empleado?") == set()
    assert names_in("«Dónde está la oficina?") == set()
    assert names_in('"Who wrote the leave policy?"') == set()


def test_names_and_numbers_are_found_in_every_sentence() -> None:
    assert names_in("Hola. ¿Dónde está la sede de Madrid desde 2010?") == {"madrid", "2010"}
    assert names_in("Where is the Jatinangor campus?") == {"jatinangor"}
    assert names_in("1890: what did Tesla build?") == {"1890", "tesla"}


def test_the_long_words_no_passage_holds_are_what_is_left_out_to_test_the_sentence() -> None:
    """ "maternity" is in no passage: the question is measured without it against the
    best sentence. Words a passage holds in another form (employees / employee) are
    not, nor short ones, nor stopwords."""
    passages = ["Every employee is entitled to 25 days of paid annual leave per year."]
    question = "How many days of maternity leave do employees get?"
    assert absent_words(question, passages) == ["maternity"]
    assert left_out(question, "maternity") == "How many days of leave do employees get?"
    assert absent_words("Apakah ada asrama untuk mahasiswa baru?", [
        "Universitas menerima mahasiswa baru melalui tiga jalur."
    ]) == ["asrama"]  # fmt: skip
    assert left_out("¿Mañana hay mantenimiento?", "Mañana") == "¿hay mantenimiento?"
    assert absent_words("What is the price?", ["The price is 40 euros."]) == []
    assert (
        absent_words("这台泵的价格是多少?", ["泵每两千小时换油。"]) == []
    )  # no words to leave out
