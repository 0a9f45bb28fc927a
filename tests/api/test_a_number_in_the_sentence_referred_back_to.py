"""A quote that says "It", "These" or "Esto" is given after the sentence it refers back
to, and that sentence may hold the number, the year or the time asked: "The last tram ran
through the city in 1962. It then became the transport museum" answers "In what year did
the depot become the transport museum with restored cars?" (SQuAD's "...new rules for the
1906 season. These included legalizing the forward pass", declined before for a quote
with no year). Which rows the code before (2ca7d75) answered alike is in each row's
comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

TRAMS = {
    "History": "The tram depot on Mill Lane was built for the city's horse trams. The last "
    "tram ran through the city in 1962. It then became the transport museum, with twelve "
    "restored cars in its sheds.",
    "Visiting": "The museum opens from Thursday to Sunday. Entry is free for children.",
}
TRAINS = {
    "Historia": "La estación de Canfranc recibió trenes de Francia durante décadas. El "
    "último tren internacional salió de la estación en 1970. Esto la convirtió en un "
    "edificio vacío hasta su restauración como hotel.",
    "Visitas": "Las visitas guiadas salen del vestíbulo y duran una hora.",
}
ANSWERED = [
    # (before: declined, the quote holding no year)
    ("trams", "In what year did the depot become the transport museum with restored cars?", "1962"),
    ("trains", "¿En qué año se convirtió en un edificio vacío?", "1970"),
    # (before: answered too)
    ("trams", "When did the last tram run through the city?", "1962"),
]
DECLINED = [
    # a sentence referring back to one with no year gives none (before: declined too)
    ("trains", "es", "¿En qué año empezaron las visitas guiadas?"),
]


def test_a_year_in_the_sentence_the_quote_refers_back_to(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Trams and trains")
    made = assistant_per_kb(org, {"trams": TRAMS, "trains": TRAINS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
