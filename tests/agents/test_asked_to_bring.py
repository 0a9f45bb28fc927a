"""Which questions ask what to bring or wear, and which sentences tell it
(agents/asked_to_bring.py)."""

from __future__ import annotations

from agents.asked_facts import asked_fact
from agents.asked_to_bring import asks_to_bring, tells_what_to_bring


def test_a_question_asking_what_to_bring_or_wear() -> None:
    for asked in (
        "What should I pack?",
        "What should I wear?",
        "What does my son need to bring?",
        "¿Qué tiene que traer mi hijo?",
        "¿Qué me llevo?",
        "Apa saja yang harus dibawa?",
        "Bawa apa saja?",
        "Harus pakai baju apa?",
        # what clothes or shoes, or how to come dressed
        "What shoes should I wear?",
        "¿Qué ropa me pongo para montar?",
        "¿Qué calzado llevo?",
        "¿Cómo tengo que ir vestido?",
    ):
        assert asks_to_bring(asked), asked
        assert asked_fact(asked).name == "bring", asked
    # whether a thing may be brought, and when, ask otherwise
    for asked in (
        "Can I bring my dog?",
        "¿Puedo llevar a mi perro?",
        "What time should I bring my cat in?",
        "What can you bring me?",
        # what clothes are sold, how to get somewhere
        "What shoes do you sell?",
        "¿Qué ropa vendéis?",
        "¿Cómo vamos a la playa?",
    ):
        assert not asks_to_bring(asked), asked


def test_a_sentence_telling_what_to_bring_or_what_is_provided() -> None:
    for sentence in (
        "Bring two towels and a water bottle.",
        "Wear sturdy boots.",
        "Hacen falta botas de montaña y agua.",
        "Lunch and all tools are provided.",
        "Peserta membawa laptop sendiri.",
        "Children need waterproofs, wellies and a packed snack.",
        "Se recomienda venir con pantalón largo y botas.",
    ):
        assert tells_what_to_bring(sentence), sentence
    # ... or what is included
    assert tells_what_to_bring("Biayanya sudah termasuk kain mori dan canting.")
    for sentence in (
        "Sessions last 50 minutes.",
        "El refugio está en el kilómetro 4.",
        # what one takes home is no bringing
        "Setiap peserta membawa pulang dua lembar kain batik.",
        "Cada alumno se lleva a casa la vidriera que hace.",
        "You can take your pot home after firing.",
    ):
        assert not tells_what_to_bring(sentence), sentence


def test_clothes_asked_by_name_are_told_by_a_sentence_naming_something_worn() -> None:
    """What footwear to wear is not told by what is provided (wheelbarrows), but by a
    sentence naming something worn or wearing it."""
    for asked in ("What footwear should we wear?", "¿Qué ropa me pongo para la clase?"):
        fact = asked_fact(asked)
        assert fact is not None and fact.name == "bring", asked
        assert not fact.given_in("Wheelbarrows and knives are provided.", asked), asked
        assert fact.given_in("Prestamos el casco; hay que venir con botas.", asked), asked
        assert fact.given_in("Wear wellies: the field gets muddy.", asked), asked
    # asked what to bring, what is provided tells it
    bring = asked_fact("What should I bring?")
    assert bring is not None
    assert bring.given_in("Wheelbarrows and knives are provided.", "What should I bring?")


def test_whether_to_bring_something_is_answered_by_a_sentence_naming_it() -> None:
    """ "Perlu bawa gunting?" of "Pengunjung diberi keranjang dan gunting": a sentence
    on what is given or brought that names the thing asked."""
    for asked in (
        "Perlu bawa gunting?",
        "Do I need to bring a towel?",
        "¿Hay que traer toalla?",
        "Harus bawa KTP?",
    ):
        assert asked_fact(asked).name == "bring", asked
    # may one bring it, a person taken along, what time: other questions
    for asked in (
        "Can I bring my dog?",
        "Bawa anak boleh?",
        "¿Tengo que llevar a mi hijo?",
        "What time should I bring my cat in?",
    ):
        fact = asked_fact(asked)
        assert fact is None or fact.name != "bring", asked
    bring = asked_fact("Perlu bawa gunting?")
    assert bring.given_in("Pengunjung diberi keranjang dan gunting.", "Perlu bawa gunting?")
    towel = "Do I need to bring a towel?"
    assert asked_fact(towel).given_in("Towels are provided in the changing rooms.", towel)
    # a sentence on bringing something else does not say
    assert not asked_fact(towel).given_in("Wear sturdy boots.", towel)


def test_shoes_recommended_tell_what_to_wear_and_a_partner_is_no_clothing() -> None:
    """ "¿Qué calzado debo llevar?" of a tango school: "Recomendamos zapatos con suela de
    cuero" tells it (the code before declined it), "No hace falta venir con pareja" does
    not (the code before quoted it). Advice on anything else tells nothing to bring."""
    asked = "¿Qué calzado debo llevar?"
    fact = asked_fact(asked)
    assert fact is not None and fact.name == "bring"
    assert fact.given_in("Recomendamos zapatos con suela de cuero o ante.", asked)
    assert fact.given_in("We recommend sturdy walking boots.", "What shoes should I wear?")
    assert not fact.given_in("No hace falta venir con pareja: rotamos en cada clase.", asked)
    assert fact.given_in("Hay que venir con ropa cómoda.", asked)
    what = "What should I bring?"
    assert not asked_fact(what).given_in("We recommend booking a week ahead.", what)


def test_bringing_ones_own_and_what_it_is_worn_for() -> None:
    """ "Krayonnya bawa sendiri?" asks whether to bring one's own (set ET); "¿Qué me pongo
    para subir al globo?" asks what to wear, and the activity it is worn for is the page's
    (set EU)."""
    from agents.asked_to_bring import asks_whether_to_bring, without_what_for

    for asked in ("Krayonnya bawa sendiri?", "Bawa alat sendiri atau disediakan?"):
        assert asks_whether_to_bring(asked), asked
    assert not asks_whether_to_bring("Teknisi datang sendiri?")
    assert without_what_for("¿Qué me pongo para subir al globo?") == "¿Qué me pongo?"
    assert without_what_for("What should I wear for the climb?") == "What should I wear?"
    # ... and when it is brought (set EX: "leave a photo ID when you collect")
    assert (
        without_what_for("What do I need to bring when I pick it up?") == "What do I need to bring?"
    )


def test_what_is_compulsory_and_the_occasion_people_come_for() -> None:
    """ "¿Hay que llevar casco para hacer sparring?" of "es obligatorio el casco" (set BN),
    "Somos 60 para una comida de empresa, ¿cabemos?" (set EV)."""
    from agents.asked_to_bring import without_what_for

    for sentence in (
        "Para hacer guantes con compañeros es obligatorio el casco.",
        "Helmets are compulsory on the track.",
    ):
        assert tells_what_to_bring(sentence), sentence
    assert (
        without_what_for("Somos 60 para una comida de empresa, ¿cabemos?") == "Somos 60, ¿cabemos?"
    )
