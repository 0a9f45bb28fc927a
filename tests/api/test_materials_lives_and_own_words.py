"""Questions of set DL's kinds, end to end over documents written here: a thing asked in
a material the pages do not work in ("¿Restauráis sillas de metal?" of a restorer of
wooden furniture); whether they buy, of pages that never speak of buying or selling; how
long a creature lives, of pages giving how long a visit lasts; how deep a lake is, of a
boat hire's pages; collecting from home, of a shop one brings things to. And answered:
how long a job takes, asked in the words of the service's own name ("restaurar un
mueble" of Restauraciones Mueble Viejo's "Los trabajos tardan..."); whether a thing is
provided, of a sentence naming it beside one pricing the day; a service done to the
asker's grandmother's machine; a number to send photos to, asked with "mando" of a page
writing "envíanos"; the cost of transport, of a page writing "recogemos"; the price of
"a full owl day", asked of the owls assistant, whose page prices "a full day". Each declined
question was answered by the code before, and each answered one declined or answered
with another sentence."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

RESTORER = {
    "Servicios": "Restauramos sillas y mesas antiguas de madera: decapado, encolado y barniz.",
    "Presupuesto": "Para pedir precio, envíanos fotos por WhatsApp al 644 210 388.",
    "Plazos": "Recogemos y entregamos en toda la comarca por 30 euros. Los trabajos tardan "
    "entre dos y cinco semanas.",
}
OWLS = """# Owl days

Our owl morning lasts two hours and you fly barn owls in the meadow. A full day costs
£120. The full owl day finishes with tea and cake in the farmhouse kitchen.
"""
SEWING = {
    "Repairs": "We service and repair domestic sewing machines, including treadle and "
    "hand-crank models. A full service costs £50 and takes about a week.",
    "Shop": "Bring your machine to the shop at 3 Bridge Street with its pedal. We are open "
    "Monday to Friday.",
}
BOATS = """# Perahu

Kami menyewakan perahu motor untuk keliling Danau Toba dari dermaga Ajibata. Sewa Rp
400.000 per jam, sudah termasuk pengemudi.
"""
ANSWERED = [
    ("restorer", "¿Cuánto tardáis en restaurar un mueble?", "entre dos y cinco semanas"),
    ("restorer", "¿A qué número mando las fotos?", "644 210 388"),
    ("restorer", "¿Cuánto cobráis por el transporte?", "30 euros"),
    ("owls", "Is tea provided on the full owl day?", "tea and cake"),
    ("owls", "How much is a full owl day?", "£120"),
    ("sewing", "Can you repair my grandmother's old hand-crank machine?", "hand-crank"),
]
DECLINED = [
    ("restorer", "es", "¿Restauráis sillas de metal?"),
    ("restorer", "es", "¿Compráis muebles antiguos?"),
    ("owls", "en", "How long do barn owls live?"),
    ("sewing", "en", "Can you collect my machine from home?"),
    ("boats", "id", "Berapa kedalaman Danau Toba?"),
]


def test_materials_lives_and_the_services_own_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Restauraciones Mueble Viejo")
    made = assistant_per_kb(
        org,
        {
            "restorer": RESTORER,
            "owls": {"Owl days": OWLS},
            "sewing": SEWING,
            "boats": {"Perahu": BOATS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
