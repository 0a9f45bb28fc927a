"""A condition opening a sentence answers "when", and a word that ranks a thing names no
kind of it, end to end over pages written here. "When do the leaves curl up?" of "Under
strong sunlight, the leaves curl up" and "Which clause sets out the primary duties?" of
a lease whose clause 4 holds "the main duties" (beside the secondary, joint and final
ones) were declined by the code before (this commit's parent): the first quoted no time, the
second asked a kind of duty the pages did not list."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

FERNS = {
    "Fern care": "The Boston fern grows best in a shaded, humid room. Under strong sunlight, "
    "the fern's leaves curl up to keep their water. Water it twice a week in summer.",
    "Cuidados": "El helecho de Boston crece mejor en una habitación húmeda y con sombra. "
    "Bajo una luz muy fuerte, las hojas del helecho se enrollan para guardar el agua.",
}
LEASE = {
    "Lease": "Clause 4 sets out the main duties of the tenant. Clause 5 sets out the "
    "secondary duties, the joint duties and the final duties of both parties. The rent "
    "is paid on the first day of each month.",
}
ANSWERED = [
    ("ferns", "When do the fern's leaves curl up?", "Under strong sunlight"),
    ("ferns", "¿Cuándo se enrollan las hojas del helecho?", "Bajo una luz muy fuerte"),
    ("lease", "Which clause sets out the primary duties of the tenant?", "Clause 4"),
]
DECLINED = [
    ("lease", "en", "Which clause sets out the insurance duties of the tenant?"),
    ("ferns", "en", "How tall does a Boston fern grow?"),
]


def test_a_condition_answers_when_and_a_judging_word_names_no_kind(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Green Lease")
    made = assistant_per_kb(org, {"ferns": FERNS, "lease": LEASE})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
