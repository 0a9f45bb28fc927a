"""How long an order takes to reach the asker: the question asking it in words of its
own arriving ("¿Cuánto tarda en llegarme si lo pido por internet?", "Si encargo hoy,
¿cuándo lo recibo?", "Berapa lama barang sampai?") and a sentence giving it, one on
sending that gives a length of time ("Enviamos a toda la península en 48 horas",
"Barang dikirim paling lambat satu hari setelah pembayaran"). The page speaks of sending,
the asker of receiving: without this, no word of the question but the time's is on the
page, and the decision declines it.
"""

from __future__ import annotations

import re

from agents.asked_delivering import speaks_of_delivering
from agents.asked_measures import states_duration

# How long or when, asked so: "how long", "cuánto tarda", "berapa lama", "cuándo" (also
# what keeps a question from asking the same day: `agents.asked_same_day`).
TIME_ASKED = (
    r"how long|how many days|how soon|when|cu[aá]nto (?:tiempo|tarda\w*)|"
    r"en cu[aá]nt[oa]s (?:d[ií]as|horas)|cu[aá]nt[oa]s (?:d[ií]as|horas)|cu[aá]ndo|"
    r"berapa (?:lama|hari|jam)|kapan"
)
# Receiving a thing ("lo recibo", "me llega"), which asks of an order too
_RECEIVING_IT = (
    r"(?:lo|la|los|las) (?:recib\w*|tengo|tendr[eé]|tenemos|tendremos)|(?:me|nos) llegan?|"
    r"llegar(?:me|nos)|diterima"
)
# The asker receiving it, not anyone ("When did Tesla receive the Edison Medal?"): "will
# I receive it", "¿cuándo lo recibo?"
_RECEIVING = (
    r"(?:I|we) (?:will |would |'ll )?receive|receive (?:it|them|my|our)|"
    rf"{_RECEIVING_IT}|recib(?:o|ir[lé]\w*|iremos|imos)"
)
# Reaching the asker: arriving, getting or receiving it. Indonesian "sampai" is also
# "until" ("berapa hari sampai kaos jadi?": until it is made), so only at the question's
# end or before where it reaches.
_ARRIVING = (
    rf"arrive|arrives|arriving|arrival|get (?:it|them|my \w+|the \w+)|{_RECEIVING}|"
    r"llega|llegan|llegar\w*|llegue\w*|"
    r"sampai(?=\s*(?:[?.!]|$|di |ke |nya))|sampainya|nyampe|tiba"
)
_ASKS_ARRIVAL = re.compile(
    rf"(?<![^\W_])(?:(?:{TIME_ASKED})(?![^\W_]).*(?<![^\W_])(?:{_ARRIVING})|"
    rf"(?:{_ARRIVING})(?![^\W_]).*(?<![^\W_])(?:{TIME_ASKED}))(?![^\W_])",
    re.IGNORECASE,
)
# ... of an order, or of receiving it: "When does the bus arrive?", "¿Cuándo llega el
# técnico?" ask of no order.
_AN_ORDER = re.compile(
    r"(?<![^\W_])(?:orders?|ordered|parcels?|packages?|get (?:it|them)|pedidos?|pido|"
    rf"encargos?|compro|compra|paquetes?|receive (?:it|them)|{_RECEIVING_IT}|recibo|"
    r"pesanan\w*|pesan|paket\w*|barang\w*|kiriman\w*)(?![^\W_])",
    re.IGNORECASE,
)
# The words that only ask it: how long, arriving, and ordering it ("si lo pido por
# internet", "if I order today"). Not what is sent nor where to: a page sending cheese
# in 48 hours says nothing of sending wine, or to the Canaries.
ARRIVAL_WORDS = frozenset(
    "how long many days hours soon until when will would does do it get take takes arrive "
    "arrives arriving arrival receive my order orders ordered today online internet web "
    "cuánto cuanto tiempo tarda tardan tardará tardara tardáis tardais días dias horas "
    "cuándo cuando llega llegan llegar llegará llegara llegarme llegaría llegue lleguen "
    "recibo recibir recibiré recibire recibe recibimos pido pedido pedidos pedir encargo "
    "tengo tendré tendre tenemos tendremos cuántos cuantos cuántas cuantas "
    "encargar encargue compro comprar hoy hasta "
    "berapa lama hari jam kapan sampai sampainya nyampe tiba diterima barang barangnya "
    "pesan pesanan pesanannya beli hari ini saya parcel parcels package packages paquete "
    "paquetes kiriman".split()
)


def asks_arrival(question: str) -> bool:
    """Whether the question asks how long an order takes to reach the asker, or when it
    does."""
    return _ASKS_ARRIVAL.search(question) is not None and _AN_ORDER.search(question) is not None


# A sentence on things arriving: "lo pedimos y suele llegar en dos o tres días".
_ARRIVES = re.compile(
    # (... or handed back: "la entregamos limpia y planchada en 48 horas")
    r"(?<![^\W_])(?:arrive\w*|llega\w*|llegue\w*|recib\w*|entreg\w*|sampai|tiba|diterima)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def states_arrival(sentence: str) -> bool:
    """Whether the sentence says in how long things are sent, or arrive: a length of
    time in a sentence on sending or arriving."""
    return states_duration(sentence) and (
        speaks_of_delivering(sentence) or _ARRIVES.search(sentence) is not None
    )
