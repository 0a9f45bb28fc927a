"""What a thing is or is made of: which questions ask it, and which sentences say it."""

from __future__ import annotations

import pytest

from agents.asked_definition import (
    asks_definition,
    asks_difference,
    asks_made_of,
    named_in_passing,
    says_made_of,
    speaks_of,
    told_apart,
)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Apa itu galvalum?", "galvalum"),
        ("¿Qué es el trencadís?", "trencadís"),
        ("What is Gift Aid?", "Gift Aid"),
        ("What does RSVP mean?", "RSVP"),
        # a fact of theirs, or one of a named thing, is no definition
        ("What is the late fee?", None),
        ("What's your phone number?", None),
        ("What is Warsaw's symbol?", None),
        ("What does ATP store?", None),
        # ... nor what it is called
        ("What are cestida called?", None),
    ],
)
def test_the_thing_a_question_asks_the_meaning_of(question: str, thing: str | None) -> None:
    assert asks_definition(question) == thing


@pytest.mark.parametrize(
    ("sentence", "thing", "language", "said"),
    [
        ("Galvalum adalah baja berlapis aluminium.", "galvalum", "id", True),
        ("Kami memasang talang air galvalum dan PVC.", "galvalum", "id", False),
        ("El trencadís es un mosaico de trozos de azulejo.", "trencadís", "es", True),
        ("Hacemos trencadís con azulejos reciclados.", "trencadís", "es", False),
        ("Gift Aid lets us claim an extra 25p for every £1.", "Gift Aid", "en", True),
        (
            "A plant cell which contains chloroplasts is known as a chlorenchyma cell.",
            "chlorenchyma cell",
            "en",
            True,
        ),  # fmt: skip
        ("the American Football Conference (AFC) champion", "AFC", "en", True),
        ("We sell oak, pine and walnut.", "walnut", "en", False),
    ],
)
def test_a_sentence_says_what_a_thing_is_only_when_it_is_about_it(
    sentence: str, thing: str, language: str, said: bool
) -> None:
    assert speaks_of(sentence, thing, language) is said


def test_what_a_thing_is_made_of() -> None:
    assert asks_made_of("What is glass made from?")
    assert asks_made_of("¿De qué está hecho el vidrio?")
    assert asks_made_of("Talangnya terbuat dari apa?")
    assert not asks_made_of("What is glass?")
    assert says_made_of("Our gutters are made of galvanised steel.")
    assert says_made_of("Talang kami terbuat dari galvalum.")
    assert not says_made_of("We replace misted double-glazed units.")


@pytest.mark.parametrize(
    ("sentence", "thing", "language", "spoken"),
    [
        # one of a list, or a word saying what another is of: in passing
        ("Kami memasang talang air galvalum dan PVC.", "galvalum", "id", False),
        ("Vendemos vinilos de rock, jazz, flamenco y música electrónica.", "jazz", "es", False),
        ("Kelas hidroponik untuk pemula setiap Minggu pagi.", "hidroponik", "id", False),
        ("In our Saturday chalk paint workshop you bring a chair.", "chalk paint", "en", False),
        # ... not a clause saying what it does, nor a sentence saying what it is
        (
            "Sign up for Gift Aid and the hospice can claim an extra 25p for every £1.",
            "Gift Aid",
            "en",
            True,
        ),  # fmt: skip
        ("Galvalum adalah baja berlapis aluminium.", "galvalum", "id", True),
        # what something is done with: in passing
        (
            "Puede enviarnos la documentación y firmar con certificado digital.",
            "certificado digital",
            "es",
            False,
        ),  # fmt: skip
        ("Pembayaran bisa pakai QRIS atau transfer.", "QRIS", "id", False),
        # ... or the kind of a place its name follows
        ("Estamos en el centro comercial Los Arcos, local 12.", "centro comercial", "es", False),
    ],
)
def test_a_thing_named_in_passing_is_not_spoken_of(
    sentence: str, thing: str, language: str, spoken: bool
) -> None:
    assert speaks_of(sentence, thing, language) is spoken


def test_a_quote_not_naming_the_thing_is_left_to_the_decision() -> None:
    assert named_in_passing(["Kami memasang talang air galvalum dan PVC."], "galvalum")
    # named otherwise ("β-carotene"), or not at all: not in passing
    assert not named_in_passing(["β-carotene is a bright red-orange pigment."], "beta carotene")
    assert not named_in_passing(["We replace misted double-glazed units."], "galvalum")


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("Apa bedanya sablon DTF dan plastisol?", ("sablon DTF", "plastisol")),
        ("Teh hijau dan teh hitam bedanya apa?", ("Teh hijau", "teh hitam")),
        ("What is the difference between a llama and an alpaca?", ("llama", "alpaca")),
        ("How is a canoe different from a kayak?", ("canoe", "kayak")),
        ("¿Qué diferencia hay entre fondant y mazapán?", ("fondant", "mazapán")),
        (
            "¿En qué se diferencia la guitarra flamenca de la clásica?",
            ("guitarra flamenca", "clásica"),
        ),
        # a difference of one thing, or none named: not two things told apart
        ("What is the difference in price?", None),
        ("Apa bedanya?", None),
    ],
)
def test_the_two_things_a_question_asks_the_difference_of(
    question: str, pair: tuple[str, str] | None
) -> None:
    assert asks_difference(question) == pair


def test_two_things_named_side_by_side_or_one_alone_are_not_told_apart() -> None:
    """ "Apa bedanya sablon DTF dan plastisol?" was answered with "sablon plastisol atau
    DTF" (set EF); of the hand sets' 76 such questions none was answerable."""
    listed = ["Kami melayani sablon kaos dan hoodie dengan sablon plastisol atau DTF."]
    assert not told_apart(listed, "sablon DTF", "plastisol", "id")
    gardens = ["Kami memasang rumput gajah mini dan rumput jepang, serta membuat kolam."]
    assert not told_apart(gardens, "rumput gajah mini", "rumput jepang", "id")
    assert not told_apart(
        ["We offer a standard wash and a premium wash."], "standard wash", "premium wash", "en"
    )
    # one of them unnamed
    assert not told_apart(
        ["Harga kanopi besi hollow mulai Rp450.000."], "besi hollow", "besi siku", "id"
    )
    # a word of difference tells them apart whatever it names (SQuAD: "What is the main
    # difference between online pharmacies and community pharmacies?")
    method = ["The primary difference is the method by which the medications are received."]
    assert told_apart(method, "online pharmacies", "community pharmacies", "en")
    assert told_apart(["El DTF es más caro que el vinilo."], "DTF", "plastisol", "es")
    # each in a clause of its own may tell them apart
    washes = ["The standard wash cleans the outside.", "The premium wash adds a wax and a vacuum."]
    assert told_apart(washes, "standard wash", "premium wash", "en")
    assert told_apart(
        ["Un galón de agua mineral 6 euros, el de ósmosis 8."], "agua mineral", "ósmosis", "es"
    )
