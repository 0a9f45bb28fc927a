"""Answer only what the documents answer (issue 45), offline, in Indonesian, Spanish and
English: documents written here, a question each one answers (found, quoted, cited),
and questions they do not answer, off the topic or on it, which get the assistant's
not-found message in the question's own language, no citation, and count as unanswered
in analytics."""

from __future__ import annotations

import pytest
from flask import Flask

from agents.phrasebook import built_in
from tests.api.platform_helpers import Org, assert_answers, assistant_per_kb, chat, create_org, ok

ADMISSIONS = """# Penerimaan Mahasiswa Baru

Universitas Nusantara Raya menerima mahasiswa baru melalui tiga jalur: jalur prestasi,
jalur tes tertulis, dan jalur kemitraan daerah. Pendaftaran jalur tes tertulis dibuka
pada 3 Februari dan ditutup pada 14 Maret.

Biaya pendaftaran jalur tes tertulis adalah Rp 350.000 dan dibayar melalui bank mitra.
Uang kuliah tunggal ditetapkan berdasarkan penghasilan orang tua, dari Rp 500.000
sampai Rp 12.000.000 per semester.

Kampus Jatinangor terletak di Jl. Let. Jen. Purn. Dr. (HC) Mashudi No. 1, Jatinangor,
Sumedang. Kampus ini dapat dicapai dengan bus kampus dari stasiun Bandung setiap 30 menit.
"""

MAINTENANCE = """# Mantenimiento de la bomba B-12

La bomba centrífuga B-12 abastece de agua a la nave de pintura. El aceite del rodamiento
de la bomba B-12 se cambia cada 2.000 horas de funcionamiento, con aceite ISO VG 68.

Antes de cualquier intervención, el técnico bloquea el interruptor principal y coloca su
candado personal. La revisión de los sellos mecánicos se hace cada seis meses y queda
anotada en el registro de mantenimiento de la planta.
"""

LEAVE = """# Leave policy

Every employee is entitled to 25 days of paid annual leave per calendar year. Annual
leave is requested through the staff portal at least two weeks in advance, and up to
five unused days may be carried over to the next year.

An employee who is ill reports it to their manager before nine in the morning on the
first day of absence. A doctor's certificate is needed from the fourth day of sick leave.
"""

ANSWERED = [
    ("Berapa biaya pendaftaran jalur tes tertulis?", "350.000"),
    ("¿Cada cuántas horas se cambia el aceite de la bomba B-12?", "2.000 horas"),
    ("How many days of paid annual leave does an employee get?", "25 days"),
    # written after the decision was shipped (docs/answers.md, "a fresh probe")
    ("Di mana letak kampus Jatinangor?", "Mashudi No. 1"),
    ("¿Qué aceite lleva el rodamiento de la bomba B-12?", "ISO VG 68"),
    ("When do I need a doctor's certificate?", "fourth day"),
]

NOT_ANSWERED = [
    # off the topic of every document
    ("id", "Siapa presiden pertama Indonesia?"),
    ("es", "¿Quién ganó el mundial de fútbol de 2010?"),
    ("en", "What is the boiling point of ethanol?"),
    ("en", "What is the dress code?"),
    # one word shared with a passage (the "mañana"), and nothing else
    ("es", "¿Qué tiempo hará mañana?"),
    # near a document's topic, which does not answer it
    ("en", "Does the company offer a gym membership to employees?"),
    ("en", "Can employees work from home on Fridays?"),
    ("id", "Apakah ada asrama untuk mahasiswa baru?"),
    ("es", "¿Cuál es el precio de compra de la bomba B-12?"),
    ("es", "¿Cuánto pesa la bomba B-12?"),
    ("id", "Kapan wisuda diadakan?"),
    # a kind of leave the policy does not cover: without "maternity" or "bereavement"
    # the question is the annual leave sentence's, so that sentence does not answer it
    ("en", "How many days of maternity leave does an employee get?"),
    ("en", "Is there paid bereavement leave?"),
    # the page on its subject, asked what it does not hold: declined since both the
    # lexical and the small scope's weights decide such a reading (docs/answers.md)
    ("id", "Siapa rektor Universitas Nusantara Raya?"),
    ("id", "Apakah ada kantin di kampus Jatinangor?"),
]
# Near-topic questions whose every sign the offline decision reads looks answerable: the
# passage on their subject is close, most of their words are in it, and the documents
# around it are unrelated (docs/answers.md, "What it does not do"). A reader model, not
# a bi-encoder's cosines and word overlap, would tell these apart.
STILL_ANSWERED = [
    ("id", "Apakah ada beasiswa untuk mahasiswa baru?"),
    ("en", "Is there parking at the Jatinangor campus?"),  # across languages: cosines only
    # "mañana" moves the question no more than leaving out a word the manual holds would
    ("es", "¿Mañana hay mantenimiento de la bomba?"),
]


