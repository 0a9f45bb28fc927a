"""A price quoted of another period or another thing than the one asked
(agents/asked_prices.py)."""

from __future__ import annotations

from agents.answerability import asked_things, priced, states_price
from agents.asked_facts import children_by_age
from agents.asked_prices import (
    PRICE,
    asked_periods,
    gives_only_paid_ahead,
    lowers_price,
    named_periods,
    named_together,
    other_period,
    paid_of_unheld,
    price_of_another,
    priced_apart,
    priced_by_its_period,
    priced_or_kin,
    priced_words,
    tells_price,
    unheld_priced,
    without_kin,
    without_periods,
)


def test_the_period_a_price_is_asked_by() -> None:
    assert asked_periods("Berapa harga sewa per minggu?") == {"week"}
    assert asked_periods("How much is a day in the Long Stay car park?") == {"day"}
    assert asked_periods("¿Cuánto cuesta la habitación por noche?") == {"night"}
    assert asked_periods("¿Cuánto se paga al mes?") == {"month"}
    assert asked_periods("How much is the monthly pass?") == {"month"}
    assert asked_periods("Berapa harga kamar sebulan?") == {"month"}
    # an age, a named day, a period not asked by are none
    assert asked_periods("How much is it for children aged 5 years?") == frozenset()
    assert asked_periods("Berapa harga tiket hari Minggu?") == frozenset()
    assert asked_periods("How much is the day pass?") == frozenset()
    # a sentence names its periods in any form
    assert named_periods("Day passes are £20.") == {"day"}
    assert named_periods("Rp400.000 per hari (12 jam)") == {"day", "hour"}


def test_the_period_asked_is_not_what_is_priced() -> None:
    """ "al mes" is how the price is asked, not a thing the quoted sentence must name."""
    monthly = ["La cuota mensual cuesta 35 euros y da acceso a todas las clases."]
    assert not priced("¿Cuánto cuesta al mes?", monthly)
    assert priced_by_its_period("¿Cuánto cuesta al mes?", monthly, [None])
    # ... not by a price of another period, nor of another thing in the same period
    assert not priced_by_its_period("¿Cuánto cuesta por semana?", monthly, [None])
    assert not priced_by_its_period("¿Cuánto cuesta la sauna al mes?", monthly, [None])
    assert without_periods("How much is a day pass?").split() == ["How", "much", "is", "pass?"]
    assert without_periods("Berapa harga tiket hari Minggu?") == "Berapa harga tiket hari Minggu?"


def test_a_price_of_another_period_does_not_answer() -> None:
    week = "Berapa harga sewa per minggu?"
    assert other_period(week, ["Sewa mobil Rp400.000 per hari (12 jam) tanpa sopir."])
    assert not other_period(week, ["Sewa mobil Rp2.400.000 per minggu."])
    # a price naming no period may be the one asked
    assert not other_period(week, ["Sewa mobil Rp400.000."])
    assert not other_period("Berapa harga sewa?", ["Sewa mobil Rp400.000 per hari."])
    # one of the prices in the asked period is enough
    assert not other_period(
        "How much does a bike cost a week?", ["We hire bikes for £20 a day or £80 a week."]
    )


BENGKEL = [
    "Layanan\n\nBengkel Maju Jaya melayani servis rutin sepeda motor. Biaya servis rutin "
    "Rp75.000. Servis besar (turun mesin) dikerjakan dengan janji terlebih dahulu."
]


def test_words_priced_together_that_a_page_writes_together() -> None:
    assert named_together("Berapa biaya servis besar?", BENGKEL) == [("servis", "besar")]
    # words a page never writes side by side name no thing of its own
    assert named_together("Berapa biaya servis mobil?", BENGKEL) == []
    assert named_together("How much is a new chain?", ["Chain cleaning and new cables."]) == []


def test_a_price_of_another_thing_of_the_same_name_does_not_answer() -> None:
    asked = "Berapa biaya servis besar?"
    routine = "Layanan\n\nBengkel Maju Jaya melayani servis rutin. Biaya servis rutin Rp75.000."
    assert priced_apart(asked, [routine], BENGKEL) == [("servis", "besar")]
    assert priced_apart("Berapa biaya servis rutin?", [routine], BENGKEL) == []
    # both words before the price in its passage: the price is of what it follows
    lessons = ["Swimming lessons\n\nSwimming lessons run on Saturdays. Lessons cost £6 each."]
    assert priced_apart("How much is a swimming lesson?", lessons, lessons) == []
    swims = ["Prices\n\nAn adult swim costs £5.20."]
    # no page writes the two words together: nothing to tell
    assert priced_apart("How much is a swimming lesson?", swims, swims) == []
    assert priced_apart(
        "How much is a swimming lesson?", swims, [*swims, "Swimming lessons run on Saturdays."]
    ) == [("swim", "lesson")]


