"""Asked whether they sell (or buy) a thing of a kind no page names, of shops holding the
thing: a Spanish guitar repairer, an English bridal shop, a Spanish watchmaker (pages
written here after set AJ's, CF's and AC's; the hand sets held seven such near-topic
questions answered with a sentence on the thing). By the code before (a7ee921) the
music shop's and the watchmaker's declined rows were answered ("¿Vendéis guitarras de
segunda mano?" with the strings they sell and the guitars they set up); the bridesmaid
dresses were declined before and after. The answered rows are answered before and after:
what they sell, and a kind the pages hold ("correas de acero")."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

MUSIC = {
    "Reparaciones": "Ajustamos guitarras, bajos y ukeleles: cambio de cuerdas, altura de "
    "cejuela y regulación del mástil. Un ajuste completo sale por 45 euros, cuerdas aparte.",
    "Plazos": "Casi todos los ajustes están listos en tres días laborables; las grietas "
    "necesitan presupuesto, que es gratuito.",
    "Tienda": "Estamos en la calle Mayor 30, de lunes a viernes de 10:00 a 14:00. También "
    "vendemos cuerdas, púas y fundas.",
}
BRIDAL = {
    "Appointments": "Bridal appointments last 90 minutes and are free; bring up to four "
    "guests. Book online at least two weeks ahead.",
    "Dresses": "Our gowns range from £900 to £2,800 in sizes 6 to 30. Dresses take four to "
    "six months to arrive after ordering. We also sell veils in the shop.",
    "Alterations": "Alterations are done in-house and charged separately, usually £150 to "
    "£350. We store your dress until the week of the wedding.",
}
WATCHES = {
    "Reparaciones": "Cambiamos la pila de cualquier reloj por 6 euros en el momento. Una "
    "revisión completa de un reloj automático cuesta 90 euros y tarda unas tres semanas.",
    "Correas": "Tenemos correas de piel desde 15 euros y de acero desde 30 euros. Ajustar un "
    "brazalete metálico es gratis si la correa se compró aquí.",
    "Tienda": "Estamos en la plaza Nueva 4 y abrimos de lunes a viernes de 10:00 a 14:00. "
    "Todas las reparaciones tienen seis meses de garantía.",
}
ANSWERED = [
    ("music", "¿Vendéis fundas?", "fundas"),
    ("bridal", "Do you sell veils?", "veils"),
    ("watches", "¿Tenéis correas de acero?", "de acero"),
]
DECLINED = [
    ("music", "es", "¿Vendéis guitarras de segunda mano?"),
    ("bridal", "en", "Do you sell bridesmaid dresses?"),
    ("watches", "es", "¿Vendéis relojes inteligentes?"),
    ("watches", "es", "¿Compráis relojes usados?"),
]


def test_a_kind_no_page_names_of_a_thing_they_sell_is_declined(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Shops of kinds")
    made = assistant_per_kb(org, {"music": MUSIC, "bridal": BRIDAL, "watches": WATCHES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
