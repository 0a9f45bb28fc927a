"""Whether they sell (or buy), rent out or deliver a thing, or take payment in instalments,
asked of pages that never speak of selling, renting, delivering or paying in parts: "Do you
sell telescopes?" of an observatory whose page describes its own telescope, "¿Alquiláis
cámaras?" of a photography school whose students bring their own. The thing asked for is
on the page, so the decision answered with the sentence about it, which says nothing of
selling or renting one.

Counted in the hand-written sets before each rule was built (docs/benchmarks.md): of the
questions asking to buy of pages with no word of selling, 47 were near-topic and one
answerable; of those asking to rent of pages with no word of renting, hiring, lending or
borrowing, 17 near-topic and one answerable, already declined; of those asking whether
they deliver, post, send or come to one's home ("Do you deliver?", "¿Hacéis envíos a
domicilio?", "Bisa kirim ke luar kota?", "Do you do home visits?") of pages with no word
of it, 30 near-topic and no answerable one; of those asking to pay in instalments ("Can I
pay in instalments?", "¿Se puede pagar a plazos?", "Bisa dicicil?") of pages with no
word of paying in parts or of financing, 11 near-topic and no answerable one (sets A to
AN); of those asking whether they buy from the asker ("Do you buy antique clocks?",
"¿Compráis muebles antiguos?"), of pages with no word of selling or buying, 8 near-topic
and no answerable one (sets A to DL). A page that sells says so ("we sell", "for sale",
"shop", "tienda", "dijual", "toko"), one that rents out says so ("hire", "alquilamos",
"disewakan", "borrow"), one that delivers too ("delivery", "envío", "diantar", "ongkir",
"home visits"), and one that takes payment in parts ("12 meses sin intereses", "el resto
al terminar", "cicilan"). A price alone does none of them: the observatory's tickets have
one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agents.answerability import destinations, written_in
from agents.asked_audience import asks_for_women
from agents.asked_delivering import speaks_of_delivering
from agents.asked_facts import asks_to_deliver, asks_whether
from agents.asked_parking import asks_parking, states_parking
from knowledge.encoders.languages import guess

_ASKS_TO_BUY = re.compile(
    r"(?<![^\W_])(?:(?:do|does) (?:you|they|the [\w-]+) sell|(?:can|could) (?:i|we) buy|"
    # ... or whether they buy from the asker, the same dealing the other way: "Do you buy
    # old clocks?", "¿Compráis muebles antiguos?"
    r"(?:do|does|will|would) (?:you|they|the [\w-]+) buy|compr[aá]is|"
    r"(?:is|are) [\w\s-]{1,30} for sale|vend[eé]is|venden|vendes|"
    # ... or whether they have one for sale: "Have you got any used bikes for sale?",
    # "¿Tenéis cafeteras a la venta?"
    r"(?:have|has|got|do you have|is there|are there) [\w\s-]{1,30} for sale|"
    r"a la venta|en venta|"
    r"(?:se puede|puedo|podemos) comprar|pod[eé]is vender(?:me|nos)?|me vend[eé]is|venderme|"
    r"jual|menjual|dijual|bisa beli|(?:mau|ingin) beli)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# ... or what buying one costs, asked openly: "¿Cuánto cuesta comprar un caballo?" of a
# riding school's prices, "How much does it cost to buy one?"
_ASKS_BUYING_PRICE = re.compile(
    r"(?<![^\W_])(?:cu[aá]nto (?:cuesta|vale|sale|costar[ií]a) comprar|"
    r"how much (?:does it|would it|will it) cost to buy|how much (?:is it|would it be) to buy|"
    r"(?:biaya|harga) (?:untuk )?membeli)(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_SELLING = re.compile(
    r"(?<![^\W_])(?:sell|sells|sold|selling|sale|sales|shop|shops|store|stores|buy|buying|"
    # (a sale, not a window: "ventanas")
    r"bought|purchase|vend(?!as?(?![^\W_])|aj)\w*|ventas?|tienda\w*|compra\w*|jual\w*|"
    r"dijual|menjual|"
    r"penjualan|beli\w*|dibeli|membeli|toko|"
    # ... or of food to take away, which is sold: "La tarrina de medio litro para llevar
    # cuesta 9 euros" answers "¿Vendéis helado para llevar a casa?"
    r"para llevar|take-?aways?|take away|take-?out|"
    # ... or sold to take home: "Take-home tubs of 500 ml cost £6.50" answers "Can I buy a
    # tub to take home?" (not "a jug to take home", which a workshop's guests make)
    r"take-home)(?![^\W_])",
    re.IGNORECASE,
)
_ASKS_TO_RENT = re.compile(
    r"(?<![^\W_])(?:(?:do|does) (?:you|they|the [\w-]+) (?:rent|hire|lend|loan)|"
    r"(?:can|could|may) (?:i|we) (?:rent|hire|borrow)|(?:is|are) [\w\s-]{1,30} for hire|"
    r"alquil[aá]is|alquilan|alquilas|(?:se puede|puedo|podemos) alquilar|"
    r"prest[aá]is|prestan|(?:bisa|boleh|ada) (?:sewa|menyewa|pinjam|meminjam)|"
    r"disewakan|menyewakan|dipinjamkan|meminjamkan)(?![^\W_])",
    re.IGNORECASE,
)
# ... whether one may pay in instalments: "Can I pay in instalments?", "¿Se puede pagar
# a plazos?", "Bisa dicicil?"
_ASKS_INSTALMENTS = re.compile(
    r"(?<![^\W_])(?:instal+ments?|pay (?:it )?(?:monthly|in parts|in (?:two|three|\d+) "
    r"(?:payments|goes|parts))|spread the cost|(?:a|en) plazos|en (?:dos|tres|cuatro|\d+) "
    r"(?:veces|plazos|pagos|cuotas)|fraccionar|fraccionado|financiar|financiación|"
    r"financiacion|finance|financing|cicil\w*|dicicil\w*|nyicil|mencicil|angsur\w*)(?![^\W_])",
    re.IGNORECASE,
)
# A page speaking of paying in parts, or of financing: "se pueden pagar en 12 meses sin
# intereses", "30% al empezar y el resto al terminar".
_SPEAKS_OF_INSTALMENTS = re.compile(
    r"(?<![^\W_])(?:instal+ments?|monthly payments|pay monthly|spread|plazos|fraccion\w*|"
    r"financ\w*|cicil\w*|dicicil\w*|mencicil\w*|nyicil|angsur\w*|two payments|dos pagos|"
    r"sisanya|the rest|el resto|"
    # ... or of a bill for the month: "pay by invoice at the end of each month"
    r"by invoice|monthly invoice|invoiced monthly|por factura|factura mensual|"
    r"tagihan bulanan|at the end of (?:each|every|the) month|a (?:final|fin) de(?: cada)? mes|"
    r"(?:setiap|tiap) akhir bulan|"
    r"interest-free|sin intereses|tanpa bunga|(?:pay|pagar|bayar)\w* (?:over|en|dalam) \d+ "
    r"(?:months|meses|bulan))(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_RENTING = re.compile(
    r"(?<![^\W_])(?:rent|rents|rented|renting|rental|rentals|hire|hires|hired|hiring|"
    r"lend|lends|lending|lent|loan|loans|loaned|borrow|borrows|borrowed|borrowing|"
    r"alquil\w*|prest(?:a|an|amos|ar|ado|ada|ados|adas)|sewa\w*|disewa\w*|menyewa\w*|"
    r"penyewa\w*|pinjam\w*|dipinjam\w*|meminjam\w*|peminjam\w*|rental)(?![^\W_])",
    re.IGNORECASE,
)


def asks_to_buy(question: str) -> bool:
    """Whether the question asks whether they sell something (or one can buy it), not
    where, when, how or for how much they sell it; or what buying one costs."""
    # "Where do you sell tickets?" may be answered by "Tickets from the box office".
    return asks_whether(_ASKS_TO_BUY, question) or bool(_ASKS_BUYING_PRICE.search(question))


# Whether they do, offer, run or teach a thing, at the question's start: "¿Hacéis paseos
# en camello?", "Do you run powerboat courses?", "¿Dais clases de guitarra?". Not "Do you
# have", "¿Tenéis", "Ada": asked so, a thing of another word is as often the page's own
# ("¿Tenéis correas de cuero?" of "correas de piel"; "Ada tenda buat 6 orang?"). Nor a
# thing for women, which `women_unspoken` reads of pages speaking of women in any word
# ("Do you do women-only classes?" of "A ladies-only class").
_ASKS_WHETHER_OFFERED = re.compile(
    r"^\W*(?:do you (?:do|offer|run|organi[sz]e|teach)|hac[eé]is|ofrec[eé]is|"
    r"organiz[aá]is|ense[ñn][aá]is|dais)(?![^\W_])",
    re.IGNORECASE,
)


# "As well", which names no kind: "¿Enseñáis acrílico también?"
_ALSO = frozenset("también tambien too also well juga".split())


def kind_unnamed(question: str, asked: list[str], unheld: set[str]) -> bool:
    """Asked whether they sell (or buy) a thing, or do, offer, run or teach one, whether
    the question names its kind by a word no page holds beside the thing the pages do
    hold: "¿Vendéis guitarras de segunda mano?", "Do you sell bridesmaid dresses?" of a
    shop selling guitars or dresses, "¿Hacéis paseos en camello?" of horse rides, "¿Dais
    clases de guitarra?" of singing lessons, which say nothing of the kind asked.
    `asked` are the things the question names in order (its head first in Spanish and
    Indonesian, last in English), `unheld` those no page holds. A thing the pages lack
    under a kind they hold ("¿Vendéis cremas naturales?" of "cosmética natural") is the
    encoder's to judge."""
    offered = bool(_ASKS_WHETHER_OFFERED.search(question)) and not asks_for_women(question)
    asked = [word for word in asked if word not in _ALSO]
    if len(asked) < 2 or not (asks_whether(_ASKS_TO_BUY, question) or offered):
        return False
    head = asked[-1] if guess(question)[0] == "en" else asked[0]
    return head not in unheld and any(word in unheld for word in asked)


