"""What a question asking whether something is there, may be brought or is allowed, or
what something costs, asks about (`asked_things`): the words the not-found veto looks for in the knowledge bases,
in the languages served first. Other questions name nothing to look for: their words
may be paraphrased."""

from __future__ import annotations

import pytest

from agents.answerability import asked_kinds, asked_things


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("Is there a student discount on memberships?", ["student", "discount"]),
        ("Are there any lockers?", ["lockers"]),
        ("Do you offer teeth whitening?", ["teeth", "whitening"]),
        ("Does the gym have a sauna?", ["sauna"]),
        ("Do the tubs have lights?", ["lights"]),
        ("Do the coaches come with a driver?", ["driver"]),
        ("Can I rent a towel?", ["towel"]),
        ("¿Hay pistas de pádel?", ["pistas", "pádel"]),
        (
            "¿Tiene el polideportivo gimnasio con máquinas?",
            ["polideportivo", "gimnasio", "máquinas"],
        ),
        ("¿Se puede alquilar una toalla en la piscina?", ["toalla"]),
        ("Apakah ada kantin di perpustakaan?", ["kantin"]),
        ("Apakah klinik punya layanan rawat inap?", ["layanan", "rawat", "inap"]),
        ("Bisakah meminjam DVD film?", ["dvd", "film"]),
        # the asking sentence after another
        ("Saya mahasiswa baru. Apakah ada asrama untuk mahasiswa baru?", ["asrama"]),
        # a number is not a thing (numbers have their own check)
        ("Is there a 24 hour helpline?", ["hour", "helpline"]),
        ("Do you rent kayaks?", ["kayaks"]),
        ("Do you accept credit cards?", ["credit", "cards"]),
        ("¿Alquilan bicicletas tándem?", ["bicicletas", "tándem"]),
        # Spain's "vosotros"
        ("¿Tenéis clases online?", ["clases", "online"]),
        ("¿Alquiláis bicis eléctricas?", ["bicis", "eléctricas"]),
        ("¿Aceptan tarjeta?", ["tarjeta"]),
        ("Apakah toko menyewakan mobil?", ["mobil"]),
        # Indonesian asks whether a shop sells or takes a thing by the verb alone
        ("Jual pakan ikan koi?", ["pakan", "ikan", "koi"]),
        ("Kalian menjual tanaman air?", ["tanaman", "air"]),
        ("Terima kucing persia?", ["kucing", "persia"]),
        ("Terima kasih banyak, ya?", []),  # thanks, not a thing taken
        ("Melayani antar jemput TK?", ["antar", "jemput", "tk"]),
        # "can you" and a verb asks whether the service is done, as "do you" does, of the
        # thing its last word names; not asked to tell, or to do as such
        ("Can you sharpen a chainsaw chain?", ["chain"]),
        ("Can you cut a house key?", ["key"]),
        ("Can you tell me about prices?", []),
        ("Can you do my pruning shears?", []),
        # a number in words sizes the thing; when it is wanted is none
        ("How much is a six-foot tree?", ["foot", "tree"]),
        # ("dulu", beforehand, is speech's particle: what follows is when, not a thing)
        ("Bisa coba dirias dulu sebelum acara?", ["dirias"]),
        # whether something may be brought or is allowed
        ("Can I bring my dog into the library?", ["dog"]),
        ("Are dogs allowed in the library?", ["dogs"]),
        ("¿Se puede llevar perro a la piscina?", ["perro"]),
        ("¿Están permitidos los perros?", ["perros"]),
        ("Apakah boleh membawa kucing?", ["kucing"]),
        ("Apakah kucing diperbolehkan?", ["kucing"]),
        # a price: of what the question names, not of what surrounds it
        ("How much does a yearly membership cost?", ["yearly", "membership"]),
        ("How much does a locker cost?", ["locker"]),
        ("How much is a yearly membership?", ["yearly", "membership"]),
        ("¿Cuánto vale la entrada?", ["entrada"]),
        ("What is the fee for a replacement card?", ["replacement", "card"]),
        ("In 1979, what was the highest price of oil?", ["oil"]),
        ("How much did it cost to build the stadium?", []),
        ("How much does renting a bike cost?", ["bike"]),  # not the action
        ("¿Cuánto cuesta alquilar una bici por un día?", ["bici", "día"]),
        ("How much does water cost?", ["water"]),
        ("¿Cuánto cuesta una semana de alquiler?", ["semana", "alquiler"]),
        ("Berapa harga kamar keluarga?", ["kamar", "keluarga"]),
        ("Berapa biaya parkir untuk bus?", ["parkir", "bus"]),
        # a word standing for any thing is none
        ("Do we pay anything when booking a party?", []),
        ("¿Hay algo para comer?", []),
        # a price by the kilo is of the thing alone
        ("Berapa harga kardus sekilo?", ["kardus"]),
        ("¿Cuánto cuesta el kilo de tomates?", ["tomates"]),
        # whether a service is done: what it is done to
        ("Do you groom cats?", ["cats"]),
        ("Do you bake birthday cakes?", ["birthday", "cakes"]),
        ("¿Cuidáis gatos?", ["gatos"]),
        ("¿Hacéis peluquería canina?", ["peluquería", "canina"]),
        ("Bisa servis laptop?", ["laptop"]),
        ("Apakah bisa jahit gaun pengantin?", ["gaun", "pengantin"]),
        # a limit is asked of the thing, and pages give it in numbers ("aged 16 and over")
        ("Is there a minimum age?", ["age"]),
        ("Is there a maximum group size?", ["group", "size"]),
        ("Apakah ada batas usia?", ["usia"]),
        # ... and so is the number a limit is of (a thing sized by number keeps it)
        ("Is there a minimum number of guests?", []),
        ("¿Hay un número máximo de personas?", ["personas"]),
        ("Can you paint a house number on a slate?", ["number"]),
        # whom it is done for is not what is done
        ("Do you give us aprons?", ["aprons"]),
        # nor is a verb's particle
        ("Do you pick up old sofas?", ["old", "sofas"]),
        # ... nor "rid" of "get rid of"
        ("Do you get rid of the old tyres?", []),
        # nor what the thing is made of or by
        ("Can I buy candles made from beeswax?", ["candles"]),
        ("¿Tenéis pan hecho con masa madre?", ["pan"]),
        # a Spanish thing of two nouns joined by "de" or "para": which of the kind
        ("¿Tenéis pistas de tenis?", ["pistas", "tenis"]),
        ("¿Hacéis cursos para los niños?", ["cursos", "niños"]),
        # ... or "con"
        ("¿Atendéis a niños con autismo?", ["niños", "autismo"]),
        # "dais", whose ending has no accent
        ("¿Dais clases de salsa?", ["clases", "salsa"]),
        # a price's name is no thing: whether one pays is asked
        ("Is there a charge if the flight is cancelled?", []),
        ("Is there a booking fee?", ["booking"]),
        # what is welcome is allowed
        ("Are children welcome at the tasting?", ["children"]),
        # ... and so is what is OK; "it" names nothing
        ("Are assistance dogs OK on the bus?", ["assistance", "dogs"]),
        ("Is it OK to park here?", []),
        # what a price is called is no thing priced
        ("How much are the fees?", []),
        ("How much is the late fee?", ["late"]),
        # how much of it is no thing: a page says "clases individuales"; a kind is one
        ("¿Cuánto cuesta una sola clase?", ["clase"]),
        ("How much is a whole cake?", ["cake"]),
        ("Is there a single room?", ["single", "room"]),
        ("Can we book just one hour?", ["hour"]),
        # what one may book or order is asked whether there is
        ("Can we book a hot tub with the tent?", ["hot", "tub"]),
        ("Can I order a birthday cake?", ["birthday", "cake"]),
        # an age is whom one brings, no thing
        ("Can I bring my 16-year-old son?", []),
        # whose thing it is is no part of what is done to it
        ("Can you repair my grandmother's old treadle machine?", ["machine"]),
    ],
)
def test_the_thing_asked_for(question: str, things: list[str]) -> None:
    assert asked_things(question) == things


