"""What there is to see or do in a place: "What is there to do in Ludlow?" of a framer's
pages, "¿Qué ver en Alcalá de Henares?" of a hearing centre's, "Tempat wisata anak di
Bandung apa saja?" of a children's magician's. A local business's page names its town,
and its nearest sentence ("Estamos en la calle Mayor 14 de Alcalá de Henares") says
where the business is, not what a visitor might see there: in set DI's first run
(2026-12-04) all three were answered with it. A page that does speak of what to see or
do ("Nearby you can visit the castle", "Desde la casa salen rutas de senderismo") answers.
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
    r"tempat (?:menarik|jalan-jalan)"
    r")(?![^\W_])",
    re.IGNORECASE,
)
# A sentence speaking of what to see or do: visiting, sights, walks and the like.
_SPEAKS_OF_SIGHTS = re.compile(
    r"(?<![^\W_])(?:visit\w*|see|sights?|sightseeing|attractions?|explore|museums?|"
    r"castles?|beach(?:es)?|walks?|trails?|tours?|ver|visit[ae]\w*|monumentos?|museos?|"
    r"castillos?|playas?|rutas?|senderos?|senderismo|excursi[oó]n\w*|wisata|objek|"
    r"pantai|candi|air terjun|jalan-jalan|destinasi)(?![^\W_])",
    re.IGNORECASE,
)


def asks_sights(question: str) -> bool:
    """Whether the question asks what there is to see or do in a place."""
    return _ASKS_SIGHTS.search(question) is not None


def speaks_of_sights(sentence: str) -> bool:
    """Whether the sentence speaks of what to see or do: a visit, a sight, a walk."""
    return _SPEAKS_OF_SIGHTS.search(sentence) is not None