def test_a_word_of_the_services_own_name_need_not_be_priced() -> None:
    """ "A full day costs £160" prices the full falconry day of a falconry's pages; a
    salak shop's "keripik salak" does not price its "dodol salak"."""
    pages = ["The full falconry day adds owls.", "Prices\n\nA full day costs £160."]
    asked = "How much is a full falconry day?"
    assert priced_apart(asked, pages[1:], pages) != []
    assert priced_apart(asked, pages[1:], pages, own=frozenset({"kestrel", "falconry"})) == []
    salak = ["Kami menjual keripik salak dan dodol salak.", "Keripik salak Rp20.000 per bungkus."]
    own = frozenset({"salak"})
    assert priced_apart("Dodol salak harganya berapa?", salak[1:], salak, own=own) != []


def test_a_price_of_a_kind_named_bare_is_of_each_thing_of_that_kind() -> None:
    """ "A certificate of one page costs £45" prices the birth certificates the page says
    it translates; "Biaya servis rutin" does not price the major service, nor "Kamar
    deluxe" the family room."""
    pages = [
        "We translate birth certificates, marriage certificates and court papers.",
        "Prices\n\nA certificate of one page costs £45.",
    ]
    assert named_together("How much is a birth certificate?", pages) == [("birth", "certif")]
    assert priced_apart("How much is a birth certificate?", pages[1:], pages) == []
    rooms = ["Ada kamar deluxe dan kamar keluarga.", "Kamar deluxe Rp500.000 per malam."]
    assert priced_apart("Berapa harga kamar keluarga?", rooms[1:], rooms) != []
    bare = ["Ada kamar deluxe dan kamar keluarga.", "Kamar Rp400.000 per malam."]
    assert priced_apart("Berapa harga kamar keluarga?", bare[1:], bare) == []


def test_an_apostrophe_names_no_thing_of_its_own() -> None:
    """ "an hour's lesson": the "s" an apostrophe leaves is no word, so the page's "an
    hour's warm-up" does not make "hour s" a thing the lesson's price is not of."""
    lesson = "Lessons\n\nA one-hour lesson costs £38 and a two-hour lesson £72."
    tests = "Tests\n\nWe lend you the car on the day for £80, including an hour's warm-up."
    asked = "How much is an hour's lesson?"
    assert named_together(asked, [lesson, tests]) == [("hour", "lesson")]
    assert price_of_another(asked, [lesson], [None], [lesson], [lesson, tests]) == ""


def test_what_the_quoted_prices_are_of_instead() -> None:
    day = "Sewa mobil Rp400.000 per hari."
    assert price_of_another("Berapa harga sewa per minggu?", [day], [None], [day], [day]) == "week"
    assert price_of_another("Berapa harga sewa per hari?", [day], [None], [day], [day]) == ""
    # "free" prices no period: the car park's prices are still by the hour and week
    park = "The Long Stay car park costs £65 per week; the Short Stay £8 per hour."
    shuttle = "A free shuttle bus runs from the car park every 10 minutes, 24 hours a day."
    quoted = [park, shuttle]
    asked = "How much is a day in the Long Stay car park?"
    assert price_of_another(asked, quoted, [None, None], quoted, quoted) == "day"
    # quoted sentences stating no price are not read
    words = "Sewa mobil tersedia setiap minggu."
    assert price_of_another("Berapa harga sewa per hari?", [words], [None], [words], [words]) == ""


