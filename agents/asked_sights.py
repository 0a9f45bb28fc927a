"""What there is to see or do in a place, whether it is worth a visit, or where to eat
there: "What is there to do in Ludlow?" of a framer's pages, "¿Qué ver en Alcalá de
Henares?" of a hearing centre's, "Tempat wisata anak di Bandung apa saja?" of a
children's magician's, "Is Hebden Bridge worth visiting?" of a sign writer's, "Kafe yang
bagus di Jalan Kaliurang apa saja?" of a barista school's. A local business's page names
its town, and its nearest sentence ("Estamos en la calle Mayor 14 de Alcalá de Henares")
says where the business is, not what a visitor might see or eat there: in set DI's first
run (2026-12-04) the first three were answered with it, in set DJ's the last two. A page
that does speak of what to see, do or eat ("Nearby you can visit the castle", "Desde la
casa salen rutas de senderismo", "The village has two pubs") answers.
"""

from __future__ import annotations

import re

_ASKS_SIGHTS = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:what(?:'s| is) there|what|things|places) to (?:do|see|visit)"
    r"(?: and (?:do|see|visit))? (?:in|around|near)|"
    r"tourist attractions|attractions (?:in|near|around)|sightseeing|"
    r"qu[eé] (?:ver|hacer|visitar)(?: y (?:ver|hacer|visitar))? (?:en|por|cerca de)|"
    r"(?:qu[eé]|lugares|sitios) (?:se puede|podemos|puedo|para|que) (?:ver|visitar)|"
    r"(?:lugares|sitios) (?:de )?inter[eé]s tur[ií]stico|"
    r"(?:tempat|objek|destinasi) wisata|wisata (?:apa|yang bagus|menarik)|"
    r"tempat (?:menarik|jalan-jalan)|"
    # ... whether the town is worth a visit: "Is Hebden Bridge worth visiting?"
    r"worth (?:a visit|visiting|seeing|going to)|(?:merece|vale) la pena (?:visitar|ir a|conocer)|"
    r"layak (?:dikunjungi|dikunjungin)|"
    # ... or where to eat or drink in it: "Kafe yang bagus di Jalan Kaliurang apa saja?",
    # "Any good pubs near Ludlow?", "¿Dónde comer en Nava?"
    r"(?:good|best|nice|decent) (?:caf[eé]s?|restaurants?|pubs?|places to eat)"
    r" (?:in|near|around)|where to eat|d[oó]nde (?:comer|cenar|tomar algo)|"
    r"(?:buenos|mejores) (?:restaurantes|bares|sitios para comer)|"
    r"(?:kafe|cafe|kedai kopi|restoran|rumah makan|tempat makan|tempat nongkrong|kuliner)"
    r"(?: \w+)?(?: yang)? (?:bagus|enak|recommended|asyik|hits|terkenal)(?: \w+)? di|"
    r"rekomendasi (?:kafe|cafe|kedai kopi|restoran|tempat makan|kuliner)"
    r")(?![^\W_])",
    re.IGNORECASE,
)
# A sentence speaking of what to see or do: visiting, sights, walks and the like.
_SPEAKS_OF_SIGHTS = re.compile(
    r"(?<![^\W_])(?:visit\w*|see|sights?|sightseeing|attractions?|explore|museums?|"
    r"castles?|beach(?:es)?|walks?|trails?|tours?|ver|visit[ae]\w*|monumentos?|museos?|"
    r"castillos?|playas?|rutas?|senderos?|senderismo|excursi[oó]n\w*|wisata|objek|"
    r"pantai|candi|air terjun|jalan-jalan|destinasi|"
    # ... and places to eat or drink
    # (plural: "pub signs" names no pub to go to)
    r"caf[eé]s|restaurants|pubs|restaurantes|bares|cafeter[ií]as|kafe|restoran|"
    r"kuliner|rumah makan)(?![^\W_])",
    re.IGNORECASE,
)


def asks_sights(question: str) -> bool:
    """Whether the question asks what there is to see or do in a place."""
    return _ASKS_SIGHTS.search(question) is not None


def speaks_of_sights(sentence: str) -> bool:
    """Whether the sentence speaks of what to see or do: a visit, a sight, a walk."""
    return _SPEAKS_OF_SIGHTS.search(sentence) is not None
