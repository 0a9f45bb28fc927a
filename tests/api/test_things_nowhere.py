"""A question asking whether there is something the knowledge base never names is not
answered by the passage nearest it (issue 45): "Apakah ada kantin di perpustakaan?" of a
library's pages got their opening hours, cited. What it asks for ("kantin") is looked for
in every passage the assistant may read; when none holds it and the question comes closer
to the best sentence without it, the reply is the not-found message. Things the pages do
name, or say in the question's words, are still answered; another organisation's pages
do not count."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.api.platform_helpers import (
    assert_answers,
    assistant_per_kb,
    chat,
    create_org,
    ok,
)
from tests.api.test_a_page_or_two import CLINIC, VACCINES

LIBRARY = """# Perpustakaan Umum Kota Malang

Perpustakaan Umum Kota Malang berada di Jl. Besar Ijen No. 30A, Malang.

## Jam Layanan

Perpustakaan buka Senin sampai Jumat pukul 08.00 sampai 20.00 dan Sabtu pukul 09.00 sampai 15.00.
Pada hari Minggu dan hari libur nasional perpustakaan tutup.

## Keanggotaan

Pendaftaran anggota tidak dipungut biaya. Calon anggota cukup membawa KTP atau kartu pelajar.
Kartu anggota berlaku selama tiga tahun dan dapat diperpanjang di meja layanan.

## Peminjaman

Setiap anggota boleh meminjam paling banyak tiga buku selama 14 hari.
Keterlambatan pengembalian dikenakan denda Rp 1.000 per buku per hari.
"""
CHILDREN = """# Ruang Baca Anak

Ruang baca anak di lantai dua terbuka untuk anak usia 3 sampai 12 tahun.
Anak di bawah 7 tahun harus didampingi orang tua. Setiap Sabtu pukul 10.00 ada kegiatan mendongeng.
"""
SPORTS_CENTRE = """# Polideportivo Municipal La Vaguada

## Piscina cubierta

La piscina cubierta abre de lunes a viernes de 7:00 a 22:00 y los sábados de 9:00 a 14:00.
Es obligatorio el uso de gorro de baño y chanclas. Los menores de 14 años deben ir acompañados de un adulto.

## Abonos

El abono mensual para empadronados cuesta 32 euros y para no empadronados 45 euros.
La entrada puntual a la piscina cuesta 4,50 euros. Los mayores de 65 años tienen un 50 % de descuento.

## Inscripciones

Las inscripciones se hacen en la oficina del polideportivo o en la sede electrónica del ayuntamiento.
Para darse de baja hay que avisar antes del día 25 del mes anterior.
"""
SWIMMING = """# Cursos de natación

Los cursos de natación para niños de 4 a 12 años se imparten los martes y jueves por la tarde.
Cada grupo tiene un máximo de ocho alumnos por monitor. El curso trimestral cuesta 60 euros.
"""
LEAVE = """# Leave Policy

This policy applies to all employees of Harbor & Pine Ltd.

## Annual leave

Full-time employees receive 25 days of paid annual leave per calendar year, plus public holidays.
Up to five unused days may be carried over to the next year; they must be taken by 31 March.
Leave requests are submitted in the HR portal at least two weeks in advance.

## Sick leave

Employees who are ill must inform their line manager before 9:30 on the first day of absence.
A doctor's note is required for absences longer than three consecutive working days.
Sick pay is paid at full salary for up to 20 working days per year.
"""
REMOTE = """# Working from home

Employees may work from home up to two days a week with their manager's agreement.
The company provides a laptop and a monitor; office chairs are not provided.
Home internet costs are not reimbursed.
"""
# Another organisation's page names a canteen: not the caller's to be answered from.
ELSEWHERE = """# Kantin Kantor

Kantin di lantai satu buka setiap hari kerja pukul 07.00 sampai 15.00.
"""
KNOWLEDGE = {
    "perpustakaan": {"Perpustakaan": LIBRARY, "Ruang anak": CHILDREN},
    "klinik": {"Klinik": CLINIC, "Imunisasi": VACCINES},
    "polideportivo": {"Polideportivo": SPORTS_CENTRE, "Cursos": SWIMMING},
    "policies": {"Leave": LEAVE, "Remote": REMOTE},
}
# (knowledge base, question, what the answer says)
THERE = [
    ("perpustakaan", "Apakah ada denda keterlambatan?", "Rp 1.000"),
    ("perpustakaan", "Apakah ada kegiatan untuk anak-anak?", "mendongeng"),
    ("klinik", "Apakah ada dokter gigi?", "Dokter gigi"),
    ("polideportivo", "¿Hay descuento para mayores?", "50 %"),
    ("polideportivo", "¿Tiene la piscina horario los sábados?", "sábados"),
    ("policies", "Is there sick pay?", "full salary"),
    ("policies", "Do you provide a monitor for working from home?", "monitor"),
]
NOT_THERE = [
    ("perpustakaan", "id", "Apakah ada kantin di perpustakaan?"),
    ("klinik", "id", "Apakah klinik punya layanan rawat inap?"),
    ("polideportivo", "es", "¿Tiene el polideportivo gimnasio con máquinas?"),
]


def test_a_question_whether_there_is_what_no_page_names_gets_the_not_found_message(
    platform: Flask,
) -> None:
    other = create_org(platform.test_client(), "Graha Niaga")
    other.kb("kantor")
    assert other.upload("kantor", "Kantin", ELSEWHERE)["status"] == "completed"
    org = create_org(platform.test_client(), "Layanan Warga")
    helpers = assistant_per_kb(org, KNOWLEDGE)
    assert_answers(org, THERE, NOT_THERE, assistants=helpers)
    # The other organisation's page names its canteen: its own assistant answers.
    other.assistant("kantor desk", ["kantor"])
    reply = ok(chat(other.client, other.admin_key, "Apakah ada kantin di kantor?"))
    assert reply["found"] is True and "07.00" in reply["answer"], reply


BREAKFAST = """# Breakfast