@pytest.mark.parametrize(
    "question",
    [
        "¿Hay que llevar gorro de baño?",  # must, not is there
        "¿Tiene que venir el titular?",
        "Ada berapa buku yang boleh dipinjam?",  # how many
        "How many lockers are there?",
        "When is the pool open?",
        "Berapa denda kalau buku hilang?",
        # knowing, needing, opening hours, paying, being able: not a service done
        "Do you know the way to the station?",
        "Do you open on Sundays?",
        "¿Abrís los domingos?",
        "¿Podéis ir a buscar al perro a casa?",
        "Bisa bayar pakai QRIS?",
        "Bisa untuk acara sunatan?",
        "Do you come out to villages?",  # where it is done, not what
    ],
)
def test_other_questions_ask_for_nothing_to_look_for(question: str) -> None:
    assert asked_things(question) == []


def test_which_of_a_kind_is_asked_for_or_with() -> None:
    """Whom it is for, or what it comes with, restricts the thing; "de" names it."""
    from agents.answerability import asked_kinds

    assert asked_kinds("¿Atendéis a niños con autismo?") == ["autismo"]
    assert asked_kinds("¿Tenéis pienso para conejos?") == ["conejos"]
    assert asked_kinds("¿Arregláis fugas de agua?") == []
    assert asked_kinds("¿Tenéis pan hecho con masa madre?") == []


