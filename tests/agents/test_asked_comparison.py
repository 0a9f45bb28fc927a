"""How two things differ, or which is better, asked of pages that compare nothing
(agents/asked_comparison.py)."""

from __future__ import annotations

from agents.asked_comparison import asks_comparison, comparison_unanswered

WORKSHOP = ["Kami mengerjakan bubut, frais dan las untuk as, gear dan flens."]


def test_questions_asking_how_two_differ_or_which_is_better() -> None:
    for question in (
        "Apa beda bubut dan frais?",
        "Mana lebih kuat baja ringan atau kayu?",
        "Lebih awet wallpaper atau cat tembok?",
        "¿Qué es mejor, el grabado láser o el de fresa?",
        "¿Qué diferencia hay entre un traje y un chaqué?",
        "What is the difference between gold leaf and gold paint?",
        "Which is better, oak or pine?",
        "Is a slate roof better than tiles?",
        # which hurts more
        "Does ear piercing hurt more than a tattoo?",
        "¿Duele más que la depilación con cera?",
        "Lebih sakit dari tato?",
    ):
        assert asks_comparison(question), question
    # which is cheaper or bigger of the place's own things its prices and sizes answer
    for question in (
        "Mana yang lebih murah, paket A atau B?",
        "¿Es más barato el bono que la clase suelta?",
        "Which is more expensive, the red or the blue room?",
        "How much is a lesson?",
        "Which day is best for a visit?",
        "Does it hurt?",
    ):
        assert not asks_comparison(question), question


def test_a_page_comparing_answers_it_and_one_listing_does_not() -> None:
    assert comparison_unanswered("Apa beda bubut dan frais?", WORKSHOP)
    assert not comparison_unanswered(
        "Apa beda bubut dan frais?",
        [*WORKSHOP, "Bubut memutar benda kerja, sedangkan frais memutar pisaunya."],
    )
    assert not comparison_unanswered(
        "Is store credit better than cash?",
        ["We pay cash or store credit; store credit is worth 20% more."],
    )
    assert not comparison_unanswered("Bisa bikin gear?", WORKSHOP)


def test_an_average_of_pages_never_saying_what_is_usual() -> None:
    from agents.asked_comparison import average_unspoken

    cakes = ["A three-tier cake starts at £420 and serves 90 guests."]
    assert average_unspoken("How much does the average wedding cost in the UK?", cakes)
    assert average_unspoken("¿Cuánto dura de media una lavadora?", ["Reparamos lavadoras."])
    assert average_unspoken("Berapa biaya rata-rata nikah di Bogor?", ["Sewa tenda Rp2 juta."])
    # a page saying what is usual answers; Spanish "media" may be a half
    assert not average_unspoken(
        "How long does a repair take on average?", ["Repairs usually take three days."]
    )
    assert not average_unspoken("¿Cuánto cuesta la media hora?", cakes)


def test_which_of_two_is_better_asked_with_the_two_named_first() -> None:
    """ "Toren plastik atau stainless yang lebih awet?" of a tank cleaner naming both in a
    list: asked so, which lasts longer is the world's to say."""
    for question in (
        "Toren plastik atau stainless yang lebih awet?",
        "Kayu jati atau mahoni lebih awet?",
        "¿Es mejor una persiana de aluminio o de PVC?",
        "Is oak or pine better for floors?",
    ):
        assert asks_comparison(question), question
    assert comparison_unanswered(
        "Toren plastik atau stainless yang lebih awet?",
        ["Kami menguras toren air plastik maupun stainless."],
    )
    # which is cheaper is the place's own prices' to say
    assert not asks_comparison("Paket A atau B yang lebih murah?")