def organisation(platform: Flask) -> Org:
    org = create_org(platform.test_client(), "Answerability")
    org.kb("documents")
    for title, text in (
        ("Penerimaan", ADMISSIONS), ("Bomba B-12", MAINTENANCE), ("Leave", LEAVE)
    ):  # fmt: skip
        assert org.upload("documents", title, text)["status"] == "completed"
    org.assistant("desk", ["documents"])
    return org


def test_only_what_the_documents_answer_is_answered_in_three_languages(platform: Flask) -> None:
    org = organisation(platform)
    for n, (question, expected) in enumerate(ANSWERED):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"a{n}"))
        assert reply["found"] is True, (question, reply)
        assert expected in reply["answer"] and reply["citations"], (question, reply)
    for n, (language, question) in enumerate(NOT_ANSWERED):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"n{n}"))
        assert reply["found"] is False, (question, reply)
        assert reply["citations"] == [], question
        assert reply["answer"] == built_in()[language]["not_found"], (question, reply["answer"])

    unanswered = ok(org.client.get("/v1/analytics/unanswered", headers=org.admin))["questions"]
    asked = " ".join(g["question"] for g in unanswered).lower()
    assert "gym membership" in asked and "presiden" in asked, unanswered
    assert "biaya pendaftaran" not in asked and "annual leave" not in asked


@pytest.mark.xfail(strict=True, reason="a known limit of the offline decision: docs/answers.md")
def test_near_topic_questions_the_offline_decision_still_answers(platform: Flask) -> None:
    org = organisation(platform)
    for n, (_, question) in enumerate(STILL_ANSWERED):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"s{n}"))
        assert reply["found"] is False, (question, reply["answer"])


def test_the_assistants_own_not_found_message_is_given_in_the_questions_language(
    platform: Flask,
) -> None:
    org = organisation(platform)
    own = {"es": {"not_found": "Eso no consta en nuestros manuales."}}
    assistant = org.assistant("own words", ["documents"], messages=own)
    question = "¿Quién ganó el mundial de fútbol de 2010?"
    reply = ok(chat(org.client, org.admin_key, question, assistant=assistant, conversation="o"))
    assert reply["answer"] == "Eso no consta en nuestros manuales." and reply["citations"] == []


ACROSS = [
    ("How often is the bearing oil of the B-12 pump changed?", "2.000 horas"),
    ("Where is the Jatinangor campus?", "Mashudi No. 1"),
]
# Asked in the language of another document of the same knowledge base: retrieval ranks
# that document first (it shares an everyday word with the question, "cada", "setiap"),
# and the English policy that answers second.
ACROSS_BEHIND_OWN_LANGUAGE = [
    ("¿Cuántos días de vacaciones pagadas al año tiene cada empleado?", "25 days"),
    ("Berapa hari cuti tahunan berbayar yang didapat setiap karyawan?", "25 days"),
]


def test_a_question_asked_in_another_language_than_its_document_is_answered(
    platform: Flask,
) -> None:
    """English questions over a Spanish manual and an Indonesian page: quoted from the
    document as it is written, and cited."""
    org = organisation(platform)
    for n, (question, expected) in enumerate(ACROSS):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"x{n}"))
        assert reply["found"] is True, (question, reply)
        assert expected in reply["answer"] and reply["citations"], (question, reply)


def test_a_document_in_another_language_behind_one_in_the_questions(platform: Flask) -> None:
    """Each passage is read in its own language: the policy is quoted and cited alone,
    without the sentence of the document in the question's language that shares a word."""
    org = organisation(platform)
    for n, (question, expected) in enumerate(ACROSS_BEHIND_OWN_LANGUAGE):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"b{n}"))
        assert reply["found"] is True and expected in reply["answer"], (question, reply)
        assert [c["title"] for c in reply["citations"]] == ["Leave"], (question, reply)


# Spanish pages of the same knowledge base on other staff matters, sharing the leave
# question's everyday words (cada, empleado, días, año): more of them than the passages a
# turn reads. Keywords are matched in Spanish only, and a Spanish question sits closer to
# any Spanish page than to the English policy, so these filled every place.
SHARING_WORDS = {
    "Cafetería": "La cafetería abre todos los días laborables de ocho a cuatro. Cada "
    "empleado tiene un descuento del veinte por ciento en el menú del día.",
    "Aparcamiento": "Cada empleado puede pedir una plaza de aparcamiento una vez al año. "
    "Las plazas se asignan por orden de llegada y se renuevan cada año en enero.",
    "Formación": "Cada empleado dispone de cuarenta horas de formación al año. Los cursos "
    "se piden a Personas con quince días de antelación.",
    "Uniformes": "Cada empleado de planta recibe dos uniformes al año y un par de botas de "
    "seguridad cada dos años.",
    "Teletrabajo": "Los empleados pueden trabajar desde casa dos días por semana, con el "
    "acuerdo de su responsable, y cada año se revisa el acuerdo.",
}