def speaks_of_selling(text: str) -> bool:
    """Whether the text speaks of selling or buying, or of a shop."""
    return _SPEAKS_OF_SELLING.search(text) is not None


def asks_to_rent(question: str) -> bool:
    """Whether the question asks whether they rent out (hire out, lend) something, or
    one may rent or borrow it, not where, when, how or for how much."""
    return asks_whether(_ASKS_TO_RENT, question)


def rented_unheld(question: str, asked: list[str], unheld: set[str]) -> bool:
    """Asked whether they rent out (hire out, lend) a thing, whether no page holds any of
    the words it is named by: "¿Alquiláis neoprenos?" of a canoe hire whose pages rent
    canoes and name no wetsuit. Of the hand sets' 77 such questions (A to EK) all were
    near-topic, 8 answered with a sentence on what they do rent. (Asked to buy, a thing
    the pages lack may be a kind they sell: "¿Vendéis cremas naturales?" of "cosmética
    natural".)"""
    return bool(asked) and asks_to_rent(question) and all(word in unheld for word in asked)


def speaks_of_renting(text: str) -> bool:
    """Whether the text speaks of renting, hiring, lending or borrowing."""
    return _SPEAKS_OF_RENTING.search(text) is not None


def asks_instalments(question: str) -> bool:
    """Whether the question asks whether one may pay in instalments (or finance it), not
    how many or how much."""
    return asks_whether(_ASKS_INSTALMENTS, question)


