"""A way of doing what the page does, which the page never offers: "¿La naturópata hace
consultas online?" of "una naturópata atiende consultas de 30 minutos". Everything else
the question says is on the page, so the decision answered with the sentence on
consultations, which says nothing of doing them online.

A way asked is a thing the pages must hold, as a thing asked for is
(`answerability.asked_things`), unless a page writes the word or one that offers or
excludes the way ("web", "presencial" of "online"), or speaks of languages ("versión
original con subtítulos" of "¿Ponéis películas en inglés?"). The means of paying are read
where payment is (`asked_facts.means_asked`).
"""

from __future__ import annotations

import re

# Each way: the words that ask it, and the further words a page speaks of it by.
_WAYS = (
    (
        "online virtual virtuales remote remotely daring zoom videollamada videoconferencia",
        "internet web website app aplicación aplicacion aplikasi línea linea distancia "
        "remota remotas remoto remotos presencial presenciales tatap luring offline video",
    ),
    # ... or the language it is done in, which Spanish writes in small letters ("¿Hacéis
    # la visita en inglés?"; English and Indonesian write a name, which the pages must
    # hold as any name): a page speaking of languages or subtitles speaks of it
    (
        "inglés ingles francés frances alemán aleman italiano portugués portugues japonés "
        "japones chino árabe arabe ruso catalán catalan euskera gallego",
        "idioma idiomas bilingüe bilingue original subtítulos subtitulos subtitulada "
        "subtituladas vos español espanol castellano english spanish language languages",
    ),
)
_ASKED = {word: i for i, (asked, _) in enumerate(_WAYS) for word in asked.split()}
_HELD = [frozenset(f"{asked} {held}".split()) for asked, held in _WAYS]
_WORD = re.compile(r"[^\W\d_]+")


def asked_manners(question: str) -> list[str]:
    """The question's words asking a way of doing a thing (online, at a distance),
    lower-cased, in order."""
    words = [w.lower() for w in _WORD.findall(question)]
    return list(dict.fromkeys(w for w in words if w in _ASKED))


def offered_otherwise(word: str, texts: list[str]) -> bool:
    """Whether a text speaks of the way `word` asks in its own words ("web" of
    "online"), so the question's word may be absent and the way still answered."""
    if word not in _ASKED:
        return False
    held = _HELD[_ASKED[word]]
    return any(not held.isdisjoint(w.lower() for w in _WORD.findall(t)) for t in texts)
