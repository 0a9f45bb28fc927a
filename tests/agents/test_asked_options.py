"""A measure the pages list others of, and never the one asked."""

from __future__ import annotations

from agents.asked_options import sides_unlisted, size_priced_otherwise, unlisted_measure

SACKS = [
    "Kami menjual beras pandan wangi dan beras merah dalam karung 5 kg, 10 kg, dan 25 kg.",
    "Gratis antar untuk pembelian minimal 25 kg di dalam kota.",
]


def test_a_size_the_pages_list_others_of_is_not_offered() -> None:
    assert unlisted_measure("Ada karung 50 kg?", SACKS) == "50 kg"
    assert unlisted_measure("Do you hire 7-seater vans?", ["We hire 5-seater and 9-seater vans."])
    assert unlisted_measure(
        "¿Tenéis bicis de 29 pulgadas?", ["Alquilamos bicis de 26 pulgadas y de 27,5 pulgadas."]
    )


def test_a_size_the_pages_give_in_another_spelling_of_its_unit_is_offered() -> None:
    assert unlisted_measure("Ada karung 10 kilo?", SACKS) is None
    assert (
        unlisted_measure("Do you have 9-seater vans?", ["We hire 5-seater and 9-seater vans."])
        is None
    )


def test_a_bound_or_a_range_holds_numbers_it_does_not_write() -> None:
    """ "Can we bring 15 children to a party?" of "up to 20 children"; one other option
    is no list; a sentence on something else lists nothing the question names."""
    parties = ["Parties are for up to 20 children.", "Rooms sleep 2 people or 4 people."]
    assert unlisted_measure("Can we bring 15 children to a party?", parties) is None
    assert unlisted_measure("Can 15 people come to a party?", parties) is None
    assert (
        unlisted_measure("Do you take groups of 12 people?", ["Groups of 10 to 20 people."]) is None
    )
    assert unlisted_measure("Ada kamar untuk 3 orang?", ["Kamar untuk 2 orang."]) is None
    # a time of day is the hours' to judge, and a year names no measure
    assert unlisted_measure("Is there a class at 7 pm?", ["Classes at 6 pm and 8 pm."]) is None
    years = ["Müze 1857 yılında ve 1900 yılında tablo aldı."]
    assert unlisted_measure("Müze 1821 yılında tablo aldı mı?", years) is None


def test_a_price_asked_of_a_size_the_quote_prices_another_of_is_not_told() -> None:
    """ "Ganti panel TV 43 inci berapa?" of the 32-inch price: one other size priced is
    enough, as the price is of that size; the size asked, or a bound, tells it."""
    priced = ["Ganti lampu backlight TV 32 inci mulai Rp350.000."]
    assert size_priced_otherwise("Ganti panel TV 43 inci berapa?", priced) == "43 inci"
    assert size_priced_otherwise("Ganti backlight TV 32 inch berapa?", priced) is None
    # (English's "a" before the size is its article, not a range's end)
    assert (
        size_priced_otherwise("How much is a 43 inch screen?", ["A 32 inch screen costs £120."])
        == "43 inch"
    )
    assert size_priced_otherwise(
        "¿Cuánto cuesta la furgoneta de 9 plazas?", ["La furgoneta de 6 plazas cuesta 80 euros."]
    )
    assert size_priced_otherwise("How much is a 2 kg bag?", ["Bags up to 5 kg cost £3."]) is None
    lockers = ["A 25 sq ft locker costs £12 a week and a 50 sq ft unit £20 a week."]
    assert size_priced_otherwise("How much is a 200 sq ft unit?", lockers) == "200 sq"
    assert size_priced_otherwise("How much is a 50 sq ft unit?", lockers) is None
    # a quote giving the other size without a price, or an age, says nothing of it
    assert size_priced_otherwise("How much is a 43 inch TV?", ["We mend 32 inch TVs."]) is None
    assert (
        size_priced_otherwise("How much for a 7 year old?", ["It is £5 for 12 year olds."]) is None
    )


def test_a_size_by_its_two_sides_the_pages_give_others_of() -> None:
    """A size asked by its two sides ("6x12") that the pages give only others of is
    unlisted, either way round; pages giving none so leave it to the decision."""
    tents = ["Kursi futura Rp5.000 per buah, tenda 4x6 meter Rp450.000 per hari."]
    assert sides_unlisted("Harga tenda 6x12 berapa?", tents) == "6x12"
    assert sides_unlisted("Ada tenda ukuran 10 x 20 meter?", tents) == "10 x 20"
    assert sides_unlisted("Tenda 4x6 sehari berapa?", tents) is None
    assert sides_unlisted("Tenda 6 x 4 sehari berapa?", tents) is None
    assert sides_unlisted("¿Cuánto cuesta un marco de 50x70?", ["Marcos desde 20 euros."]) is None
    assert sides_unlisted("How much is a tent?", tents) is None
