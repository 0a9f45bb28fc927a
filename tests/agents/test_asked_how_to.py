"""How to do what no page speaks of, and why something no page writes happens
(agents/asked_how_to.py)."""

from __future__ import annotations

from agents.asked_how_to import how_to_unheld, why_unheld, why_words

FARM = [
    "Kebun Stroberi di Ciwidey buka setiap hari pukul 08.00 sampai 17.00.",
    "Stroberi yang dipetik sendiri dibayar Rp80.000 per kilogram.",
]
PARTY = ["We bring a balloon artist and a bouncy castle to your party.", "Book online."]
TALLER = ["Ajustamos guitarras y bajos.", "Pide cita por teléfono."]


def test_how_to_do_what_no_page_speaks_of() -> None:
    assert how_to_unheld("Bagaimana cara menanam stroberi di pot?", FARM) == "menanam"
    assert how_to_unheld("How do you make a balloon dog?", PARTY) == "make"
    assert how_to_unheld("¿Cómo se afina una guitarra de oído?", TALLER) == "afina"


def test_how_to_do_what_a_page_speaks_of_or_naming_nothing_else() -> None:
    # the doing is on a page
    assert how_to_unheld("How do I book a party?", PARTY) is None
    assert how_to_unheld("¿Cómo pido cita?", TALLER) is None
    # nothing named but the doing: the page's way, in its own words
    assert how_to_unheld("How do I join?", PARTY) is None
    assert how_to_unheld("Bagaimana cara memesan?", FARM) is None
    # not a question of how to
    assert how_to_unheld("What time do you open?", PARTY) is None


def test_how_one_knows_asks_what_shows_it() -> None:
    parcels = ["Every parcel is signed for, and a photo is emailed to the sender."]
    assert how_to_unheld("How do I know my parcel got there?", parcels) is None


CATS = ["All cats must be vaccinated."]


def test_why_something_no_page_writes_happens() -> None:
    asked = "Why do cats purr?"
    assert why_words(asked, "en") == ["cats", "purr"]
    assert why_unheld(asked, ("purr",), CATS, CATS, language="en") == "purr"
    # a sentence giving a reason in its own words answers
    hibernating = "The centre is closed in winter because the hedgehogs are hibernating."
    assert (
        why_unheld(
            "Why do hedgehogs sleep in winter?",
            ("sleep",),
            [hibernating],
            [hibernating],
            language="en",
        )
        is None
    )
    # every word on a page, the service's own name, or no question of why
    assert why_unheld(asked, (), CATS, CATS, language="en") is None
    closed = ["Closed on Mondays."]
    own = frozenset({"brambleside"})
    assert why_unheld("Why is Brambleside closed?", ("brambleside",), closed, closed,
                      language="en", own=own) is None  # fmt: skip
    assert why_unheld("Do cats purr?", ("purr",), CATS, CATS, language="en") is None
    # "por qué zona" asks which part of town
    assert why_words("¿Por qué zona estáis?", "es") == []
    assert why_words("¿Por qué zonas trabajáis?", "es") == []
    assert why_words("¿Por qué pican las avispas?", "es") == ["pican", "avispas"]


def test_why_asked_with_a_slip_of_spelling() -> None:
    # SQuAD dev's own slips: the word the page writes, spelt otherwise or by its root
    bourgeois = ["Examples of the bourgeois architecture were not restored."]
    routing = ["Routing a packet requires the node to look up the connection id."]
    asked = "Why aren't the examples of bouregois architecture visible today?"
    assert why_unheld(asked, ("bouregois",), bourgeois, bourgeois, language="en") is None
    asked = "Why is the node requiered to look up the connection id?"
    assert why_unheld(asked, ("requiered",), routing, routing, language="en") is None


