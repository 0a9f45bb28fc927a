""" "How long is adoption leave?" of a policy on annual, maternity and paternity leave was
answered with the maternity leave sentence (the issue's own example: a kind of leave the
policy does not cover, answered with the kind it does cover). A kind the pages list
others of, and never name, is declined; the kinds they list are answered, cited."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

POLICY = """# Leave policy

## Annual leave
Full-time employees get 25 days of annual leave a year, plus public holidays. Up to five
unused days can be carried over to the next year and must be used by 31 March.

## Sick leave
If you are ill, tell your line manager before 10 am on the first day. A doctor's note is
needed after seven calendar days.

## Parental leave
Birth mothers get 26 weeks of maternity leave, the first 16 at full pay. Partners get four
weeks of paternity leave at full pay.
"""
PERMISOS = """# Permisos retribuidos

El permiso de matrimonio es de quince días naturales. El permiso de mudanza es de un
día laborable.
En caso de fallecimiento de un familiar de primer grado, el permiso de duelo es de tres
días, o cinco si hay que viajar.
Los permisos se solicitan en el portal del empleado con los justificantes.
"""

ANSWERED = [
    ("leave", "How long is paternity leave?", "four weeks of paternity leave"),
    ("leave", "How many days of annual leave do I get?", "25 days of annual leave"),
    ("permisos", "¿Cuántos días es el permiso de mudanza?", "un día laborable"),
]
NOT_FOUND = [
    ("leave", "en", "How long is adoption leave?"),
    ("leave", "en", "Can I take unpaid leave?"),
    ("permisos", "es", "¿Cuántos días es el permiso de lactancia?"),
]


def test_a_kind_the_pages_list_others_of_is_declined(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Asked kinds")
    made = assistant_per_kb(org, {"leave": {"Leave": POLICY}, "permisos": {"Permisos": PERMISOS}})
    assert_answers(org, ANSWERED, NOT_FOUND, assistants=made)
