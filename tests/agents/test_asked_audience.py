"""Which questions ask for something for children, and which pages speak of children or
of an age (agents/asked_audience.py)."""

from __future__ import annotations

from agents.asked_audience import asks_for_children, children_unspoken, women_unspoken

POTTERY = ["Our evening pottery classes run on Tuesdays from 7 to 9 pm; clay is included."]


def test_a_question_asking_for_something_for_children() -> None:
    for asked in (
        "Do you run classes for kids?",
        "Is there a class for my son?",
        "¿Hay talleres para niños?",
        "¿Tienen cuna para bebés?",
        "Ada kelas untuk anak SD?",
        "Apakah ada madu untuk anak-anak?",
        # ... or whether children may come or take part
        "Can kids join the walk?",
        "¿Pueden venir niños?",
        "Anak-anak boleh ikut?",
    ):
        assert asks_for_children(asked), asked
    for asked in (
        "Do you run classes for adults?",
        "¿Hay clases los sábados?",
        "Untuk apa?",
        "Can I come alone?",
        "¿Pueden venir los sábados?",
    ):
        assert not asks_for_children(asked), asked


def test_pages_silent_on_children_and_ages_do_not_answer_it() -> None:
    assert children_unspoken("Do you run classes for kids?", POTTERY)
    assert children_unspoken("¿Hay clases para niños?", ["Clases de inglés los lunes."])
    # a page speaking of children, or of anyone's age, may answer it, yes or no
    for page in (
        "Children's classes are on Saturdays.",
        "Boys under 12 are cut for £12.",
        "Participants must be 16 or older.",
        "Grupos para mayores de 18 años.",
        "Pelajar dan mahasiswa mendapat potongan 10 persen.",
    ):
        assert not children_unspoken("Do you run classes for kids?", [page]), page
    assert not children_unspoken("Do you run evening classes?", POTTERY)


def test_pages_silent_on_women_do_not_answer_what_is_asked_for_women() -> None:
    """Something asked for women, or of a woman on the staff, of pages never speaking of
    women is declined; pages speaking of them, and questions not asking so, are left to
    the decision."""
    silent = ["Junior classes run on Mondays; adult classes on Tuesdays and Fridays."]
    for question in (
        "Do you do women-only classes?",
        "Do you cut women's hair?",
        "Is there a female instructor?",
        "¿Hay clases solo para mujeres?",
        "Ada kelas khusus perempuan?",
        "Instrukturnya ada yang perempuan?",
        "Dokternya laki-laki atau perempuan?",
    ):
        assert women_unspoken(question, silent), question
    assert not women_unspoken(
        "Do you do women-only classes?", ["A ladies' class runs on Wednesday mornings."]
    )
    assert not women_unspoken("Ada terapis perempuan?", ["Terapis pria dan wanita tersedia."])
    # a woman asking for herself, or a question on women at large, is not asked so
    assert not women_unspoken("How often can a woman give blood?", silent)
    assert not women_unspoken("Which lone female architect is in the collection?", silent)


def test_a_pet_asked_of_pages_that_never_speak_of_animals() -> None:
    """Set EX's "¿Puede subir mi perro en el vuelo?" was answered with the children's age;
    set EV's "Is the café dog friendly?" with the café's hours."""
    from agents.asked_audience import pets_unspoken

    flights = ["Los niños pueden volar desde los 6 años con permiso de sus padres."]
    for question in (
        "¿Puede subir mi perro en el vuelo?",
        "Can I bring my dog?",
        "Is the café dog friendly?",
        "¿Se puede llevar al perro en la barca?",
        "¿Se admiten perros?",
        "Boleh bawa hewan peliharaan?",
        "Can dogs come along?",
    ):
        assert pets_unspoken(question, flights), question
    # a page speaking of animals says, whichever way
    assert not pets_unspoken("Can I bring my dog?", ["Llamas do not like dogs."])
    assert not pets_unspoken("Can I bring my dog?", ["Animals are not allowed inside."])
    # a dog asked otherwise is the decision's: a groomer's price, a dog's needs
    assert not pets_unspoken("How much is a bath for a small dog?", flights)
    assert not pets_unspoken("Does my dog need to be vaccinated?", flights)
