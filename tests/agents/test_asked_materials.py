"""A thing asked in a material no page names, of pages naming things in another."""

from __future__ import annotations

from agents.asked_materials import names_other_material, unheld_material

RESTORER = ["Restauramos muebles antiguos de madera: decapado, encolado y goma laca."]
UPHOLSTERER = ["We reupholster sofas and chairs in any fabric you choose."]
CANOPY = ["Kami memasang kanopi baja ringan untuk rumah dan toko."]


def test_a_material_asked_where_the_pages_work_in_another() -> None:
    assert unheld_material("¿Restauráis muebles de metal?", RESTORER) == "metal"
    assert unheld_material("Do you do leather furniture?", UPHOLSTERER) == "leather"
    assert unheld_material("Bisa pasang kanopi kaca?", CANOPY) == "kaca"


def test_the_material_the_pages_name_in_any_of_its_words() -> None:
    assert unheld_material("¿Restauráis mesas de madera?", RESTORER) is None
    # the same material in the page's other word
    straps = ["Cambiamos correas de piel y de acero."]
    assert unheld_material("¿Tenéis correas de cuero?", straps) is None


def test_no_material_read_where_none_says_what_a_thing_is_made_of() -> None:
    # pages naming no material at all tell nothing of one
    assert unheld_material("Do you do leather sofas?", ["We reupholster sofas."]) is None
    # a material as a word of its own, not of a thing: a document, a payment
    assert unheld_material("¿Necesito algún papel para coger setas?", RESTORER) is None
    assert unheld_material("¿El cuero lo pago aparte?", RESTORER) is None
    # ... nor part of a name
    assert unheld_material("Is the Silver Street shop open?", UPHOLSTERER) is None


def test_a_sentence_naming_another_material_says_what_a_thing_is_made_of() -> None:
    """ "Kaosnya bahan apa?" of "kaos cotton combed 30s" was declined as saying not what
    the T-shirt is made of (set EF); the material asked itself is no answer."""
    quote = "Sablon kaos satu warna Rp35.000 per potong sudah termasuk kaos cotton combed 30s."
    assert names_other_material(quote, "Kaosnya bahan apa?")
    assert names_other_material(
        "All our T-shirts are 100% cotton.", "What are your T-shirts made of?"
    )
    # the clay the ceramics are made from, the glass named alone: no answer
    clay = "Kelas membuat keramik dari tanah liat untuk anak usia 5 sampai 12 tahun."
    assert not names_other_material(clay, "Tanah liat terbuat dari apa?")
    glazier = "We fit glass in windows and doors across Leeds."
    assert not names_other_material(glazier, "What is glass made from?")
    assert not names_other_material("We print T-shirts and hoodies.", "What are they made of?")
