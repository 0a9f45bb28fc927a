"""A make asked of pages serving every make is read without it."""

from __future__ import annotations

from agents.asked_makes import serves_every_make, without_any_make

TV = ["Kami memperbaiki TV LED, LCD dan smart TV semua merek, termasuk ganti panel."]
SCOOTERS = ["We repair electric scooters of every make, including Xiaomi and Pure."]
WASHERS = ["Reparamos lavadoras y hornos de todas las marcas a domicilio en Zaragoza."]


def test_a_make_no_page_names_is_left_out_of_pages_serving_every_make() -> None:
    assert without_any_make("Merek Polytron bisa?", TV) == "Merek bisa?"
    assert without_any_make("Bisa servis TV Samsung?", TV) == "Bisa servis TV?"
    assert without_any_make("Do you fix Segway scooters?", SCOOTERS) == "Do you fix scooters?"
    assert without_any_make("¿Arregláis lavadoras Bosch?", WASHERS) == "¿Arregláis lavadoras?"


def test_a_place_a_named_make_or_pages_serving_some_makes_keep_the_name() -> None:
    assert without_any_make("Bisa servis TV di Bandung?", TV) == "Bisa servis TV di Bandung?"
    assert without_any_make("¿Arregláis lavadoras en Huesca?", WASHERS) == (
        "¿Arregláis lavadoras en Huesca?"
    )
    # a make the page names is the decision's to read, as any name it holds
    assert without_any_make("Do you fix Xiaomi scooters?", SCOOTERS) == (
        "Do you fix Xiaomi scooters?"
    )
    assert without_any_make("¿Arregláis lavadoras Bosch?", ["Reparamos lavadoras Balay."]) == (
        "¿Arregláis lavadoras Bosch?"
    )


def test_a_place_asked_whether_served_is_no_make() -> None:
    """ "Melayani Binjai?" beside a page titled "Layanan" (service) serving every make:
    the town is the area's to answer."""
    page = ["Layanan\n\nKami memperbaiki kulkas dan freezer semua merek."]
    assert without_any_make("Melayani Binjai?", page) == "Melayani Binjai?"


def test_only_a_sentence_serving_every_make_answers_for_the_make() -> None:
    assert serves_every_make(["Kami servis mesin jahit manual dan industri semua merek."])
    assert not serves_every_make(["Kami juga menjual jarum dan sekoci untuk mesin jahit."])
