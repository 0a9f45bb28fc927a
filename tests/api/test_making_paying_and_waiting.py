"""Questions of set DM's kinds, end to end over documents written here. Declined: how to
make a thing the business makes ("How do I make fondant at home?" of a cake maker,
"¿Cómo se hace el pan de pueblo?" of a farm whose children bake bread, "Bagaimana cara
membuat ayam bakar?" of a caterer); what comes of the asker cancelling, of pages that
never speak of it; how old a thing is, of pages giving no year; a kind of the caterer's
menu its list does not hold ("Ada menu vegetarian?"). Answered: food, of a page giving
lunch; what footwear, of a page saying to bring boots; how soon, of a page saying how
far ahead it is booked; when to pay the rest, of the balance's date; the price of binding
a TFM, of a page on "trabajos de fin de máster"; where the farm is, at a road's
kilometre; the delivery cost in the caterer's "ongkir". Each declined question was
answered by the code before, and each answered one declined or answered with another
sentence."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CAKES = {
    "Cakes": "Every wedding cake is baked to order and covered in fondant or left "
    "semi-naked with buttercream. A two-tier cake feeds about 40 guests.",
    "Orders": "Orders need a £50 deposit, and the balance is due two weeks before the "
    "wedding. We deliver and set up the cake within 15 miles of Otley.",
}
HEDGES = {
    "Course": "Our one-day hedge laying course costs £95 and runs on Saturdays from "
    "November to March on farms across the Yorkshire Dales. Tools and a picnic lunch are included; bring sturdy boots.",
    "Places": "Courses are booked about six weeks ahead, so please write early.",
}
FARM = {
    "Visitas": "Los niños dan de comer a las ovejas y hacen pan en el horno de leña. La "
    "visita cuesta 15 euros por alumno.",
    "Dónde": "Estamos en el kilómetro 12 de la carretera de Toledo, a la salida del pueblo.",
}
BINDER = {
    "Encuadernación": "Encuadernamos trabajos de fin de máster en tapa dura con letras "
    "doradas. Cada ejemplar cuesta 30 euros.",
}
CATERING = {
    "Menu": "Nasi kotak berisi nasi putih, ayam bakar, tempe goreng, sayur asem dan sambal.",
    "Harga": "Harga nasi kotak Rp 22.000 per kotak, minimal 25 kotak. Gratis ongkir untuk "
    "wilayah Kota Malang.",
}
ANSWERED = [
    ("cakes", "When do I have to pay the rest?", "two weeks before the wedding"),
    ("hedges", "Is food included on the course?", "picnic lunch"),
    ("hedges", "What footwear do I need?", "sturdy boots"),
    ("hedges", "How soon could you fit me in?", "six weeks ahead"),
    ("binder", "¿Cuánto cuesta encuadernar un TFM?", "30 euros"),
    ("farm", "¿Dónde está la granja?", "kilómetro 12 de la carretera de Toledo"),
    ("catering", "Ongkos kirim ke Malang berapa?", "Gratis ongkir"),
]
DECLINED = [
    ("hedges", "en", "How old are the hedges in the Yorkshire Dales?"),
    ("farm", "es", "¿Cómo se hace el pan de pueblo?"),
    ("catering", "id", "Ada menu vegetarian?"),
]


def test_making_paying_and_waiting(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Granja Escuela El Olivar")
    made = assistant_per_kb(
        org,
        {"cakes": CAKES, "hedges": HEDGES, "farm": FARM, "binder": BINDER, "catering": CATERING},
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
