"""Whether they sell, rent out or deliver a thing or take payment in instalments, and
whether a page speaks of selling, renting, delivering or paying in parts at all."""

from __future__ import annotations

from agents.asked_dealings import (
    asks_instalments,
    asks_to_buy,
    asks_to_deliver,
    asks_to_rent,
    dealing_unoffered,
    kind_unnamed,
    rented_unheld,
    speaks_of_delivering,
    speaks_of_instalments,
    speaks_of_renting,
    speaks_of_selling,
)


def test_questions_asking_whether_they_sell_a_thing() -> None:
    for question in (
        "Do you sell telescopes?",
        "Can I buy a gift voucher?",
        "Are used bikes for sale?",
        "¿Vendéis relojes inteligentes?",
        "¿Se puede comprar pienso?",
        "Jual helm juga?",
        # ... or whether they buy from the asker: the same dealing the other way
        "Do you buy antique clocks?",
        "Will you buy my old records?",
        "¿Compráis muebles antiguos?",
        # ... or what buying one costs
        "¿Cuánto cuesta comprar un caballo?",
        "How much does it cost to buy a campervan?",
        "Berapa biaya membeli mesin jahit?",
    ):
        assert asks_to_buy(question), question
    # where, when, how and for how much are other questions
    for question in (
        "Where do you sell tickets?",
        "How much do you sell eggs for?",
        "¿Qué vendéis?",
        "Berapa harga beli kostum?",
        "Do you repair bikes?",
    ):
        assert not asks_to_buy(question), question


def test_a_page_speaking_of_selling_or_a_shop() -> None:
    assert speaks_of_selling("Our shop stocks alpaca socks.")
    assert speaks_of_selling("Vendemos herramientas y pintura.")
    assert speaks_of_selling("Tiket dijual di loket.")
    # food to take away is sold
    assert speaks_of_selling("La caja de seis churros para llevar cuesta 4 euros.")
    assert speaks_of_selling("Every pie is also available as a takeaway.")
    assert speaks_of_selling("Pizzas to take away are £2 cheaper.")
    # a price alone is no selling
    assert not speaks_of_selling("The dome houses a telescope. Tickets are £12.")
    # nor are windows ("ventanas") a sale
    assert not speaks_of_selling("Mantenga el piano lejos de radiadores y ventanas.")
    assert speaks_of_selling("Venta de pianos de segunda mano.")


def test_questions_asking_whether_they_rent_a_thing_out() -> None:
    for question in (
        "Do you rent bikes?",
        "Can I hire a wetsuit?",
        "Can we borrow a ladder?",
        "Is the hall for hire?",
        "¿Alquiláis cámaras?",
        "¿Se puede alquilar el local?",
        "Ada sewa drone?",
        "Kompornya disewakan?",
    ):
        assert asks_to_rent(question), question
    # where, when and for how much are other questions
    for question in (
        "Where can I hire a bike?",
        "How much to rent a kayak?",
        "¿Cuánto cuesta alquilar una bici?",
        "Berapa harga sewa tenda?",
        "Do you repair bikes?",
    ):
        assert not asks_to_rent(question), question


def test_a_page_speaking_of_renting_hiring_or_lending() -> None:
    assert speaks_of_renting("Members can borrow up to three tools a week.")
    assert speaks_of_renting("Alquilamos bicicletas eléctricas.")
    assert speaks_of_renting("Tenda bisa disewa harian.")
    assert speaks_of_renting("Bikes for hire from the station.")
    # a thing named, or a word merely sharing the letters, is no renting
    assert not speaks_of_renting("Students bring their own camera to every class.")
    assert not speaks_of_renting("El prestigio de la escuela viene de sus profesores.")


def test_the_dealing_no_page_speaks_of() -> None:
    page = ["The dome shows a star show every hour. A telescope on the roof is ours."]
    assert dealing_unoffered("Do you sell telescopes?", page) == "not_sold"
    assert dealing_unoffered("Can I hire a telescope?", page) == "not_rented"
    assert dealing_unoffered("Do you sell telescopes?", ["Our shop sells telescopes."]) is None
    assert dealing_unoffered("Is there a telescope?", page) is None
    assert dealing_unoffered("Do you deliver?", page) == "not_delivered"
    rides = ["Las rutas a caballo por el pinar duran dos horas y cuestan 45 euros."]
    assert dealing_unoffered("¿Cuánto cuesta comprar un caballo?", rides) == "not_sold"
    assert dealing_unoffered("¿Cuánto cuesta la ruta a caballo?", rides) is None


