"""Small organisations' first questions (issue 45, bench/data/asked_by_hand): a music
school in Spanish, a block of flats in English and a daycare in Indonesian, three short
pages each. What their pages answer is answered and cited; what they do not, though it
shares the pages' words, gets the not-found message:

- a kind of class the school's list of classes leaves out ("clases de batería");
- who holds a role, where the only capitalised words name the organisation itself;
- the address, of pages that say only "at our office".

Whether the place is open in the morning or the evening is asked as a day is: the hours
answer it ("¿Abren por la mañana?" of afternoon hours).

"Apakah ada wifi?" of a page writing "Wi-Fi" is answered: its hyphenated word is one.
"""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import Org, assert_answers, create_org

SCHOOL = {
    "Cursos": "La Academia Musical Do Re Mi ofrece clases de piano, flauta, violonchelo y "
    "saxofón para alumnos desde los siete años. Cada clase individual dura 50 minutos y "
    "cuesta 30 €. Los coros infantiles ensayan los miércoles de 18:00 a 19:00.",
    "Dónde estamos": "Estamos en la C/ San Vicente, 12, 2.º dcha., 46002 Valencia. La "
    "secretaría atiende de lunes a viernes de 16:00 a 21:00.",
    "Pagos": "La inscripción cuesta 35 € y se abona una sola vez. Las mensualidades se "
    "cobran por domiciliación entre el día 1 y el 5.",
}
FLATS = {
    "Living here": "Quiet hours at Elm Court run from 11 pm to 7 am. Recycling goes in "
    "the green bins behind block B; bulky items are collected on the first Monday of "
    "each month. Report a fault through the residents' portal or by calling the "
    "caretaker on 0113 496 0021.",
    "Visitors": "Visitors may use the two guest parking spaces for up to 24 hours. Guests "
    "staying longer than a week must be registered with the caretaker.",
    "Heating": "The heating runs from 1 October to 30 April. Radiators are bled by the "
    "caretaker on request, free of charge.",
}
DAYCARE = {
    "Program": "Rumah Bermain Pelangi menerima anak usia 2 sampai 6 tahun. Penitipan buka "
    "Senin sampai Jumat pukul 06.30 sampai 17.00. Biaya bulanan Rp2.000.000 sudah "
    "termasuk makan siang.",
    "Pendaftaran": "Pendaftaran dilakukan di kantor Rumah Bermain Pelangi dengan membawa "
    "akta kelahiran dan kartu keluarga. Uang pangkal Rp750.000 dibayar sekali.",
    "Fasilitas": "Setiap ruang bermain ber-AC dan tersedia Wi-Fi untuk orang tua yang "
    "menunggu. Halaman bermain dibersihkan setiap pagi.",
}

ANSWERED = {
    "Academia Musical Do Re Mi": [
        ("¿Dónde está la academia?", "C/ San Vicente, 12"),
        ("¿Cuánto cuesta una clase individual?", "30 €"),
        ("¿Cuándo ensayan los coros?", "miércoles"),
        ("¿Abren por la mañana?", "16:00 a 21:00"),  # a part of the day, asked as a day
    ],
    "Elm Court": [
        ("What number do I call to report a fault?", "0113 496 0021"),
        ("When is the heating on?", "1 October"),
        ("How long can visitors park?", "24 hours"),
    ],
    "Rumah Bermain Pelangi": [
        ("Berapa biaya bulanan?", "Rp2.000.000"),
        ("Apakah ada wifi?", "Wi-Fi"),
        ("Berapa uang pangkal?", "Rp750.000"),
        ("Apakah buka sampai sore?", "06.30 sampai 17.00"),
    ],
}
NOT_FOUND = {
    "Academia Musical Do Re Mi": [
        ("es", "¿Dan clases de guitarra?"),  # four kinds listed, not this one
        ("es", "¿Cuánto cuesta una clase de prueba?"),
        ("es", "¿Quién es el profesor de piano?"),  # the academy is no teacher
    ],
    "Elm Court": [
        ("en", "Who is the caretaker?"),
    ],
    "Rumah Bermain Pelangi": [
        ("id", "Di mana alamat Rumah Bermain Pelangi?"),
        ("id", "Apakah ada diskon untuk anak kedua?"),
    ],
}
PAGES = {
    "Academia Musical Do Re Mi": SCHOOL,
    "Elm Court": FLATS,
    "Rumah Bermain Pelangi": DAYCARE,
}


def organisation(platform: Flask, name: str) -> Org:
    """An organisation of that name (its name's words are its own, never a person's),
    its pages in one knowledge base, and its assistant."""
    org = create_org(platform.test_client(), name)
    org.kb("pages")
    for title, text in PAGES[name].items():
        assert org.upload("pages", title, text)["status"] == "completed"
    org.assistant("desk", ["pages"])
    return org


def test_a_music_school_in_spanish(platform: Flask) -> None:
    name = "Academia Musical Do Re Mi"
    assert_answers(organisation(platform, name), ANSWERED[name], NOT_FOUND[name])


def test_a_block_of_flats_in_english(platform: Flask) -> None:
    name = "Elm Court"
    assert_answers(organisation(platform, name), ANSWERED[name], NOT_FOUND[name])


def test_a_daycare_in_indonesian(platform: Flask) -> None:
    name = "Rumah Bermain Pelangi"
    assert_answers(organisation(platform, name), ANSWERED[name], NOT_FOUND[name])
