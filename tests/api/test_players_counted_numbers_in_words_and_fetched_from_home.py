"""How many may take part, a number asked in words, grooming asked "while at it", a cat
fetched from home, and a thing named only as what one signs with, end to end over
pages written here. By the code of set DW's commit (865b6d0), "¿Cuántos podemos
jugar?" of "para grupos de 3 a 5 personas" and "¿Cuánto cuesta para cuatro?" of "95
euros para 4 o 5 personas" were declined (neither shared a word with its sentence), so
was "Bisa sekalian grooming?" of "Grooming mandi kutu" (not read as whether there is
one thing), and "¿Qué es la firma electrónica?" was answered with "firmar con firma
electrónica". "Bisa dijemput ke rumah?" passes there on this short page (set DW's longer
one declined it), and so do the other rows."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

ESCAPE = {
    "La sala": "El Laboratorio Perdido es una sala de escape de misterio para grupos de 3 "
    "a 5 personas. Tenéis 75 minutos para salir. Una actriz participa en la partida.",
    "Precios": "El precio por grupo es de 70 euros para 3 personas y 95 euros para 4 o 5 "
    "personas. Los menores de 14 años deben venir con un adulto.",
    "Reservas": "Se reserva en la web con una señal de 25 euros. Estamos en la calle "
    "Mayor 9, en Teruel.",
}
PAPERWORK = {
    "Servicios": "Tramitamos herencias, declaraciones de la renta y altas de autónomos. "
    "No llevamos juicios.",
    "Cómo trabajamos": "Estamos en la plaza del Torico 2, en Teruel, de lunes a viernes "
    "de 9:00 a 14:00. Puede enviarnos la documentación por correo electrónico y firmar "
    "con firma electrónica.",
}
CAT_HOTEL = {
    "Fasilitas": "Kucing dititipkan di kandang pribadi di ruangan ber-AC. Kami memberi "
    "makan dua kali sehari dan membersihkan pasir setiap hari.",
    "Tarif": "Tarif penitipan Rp50.000 per malam untuk satu kucing. Grooming mandi kutu Rp70.000.",
    "Syarat": "Kucing wajib sudah divaksin. Penjemputan dan pengantaran bisa diatur "
    "dengan biaya tambahan sesuai jarak.",
}
ANSWERED = [
    ("escape", "¿Cuántos podemos jugar?", "5 personas"),
    ("escape", "¿Cuánto cuesta para cuatro?", "95 euros"),
    ("escape", "¿Cuánto dura?", "75 minutos"),
    ("cats", "Bisa sekalian grooming?", "Grooming mandi kutu"),
    ("cats", "Bisa dijemput ke rumah?", "Penjemputan dan pengantaran"),
    ("cats", "Titip semalam berapa?", "Rp50.000"),
]
DECLINED = [
    ("paperwork", "es", "¿Qué es la firma electrónica?"),
    ("escape", "es", "¿Cuántos podemos aparcar en la calle?"),
    ("cats", "id", "Bisa sekalian steril?"),
]


def test_players_a_number_in_words_grooming_and_fetching_are_answered_a_signature_not_defined(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Players, Numbers, Grooming and Fetching")
    made = assistant_per_kb(org, {"escape": ESCAPE, "paperwork": PAPERWORK, "cats": CAT_HOTEL})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