def test_the_words_naming_what_is_priced() -> None:
    assert priced_words("¿Cuánto cuesta planchar un pantalón?") == ["pantalón"]
    assert priced_words("¿Cuánto cuesta una lavadora grande?") == ["lavadora"]
    # how much of it is no thing priced: "una [sola] clase" of "clases individuales"
    assert priced_words("¿Cuánto me cuesta una sola clase de canto?") == ["clase"]
    # the verb joining the price to the thing is not the thing
    assert priced_words("¿Qué precio tiene una clase práctica?") == ["clase"]
    assert priced_words("¿Qué precio tienen las clases de piano?") == ["clases"]
    assert priced_words("How much is a bag of compost?") == ["bag"]
    assert priced_words("What is the price of a family room?") == ["room"]
    # Indonesian: each word naming the thing, up to a purpose or a condition
    assert priced_words("Berapa harga paket ayam bakar?") == ["paket", "ayam", "bakar"]
    assert priced_words("Berapa harga kamar untuk dua orang?") == ["kamar"]
    # ... and named before its "-nya" price word
    assert priced_words("Dodol apel harganya berapa?") == ["dodol", "apel"]
    assert priced_words("Biayanya berapa?") == []
    # a period is no thing priced: "al mes" of a table's "Precio mensual"
    assert priced_words("¿Cuánto cuesta al mes el nivel B2?") == ["nivel"]
    # ... nor is a count, in words as in figures
    assert priced_words("Paket empat kamera harganya berapa?") == ["paket", "kamera"]
    assert priced_words("¿Qué cuesta ir dos horas semanales?") == []
    assert priced_words("Berapa biaya kalau pakai sopir?") == []
    # nothing named but the price, or a period: "a whole day" prices a day, not "whole"
    assert priced_words("How much is a whole day?") == []
    # an infinitive with its pronoun is no thing ("quitarlo": to remove it)
    assert priced_words("Mi ordenador tiene un virus, ¿cuánto cuesta quitarlo?") == []
    assert priced_words("¿Y cuánto cuesta?") == []
    assert priced_words("How much is it per week?") == []
    # a verb of "vosotros" is no thing
    assert priced_words("¿Cuánto cuesta que me hagáis un presupuesto?") == ["presupuesto"]


def test_a_price_of_a_thing_no_page_names_does_not_answer() -> None:
    pages = ["Planchamos camisas a 1,80 € la pieza y edredones a 15 €."]
    assert unheld_priced("¿Cuánto cuesta planchar un pantalón?", pages) == "pantalón"
    assert unheld_priced("¿Cuánto cuesta planchar una camisa?", pages) == ""
    # going, the verb, is no thing priced
    skating = ["La cuota mensual es de 35 euros por una clase a la semana y 55 euros por dos."]
    assert unheld_priced("¿Cuánto cuesta al mes si voy dos días?", skating) == ""
    # its other words may be the page's in words of its own
    washers = ["Las lavadoras de 9 kg cuestan 4 € y las de 18 kg, 7 €."]
    assert unheld_priced("¿Cuánto cuesta una lavadora grande?", washers) == ""
    # inside a longer word of a page
    assert unheld_priced("How much is a room?", ["A double bedroom costs £65 a night."]) == ""
    scooters = ["Sewa motor matic Rp75.000 per hari."]
    assert unheld_priced("Berapa harga sewa mobil?", scooters) == "mobil"
    assert unheld_priced("Berapa harga sewa motor matic?", scooters) == ""
    # a word in capitals the page spells out
    make_up = ["Kelas make up artist profesional dengan biaya Rp3.500.000."]
    assert unheld_priced("Biaya kelas MUA profesional berapa?", make_up) == ""
    assert unheld_priced("Biaya kelas MUA profesional berapa?", scooters) != ""
    quoted = pages[0]
    asked = "¿Cuánto cuesta planchar un pantalón?"
    assert price_of_another(asked, [quoted], [None], [quoted], pages) == "pantalón"


def test_a_day_priced_as_its_weekend_or_as_a_weekday_is_held() -> None:
    both = ["La noche cuesta 180 euros entre semana y 230 euros en fin de semana."]
    assert unheld_priced("¿Cuánto cuesta una noche un sábado?", both) == ""
    assert unheld_priced("¿Cuánto cuesta una noche un martes?", both) == ""
    assert unheld_priced("How much is a night on a Saturday?", ["£90 a night at weekends."]) == ""
    assert unheld_priced("How much is a lesson on a Tuesday?", ["£30 a lesson on weekdays."]) == ""
    assert unheld_priced("Berapa sewa hari Kamis?", ["Hari biasa Rp300.000."]) == ""
    # a page with no weekend, and a day that is not the weekend's
    assert unheld_priced("¿Cuánto cuesta una noche un sábado?", ["La noche cuesta 90 euros."])
    weekend = ["La noche cuesta 230 euros en fin de semana."]
    assert unheld_priced("¿Cuánto cuesta una noche un martes?", weekend) == "martes"
    assert unheld_priced("¿Cuánto cuesta una noche un sábado?", ["90 euros entre semana."])
    # a day named anywhere in the question, and "minggu" only as Sunday, not as a week
    sweeps = ["A sweep costs £60 on weekdays and £75 on Saturdays."]
    assert unheld_priced("How much is a sweep on a Sunday?", sweeps) == "sunday"
    assert unheld_priced("How much is a sweep on Saturdays?", sweeps) == ""
    assert unheld_priced("Berapa sewa per minggu?", ["Sewa Rp400.000 per minggu."]) == ""
    assert unheld_priced("Berapa sewa hari Minggu?", ["Sewa Rp300.000 hari biasa."]) == "minggu"


