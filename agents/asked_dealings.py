"""Whether they sell a thing, asked of pages that never speak of selling: "Do you sell
telescopes?" of an observatory whose page describes its own telescope, "¿Vendéis
relojes inteligentes?" of a watch repairer. The thing asked for is on the page, so the
decision answered with the sentence about it, which says nothing of selling one.

Of the questions the hand-written sets ask this way of pages with no word of selling,
47 were near-topic and one answerable (docs/benchmarks.md): a page that sells says so
("we sell", "for sale", "shop", "tienda", "dijual", "toko"). A price alone does not: the
observatory's tickets have one.
"""

from __future__ import annotations

import re

from agents.asked_facts import asks_openly

_ASKS_TO_BUY = re.compile(
    r"(?<![^\W_])(?:(?:do|does) (?:you|they|the [\w-]+) sell|(?:can|could) (?:i|we) buy|"
    r"(?:is|are) [\w\s-]{1,30} for sale|vend[eé]is|venden|vendes|"
    r"(?:se puede|puedo|podemos) comprar|jual|menjual|dijual|bisa beli|(?:mau|ingin) beli)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_SELLING = re.compile(
    r"(?<![^\W_])(?:sell|sells|sold|selling|sale|sales|shop|shops|store|stores|buy|buying|"
    r"bought|purchase|vend\w*|venta\w*|tienda\w*|compra\w*|jual\w*|dijual|menjual|"
    r"penjualan|beli\w*|dibeli|membeli|toko)(?![^\W_])",
    re.IGNORECASE,
)


def asks_to_buy(question: str) -> bool:
    """Whether the question asks whether they sell something (or one can buy it), not
    where, when, how or for how much."""
    # "Where do you sell tickets?" may be answered by "Tickets from the box office".
    return _ASKS_TO_BUY.search(question) is not None and not asks_openly(question)


def speaks_of_selling(text: str) -> bool:
    """Whether the text speaks of selling or buying, or of a shop."""
    return _SPEAKS_OF_SELLING.search(text) is not None
