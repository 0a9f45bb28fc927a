"""A school's guide as its office prints it to PDF and also keeps as a web page: the PDF's
text layer is lines, not paragraphs, so a heading or a table row ran into the paragraph
after it and was quoted with it (once from each copy, as two different sentences); and
a question naming a level or a model the guide does not list was answered with the
rows of the others."""

from __future__ import annotations

import pytest
from flask import Flask

from agents.phrasebook import built_in
from tests.api.platform_helpers import Org, chat, create_org, ok
from tests.knowledge.files import pdf_bytes

GUIDE = """Academia Lingua: guía del alumno 2027
La secretaría está en la Av. de la Constitución, n.º 14, 2.º piso, y atiende de lunes a
viernes de 9:00 a 14:00. El director académico es el Sr. D. Tomás Erquicia.
Matrícula
La matrícula del curso anual cuesta 120 euros y se paga una sola vez. Los alumnos que se
matriculan antes del 30 de junio tienen un descuento del 10 %.
Precios por nivel
Nivel Horas semanales Precio mensual
A1 4 85 euros
B2 6 110 euros
C1 6 125 euros"""

PAGE = """<html><head><title>Academia Lingua</title></head><body>
<h1>Academia Lingua: guía del alumno 2027</h1>
<p>La secretaría está en la Av. de la Constitución, n.º 14, 2.º piso, y atiende de lunes a
viernes de 9:00 a 14:00. El director académico es el Sr. D. Tomás Erquicia.</p>
<h2>Precios por nivel</h2>
<table><tr><th>Nivel</th><th>Horas semanales</th><th>Precio mensual</th></tr>
<tr><td>A1</td><td>4</td><td>85 euros</td></tr><tr><td>B2</td><td>6</td><td>110 euros</td></tr>
<tr><td>C1</td><td>6</td><td>125 euros</td></tr></table></body></html>"""


@pytest.fixture
def org(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Academia")
    org.kb("guide")
    for name, data in (("guia.pdf", pdf_bytes([GUIDE])), ("guia.html", PAGE.encode())):
        assert org.upload_file("guide", name, data)["status"] == "completed"
    org.assistant("office", ["guide"])
    return org


def test_a_pdf_is_quoted_by_its_sentences_not_its_lines(org: Org) -> None:
    reply = ok(chat(org.client, org.admin_key, "¿Dónde está la secretaría?", conversation="a"))
    assert reply["found"] is True, reply
    # The sentence alone, once though both copies hold it: no heading before it, no table.
    assert reply["answer"].startswith("La secretaría está en la Av. de la Constitución, n.º 14")
    assert reply["answer"].count("La secretaría está") == 1, reply["answer"]
    assert "guía del alumno" not in reply["answer"] and "euros" not in reply["answer"]

    reply = ok(chat(org.client, org.admin_key, "¿Cuánto cuesta la matrícula?", conversation="b"))
    assert reply["found"] is True and "120 euros" in reply["answer"], reply
    assert "Precios por nivel" not in reply["answer"] and "A1" not in reply["answer"]


def test_the_row_of_the_level_asked_about_and_no_row_for_a_level_not_listed(org: Org) -> None:
    reply = ok(
        chat(org.client, org.admin_key, "¿Cuánto cuesta al mes el nivel B2?", conversation="c")
    )
    assert reply["found"] is True and "110 euros" in reply["answer"], reply
    assert "125 euros" not in reply["answer"] and "85 euros" not in reply["answer"]

    reply = ok(chat(org.client, org.admin_key, "¿Cuánto cuesta el nivel A2?", conversation="d"))
    assert reply["found"] is False and reply["citations"] == [], reply
    assert reply["answer"] == built_in()["es"]["not_found"]