def test_a_price_asked_in_other_words_than_the_pages() -> None:
    """ "What does it cost to become a member?" of "Membership costs £30 a year": a key
    term beginning a longer word is held; "Bayarnya sebulan berapa?" asks nothing but
    what one pays by the month, which any monthly price answers."""
    assert priced("What does it cost to become a member?", ["Membership costs £30 a year."])
    assert not priced("How much is a car wash?", ["Carpets are cleaned for £20."])
    for question in (
        "How much do I pay for a lesson?",
        "¿Cuánto se paga al mes?",
        "Bayarnya sebulan berapa?",
        "Berapa yang harus dibayar?",
        "Berapa harga tiketnya?",
        "How much do the little ones pay?",
        "How much does a grown-up pay?",
    ):
        assert PRICE.asks(question), question
    # on which date, how many times, how long: no price
    for question in (
        "Tanggal berapa bayar sewa?",
        "Bayar sewanya tanggal berapa?",
        "Bayar berapa kali?",
        "Berapa lama bikin pagar?",
    ):
        assert not PRICE.asks(question), question
    assert PRICE.given_in("Infak bulanan Rp50.000 per anak.", "Bayarnya sebulan berapa?")
    assert not PRICE.given_in("Kelas diadakan tiap Senin.", "Bayarnya sebulan berapa?")
    assert not PRICE.given_in("Parking costs £3.", "How much is a lesson?")


def test_a_share_paid_ahead_is_a_price() -> None:
    """ "Uang mukanya berapa?", "¿Cuánto es la señal?" ask what is paid ahead, which a
    share of the price answers; a discount is no price of its own, nor a share of
    people."""
    for question in ("Uang mukanya berapa?", "DP-nya berapa?", "¿Cuánto es la señal?"):
        assert PRICE.asks(question), question
    assert PRICE.given_in("Pemesanan dengan uang muka 30 persen.", "Uang mukanya berapa?")
    assert PRICE.given_in("Para reservar se paga una señal del 20 %.", "¿Cuánto es la señal?")
    # ... and a share asked on ordering, of the page's share on ordering
    sentence = "Pedimos un 40 % al encargar y el resto al terminar el montaje."
    assert PRICE.given_in(sentence, "¿Cuánto hay que adelantar?")
    assert not states_price("Students get 10% off.")
    assert not states_price("80% of our pupils pass first time.")


def test_a_price_asked_by_the_period_or_the_person_alone() -> None:
    """ "How much a month?", "¿Cuánto es al mes?", "Sebulan berapa?", "Berapa per orang?"
    ask a price without a word of price; a price for one person is any price a page gives
    for a place or a session, though it never says "person"."""
    for question in (
        "How much a month?",
        "How much per person?",
        "How much is it for a night?",
        "¿Cuánto es al mes?",
        "¿Cuánto sale por persona?",
        "Sebulan berapa?",
        "Bulanan berapa?",
        "Berapa per orang?",
    ):
        assert PRICE.asks(question), question
    # how often, how long, how many hours, which month: no price
    for question in (
        "Seminggu berapa kali?",
        "Sehari berapa jam?",
        "How much time a day?",
        "¿Cuánto tiempo al día?",
        "Bulan berapa buka?",
    ):
        assert not PRICE.asks(question), question
    session = "A place in a shared session is £14."
    assert priced("What's the cost for one person?", [session])
    assert PRICE.given_in(session, "How much per person?")
    assert priced_words("¿Cuánto cuesta por persona?") == []
    # a child's price is asked by its own word
    assert not priced("How much is it for a child?", [session])


def test_a_deposit_asked_by_its_word_is_the_share_paid_ahead() -> None:
    """ "Berapa DP yang harus dibayar?" of "Uang muka 50% dibayar saat pesan": the page
    says "uang muka" for "DP"; a price of a thing does not answer it."""
    ahead = "Uang muka 50% dibayar saat pesan, sisanya saat barang diterima."
    for question in ("Berapa DP yang harus dibayar?", "DP berapa persen?", "Berapa DP-nya?"):
        assert PRICE.given_in(ahead, question), question
    assert not PRICE.given_in("Nasi kotak Rp25.000 per kotak.", "Berapa DP-nya?")


def test_what_is_paid_ahead_asked_by_paying_ahead() -> None:
    """ "¿Cuánto hay que adelantar para reservar?" asks the deposit, which "Se reserva con
    una señal de 20 €" gives."""
    for question in (
        "¿Cuánto hay que adelantar para reservar?",
        "How much do I pay upfront?",
        "Berapa yang dibayar di muka?",
    ):
        assert PRICE.asks(question), question
    assert PRICE.given_in("Se reserva con una señal de 20 €.", "¿Cuánto hay que adelantar?")


