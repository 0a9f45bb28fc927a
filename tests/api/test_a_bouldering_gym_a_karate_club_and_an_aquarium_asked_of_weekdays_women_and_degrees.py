"""Questions of set EK's kinds, in pages written here: a Spanish bouldering gym, an English
karate club and aquarium service, an Indonesian silat school, an English pilates studio.
By the code before (2dffb1c) the first answered row was declined ("entre semana" was a
word the hours' pages lack) and two declined rows were answered: "Are there classes for
ladies?" with the karate club's timetable (pages never speaking of women) and "What
temperature should a tropical tank be?" with the tanks they install (no page gives
degrees). The other rows read alike before and after: the pilates studio's ladies-only
class answers, the other questions for women and the gym's temperature were declined by
the decision before too, and "Seragam beli lagi nggak?" (bought again: now asked as
whether it is included; declined on set EK's pages before) was answered on these."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

GYM = {
    "Entradas": "La entrada de un día cuesta 12 euros y el bono de diez entradas 95 euros. "
    "Los menores de 14 años pagan 8 euros. Alquilamos pies de gato por 3 euros.",
    "Cursos": "El curso de iniciación son cuatro sesiones de hora y media por 65 euros, con "
    "un máximo de ocho alumnos.",
    "Horario": "Abrimos de lunes a viernes de 9:00 a 22:30 y sábados y domingos de 10:00 a "
    "20:00. Hay vestuarios con duchas y taquillas gratuitas.",
}
KARATE = {
    "Classes": "Junior classes for ages 6 to 12 run on Mondays and Thursdays from 5pm to "
    "6pm. Adult classes are on Tuesdays and Fridays from 7pm to 8.30pm in the Ashby Scout "
    "Hall.",
    "Fees": "Your first two classes are free. After that, juniors pay £26 a month and adults "
    "£33 a month. A club suit costs £24 and a licence with insurance is £18 a year.",
    "Gradings": "Gradings are held every four months and cost £15. All coaches are DBS checked.",
}
AQUARIUM = {
    "Maintenance": "We clean and service home and office aquariums across Bristol. A visit "
    "costs £40 for tanks up to 150 litres and includes a water change and a filter check.",
    "Setup": "We design and install tropical and cold-water tanks. A new tank is cycled for "
    "four weeks before any fish go in.",
    "Holiday care": "While you are away we can visit twice a week to feed your fish, at £12 "
    "per visit.",
}
SILAT = {
    "Latihan": "Latihan pencak silat setiap Rabu dan Sabtu pukul 15.30-17.30 di lapangan "
    "balai desa. Terbuka untuk anak mulai 8 tahun, remaja dan dewasa.",
    "Biaya": "Pendaftaran Rp120.000 sudah termasuk seragam. Iuran bulanan Rp40.000.",
    "Prestasi": "Atlet kami rutin ikut kejuaraan tingkat kabupaten. Pelatih utama pemegang "
    "sabuk hitam.",
}
PILATES = {
    "Classes": "Mat pilates runs every weekday at 9am. A ladies-only class is held on "
    "Wednesday evenings at 7pm.",
    "Prices": "A drop-in class costs £9 and ten classes cost £80.",
}
ANSWERED = [
    ("gym", "¿Hasta qué hora abrís entre semana?", "22:30"),
    ("pilates", "Do you do women-only classes?", "ladies-only class"),
    ("karate", "What nights are the adult classes?", "Tuesdays and Fridays"),
    ("silat", "Seragam beli lagi nggak?", "sudah termasuk seragam"),
]
DECLINED = [
    ("karate", "en", "Are there classes for ladies?"),
    ("karate", "en", "Do you do women-only classes?"),
    ("silat", "id", "Ada kelompok latihan khusus putri?"),
    ("aquarium", "en", "What temperature should a tropical tank be?"),
    ("gym", "es", "¿A qué temperatura está la sala de bloque?"),
]


def test_weekdays_women_and_degrees_as_asked(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Clubs and tanks")
    made = assistant_per_kb(
        org,
        {"gym": GYM, "karate": KARATE, "aquarium": AQUARIUM, "silat": SILAT, "pilates": PILATES},
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
