"""Set FB's rules (2026-12-07): opening hours asked of pages that give no time and no
day are not answered with whatever shares a word ("el circuito cierra si llueve");
Spanish "you" ("con ustedes", "con vosotros") names the service asked, not a thing
priced; a child's age asked with what the child would do ("¿puede participar?",
"¿puede correr?") is answered by the ages the page gives. Which rows the code before (5eff186)
answered alike is in each row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

SWIMMING = {
    "Cursos": "La Escuela de Natación Delfín da clases a niños desde los 4 años y a "
    "adultos. Aprender a nadar en un curso de diez clases cuesta 60 euros, y cada clase "
    "dura 45 minutos.",
    "Material": "Hay que traer gorro, gafas y chanclas. Las toallas no se prestan.",
}
RIDING = {
    "Clases": "El Centro Hípico La Herradura da clases de equitación para niños de 8 a 14 "
    "años con ponis mansos, y paseos por el monte para adultos.",
    "Horario": "Abrimos de martes a domingo de 9:00 a 14:00.",
}
KARTS = {
    "Karts": "Junior karts are for drivers aged 8 to 15 and reach 25 mph. An adult "
    "session of fifteen minutes costs £20.",
    "Safety": "Helmets, gloves and overalls are provided. Closed-toe shoes must be worn.",
}
ANSWERED = [
    # (before: declined, "ustedes" taken for the thing priced)
    ("swimming", "¿Cuánto cuesta aprender a nadar con ustedes?", "60 euros"),
    # (before: declined, "participar" a term no page holds); a child too young is told
    # the age all the same
    ("swimming", "Mi hija tiene 5 años, ¿puede participar?", "desde los 4 años"),
    ("swimming", "Mi hijo tiene 3 años, ¿puede participar?", "desde los 4 años"),
    # (before: answered too)
    ("riding", "Mi hija tiene 10 años, ¿puede montar?", "de 8 a 14 años"),
    ("karts", "My son is 11, can he race?", "aged 8 to 15"),
    ("riding", "¿Qué horario tenéis?", "de martes a domingo de 9:00 a 14:00"),
]
DECLINED = [
    # (before: answered with the course's price and length)
    ("swimming", "es", "¿Cuál es el horario de la escuela?"),
    # (before: declined too)
    ("karts", "en", "What are your opening hours?"),
]


def test_hours_no_page_gives_you_in_spanish_and_what_a_child_would_do(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Lessons and karts")
    made = assistant_per_kb(org, {"swimming": SWIMMING, "riding": RIDING, "karts": KARTS})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