Breakfast is served in the café from 7:30 to 10 am and costs 6 pounds.
Vegan options are available every day.
"""
ROOMS = """# Rooms

Bed linen is included. Towels can be rented for 2 pounds.
Quiet hours are from 11 pm to 7 am.
"""
# (knowledge base, the conversation's questions, what the last answer says or None)
FOLLOW_UPS = [
    ("perpustakaan", ["Berapa buku yang boleh dipinjam?", "Berapa lama?"], "14 hari"),
    ("perpustakaan", ["Jam berapa perpustakaan buka hari Sabtu?", "Kalau hari Minggu?"], "Minggu"),
    ("perpustakaan", ["Jam berapa perpustakaan buka hari Sabtu?", "Apakah ada kantin?"], None),
    ("perpustakaan", ["Berapa denda keterlambatan?", "Dan fotokopi?"], None),
    ("breakfast", ["How much is breakfast?", "Are there vegan options?"], "Vegan options"),
    ("breakfast", ["How much is breakfast?", "And dinner?"], None),
    # its own reading's sentence, not the one the previous question's words bring
    ("breakfast", ["Is bed linen included?", "What about towels?"], "Towels can be rented"),
    ("polideportivo", ["¿A qué hora abre la piscina los sábados?", "¿Y los domingos?"], None),
]


def test_a_follow_up_about_what_no_page_names_is_not_answered_with_the_last_answer(
    platform: Flask,
) -> None:
    """A short follow-up is searched and read with the previous question ("Jam berapa
    perpustakaan buka hari Sabtu? Apakah ada kantin?"), which the opening hours answer:
    when none of its own words is in any passage, that reading does not answer it; when
    its own reading quotes a sentence holding them, that one is the answer."""
    org = create_org(platform.test_client(), "Layanan Warga")
    pages = {
        "perpustakaan": KNOWLEDGE["perpustakaan"],
        "polideportivo": KNOWLEDGE["polideportivo"],
        "breakfast": {"Breakfast": BREAKFAST, "Rooms": ROOMS},
    }
    helpers = assistant_per_kb(org, pages)
    for n, (kb, questions, expected) in enumerate(FOLLOW_UPS):
        for question in questions:
            reply = ok(
                chat(
                    org.client, org.admin_key, question, assistant=helpers[kb], conversation=f"f{n}"
                )
            )
        if expected is None:
            assert reply["found"] is False and reply["citations"] == [], (questions, reply)
        else:
            assert reply["found"] is True and expected in reply["answer"], (questions, reply)


HOUSE_RULES = {
    "en": """# House rules

Pets are not allowed inside the hotel, except guide dogs.
Children under 12 must be accompanied by an adult at the pool.
Members may bring one guest per visit for 5 pounds.
Breakfast is served from 7 to 10 am.
""",
    "id": """# Aturan hotel

Hewan peliharaan tidak diperbolehkan di dalam hotel.
Anak di bawah 12 tahun harus didampingi orang dewasa di kolam renang.
Tamu boleh membawa makanan dari luar ke kamar.
""",
    "es": """Normas de la comunidad de vecinos - Calle Olivo 14

Piscina
La piscina comunitaria abre del 15 de junio al 15 de septiembre, de 11:00 a 21:00. Cada vivienda puede invitar a dos personas como máximo. No se permite comer dentro del recinto.

Basuras
Los contenedores están en el sótano. El cartón se deja plegado en el contenedor azul. Los muebles viejos se recogen el primer lunes de cada mes, avisando antes al conserje.

Obras
Las obras en las viviendas solo pueden hacerse de lunes a viernes de 9:00 a 14:00 y de 16:00 a 19:00. Hay que comunicarlas al administrador con una semana de antelación.

Contacto
Administrador: Fincas Levante, teléfono 963 555 210.
Conserje: Antonio, de 8:00 a 15:00 en la portería.
""",
}
# What a question asking whether something may be brought or is allowed asks about is
# looked for too: the pages' own words or a paraphrase of them still answer.
MAY_I = {
    "en": (
        [
            ("Are cats allowed?", "Pets are not allowed"),
            ("Can I bring my kids to the pool?", "Children under 12"),
            ("Can I bring a friend?", "one guest per visit"),
        ],
        [("en", "Are bicycles allowed in the rooms?")],
    ),
    "id": (
        [
            ("Bolehkah saya membawa anjing?", "Hewan peliharaan"),
            ("Apakah boleh membawa makanan?", "membawa makanan"),
        ],
        [("id", "Apakah boleh membawa sepeda?")],
    ),
    "es": (
        [("¿Se permite comer en la piscina?", "No se permite comer")],
        [("es", "¿Se puede llevar perro a la piscina?")],
    ),
}


@pytest.mark.parametrize("language", sorted(MAY_I))
def test_a_thing_asked_to_be_allowed_that_no_page_names(platform: Flask, language: str) -> None:
    """Asked of a neighbours' community rules that never mention dogs, "¿Se puede llevar
    perro a la piscina?" was answered with the pool's rules; the English and Indonesian
    pages' paraphrases ("cats" for pets) are still answered."""
    org = create_org(platform.test_client(), f"Rules {language}")
    org.kb("documents")
    assert org.upload("documents", "Rules", HOUSE_RULES[language])["status"] == "completed"
    org.assistant("desk", ["documents"])
    answered, not_given = MAY_I[language]
    assert_answers(org, answered, not_given)
