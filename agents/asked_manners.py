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
# The internet as the way a thing is done ("¿Puedo reservar por internet?", "Bisa daftar
# lewat internet?"), not as a thing there is ("¿Hay internet?"): asked as "online" is.
_BY_INTERNET = re.compile(
    r"(?<![^\W_])(?:por|a través de|via|vía|lewat|melalui|secara|over the|through the|on the)"
    r" internet(?![^\W_])",
    re.IGNORECASE,
)
_ONLINE = _ASKED["online"]
_WAY_OF = {**_ASKED, "internet": _ONLINE}
# ... and a page selling at a box office or the door speaks of it: "¿Se pueden comprar
# las entradas por internet?" of "Las entradas se compran en la taquilla" (a "taquilla"
# alone may be a locker).
_IN_PERSON = re.compile(
    r"(?<![^\W_])(?:en (?:la )?taquilla|at the (?:door|box office)|di loket)(?![^\W_])",
    re.IGNORECASE,
)


def asked_manners(question: str) -> list[str]:
    """The question's words asking a way of doing a thing (online, at a distance),
    lower-cased, in order."""
    words = [w.lower() for w in _WORD.findall(question)]
    asked = [w for w in words if w in _ASKED]
    if _BY_INTERNET.search(question):
        asked.append("internet")
    return list(dict.fromkeys(asked))


def offered_otherwise(word: str, texts: list[str]) -> bool:
    """Whether a text speaks of the way `word` asks in its own words ("web" of
    "online"), so the question's word may be absent and the way still answered."""
    if word not in _WAY_OF:
        return False
    way = _WAY_OF[word]
    if way == _ONLINE and any(_IN_PERSON.search(t) for t in texts):
        return True
    held = _HELD[way]
    return any(not held.isdisjoint(w.lower() for w in _WORD.findall(t)) for t in texts)
