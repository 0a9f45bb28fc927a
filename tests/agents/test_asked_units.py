"""A quantity asked in a unit no retrieved text writes."""

from __future__ import annotations

from agents.asked_units import unit_unstated

TV = ["Ganti lampu backlight TV 32 inci mulai Rp350.000.", "Buka Senin sampai Sabtu."]


def test_a_unit_no_text_writes_is_unstated() -> None:
    assert unit_unstated("Berapa watt listrik TV 32 inci?", TV) == "power"
    assert (
        unit_unstated("How many calories are in an apple?", ["Members pick apples on Saturdays."])
        == "energy"
    )
    assert unit_unstated("¿Cuántos kilómetros tiene la ruta?", ["La ruta sale a las 9."])


def test_a_unit_written_in_another_spelling_or_symbol_is_stated() -> None:
    assert unit_unstated("Ukuran karung paling kecil berapa kilo?", ["Karung 5 kg."]) is None
    # (Indonesian's "kilo" is a weight or a distance)
    assert unit_unstated("Jaraknya berapa kilo?", ["Rute sepanjang 9 kilometer."]) is None
    assert unit_unstated("¿Cuántos kilos caben?", ["La ruta es de 9 km."]) == "weight"
    assert unit_unstated("How many degrees is the pool?", ["Heated to 28°C."]) is None
    # ... or in another unit of the same measure, which converts
    assert unit_unstated("How many miles is it?", ["The walk is 10 km long."]) is None
    assert unit_unstated("How many tons does it absorb?", ["About 1.5 gigatons."]) is None
    # asking how many of anything else is not a unit's
    assert unit_unstated("How many people fit?", ["Seats eight."]) is None
    assert unit_unstated("Berapa harganya?", TV) is None