def test_how_to_look_after_a_thing_the_pages_name() -> None:
    """Cleaning, storing or looking after a thing is general advice, whatever the pages
    say of the thing; the page's own dealings, asked in words it never writes, are not."""
    saddler = [
        "Fabricamos a mano sillas de montar vaquera y zahones de cuero.",
        "Arreglamos cualquier artículo de cuero para caballos.",
    ]
    assert how_to_unheld("¿Cómo se limpia el cuero de una silla?", saddler) == "limpia"
    seats = ["Kami melayani servis jok kulit mobil di Bekasi."]
    assert how_to_unheld("Bagaimana cara merawat jok kulit?", seats) == "merawat"
    records = ["We buy and sell vinyl records and turntables."]
    assert how_to_unheld("How should I store vinyl records?", records) == "store"
    # ... but a page saying how to clean it answers
    care = ["To clean leather, wipe it with a damp cloth and saddle soap."]
    assert how_to_unheld("How do I clean leather?", care) is None
    # ... and a way of dealing with them, in other words than the page's
    assert how_to_unheld("How do I pay the fees?", ["Fees are due by card each term."]) is None
    plans = ["Cancel your subscription at any time from the account page."]
    assert how_to_unheld("How do I stop my subscription?", plans) is None
    quotes = [*saddler, "Hacemos presupuestos sin compromiso."]
    assert how_to_unheld("¿Cómo os pido presupuesto?", quotes) is None


CAKES = ["Every cake is baked to order; we make gluten-free tiers.", "We deliver to Halifax."]
FARM_ES = ["Los niños dan de comer a las cabras y hacen pan en el horno de leña."]
CATERING = ["Nasi kotak isi nasi putih, ayam goreng atau rendang, sayur dan sambal."]


def test_how_to_make_a_thing_the_business_makes() -> None:
    # a recipe or a craft, even of pages that make and name the thing
    assert how_to_unheld("How do I make fondant at home?", CAKES) == "make"
    assert how_to_unheld("¿Cómo se hace el pan de pueblo?", FARM_ES) == "hace"
    assert how_to_unheld("Bagaimana cara membuat rendang?", CATERING) == "membuat"


def test_how_to_make_a_dealing_their_own_or_of_a_page_teaching_it() -> None:
    # a dealing, which the page's way answers
    assert how_to_unheld("How can I make an appointment?", CAKES) is None
    assert how_to_unheld("¿Cómo hago un pedido?", ["Los pedidos se hacen por teléfono."]) is None
    assert how_to_unheld("Bagaimana cara membuat pesanan?", ["Pesanan lewat WhatsApp."]) is None
    # the business's own way
    assert how_to_unheld("How do you make your bread?", CAKES) is None
    # a page teaching the making may answer
    assert (
        how_to_unheld("How do I make sourdough?", ["In class you learn to make sourdough."]) is None
    )


def test_how_to_make_a_thing_of_a_page_telling_how_it_is_made() -> None:
    steel = ["Steel is produced by removing carbon from iron in a furnace."]
    assert how_to_unheld("How do you make steel?", steel) is None
    assert how_to_unheld("¿Cómo se hace el papel?", ["El papel se fabrica con pulpa."]) is None


def test_how_to_do_it_oneself_at_home() -> None:
    knives = ["Afilamos cuchillos de cocina y tijeras.", "Un cuchillo cuesta 4 euros."]
    assert how_to_unheld("¿Cómo se afila un cuchillo en casa?", knives) == "afila"
    # a page speaking of doing it at home may answer
    songs = ["Members get recordings to learn the songs at home."]
    assert how_to_unheld("How can I learn the songs at home?", songs) is None


def test_why_answered_only_by_a_sentence_giving_a_reason() -> None:
    from agents.asked_how_to import why_unreasoned

    tiers = ["A three tier wedding cake serving 100 starts at £380."]
    assert why_unreasoned("Why do wedding cakes have tiers?", tiers)
    assert why_unreasoned("Kenapa sol sepatu bisa menguning?", ["Ada layanan unyellowing."])
    # a reason, a consequence after a comma, or what a thing makes sure of
    assert not why_unreasoned("Why?", ["We close in August because the kitchen is refitted."])
    assert not why_unreasoned("Why?", ["Tours depend on the tides, so start times change."])
    assert not why_unreasoned("Why?", ["Booking online guarantees the part is in stock."])
    assert not why_unreasoned("Why?", ["Routing a packet requires the node to look it up."])
    assert not why_unreasoned("¿Por qué?", ["Cerramos en agosto, así que reserve antes."])
    # "por qué zona" asks where, and a question not asking why is none of this
    assert not why_unreasoned("¿Por qué zona estáis?", tiers)
    assert not why_unreasoned("How much is a three tier cake?", tiers)