def test_questions_asking_whether_they_deliver_or_come_to_one() -> None:
    for question in (
        "Do you deliver?",
        "Can you post it to me?",
        "Do you offer a delivery service?",
        "¿Hacéis envíos a domicilio?",
        "¿Enviáis a Canarias?",
        "¿Venís a domicilio?",
        "Bisa diantar ke rumah?",
        "Apakah bisa kirim ke luar kota?",
        # ... or come to one's home
        "Do you do home visits?",
        "Can someone come to my mum's house?",
        "Terapisnya datang ke rumah?",
        "Bisa bekam di rumah saya?",
        # ... as it is spoken, or asked as bringing it home or collecting it from there
        "Bisa dianter ke rumah?",
        "¿Me los traéis a casa?",
        "Could you pick my washing up from my house?",
        "Can you collect my machine from home?",
        # ... or coming home to do the work there
        "Ustaznya bisa datang mengajar ke rumah kami?",
        "¿La logopeda puede venir a casa?",
        # ... or fetching from home
        "Bisa dijemput ke rumah?",
        "Ada layanan penjemputan?",
        # ... or by Spain's other verb of sending
        "¿Me la mandáis a Madrid?",
    ):
        assert asks_to_deliver(question), question
    # where, when and for how much are other questions; so is delivering in no such sense
    for question in (
        "How much is delivery?",
        "¿Cuánto cuesta el envío?",
        "Kapan pesanan dikirim?",
        "Do you repair bikes?",
        "Can I pay by card?",
        # a child fetched at a time
        "Jam berapa anak bisa dijemput?",
    ):
        assert not asks_to_deliver(question), question


def test_a_page_speaking_of_delivering_posting_or_sending() -> None:
    assert speaks_of_delivering("We deliver within five miles of the shop.")
    assert speaks_of_delivering("Hacemos envíos a toda España.")
    assert speaks_of_delivering("Pengantaran tersedia untuk wilayah Surabaya.")
    assert speaks_of_delivering("Orders are sent by courier the next day.")
    assert speaks_of_delivering("Pesanan bisa dianter sampai depan rumah.")
    assert speaks_of_delivering("Penumpang dijemput di rumah untuk wilayah Bandung kota.")
    assert speaks_of_delivering("Instruktur menjemput peserta di rumah untuk wilayah Bekasi.")
    assert not speaks_of_delivering("Anak bisa dijemput pukul 15.00.")
    # files sent by email or WhatsApp are no delivering, unless something comes to the door
    assert not speaks_of_delivering("File desain bisa dikirim lewat WhatsApp dalam format PDF.")
    assert speaks_of_delivering("Send your artwork by email and we deliver the cards to your door.")
    assert speaks_of_delivering("Pesanan lewat WhatsApp dikirim ke seluruh Indonesia.")
    # a collection from shops, or a home-cooked meal, is no delivering
    assert not speaks_of_delivering("Businesses can arrange a weekly collection.")
    assert not speaks_of_delivering("We cannot take home-cooked meals.")


def test_questions_asking_to_pay_in_instalments_and_pages_speaking_of_it() -> None:
    for question in (
        "Can I pay in instalments?",
        "¿Se puede pagar a plazos?",
        "¿Puedo pagar el curso en dos veces?",
        "¿Se puede financiar un tratamiento?",
        "Bisa bayar cicilan?",
        "Apakah biayanya bisa dicicil?",
    ):
        assert asks_instalments(question), question
    for question in ("How many instalments are there?", "Bisa bayar pakai kartu kredit?"):
        assert not asks_instalments(question), question
    assert speaks_of_instalments("Los tratamientos se pueden pagar en 12 meses sin intereses.")
    assert speaks_of_instalments("Se paga un 30% al empezar y el resto al terminar.")
    assert speaks_of_instalments("Biaya bisa dicicil tiga kali.")
    assert not speaks_of_instalments("A swim costs £4.80 for adults.")
    page = ["Sessions cost £55 and last 45 minutes."]
    assert dealing_unoffered("Can I pay in instalments?", page) == "no_instalments"


