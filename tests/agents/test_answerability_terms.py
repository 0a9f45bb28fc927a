"""What the answerability decision counts as a question's names and numbers: a name the
passages do not hold counts against answering, so a sentence's own first word, whatever
opens it, must not be taken for one."""

from __future__ import annotations

from agents.answerability import names_in


def test_a_questions_opening_word_is_not_a_name_after_an_opening_mark() -> None:
    assert names_in("¿Cuántos días de vacaciones tiene cada empleado?") == set()
    assert names_in("«Dónde está la oficina?") == set()
    assert names_in('"Who wrote the leave policy?"') == set()


def test_names_and_numbers_are_found_in_every_sentence() -> None:
    assert names_in("Hola. ¿Dónde está la sede de Madrid desde 2010?") == {"madrid", "2010"}
    assert names_in("Where is the Jatinangor campus?") == {"jatinangor"}
    assert names_in("1890: what did Tesla build?") == {"1890", "tesla"}
