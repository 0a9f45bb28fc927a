"""A word in capitals a page spells out ("MUA" of "make up artist") names what the page
prices; a verb of "vosotros" ("que me hagáis un presupuesto") names nothing priced;
whether someone pays, asked of people no page names ("Do teenagers pay?" of adults' and
children's prices, "¿Los jubilados pagan?"), is declined, and asked of a word of the
page's kin ("toddlers" of "children") is answered; whether a thing no page names is OK
("Are guide dogs OK on the bus?") is declined; "¿Con qué edad...?" asks an age."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import (
    assert_answers,
    assert_not_found,
    assistant_per_kb,
    create_org,
)

BEAUTY = """# Sekolah Rias Cantik Alami

Kelas rias untuk diri sendiri satu hari, biayanya Rp300.000. Kelas make up artist
profesional berlangsung sepuluh pertemuan dengan biaya Rp3.000.000.
"""
TAILOR = """# Sastrería Aguja Fina

Arreglamos trajes y vestidos de fiesta. El presupuesto se da en la tienda y es gratuito.
Un bajo de pantalón cuesta 8 euros.
"""
JUGGLING = """# Escuela de Malabares Diábolo

Los grupos infantiles, para niños de 7 a 14 años, entrenan los viernes por la tarde. Los
adultos entrenan los lunes y miércoles. La cuota es de 40 euros al mes.
"""
# three pages, as a small service writes them
BUS_RIDERS = """The community bus is for Dale residents who cannot use ordinary buses easily.
Register once by phone before your first journey. A companion travels free."""
BUS_FARES = """Book on 01632 960 118 between 9 am and noon, at least a day ahead. A return
within the town costs £2.50. Bus passes cannot be used on the community bus."""
BUS_JOURNEYS = """The bus runs Monday to Friday to the market, the GP surgery and the library,
and carries one wheelchair at a time."""
LIDO = """# Hollins Park Lido

The outdoor pool is heated to 25 degrees from May to September. Adults pay £5.50 a
swim. Children under five swim free, and older children pay £2.50.
"""
PISCINA = """# Piscina Municipal Las Dunas

La piscina abre de junio a septiembre. Los adultos pagan 4 euros por entrada. Los niños
menores de 4 años no pagan.
"""
ANSWERED = [
    ("beauty", "Biaya kelas MUA profesional berapa?", "Rp3.000.000"),
    ("tailor", "¿Cuánto cuesta que me hagáis un presupuesto?", "es gratuito"),
    # a word of the page's kin: toddlers are children; babies are niños
    ("lido", "Do toddlers have to pay?", "Children under five swim free"),
    ("piscina", "¿Los bebés pagan?", "no pagan"),
    ("juggling", "¿Con qué edad admitís a los niños?", "de 7 a 14 años"),
]
DECLINED = [
    ("lido", "en", "Do teenagers pay?"),
    ("piscina", "es", "¿Los jubilados pagan?"),
    ("minibus", "en", "Are guide dogs OK on the bus?"),
]


def test_spelt_letters_payers_and_ages(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Spelt")
    made = assistant_per_kb(
        org,
        {
            "beauty": {"Kelas": BEAUTY},
            "tailor": {"Sastrería": TAILOR},
            "lido": {"Lido": LIDO},
            "piscina": {"Piscina": PISCINA},
            "juggling": {"Malabares": JUGGLING},
            "minibus": {"Who can travel": BUS_RIDERS, "Fares": BUS_FARES, "Journeys": BUS_JOURNEYS},
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)


def test_a_short_question_of_two_languages_pages_is_told_in_its_own(platform: Flask) -> None:
    """A question too short for the detector to be sure of is told in the language of
    the pages that came closest, unless its unsure guess is one of theirs: "Do teenagers
    pay?" of an assistant over the lido's English page and an Indonesian course's."""
    org = create_org(platform.test_client(), "Two tongues")
    made = assistant_per_kb(org, {"both": {"Lido": LIDO, "Kelas": BEAUTY}})
    assert_not_found(org, "Do teenagers pay?", "en", assistant=made["both"], conversation="t")