def test_whether_they_deliver_is_told_by_a_sentence_on_delivering() -> None:
    """Asked whether they deliver, a sentence on delivering answers, though it shares no
    other word with the question; where to, when or for how much are other questions."""
    from agents.asked_facts import asked_fact

    fact = asked_fact("¿Lo traéis a casa?")
    assert fact is not None and fact.name == "delivering"
    assert fact.given_in("Hacemos envíos a domicilio en Logroño por 3 euros.", "¿Lo traéis a casa?")
    assert not fact.given_in("Abrimos de lunes a sábado de 9:30 a 13:30.", "¿Lo traéis a casa?")
    assert asked_fact("Bisa diantar ke rumah?").name == "delivering"
    assert asked_fact("Where do you deliver?") is None
    # ... nor of files, nor as a condition; a place named is the decision's to read
    assert asked_fact("Filenya dikirim ke mana?") is None and not asks_to_deliver("Kirim file?")
    assert asked_fact("Botolnya aman tidak kalau dikirim?") is None
    assert asked_fact("Bisa kirim ke Makassar?") is None and asks_to_deliver(
        "Bisa kirim ke Makassar?"
    )


def test_data_sent_is_no_delivering_and_export_or_collecting_is() -> None:
    """What the asker must send ("Data apa aja yang harus dikirim?") asks no delivering;
    a page exporting abroad, or collecting and returning the goods, speaks of it; one
    asking for photos by email does not."""
    assert not asks_to_deliver("Data apa aja yang harus dikirim?")
    assert not asks_to_deliver("What documents do I need to send?")
    assert asks_to_deliver("Bisa kirim ke luar negeri?")
    assert speaks_of_delivering("Ekspor ke luar negeri dengan kontainer.")
    assert speaks_of_delivering("We collect and return furniture free within 15 miles.")
    assert not speaks_of_delivering("A quote is free from photos sent by email.")


def test_a_page_naming_the_place_asked_answers_whether_they_go_there() -> None:
    """ "Area layanan Jabodetabek dan Karawang" answers "Bisa kirim ke Karawang?" without a
    word of delivering; it does not answer for a place it leaves out."""
    area = ["Area layanan Jabodetabek dan Karawang."]
    assert dealing_unoffered("Bisa kirim ke Karawang?", area) is None
    assert dealing_unoffered("Bisa kirim ke Bandung?", area) == "not_delivered"
    # every word of the place: a page's "las" does not name Las Palmas
    assert dealing_unoffered("¿Enviáis a Las Palmas?", ["Las tartas se recogen aquí."])


def test_whether_they_can_sell_one_asks_to_buy() -> None:
    """ "¿Me podéis vender una guitarra?" asks whether they sell one: a school whose
    guitars are for its lessons does not say so."""
    assert (
        dealing_unoffered(
            "¿Me podéis vender una guitarra?", ["Tenemos guitarras y amplificadores en el aula."]
        )
        == "not_sold"
    )


def test_a_kind_no_page_names_of_a_thing_the_pages_hold() -> None:
    """Asked whether they sell a thing, a word of its kind no page holds beside the thing
    they hold (the head first in Spanish and Indonesian, last in English) is what is
    asked; the thing itself unheld, under a kind held, is not read so."""
    assert kind_unnamed(
        "¿Vendéis guitarras de segunda mano?", ["guitarras", "segunda"], {"segunda"}
    )
    assert kind_unnamed(
        "Do you sell bridesmaid dresses?", ["bridesmaid", "dresses"], {"bridesmaid"}
    )
    assert kind_unnamed("Jual sepatu bekas?", ["sepatu", "bekas"], {"bekas"})
    # the thing is what the pages lack: "cremas" of "cosmética natural"
    assert not kind_unnamed("¿Vendéis cremas naturales?", ["cremas", "naturales"], {"cremas"})
    assert not kind_unnamed("Do you sell pottery wheels?", ["pottery", "wheels"], {"wheels"})
    # one thing, or a question not asking whether they sell it
    assert not kind_unnamed("Do you sell cider?", ["cider"], {"cider"})
    assert not kind_unnamed(
        "¿Arregláis guitarras de segunda mano?", ["guitarras", "segunda"], {"segunda"}
    )
    assert not kind_unnamed("¿Vendéis guitarras de segunda mano?", ["guitarras", "segunda"], set())


