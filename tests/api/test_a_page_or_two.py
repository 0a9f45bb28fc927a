"""A knowledge base of a page or two, asked what its pages do not say (issue 45): the
nearest sentence of a page on the right subject was quoted, cited, for "Apakah ada
dokter spesialis anak?" (the clinic's vaccination page) and "¿El taller hace la ITV?"
(the workshop's opening hours). Such scopes are decided by logistic weights and boosted
trees together (`agents.answerability.Trees`); what the pages say is still answered."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.api.platform_helpers import (
    assert_answers,
    assistant_per_kb,
    create_org,
)

CLINIC = """# Klinik Pratama Sehat Sentosa

Klinik Pratama Sehat Sentosa berada di Jl. Cendrawasih No. 17, Kota Bogor. Klinik melayani
peserta BPJS Kesehatan dan pasien umum.

## Jadwal Praktik

Dokter umum praktik setiap hari Senin sampai Sabtu pukul 08.00 sampai 21.00.
Dokter gigi praktik hari Selasa dan Kamis pukul 16.00 sampai 20.00.
Pada hari Minggu dan hari libur nasional klinik tutup.

## Pendaftaran

Pasien dapat mendaftar langsung di loket atau melalui aplikasi Mobile JKN bagi peserta BPJS.
Pasien umum membayar biaya konsultasi dokter umum sebesar Rp 75.000.
Pasien baru wajib membawa KTP dan kartu BPJS bila ada.
"""
VACCINES = """# Layanan Imunisasi Anak

Imunisasi dasar lengkap untuk bayi diberikan setiap hari Rabu pukul 09.00 sampai 12.00.
Orang tua wajib membawa buku KIA (Kesehatan Ibu dan Anak). Imunisasi dasar tidak dipungut biaya.
Bayi yang sedang demam di atas 38 derajat akan dijadwalkan ulang oleh bidan.
"""
GYM = """Gimnasio Olímpico Norte: guía del socio

Horario
El gimnasio abre de lunes a viernes de 6:30 a 22:30 y los sábados de 9:00 a 14:00. Los domingos permanece cerrado. En agosto el horario de tarde termina a las 21:00.

Cuotas
La cuota mensual cuesta 39 euros y la trimestral 105 euros. Los estudiantes menores de 25 años pagan 29 euros al mes presentando su carné. La matrícula de alta cuesta 20 euros y no se devuelve.

Clases dirigidas
Las clases de spinning, pilates y zumba están incluidas en la cuota. Es necesario reservar plaza en la aplicación con un máximo de 48 horas de antelación. Quien no acude a tres reservas en un mes no puede reservar durante una semana.
"""
WORKSHOP = """Taller Mecánico Hermanos Ruiz: garantía de reparaciones

Todas las reparaciones tienen una garantía de tres meses o 2.000 kilómetros, lo que ocurra primero. La garantía cubre la mano de obra y las piezas sustituidas por el taller.

La garantía no cubre los daños causados por un uso indebido del vehículo ni las piezas aportadas por el cliente. Para reclamar hay que presentar la factura original en el taller.

El taller abre de lunes a viernes de 8:00 a 18:00. Para pedir cita se puede llamar al 968 123 456.
"""
PAGES = {
    "klinik": {"Klinik": CLINIC, "Imunisasi": VACCINES},
    "gimnasio": {"Gimnasio": GYM, "Taller": WORKSHOP},
}
ANSWERED = [
    ("klinik", "Jam berapa dokter gigi praktik?", "16.00"),
    ("klinik", "Kapan jadwal imunisasi bayi?", "Rabu"),
    ("gimnasio", "¿A qué hora abre el gimnasio los sábados?", "9:00"),
    ("gimnasio", "¿Cuánto dura la garantía de una reparación?", "tres meses"),
]
NOT_SAID = [
    ("klinik", "id", "Apakah ada dokter spesialis anak?"),
    ("gimnasio", "es", "¿Hay piscina en el gimnasio?"),
    ("gimnasio", "es", "¿El taller hace la ITV?"),
]


@pytest.fixture
def assistants(platform: Flask) -> tuple:
    org = create_org(platform.test_client(), "Sentosa y Norte")
    return org, assistant_per_kb(org, PAGES)


def test_a_page_or_two_answers_what_they_say_and_not_what_they_do_not(assistants: tuple) -> None:
    org, made = assistants
    assert_answers(org, ANSWERED, NOT_SAID, assistants=made)
