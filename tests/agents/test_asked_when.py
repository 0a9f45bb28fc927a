"""Which questions ask when (or how long in time), which sentences name a time, and which
give an age."""

from __future__ import annotations

import pytest

from agents.asked_counts import asks_year, states_count
from agents.asked_facts import names_an_age
from agents.asked_when import (
    age_unspoken,
    asks_how_long_it_is,
    asks_when,
    lifespan_unspoken,
    says_how_long,
    says_when,
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("When do I pay?", True),
        ("¿Cuándo sale la próxima convocatoria?", True),
        ("Kapan ban mobil harus diganti?", True),
        ("Sunatnya kapan?", True),
        ("How long do horses live?", True),
        ("How long does a repair take?", True),
        ("Potongnya lama tidak?", True),
        ("¿Cuánto tardáis en arreglarla?", True),
        ("How soon can I get my certificate back?", True),
        # a clause opened by "when", asking what
        ("When rock folds, what does it create?", False),
        # a length, not a time
        ("How long is the slope?", False),
        ("How much is a lesson?", False),
    ],
)
def test_what_asks_when(question: str, asks: bool) -> None:
    assert asks_when(question) is asks


@pytest.mark.parametrize(
    ("sentence", "says"),
    [
        ("Pay by card once the job is done.", True),
        ("Sessions run on Saturday mornings from 10 to 12.", True),
        ("The tower was built in 1889.", True),
        ("Strawberries are ready in June.", True),
        ("Settling in takes about two weeks.", True),
        ("Pembayaran dilakukan setelah acara.", True),
        ("There is a floodlit 40 by 20 metre arena.", False),
        ("En la última convocatoria aprobaron 38 alumnos.", False),
        ("Harga ban mobil ring 14 mulai Rp550.000.", False),
        # a price's period is no time said ("How long do hens live?" of the plots' rent)
        ("We let full plots for £70 a year.", False),
        ("Kamar standar Rp350.000 per malam.", False),
        ("La cuota es de 30 € al mes.", False),
        ("Bikes cost £5 per hour and must be back by 6pm.", True),
        # a condition opening the sentence ("When do chloroplasts arrange in columns?")
        ("Under intense light, they align in vertical columns.", True),
        ("Bajo luz intensa, las hojas se pliegan.", True),
        # ... not a rule the sentence works under
        ("Under the lease the tenant pays for repairs.", False),
        # a day counted from the event's ("Bayarnya kapan?")
        ("Pembayaran lunas H-1 lewat transfer bank.", True),
        ("Foto dikirim H+3 lewat email.", True),
        # ... not a model's number
        ("Kami memakai mesin las tipe H-200.", False),
    ],
)
def test_what_says_when(sentence: str, says: bool) -> None:
    assert says_when(sentence) is says


def test_how_long_a_thing_is_is_told_by_a_length_or_a_time() -> None:
    # "How long is the Grand Union Canal?" asks a length or a time (set FE) ...
    assert asks_how_long_it_is("How long is the Grand Union Canal?")
    assert asks_how_long_it_is("How long are the lessons?")
    assert not asks_how_long_it_is("How long does the trip take?")
    assert not asks_how_long_it_is("How much is a boat?")
    # ... which a figure, a size, a distance or a time tells, and a place does not
    assert says_how_long("The towpath walk is a 3 mile loop.")
    assert says_how_long("The trip takes about five hours.")
    assert says_how_long("The canal runs from London to Birmingham, a hundred miles or so.")
    assert not says_how_long("Our boats leave from Gayton on the Grand Union Canal.")


def test_every_counts_only_as_a_frequency() -> None:
    assert not states_count("Every child gets a login.")
    assert states_count("We come every week.")
    assert states_count("Riego cada dos días.")
    assert states_count("Buka setiap hari.")


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("Volunteers must be 18 or over.", True),
        ("Hay que tener al menos 12 años.", True),
        ("Puppies can come from twelve weeks.", True),
        ("Anak di atas dua tahun membayar penuh.", True),
        ("Anak bisa menonton kartun selama tindakan.", False),
        ("Medium dogs are £50.", False),
    ],
)
def test_what_gives_an_age(sentence: str, gives: bool) -> None:
    assert names_an_age(sentence) is gives


def test_a_childs_years_then_berapa_ask_no_year() -> None:
    assert asks_year("Tahun berapa toko ini didirikan?")
    assert not asks_year("Potong rambut anak umur 8 tahun berapa?")


def test_how_long_a_creature_lives_is_unspoken_by_pages_on_no_life() -> None:
    walk = ["Our hawk walk lasts three hours and includes flying Harris hawks."]
    for question in (
        "How long do Harris hawks live?",
        "¿Cuánto vive una gallina?",
        "¿Cuántos años viven los caballos?",
        "Berapa lama kenari bisa hidup?",
    ):
        assert lifespan_unspoken(question, walk), question
    # a page speaking of a life may tell it; an age asked is no life's length
    assert not lifespan_unspoken(
        "How long do hens live?", ["Our hens live for eight years or more."]
    )
    assert not lifespan_unspoken("Umur berapa anak bisa ikut?", walk)
    assert not lifespan_unspoken("How long does the walk last?", walk)
    # ... nor a thing's, which a guarantee is not (set FJ)
    solar = ["Panel surya bergaransi 10 tahun dan inverter 5 tahun."]
    assert lifespan_unspoken("Berapa lama umur panel surya?", solar)
    assert lifespan_unspoken("¿Qué vida útil tiene la batería?", ["Garantía de dos años."])
    assert not lifespan_unspoken("Berapa lama umur panel surya?", ["Panel kami awet 25 tahun."])


def test_how_old_a_thing_is_of_pages_giving_no_age() -> None:
    walls = ["We rebuild dry stone walls across the Yorkshire Dales for £120 per metre."]
    assert age_unspoken("How old are the walls in the Yorkshire Dales?", walls)
    assert age_unspoken("¿Cuántos años tienen las pinturas de Altamira?", ["Visitas guiadas."])
    assert age_unspoken("Berapa umur pohon itu?", ["Kami merawat bonsai."])
    # a page giving a decade, a year or an age tells it
    assert not age_unspoken("How old is the smaller bus?", ["Our 1950s single-decker seats 35."])
    assert not age_unspoken("How old is the mill?", ["The mill was built in 1780."])
    elway = ["The record was held by John Elway, who won Super Bowl XXXIII at age 38."]
    assert not age_unspoken("How old was John Elway when he won Super Bowl XXXIII?", elway)
    assert not age_unspoken("How old is the oak?", ["A 300-year-old oak stands by the gate."])
    # how old one must be is an age asked, not a thing's
    assert not age_unspoken("How old do kids need to be?", walls)
    assert not age_unspoken("¿Cuántos años tiene que tener mi hijo?", walls)
    assert not age_unspoken("Berapa usia anak yang boleh ikut?", walls)
