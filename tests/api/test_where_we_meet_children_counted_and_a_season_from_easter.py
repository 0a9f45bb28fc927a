"""Where a group meets and where children stay, asked in Spain's words; what a price is
worth per person; children and teachers counted; a season running from Easter; an order's
arrival asked as when one has it; one session's hours; selling asked as whether they
can sell one."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

BIRDS = {
    "Salidas": "Las salidas guiadas son los sábados a las 9:00 y duran 3 horas. Cuestan 30 "
    "euros por persona.",
    "Información": "El punto de encuentro es la oficina de turismo de Amposta.",
}
CAMP = {"Campamento": "Los niños duermen en un albergue de la sierra de Gredos."}
ROBOTS = {"Kelas": "Satu kelas maksimal 10 anak dengan 2 pengajar, 90 menit per pertemuan."}
STATION = {"Visiting": "The museum is open from 10am to 5pm, from Easter to October."}
TREES = {"Envíos": "Enviamos a toda la península en 48-72 horas; el envío cuesta 9 euros."}
GUITARS = {"Aula": "Tenemos guitarras y amplificadores en el aula para las clases."}
ANSWERED = [
    ("birds", "¿Dónde nos encontramos?", "oficina de turismo de Amposta"),
    ("birds", "¿Cuánto vale por persona?", "30 euros por persona"),
    ("camp", "¿Dónde se alojan los chavales?", "albergue"),
    ("robots", "Sekelas isinya berapa anak?", "maksimal 10 anak"),
    ("robots", "Gurunya ada berapa?", "2 pengajar"),
    ("station", "Are you open in September?", "from Easter to October"),
    ("trees", "Si pido hoy, ¿en cuántos días lo tengo?", "48-72 horas"),
    ("trees", "¿Cuánto son los portes?", "9 euros"),
]
DECLINED = [
    ("guitars", "es", "¿Me podéis vender una guitarra?"),
    ("station", "en", "Do you sell ice creams?"),
    ("robots", "id", "Jual robot Lego?"),
]


def test_where_we_meet_children_counted_and_a_season_from_easter(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Meetpoint")
    made = assistant_per_kb(
        org,
        {
            "birds": BIRDS,
            "camp": CAMP,
            "robots": ROBOTS,
            "station": STATION,
            "trees": TREES,
            "guitars": GUITARS,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
