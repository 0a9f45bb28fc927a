"""Facts asked in the asker's words of pages that write them otherwise (set EV's cider
house and angklung course, and set BN's and BP's boxing club and optician, in pages
written here): children's things by Spanish "infantil" ("el menú de los críos"), a
coeliac by "sin gluten", room for a group asked with its occasion ("Somos 40 para una
cena de empresa, ¿cabemos?"), a practice as a class ("Sekali latihan berapa jam?"), a
month's price as spoken ("Sebulannya kena berapa?"), whether to buy one's own of a page
lending it, whether to bring a thing a page makes compulsory, asked with what it is for,
and when one will have a thing of a page saying when it is ready. Which rows the code
before (92d1401) answered alike is in each row's comment: of these short pages it
answered five already, as it did not of the sets' longer ones."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PIZZERIA = {
    "Comedor": "Tenemos comedor para 50 personas en la calle Mayor 8 de Teruel. El menú "
    "de mediodía cuesta 14 euros. Hay menú infantil a 9 euros. Hacemos pizzas sin gluten "
    "en un horno aparte.",
}
BADMINTON = {
    "Latihan": "Latihan bulu tangkis anak setiap Selasa dan Jumat pukul 16.00, "
    "masing-masing 90 menit. Biaya Rp150.000 per bulan. Raket dipinjamkan selama latihan, "
    "jadi anak tidak perlu membeli.",
}
RIDING = {
    "Paseos": "Damos paseos a caballo por el pinar de Almazán los fines de semana. Para "
    "salir a caballo es obligatorio el casco. Un paseo de una hora cuesta 25 euros.",
}
PHOTOS = {
    "Sesiones": "Hacemos sesiones de fotos de familia en exteriores en Logroño. La sesión "
    "cuesta 120 euros con veinte fotos retocadas. Las fotos están listas en diez días.",
}
ANSWERED = [
    # (before: declined)
    ("pizzeria", "Somos 40 para una cena de empresa, ¿cabemos?", "comedor para 50 personas"),
    ("pizzeria", "¿Cuánto cuesta el menú de los críos?", "menú infantil a 9 euros"),
    ("badminton", "Sebulannya kena berapa?", "Rp150.000 per bulan"),
    # (before: answered too, of these pages)
    ("pizzeria", "¿Hay pizzas para celíacos?", "pizzas sin gluten"),
    ("badminton", "Sekali latihan berapa jam?", "masing-masing 90 menit"),
    ("badminton", "Harus beli raket sendiri?", "Raket dipinjamkan"),
    ("riding", "¿Hay que llevar casco para montar?", "es obligatorio el casco"),
    ("photos", "¿Cuándo tendré las fotos?", "listas en diez días"),
]
DECLINED = [
    # (before: declined too)
    ("badminton", "id", "Harus beli sepatu sendiri?"),
    ("riding", "es", "¿Hay que llevar botas para montar?"),
]


def test_a_fact_asked_in_the_askers_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Pizzeria, badminton, riding, photos")
    made = assistant_per_kb(
        org, {"pizzeria": PIZZERIA, "badminton": BADMINTON, "riding": RIDING, "photos": PHOTOS}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
