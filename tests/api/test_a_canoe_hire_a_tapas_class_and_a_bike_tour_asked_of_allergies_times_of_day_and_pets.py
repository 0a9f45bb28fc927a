"""Questions in the asker's words of pages written here after set EX's misses: an allergy
told of a page asking to be told of allergies, whether one must know how already, what
to bring when collecting, renting as spoken, a downpour; and declined, a part of the day
no page gives, a day of the week other than the one the pages name, a pet of pages that
never speak of animals, a beach by a name no page holds beside one it does. Which rows the code before (4278cfd) answered alike is in each
row's comment: of these short pages it already answered or declined several."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CANOES = {
    "Kano": "Kami menyewakan kano untuk dua orang di Sungai Progo. Satu kano Rp150.000 per "
    "hari, termasuk dayung dan pelampung.",
    "Aturan": "Penyewa wajib meninggalkan SIM asli sebagai jaminan. Keterlambatan "
    "pengembalian dikenai denda Rp50.000 per jam.",
    "Antar": "Kano bisa kami antar ke Pantai Glagah dengan biaya Rp75.000. Buka setiap "
    "hari pukul 07.00 sampai 17.00.",
}
TAPAS = {
    "Talleres": "Los talleres de tapas son los sábados de 11:00 a 14:00 en la calle Feria "
    "12 de Sevilla. Cada taller cuesta 55 euros con la comida incluida.",
    "Antes de venir": "No hace falta experiencia previa: empezamos desde cero. Avisa al "
    "reservar si tienes alguna alergia o intolerancia. Los menores de 12 años vienen con "
    "un adulto.",
}
BIKES = {
    "Rides": "Guided rides leave the station car park at 9 am and are back by 1 pm. A ride "
    "costs £35 with the bike and helmet.",
    "Before you come": "Bring a bank card for the deposit when you collect the bikes. "
    "Children from 10 can ride with a parent. Rides are moved to another day in heavy "
    "rain.",
}
FLIGHTS = {
    "Vuelos": "Volamos en parapente biplaza desde la sierra de Gredos. El vuelo dura unos 20 "
    "minutos y cuesta 95 euros.",
    "Requisitos": "Los niños pueden volar desde los 7 años con permiso de sus padres. El "
    "peso máximo es de 100 kilos.",
}
ANSWERED = [
    # (before: declined)
    ("tapas", "Mi hija es alérgica a los frutos secos, ¿puede venir?", "alguna alergia"),
    ("tapas", "¿Hay que saber cocinar antes?", "No hace falta experiencia"),
    ("bikes", "What if there's a downpour?", "moved to another day"),
    # (before: answered too)
    ("bikes", "What do I need to bring when I pick the bikes up?", "a bank card"),
    ("canoes", "Perlu jaminan apa buat nyewa?", "SIM asli"),
    ("flights", "¿Con qué edad puede volar mi hijo?", "desde los 7 años"),
]
DECLINED = [
    # (before: answered, with the hours, the Saturdays or the children's age)
    ("tapas", "es", "¿Hay talleres por la noche?"),
    ("tapas", "es", "¿Hay talleres los domingos?"),
    ("flights", "es", "¿Se puede volar de noche?"),
    ("flights", "es", "¿Puede subir mi perro en el vuelo?"),
    ("bikes", "en", "Can the dog come along on the ride?"),
    # (before: declined too)
    ("tapas", "es", "¿Puedo llevar a mi perro?"),
    ("bikes", "en", "Do you do evening rides?"),
    ("canoes", "id", "Bisa antar ke Pantai Parangtritis?"),
]


def test_allergies_times_of_day_and_pets_in_the_askers_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Canoes, tapas, bikes, flights")
    made = assistant_per_kb(
        org, {"canoes": CANOES, "tapas": TAPAS, "bikes": BIKES, "flights": FLIGHTS}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