def test_a_price_named_by_a_word_of_its_kin() -> None:
    """ "¿Cuánto cuesta la clase?" of "El curso de cuatro sesiones cuesta 95 euros": a
    school's classes are its course; not the price of another thing, nor of a kind of
    class the sentence does not name."""
    course = "El curso de cuatro sesiones cuesta 95 euros."
    assert PRICE.given_in(course, "¿Cuánto cuesta la clase?")
    assert priced_or_kin("¿Cuánto cuesta la clase?", [course])
    assert not priced_or_kin("¿Cuánto cuesta la clase privada?", [course])
    assert not PRICE.given_in("La excursión cuesta 20 €.", "¿Cuánto cuesta la clase?")


def test_a_fee_or_the_cheapest_asked_is_a_price() -> None:
    """ "¿Cuál es la cuota mensual?" of "La mensualidad es de 55 euros", "Gaun termurah
    berapa?" of "mulai Rp300.000"."""
    for question in (
        "¿Cuál es la cuota mensual?",
        "Berapa iurannya?",
        "How much are the dues?",
        "Gaun termurah berapa?",
        "How much is the cheapest room?",
    ):
        assert PRICE.asks(question), question
    assert PRICE.given_in("La mensualidad es de 55 euros.", "¿Cuál es la cuota mensual?")
    assert PRICE.given_in("Sewa gaun mulai Rp300.000.", "Gaun termurah berapa?")


def test_whether_someone_pays_whom_no_page_names() -> None:
    pool = ["Los adultos pagan 5 euros. Los niños menores de 3 años no pagan."]
    assert paid_of_unheld("¿Los jubilados pagan?", pool, own=frozenset()) == "jubilados"
    assert paid_of_unheld("¿Los niños pagan?", pool, own=frozenset()) == ""
    # a word of the same kin as the page's: babies are children
    assert paid_of_unheld("¿Los bebés pagan?", pool, own=frozenset()) == ""
    lido = ["Adults pay £6 a swim. Children under 5 swim free."]
    assert paid_of_unheld("Do teenagers pay?", lido, own=frozenset()) == "teenagers"
    assert paid_of_unheld("Do toddlers have to pay?", lido, own=frozenset()) == ""
    assert paid_of_unheld("Do parents have to pay?", lido, own=frozenset()) == ""
    # children named by their age; what "se paga" is no payer
    under_12s = ["Entry is £6 for adults and free for under-12s."]
    assert paid_of_unheld("Do kids pay to get in?", under_12s, own=frozenset()) == ""
    visit = ["La primera visita es gratuita."]
    assert paid_of_unheld("¿La primera consulta se paga?", visit, own=frozenset()) == ""
    # the service's own name names no one else; a price asked is another question
    assert paid_of_unheld("Is Splashland free?", lido, own=frozenset({"splashland"})) == ""
    assert paid_of_unheld("How much do teenagers pay?", lido, own=frozenset()) == ""
    # ... who gets a discount, asked in Indonesian (set FH); a word of asking is no one
    museum = ["Tiket Rp20.000 untuk dewasa dan Rp10.000 untuk anak-anak."]
    assert paid_of_unheld("Pelajar dapat potongan harga?", museum, own=frozenset()) == "Pelajar"
    assert paid_of_unheld("Anak-anak dapat diskon?", museum, own=frozenset()) == ""
    assert paid_of_unheld("Apakah ada diskon?", museum, own=frozenset()) == ""


def test_a_sentence_whose_one_amount_is_a_deposit() -> None:
    assert gives_only_paid_ahead("Se deja una fianza de 50 euros que se devuelve al final.")
    assert gives_only_paid_ahead("A deposit of 25% secures the booking.")
    # a price beside it, or no deposit at all
    assert not gives_only_paid_ahead("A double room is £65 a night, with a £20 deposit.")
    assert not gives_only_paid_ahead("El alquiler cuesta 60 euros por tres días.")


def test_a_grown_ups_price_is_the_one_said_of_no_one_in_particular() -> None:
    """ "Harga tiket dewasa berapa?" of "Tiket masuk Rp20.000": the price the page gives
    for no one in particular; not the children's."""
    general, children = "Tiket masuk Rp20.000 per orang.", "Anak di bawah 5 tahun Rp10.000."
    assert without_kin("Harga tiket dewasa berapa?", [general]) == "Harga tiket berapa?"
    assert PRICE.given_in(general, "Harga tiket dewasa berapa?")
    assert not PRICE.given_in(children, "Harga tiket dewasa berapa?")
    assert PRICE.given_in("Entry costs £6.50.", "How much does an adult pay?")
    assert not PRICE.given_in("Children under 16 pay £3.", "How much does an adult pay?")
    # a sentence giving no price says nothing of what grown-ups pay
    assert without_kin("How much does an adult pay?", ["The pool opens at 7 am."]) == (
        "How much does an adult pay?"
    )


