"""Where to leave the car: "Is there somewhere to leave the car?", "¿Dónde aparco?",
"Parkirnya di mana?". A page answers in a sentence speaking of parking ("Free parking
outside", "Hay aparcamiento gratuito", "Tersedia parkir mobil"), which often shares no
other word with the question. In set BG's first run (2026-12-02), "Is there somewhere to
leave the car?" was declined of "We are on Unit 7, ..., with free parking outside".

A price asked of parking is the price's question ("How much is parking?"): not this one.
"""

from __future__ import annotations

import re

# Where or whether one may park, not anything else of a car park ("How far is the car
# park from departures?", "¿Cuándo se renuevan las plazas de aparcamiento?"); "park" as a
# verb only ("Which park is the largest?" asks of a city's parks).
_ASKS_PARKING = re.compile(
    r"(?<![^\W_])(?:(?:where|can|could|may|should|do|will) (?:i|we|you|visitors|guests) park|"
    r"(?:is|are) there (?:any |free |a )?(?:parking|car park|(?:somewhere|anywhere|space) to "
    r"(?:park|leave (?:the|my|our) car))|(?:do|does) (?:you|it|the [\w-]+) have (?:any |free )?"
    r"(?:parking|a car park)|(?:somewhere|anywhere|where) to park|leave (?:the|my|our) car|"
    r"parking (?:nearby|on site|available)|"
    r"d[oó]nde (?:aparco|aparcamos|aparcar|se aparca|(?:puedo|podemos) aparcar|dejo el coche|"
    r"(?:puedo |podemos )?dejar el coche)|(?:hay|tienen|ten[eé]is|tiene|disponen de) "
    r"(?:un |alg[uú]n )?(?:aparcamiento|parking|sitio (?:para|donde) (?:aparcar|dejar el coche)|"
    r"plazas? de aparcamiento)|(?:se puede|puedo|podemos) (?:aparcar|dejar el coche)|"
    r"parkir(?:nya)? di ?mana|(?:ada|tersedia) (?:tempat )?parkir|(?:bisa|boleh) parkir)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_STATES_PARKING = re.compile(
    r"(?<![^\W_])(?:(?:to|can|may|cannot|can't) park|parked|parking|car parks?|garage|"
    r"aparc\w*|garaje|estacionamiento|parkir\w*)(?![^\W_])",
    re.IGNORECASE,
)
# The words of asking it: where, near, free, the car one leaves there ("Can I leave my
# car outside?"). Not the vehicle's kind ("coach", "caravana", "autobús", "motor"): a page
# with room for cars says nothing of coaches.
PARKING_WORDS = frozenset(
    "park parking parked car leave somewhere where nearby close outside free space spaces "
    "place places aparcar aparco aparcamos aparcáis aparcais aparcamiento aparcamientos "
    "dejar dejo coche sitio cerca gratis fuera estacionar estaciono estacionamiento "
    "parkir parkiran parkirnya tempat dekat".split()
)


def asks_parking(question: str) -> bool:
    """Whether the question asks where (or whether) one may park."""
    return _ASKS_PARKING.search(question) is not None


def states_parking(sentence: str) -> bool:
    """Whether the sentence speaks of parking."""
    return _STATES_PARKING.search(sentence) is not None
