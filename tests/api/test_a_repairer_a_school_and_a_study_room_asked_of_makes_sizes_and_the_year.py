"""Questions of set EH's kinds, in pages written here: an Indonesian repairer of fridges
and air conditioners, a school, a Spanish study room, a bread class, a cocktail academy.
By the code before (7ea118c) these answered rows were declined: a make no page names, of
a page serving every make ("Kulkas merek Sanyo bisa diperbaiki?"); a school's fee to get
in asked in the asker's words ("Biaya masuknya berapa?" of "Uang pangkal"); a part of
the year, of a school enrolling all year; "¿Cuánta gente entra en cada curso?" (its
"entra" read as a thing asked). These declined rows were answered: the price of another
size ("Cuci AC 2 PK berapa?" of the 1 PK price), booking "por internet" of a page
that never speaks of the internet, and an air conditioner's watts of pages writing no
unit of power ("Berapa watt listrik AC 1 PK?" of the 1 PK wash). The 1 PK price, a
class's limit in places, a town no page names and a printer are read alike before and
after."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

REPAIRER = {
    "Layanan": "Kami memperbaiki kulkas, freezer dan mesin cuci semua merek di wilayah "
    "Depok dan sekitarnya.",
    "Harga": "Cuci AC 1 PK Rp75.000 per unit. Isi freon mulai Rp150.000.",
}
SCHOOL = {
    "Biaya": "Uang pangkal Rp3.000.000 dan SPP Rp900.000 per bulan.",
    "Pendaftaran": "Pendaftaran siswa baru dibuka sepanjang tahun di kantor sekolah.",
}
STUDY_ROOM = {
    "La sala": "Sala de estudio con 30 puestos y taquillas. Abrimos de 8:00 a 22:00.",
    "Bono": "El bono mensual cuesta 40 euros y reserva un puesto fijo.",
}
BAKERY = {
    "Classes": "Our bread class lasts four hours and costs £80, lunch included. Places are "
    "limited to eight per class.",
}
ACADEMY = {
    "Cursos": "El curso de coctelería dura 20 horas y cuesta 180 euros. Los grupos son de "
    "8 alumnos como máximo.",
}
ANSWERED = [
    ("repairer", "Kulkas merek Sanyo bisa diperbaiki?", "semua merek"),
    ("repairer", "Cuci AC 1 PK berapa?", "Rp75.000"),
    ("school", "Biaya masuknya berapa?", "Rp3.000.000"),
    ("school", "Bisa daftar akhir tahun?", "sepanjang tahun"),
    ("bakery", "How many people are in each class?", "eight per class"),
    ("academy", "¿Cuánta gente entra en cada curso?", "8 alumnos"),
]
DECLINED = [
    ("repairer", "id", "Cuci AC 2 PK berapa?"),
    ("repairer", "id", "Bisa servis kulkas di Bogor?"),
    ("repairer", "id", "Berapa watt listrik AC 1 PK?"),
    ("study", "es", "¿Puedo reservar puesto por internet?"),
    ("study", "es", "¿Tenéis impresora?"),
]


def test_makes_sizes_and_times_of_year_are_read_as_the_pages_give_them(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Repairer, school and study room")
    made = assistant_per_kb(
        org,
        {
            "repairer": REPAIRER,
            "school": SCHOOL,
            "study": STUDY_ROOM,
            "bakery": BAKERY,
            "academy": ACADEMY,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
