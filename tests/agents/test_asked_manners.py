"""A way of doing a thing asked (online, at a distance): the words that ask it, and a
page speaking of it in its own words."""

from __future__ import annotations

from agents.asked_manners import asked_manners, offered_otherwise


def test_the_ways_a_question_asks() -> None:
    assert asked_manners("¿La naturópata hace consultas online?") == ["online"]
    assert asked_manners("Is the course taught remotely?") == ["remotely"]
    assert asked_manners("Ada kelas daring?") == ["daring"]
    assert asked_manners("Do you sell bike locks?") == []


def test_a_page_offering_or_excluding_the_way_in_its_own_words() -> None:
    assert offered_otherwise("online", ["Book on our website."])
    assert offered_otherwise("online", ["Las clases son presenciales."])
    assert offered_otherwise("daring", ["Kelas bisa diikuti lewat Zoom."])
    assert not offered_otherwise("online", ["Consultations last 30 minutes, by appointment."])


def test_a_language_asked_in_small_letters_is_a_way() -> None:
    assert asked_manners("¿Hacéis la visita al llagar en inglés?") == ["inglés"]
    assert not offered_otherwise("inglés", ["Los sábados hacemos visita guiada al llagar."])
    # a page speaking of languages or subtitles speaks of it
    assert offered_otherwise("inglés", ["Los martes, películas en versión original."])
    assert offered_otherwise("francés", ["Las visitas son en español."])


def test_the_internet_as_the_way_a_thing_is_done() -> None:
    """ "Por internet" asks a way as "online" does; "¿Hay internet?" asks for a thing."""
    assert asked_manners("¿Puedo reservar puesto por internet?") == ["internet"]
    assert asked_manners("Bisa daftar lewat internet?") == ["internet"]
    assert asked_manners("¿Hay internet?") == []
    assert offered_otherwise("internet", ["Reserva tu puesto en nuestra web."])
    assert not offered_otherwise("internet", ["Sala con wifi y enchufe en cada mesa."])


def test_a_box_office_speaks_of_buying_otherwise_than_online() -> None:
    """Tickets sold "en la taquilla" answer "por internet"; a study room's "taquillas"
    (lockers) do not."""
    assert offered_otherwise("internet", ["Las entradas se compran en la taquilla."])
    assert not offered_otherwise("internet", ["Sala con 30 puestos y taquillas."])
