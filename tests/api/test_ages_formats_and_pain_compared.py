"""An age a page requires in Spanish, a file's format, the same day, and which of two
hurts more, end to end over pages written here. By the code of set DT's commit
(75bb8d3), "¿Qué edad mínima piden?" of "El conductor debe tener al menos 23 años" was
declined (no Spanish "tener ... años" gave an age, and "piden" was a word the page had
to hold), and so were "¿En qué formato os mando el archivo?" of "Envíanos el archivo en
PDF" and "¿Lo podéis tener hoy mismo?" of "lo entregamos el mismo día"; "Does ear
piercing hurt more than a tattoo?" was answered with the piercing prices, a comparison
no page makes."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

VANS = {
    "Furgonetas": "Alquilamos furgonetas de carga de 6, 9 y 12 metros cúbicos, sin "
    "conductor, para mudanzas y transportes. Se conducen con el carné B normal.",
    "Tarifas": "La de 9 metros cúbicos cuesta 65 euros al día con 150 km incluidos.",
    "Condiciones": "El conductor debe tener al menos 23 años y dos años de carné. La "
    "furgoneta se entrega con el depósito lleno y debe devolverse igual. Prestamos gratis "
    "una carretilla y mantas; no se permite fumar dentro.",
}
PRINT_SHOP = {
    "Archivos": "Envíanos el archivo en PDF a 300 ppp con 3 mm de sangrado. Si no tienes "
    "diseño, nuestra diseñadora lo prepara por 25 euros.",
    "Precios": "100 tarjetas de visita a doble cara cuestan 18 euros. Con pedido urgente, "
    "antes de las 11 de la mañana, lo entregamos el mismo día por un suplemento del 20 %.",
}
PIERCING = {
    "Piercings": "We pierce ears with sterile single-use needles, never a gun. A lobe "
    "piercing costs £25 and includes titanium studs.",
    "Aftercare": "Clean the piercing twice a day with saline spray.",
}
ANSWERED = [
    ("vans", "¿Qué edad mínima piden?", "al menos 23 años"),
    ("vans", "¿Cuánto cuesta al día?", "65 euros"),
    ("piercing", "How much is a lobe piercing?", "£25"),
    ("print", "¿En qué formato os mando el archivo?", "en PDF"),
    ("print", "¿Lo podéis tener hoy mismo?", "el mismo día"),
]
DECLINED = [
    ("piercing", "en", "Does ear piercing hurt more than a tattoo?"),
    ("piercing", "en", "Is a piercing gun better than a needle?"),
    ("vans", "es", "¿Qué carné hace falta para conducir un camión de 40 toneladas?"),
    ("print", "es", "¿Qué diferencia hay entre CMYK y RGB?"),
]


def test_an_age_a_format_and_the_same_day_are_answered_a_pain_compared_is_not(
    platform: Flask,
) -> None:
    org = create_org(platform.test_client(), "Ages, Files, Today and Pain")
    made = assistant_per_kb(org, {"vans": VANS, "print": PRINT_SHOP, "piercing": PIERCING})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
