"""Whether it can be had the same day: "¿Lo podéis tener hoy mismo?", "Can I have it
today?", "Bisa jadi hari ini?". A page answers in its own words for that day ("lo
entregamos el mismo día", "same-day service", "bisa ditunggu, jadi hari itu juga"),
sharing no word with the question but "mismo", and such a question was declined (set
DT, 2026-12-05).
"""

from __future__ import annotations

import re

from agents.asked_arrival import TIME_ASKED

# Today, or the same day, asked: "hoy mismo", "para hoy", "en el día", "today", "same
# day", "hari ini" ...
_TODAY = (
    r"hoy(?: mismo)?|para hoy|en el (?:mismo )?d[ií]a|el mismo d[ií]a|today|the same day|"
    r"same[- ]day|hari ini(?: juga)?|hari itu juga|sehari jadi|"
    # ... or while the asker waits: "¿Lo podéis hacer en el momento, mientras espero?",
    # "Can you do it while I wait?", "Bisa ditunggu?" (set EQ, 2026-12-06)
    r"mientras (?:espero|esperamos|espera)|en el momento|al momento|"
    r"while (?:i|we) wait|sambil (?:di)?tunggu"
)
# ... of having it, or of its being ready or done: not "Are you open today?" nor "Can I
# book for today?"
_HAD = (
    r"tener(?:lo|la|los|las)?|ten[eé]is|tengo|tendr[eé]|tendr[ií]a|list[oa]s?|"
    r"recog(?:er|erlo|erla|erlos|erlas|e)|recojo|hac[eé]is|hacer(?:lo|la|los|las)?|"
    r"hac[eé]rmel[oa]|"
    r"arregl(?:ar|arlo|arla|áis|ais)|entreg(?:ar|arlo|arla|áis|ais)|have it|have them|"
    r"get it|get them|get (?:my|our|the) \w+|ready|done|collect|pick (?:it|them) up|"
    r"do it|fix it|finished|jadi|selesai|beres|diambil|ambil|dikerjakan|diperbaiki|"
    r"cambiar(?:lo|la|los|las)?"
)
_ASKS_SAME_DAY = re.compile(
    rf"(?<![^\W_])(?:(?:{_HAD})(?![^\W_]).*(?<![^\W_])(?:{_TODAY})|"
    rf"(?:{_TODAY})(?![^\W_]).*(?<![^\W_])(?:{_HAD})|"
    # ("Bisa ditunggu?": can it be waited for)
    r"^\W*(?:bisa|boleh) (?:di)?tunggu(?:in)?\W*$)(?![^\W_])",
    re.IGNORECASE,
)
_STATES_SAME_DAY = re.compile(
    r"(?<![^\W_])(?:(?:el|en el|ese|en ese) mismo d[ií]a|en el d[ií]a|(?:the )?same[- ]day|"
    r"hari itu juga|hari yang sama|sehari jadi|while you wait|mientras esperas|"
    r"mientras espera|en el momento|al momento|on the spot|bisa ditunggu|"
    r"langsung (?:jadi|selesai))(?![^\W_])",
    re.IGNORECASE,
)
# The question's words that only ask it.
SAME_DAY_WORDS = frozenset(
    "hoy mismo misma para en el día dia today the same day hari ini juga itu sehari "
    "tener tenerlo tenerla tenéis teneis tengo tendré tendre tendría tendria listo lista "
    "listos listas recoger recogerlo recogerla recoge recojo hacéis haceis hacerlo hacerla "
    "hacérmelo hacermelo arreglar arreglarlo arreglarla arregláis arreglais entregar "
    "entregarlo entregarla entregáis entregais have get it them my our ready done collect "
    "pick up do fix finished jadi selesai beres diambil ambil dikerjakan diperbaiki can "
    "could will i we you lo la los las me nos bisa apa mientras espero esperamos espera "
    "momento al while wait sambil tunggu ditunggu hacer hacerlos hacerlas cambiar "
    "cambiarlo cambiarla cambiarlos cambiarlas podéis podeis puedes "
    # (... or come today, now: "Tengo una gotera ahora, ¿podéis venir hoy?", set FJ)
    "venir venís venis ahora now come sekarang datang".split()
)


# ... and not how long from today: "Si pido hoy, ¿en cuántos días lo tengo?"
_HOW_LONG = re.compile(rf"(?<![^\W_])(?:{TIME_ASKED})(?![^\W_])", re.IGNORECASE)


def asks_same_day(question: str) -> bool:
    """Whether the question asks if it can be had, or is done, the same day (not how
    long it takes from today)."""
    return _ASKS_SAME_DAY.search(question) is not None and _HOW_LONG.search(question) is None


# ... not of what is not: "Los arreglos que no se hacen en el momento tardan de dos a
# cuatro días", "tidak bisa ditunggu"
_NOT_BEFORE = re.compile(
    r"(?<![^\W_])(?:no|not|tidak|nggak|gak|tak)(?:\s+[^\W\d_]+){0,2}\s+$", re.IGNORECASE
)


def states_same_day(sentence: str) -> bool:
    """Whether the sentence says something is done or handed over the same day (not of
    what is not)."""
    return any(
        _NOT_BEFORE.search(sentence[: found.start()]) is None
        for found in _STATES_SAME_DAY.finditer(sentence)
    )