def test_a_document_in_another_language_behind_many_in_the_questions(platform: Flask) -> None:
    """Retrieval reads each language's passages against their own language's level and
    counts their meaning where keywords cannot reach them, and the answerer chooses the
    language of its answer by meaning alone: the English policy is found and quoted for
    a Spanish question, and the Spanish pages still answer theirs."""
    org = create_org(platform.test_client(), "Mixed")
    org.kb("documents")
    for title, text in (("Leave", LEAVE), *SHARING_WORDS.items()):
        assert org.upload("documents", title, text)["status"] == "completed"
    org.assistant("desk", ["documents"])
    question = ACROSS_BEHIND_OWN_LANGUAGE[0][0]
    body = {"query": question, "limit": 4}
    found = ok(org.client.post("/v1/search", json=body, headers=org.admin))["passages"]
    assert "Leave" in [p["title"] for p in found], [p["title"] for p in found]
    # and the answer is the policy's, not a Spanish page's sentence sharing more words
    reply = ok(chat(org.client, org.admin_key, question, conversation="leave"))
    assert reply["found"] is True and "25 days" in reply["answer"], reply
    assert [c["title"] for c in reply["citations"]] == ["Leave"], reply
    reply = ok(chat(org.client, org.admin_key, "¿Cuándo se renuevan las plazas de aparcamiento?"))
    assert reply["found"] is True and "enero" in reply["answer"], reply
    assert [c["title"] for c in reply["citations"]] == ["Aparcamiento"], reply


# A knowledge base of eight short English policies, asked in Spanish and Indonesian.
ASKED_ACROSS = [
    ("¿Cuánto se reembolsa por una noche de hotel en Europa?", "150 euros", "Travel"),
    ("¿A qué hora se sirve la comida en la cantina?", "noon to two", "Canteen"),
    ("Setiap berapa tahun laptop diganti?", "four years", "Laptops"),
]
NOT_ANSWERED_ACROSS = [
    ("es", "¿Se pueden llevar perros a la oficina?"),
    ("es", "¿Hay gimnasio en la empresa?"),
    ("id", "Apakah karyawan mendapat bonus tahunan?"),
    ("id", "Apakah ada asuransi kesehatan untuk karyawan?"),
]


def test_english_policies_asked_in_other_languages_answer_only_what_they_hold(
    platform: Flask,
) -> None:
    """Every page in English, every question in another language: the decision reads
    them across languages at the threshold chosen for a knowledge base of few pages
    (docs/answers.md). The one of whole collections answered the questions below the
    policies do not answer with the nearest policy (the dog with the laptop page)."""
    from tests.agents.test_mixed_scope import ENGLISH

    org = create_org(platform.test_client(), "Policies")
    org.kb("documents")
    for title, text in ENGLISH.items():
        assert org.upload("documents", title, text)["status"] == "completed"
    org.assistant("desk", ["documents"])
    for n, (question, expected, title) in enumerate(ASKED_ACROSS):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"e{n}"))
        assert reply["found"] is True and expected in reply["answer"], (question, reply)
        assert title in [c["title"] for c in reply["citations"]], (question, reply)
    for n, (language, question) in enumerate(NOT_ANSWERED_ACROSS):
        reply = ok(chat(org.client, org.admin_key, question, conversation=f"u{n}"))
        assert reply["found"] is False and reply["citations"] == [], (question, reply)
        assert reply["answer"] == built_in()[language]["not_found"], (question, reply["answer"])


# A Spanish verb's root whose stressed vowel changes ("probar", "prueba"; "perder",
# "pierdo"): the question and the page share it. The first was declined.
AJEDREZ = """# Academia de Ajedrez Alfil

Hay clases para niños los martes y jueves de 17:30 a 19:00. El primer día de prueba es
gratis. En caso de pérdida del carné de socio, se hace uno nuevo en recepción por 3 euros.
"""


def test_a_spanish_root_whose_vowel_changes_is_the_pages_word(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Academia Alfil")
    made = assistant_per_kb(org, {"ajedrez": {"Academia": AJEDREZ}})
    answered = [
        ("ajedrez", "¿Puedo probar una clase antes de apuntarme?", "día de prueba es gratis"),
        ("ajedrez", "Si pierdo el carné, ¿qué hago?", "pérdida del carné"),
    ]
    assert_answers(org, answered, [("ajedrez", "es", "¿Quién ganó el mundial de ajedrez?")],
                   assistants=made)  # fmt: skip