def test_a_thing_asked_to_rent_none_of_whose_words_a_page_holds() -> None:
    """Asked whether they rent a thing no page names in any word, it is not among what they
    rent; a thing named in part, or a question not asking to rent, is not read so."""
    assert rented_unheld("¿Alquiláis neoprenos?", ["neoprenos"], {"neoprenos"})
    assert rented_unheld(
        "Do you hire out portable toilets?", ["portable", "toilets"], {"portable", "toilets"}
    )
    assert not rented_unheld("¿Alquiláis trajes de neopreno?", ["trajes", "neopreno"], {"neopreno"})
    assert not rented_unheld("¿Vendéis neoprenos?", ["neoprenos"], {"neoprenos"})
    assert not rented_unheld("¿Alquiláis?", [], set())


def test_whether_they_have_a_thing_for_sale_asks_to_buy() -> None:
    for question in (
        "Have you got any used bikes for sale?",
        "Do you have gift vouchers for sale?",
        "¿Tenéis cafeteras de filtro a la venta?",
        "¿Hay pisos en venta?",
    ):
        assert asks_to_buy(question), question
    assert not asks_to_buy("Where are the bikes for sale?")


def test_food_to_take_home_is_sold() -> None:
    """ "Can I buy a tub to take home?" of "Take-home tubs of 500 ml cost £6.50"."""
    assert speaks_of_selling("Take-home tubs of 500 ml cost £6.50.")
    assert not speaks_of_selling("Everyone paints a jug to take home the same day.")
    assert not speaks_of_selling("Hasil karya bisa dibawa pulang.")


def test_an_island_asked_of_a_page_sending_to_the_peninsula() -> None:
    """The peninsula leaves Spain's islands (and Ceuta and Melilla) out, by island or by
    archipelago; a page naming them, or all of Spain, does not."""
    from agents.asked_delivering import island_left_out

    peninsula = ["Hacemos envíos a toda la península en 48 horas."]
    assert island_left_out("¿Enviáis a Canarias?", peninsula) == "canarias"
    assert island_left_out("¿Me lo mandáis a Tenerife?", peninsula) == "tenerife"
    assert island_left_out("¿Hacéis envíos a Ibiza?", peninsula) == "ibiza"
    # a page sending there too, or to all of Spain; a city of the peninsula; no sending
    assert island_left_out("¿Enviáis a Tenerife?", [*peninsula, "Y a Canarias, 15 €."]) is None
    assert island_left_out("¿Enviáis a Mallorca?", ["Enviamos a toda España."]) is None
    assert island_left_out("¿Enviáis a Zaragoza?", peninsula) is None
    assert island_left_out("¿Qué tiempo hace en Mallorca?", peninsula) is None


def test_a_kind_no_page_names_of_what_they_do_offer_or_teach() -> None:
    """ "¿Hacéis paseos en camello?" of horse rides, "¿Dais clases de guitarra?" of
    singing lessons (sets A to ET: 31 near-topic questions declined, two answerable ones
    lost to a synonym); not asked whether they have it, nor "as well"."""
    assert kind_unnamed("¿Hacéis paseos en camello?", ["paseos", "camello"], {"camello"})
    assert kind_unnamed("¿Dais clases de guitarra?", ["clases", "guitarra"], {"guitarra"})
    assert kind_unnamed("Do you run powerboat courses?", ["powerboat", "courses"], {"powerboat"})
    # the kind held, or asked whether they have it
    assert not kind_unnamed("Do you do gel nails?", ["gel", "nails"], set())
    assert not kind_unnamed("¿Tenéis correas de cuero?", ["correas", "cuero"], {"cuero"})
    assert not kind_unnamed("Ada tenda buat 6 orang?", ["tenda", "buat", "orang"], {"buat"})
    # "también" names no kind, and a thing for women is the women rule's to read (a page
    # may speak of them as "ladies")
    assert not kind_unnamed("¿Enseñáis acrílico también?", ["acrílico", "también"], {"también"})
    assert not kind_unnamed("Do you do women-only classes?", ["women", "classes"], {"women"})