def test_a_price_lowered() -> None:
    for lowered in (
        "Los martes la entrada es a mitad de precio.",
        "On Mondays every ticket is half price.",
        "Setiap Selasa ada diskon 30 persen.",
        "Los jueves hay un 20 % de descuento.",
        "Students get 10% off.",
    ):
        assert lowers_price(lowered), lowered
    assert not lowers_price("La entrada cuesta 8 euros.")
    assert not lowers_price("The walk takes half an hour.")


def test_children_of_an_age_asked_a_price() -> None:
    """A page giving an age names children ("los menores de 12 años"): what children
    pay is its to tell, and a price asked of them is no other thing's."""
    mill = ["Cuesta 12 euros por adulto; los menores de 12 años entran gratis."]
    assert paid_of_unheld("¿Los niños pagan?", mill, own=frozenset()) == ""
    assert children_by_age("niños", mill)
    assert not children_by_age("niños", ["La entrada cuesta 12 euros."])
    assert not children_by_age("jubilados", mill)
    assert priced_words("How much are the fees?") == []
    assert priced_words("¿Cuánto cuesta la cuota de socio?") == ["socio"]


def test_getting_in_is_priced_by_the_entry() -> None:
    entry = "Entry is £4 per person, and under-2s go free."
    assert PRICE.given_in(entry, "How much does it cost to get in?")
    assert PRICE.given_in("La entrada general cuesta 8 euros.", "¿Cuánto cuesta entrar?")
    # a price of something else is no entry
    assert not PRICE.given_in("Parking costs £3.", "How much does it cost to get in?")


def test_a_price_asked_as_a_charge_or_as_how_much_for_someone() -> None:
    for question in (
        "What's the charge for my 3 year old?",
        "What do you charge per shirt?",
        "How much do you charge to iron a shirt?",
        "How much for two adults?",
        "How much for a haircut?",
        "How much to translate a birth certificate?",
        "How much is it to hire the hall?",
        "¿Cuánto por una clase suelta?",
        "Berapa untuk anak 3 tahun?",
    ):
        assert PRICE.asks(question), question
    # an electric charge, and how much time, are no price
    for question in ("What is the charge of an electron?", "¿Cuánto tiempo por sesión?"):
        assert not PRICE.asks(question), question


def test_what_a_thing_costs_however_long_its_name() -> None:
    """ "What do the puppy classes cost?" asks a price as "how much" does, and Spain's
    "¿Qué cuesta ...?" too; what it prices is named between, so a page without it does
    not answer ("What does a dog bed cost?" of a dog-training school's class prices)."""
    for question in (
        "What do the puppy classes cost?",
        "What does a one-to-one lesson with a coach cost?",
        "What will a full service cost me?",
        "¿Qué cuesta apuntarse al torneo si no soy alumno?",
        "¿Qué cuestan las correas de piel?",
    ):
        assert PRICE.asks(question), question
    assert not PRICE.asks("What does the coach teach?")
    classes = ["Puppy classes run for six weeks. The course is £90."]
    assert unheld_priced("What does a dog bed cost?", classes) == "bed"
    assert unheld_priced("What do the puppy classes cost?", classes) == ""


def test_a_size_asked_of_things_priced_by_their_sizes() -> None:
    """ "¿Cuánto cuesta una lavadora grande?": the page writes "lavadoras grandes" in a
    rule, and prices its washers by their weights; the size is the page's to tell."""
    pages = [
        "Tenemos lavadoras de 9 kg por 4 euros y de 18 kg por 7 euros.",
        "No se permite lavar ropa de animales en las lavadoras grandes.",
    ]
    asked = "¿Cuánto cuesta una lavadora grande?"
    assert priced_apart(asked, pages[:1], pages) == []
    # a price given by no measure does not tell it
    plain = ["Una lavadora cuesta 4 euros.", pages[1]]
    assert priced_apart(asked, plain[:1], plain) != []


def test_a_price_asked_roughly_or_of_a_ticket() -> None:
    """ "Roughly what does a shop sign cost?" asks the price a page gives without
    "roughly"; a ticket is the entry a page prices as "admission"."""
    fascia = ["A painted shop sign typically costs £600 to £1,500 depending on size."]
    assert priced("Roughly what does a shop sign cost?", fascia)
    assert priced("Kira-kira berapa harga papan nama?", ["Papan nama mulai Rp300.000."])
    assert not priced("Roughly how much is a boat name?", fascia)
    admission = "Admission is £7.50 for adults and £3 for children."
    assert PRICE.given_in(admission, "How much is a ticket for a grown-up?")
    assert not PRICE.given_in(admission, "How much is a guidebook?")