def speaks_of_instalments(text: str) -> bool:
    """Whether the text speaks of paying in parts or of financing."""
    return _SPEAKS_OF_INSTALMENTS.search(text) is not None


# Each dealing: whether a question asks it, whether a text speaks of it, and the evidence
# a decline records. Selling first, as it was alone before renting.
_DEALINGS: tuple[tuple[Callable[[str], bool], Callable[[str], bool], str], ...] = (
    (asks_to_buy, speaks_of_selling, "not_sold"),
    (asks_to_rent, speaks_of_renting, "not_rented"),
    (asks_to_deliver, speaks_of_delivering, "not_delivered"),
    (asks_instalments, speaks_of_instalments, "no_instalments"),
    # ... and where to park, which pages speaking of no parking do not tell ("Is there
    # parking at the theatre?" of "The theatre has step-free access")
    (asks_parking, states_parking, "no_parking"),
)


def dealing_unoffered(question: str, texts: list[str]) -> str | None:
    """The evidence ("not_sold", "not_rented", "not_delivered", "no_instalments",
    "no_parking") of a dealing the question asks that none of the retrieved `texts`
    speaks of; None when it asks none, or a text speaks of it."""
    return next(
        (
            declined
            for asks, speaks, declined in _DEALINGS
            if asks(question)
            and not any(map(speaks, texts))
            and not (declined == "not_delivered" and _place_named(question, texts))
        ),
        None,
    )


def _place_named(question: str, texts: list[str]) -> bool:
    """Whether a text names the place the question asks to go to: a page listing the area
    it serves answers "Bisa kirim ke Karawang?" ("Area layanan Jabodetabek dan
    Karawang") without a word of delivering."""
    # (every word of it: "Las Palmas" is not named by a page's "las")
    places = destinations(question)
    return bool(places) and any(all(written_in(p, text.lower()) for p in places) for text in texts)