def test_a_size_is_held_by_a_page_giving_sizes() -> None:
    from agents.asked_measures import size_held

    units = ["A 25 sq ft locker costs £12 a week and a 100 sq ft unit £34 a week."]
    assert size_held("smallest", units) and size_held("big", ["The large castle is £120."])
    assert not size_held("smallest", ["Padlocks are sold at reception for £9."])
    assert not size_held("unit", units)  # no size word


def test_what_is_asked_included_is_a_thing() -> None:
    """Asked whether something is included, named before or after the asking words, it
    is a thing a page must name; a doing is the page's to name in its own words."""
    assert asked_things("Is lunch included in the day pass?") == ["lunch"]
    assert asked_things("Does the price include parking for two cars?") == ["parking"]
    assert asked_things("¿El seguro va incluido?") == ["seguro"]
    assert asked_things("¿Va incluido en el precio el casco?") == ["casco"]
    assert asked_things("Apakah harga sudah termasuk bensin?") == ["bensin"]
    assert asked_things("Bensin sudah termasuk?") == ["bensin"]
    assert asked_things("Is it included?") == []
    assert asked_things("¿Está incluido lavar la ropa?") == []


def test_abroad_is_where_to_not_a_thing() -> None:
    assert asked_things("Do you send records abroad?") == ["records"]


def test_a_deed_asked_by_its_own_verb_and_a_sentence_doing_it() -> None:
    from agents.answerability import does_the_deed

    pianos = "Recomendamos afinar el piano dos veces al año."
    assert does_the_deed("¿Afináis guitarras?", pianos, "es")
    assert does_the_deed("¿Podéis afinar un arpa?", "Afinamos pianos de cola.", "es")
    assert does_the_deed("Do you tune harps?", "We tune upright and grand pianos.", "en")
    assert does_the_deed("Bisa servis kulkas?", "Kami servis AC dan mesin cuci.", "id")
    # another deed, or one any service does, says nothing of what is done
    assert not does_the_deed("¿Afináis guitarras?", "Cambiamos cuerdas rotas.", "es")
    assert not does_the_deed("¿Hacéis mudanzas?", "Hacemos presupuestos gratis.", "es")
    assert not does_the_deed("Do you offer lessons?", "We offer tuning.", "en")
    assert not does_the_deed("Bisa bikin sumur resapan?", "Kami bikin sumur bor.", "id")
    # nor is a question asking what, where or how much
    assert not does_the_deed("How much do you charge to tune a piano?", pianos, "en")


def test_a_possessive_names_which_and_a_word_beside_the_noun_is_its_kind() -> None:
    # "children's" says which menu: the menu is asked too
    assert asked_things("Is there a children's menu?", "en") == ["children", "menu"]
    assert asked_things("Do you fix children's bikes?", "en") == ["children", "bikes"]
    # a word beside the noun names which of it: after it in Indonesian, before in English
    assert asked_kinds("Ada menu vegetarian?", "id") == ["vegetarian"]
    assert asked_kinds("Do you have a vegetarian menu?", "en") == ["vegetarian"]
    assert asked_kinds("Ada tumpeng?", "id") == []