def test_what_someone_pays_asks_a_price() -> None:
    """ "What do grown-ups pay to get in?" and "¿Qué pagan los niños?" ask a price with
    no word of price; a price given after seeing the work is one."""
    for question in ("What do grown-ups pay to get in?", "¿Qué pagan los niños?"):
        assert PRICE.asks(question), question
    assert not PRICE.asks("What do you do with the old tiles?")
    assert states_price("Harga dihitung setelah melihat barang atau gambar.")
    assert states_price("Price on application.")


def test_a_whole_period_is_the_period() -> None:
    """ "a full day", "el día entero", "la semana completa" ask a price by the day or
    the week."""
    assert asked_periods("How much for a full day?") == {"day"}
    assert asked_periods("¿Cuánto es el día entero?") == {"day"}
    assert asked_periods("¿Cuánto cuesta la semana completa?") == {"week"}
    assert asked_periods("How much is the whole course?") == frozenset()


def test_a_price_asked_as_usual_or_as_what_it_comes_to() -> None:
    """ "What do alterations usually cost?" prices alterations, not "usually"; "What do
    alterations come to?" asks a price ("What did the term come to mean?" does not);
    "el reportaje entero" prices the reportaje."""
    from agents.answerability import asks_price

    assert unheld_priced("What do alterations usually cost?", ["Alterations from £150."]) == ""
    assert asks_price("What will the bill come to?")
    assert not asks_price("What did the term come to mean?")
    assert asked_things("¿Cuánto cuesta el reportaje entero?") == ["reportaje"]


def test_a_price_asked_of_a_day_to_hold_a_date_or_as_a_bare_noun() -> None:
    """ "How much on a Tuesday?", "How much to secure our date?" and "Ballpark price for a
    double drive?" ask a price with no verb of costing; a long question opening on
    "Price of" is not read so."""
    from agents.answerability import asks_price

    for asked in (
        "How much on a Tuesday?",
        "¿Cuánto es un sábado?",
        "Kalau hari Sabtu berapa?",
        "How much to secure our date?",
        "¿Cuánto hay que pagar para reservar?",
    ):
        assert PRICE.asks(asked), asked
    assert not PRICE.asks("Sabtu buka jam berapa?")
    assert asks_price("Ballpark price for a double drive?")
    assert asks_price("¿Precio de un corte?")
    assert asked_things("Ballpark price for a double drive?") == ["double", "drive"]
    assert not asks_price("Price of the Milton Friedman Institute building in the report?")


def test_a_price_asked_by_its_nya_of_one_or_of_the_rent() -> None:
    """ "Pakannya berapa?" and "Berapa sewanya?" ask a price (not "Umurnya berapa?",
    "Garansinya berapa?"); "alquilar uno" names nothing priced; the rent asked is the
    page's price of what is rented."""
    from agents.answerability import asks_price

    assert asks_price("Pakannya berapa?")
    assert asks_price("Berapa sewanya?")
    assert not asks_price("Umurnya berapa?")
    assert not asks_price("Garansinya berapa?")
    assert unheld_priced("¿Cuánto cuesta alquilar uno?", ["El alquiler cuesta 90 euros."]) == ""
    assert priced("Sewanya berapa?", ["Paket isi 4 mainan Rp120.000 per 2 minggu."])


def test_a_dozen_priced_a_share_of_the_total_and_swapping() -> None:
    """ "¿A cuánto está la docena?" asks a price, "¿A cuánto está la playa?" a distance;
    a deposit asked as a share of the total is priced by "DP 50%"; "ganti" and "tukar"
    are one root."""
    from agents.answerability import asks_price, stem_of
    from agents.asked_facts import asked_fact

    assert asks_price("¿A cuánto está la docena?")
    assert asked_fact("¿A cuánto está la playa?").name == "distance"
    assert priced("DP-nya berapa persen dari total?", ["Pengerjaan 14 hari setelah DP 50%."])
    assert stem_of("gantinya", "id") == stem_of("ditukar", "id")


def test_worth_asked_of_no_thing_and_shipping_in_spains_word() -> None:
    """ "¿Cuánto vale por persona?" names nothing priced but the person (a sentence
    referring back prices it), while "¿A cuánto sale el metro...?" still names the
    metre; "¿Cuánto son los portes?" asks what sending costs."""
    from agents.answerability import asks_price
    from agents.asked_facts import held_by_kin

    assert priced("¿Cuánto vale por persona?", ["Cuestan 35 euros por persona."])
    assert not priced("¿A cuánto sale el metro de una de lana?", ["Las de seda, 15 euros."])
    assert asks_price("¿Cuánto son los portes?")
    assert held_by_kin("portes", ["El envío cuesta 12 euros por pedido."])


def test_a_price_of_what_a_thing_is_for_is_not_its_price() -> None:
    asked = "¿Qué precio tiene un audífono?"
    assert not tells_price("Las pilas para los audífonos cuestan 4 € el paquete.", asked)
    assert tells_price("Adaptamos audífonos de las principales marcas, desde 690 €.", asked)
    # asked for whom it is, the price for them is its price
    assert tells_price("El menú para grupos cuesta 28 € por persona.", "¿Precio para grupos?")
    assert tells_price("Las pilas para los audífonos cuestan 4 €.", "¿A cuánto están las pilas?")


def test_a_price_before_for_is_of_the_thing_after_it() -> None:
    rolls = "Wedding hire is £395 for the Rolls-Royce and £350 for the others."
    assert tells_price(rolls, "What does the Rolls cost for a wedding?")
    stnk = "Jasa perpanjangan STNK tahunan Rp75.000 untuk motor dan Rp125.000 untuk mobil."
    assert tells_price(stnk, "Ongkos jasa perpanjang STNK motor berapa?")
    plan = "Our Healthy Pet Plan costs £16 a month for dogs and £12 a month for cats."
    assert tells_price(plan, "How much is the pet plan for a dog?")
    # ... and whom a price is for, or the period, is no thing priced
    course = "El curso de magia para niños de 7 a 12 años cuesta 40 euros al mes."
    assert tells_price(course, "¿Qué cuota mensual paga un niño?")


def test_a_price_asked_of_a_thing_bare_after_how_much_is() -> None:
    """ "How much is membership?" asks a price as "How much is a membership?" does; "How
    much is left?" asks an amount."""
    from agents.answerability import asks_price

    for asked in ("How much is membership?", "How much are white fillings?", "How much is it?"):
        assert asks_price(asked), asked
    assert priced_words("How much is membership on its own?") == ["membership"]
    assert not asks_price("How much is left?")
    assert not asks_price("How much is enough?")


def test_a_thing_asked_apart_that_a_price_only_includes() -> None:
    """Asked on its own, a thing the price names only as coming with another is not
    priced by it ("including a year's club membership"); asked plainly, or of the thing
    the price is of, it is."""
    from agents.asked_prices import comes_with_another

    course = (
        "Our learn-to-row course runs over six Saturday mornings and costs £120, "
        "including a year's club membership."
    )
    asked = "How much is membership on its own?"
    assert comes_with_another(asked, [course]) == "membership"
    assert not tells_price(course, asked)
    assert comes_with_another("How much is membership?", [course]) == ""
    assert comes_with_another("How much is the course on its own?", [course]) == ""
    cuota = "El curso cuesta 120 €, con la cuota de socio incluida."
    assert comes_with_another("¿Cuánto cuesta la cuota de socio por separado?", [cuota])
    # ... nor a price naming it on its own
    alone = "Membership on its own is £40 a year."
    assert comes_with_another(asked, [course, alone]) == ""


def test_cutting_back_priced_in_either_word() -> None:
    """Read as a price since "How much is ..." asks one bare, "hedge cutting" is the
    page's "hedge trimming"."""
    trimming = "Hedge trimming is priced by length, from £40."
    asked = "How much is hedge cutting?"
    assert without_kin(asked, [trimming]) != asked
    read = without_kin(asked, [trimming])
    assert price_of_another(read, [trimming], [None], [trimming], [trimming]) == ""
    # ... not a thing no page names
    assert price_of_another("How much is hedge laying?", [trimming], [None], [trimming], [trimming])


def test_a_price_of_each_copy_and_a_thing_asked_by_its_initials() -> None:
    # "Cada ejemplar" prices what the sentence before names; "TFG" is written out there
    bound = "Encuadernamos tesis y trabajos de fin de grado en tapa dura."
    each = "Cada ejemplar cuesta 25 euros."
    assert priced_or_kin("¿Cuánto cuesta encuadernar un TFG?", [each], before=[bound])
    assert priced_or_kin("¿Cuánto cuesta un TFG?", [each], before=[bound])
    assert not priced_or_kin("¿Cuánto cuesta un TFM?", [each], before=[bound])


def test_a_period_with_its_indonesian_nya() -> None:
    """ "Sebulannya kena berapa?" asks the month's price (set EV)."""
    from agents.asked_prices import asked_periods

    assert asked_periods("Sebulannya kena berapa?") == {"month"}
    assert asked_periods("Seminggunya berapa?") == {"week"}
