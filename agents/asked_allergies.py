"""Whether one with an allergy may come, eat or join: "Soy alérgico a las gambas, ¿pasa
algo?", "My son is allergic to peanuts, is that OK?", "Anak saya alergi telur, bisa
ikut?". A page answers in its sentence on allergies ("Avísanos si tienes alguna alergia",
"Please tell the staff about any allergy when you order"), which seldom names the thing
the asker is allergic to. In set EX's first run (2026-12-06) such a question was declined
though its page had that sentence.

What the asker is allergic to is theirs, as what they never did is (`without_allergen`):
no word a page must hold.
"""

from __future__ import annotations

import re

# Allergic, an allergy or an intolerance, as the languages served first write them.
_ALLERGY = (
    r"al[eé]rgic[oa]s?|allergic|allerg(?:y|ies)|alergias?|alergi|alerginya|intolerantes?|"
    r"intolerant|intolerancias?|intolerances?"
)
_NAMES_ALLERGY = re.compile(rf"(?<![^\W_])(?:{_ALLERGY})(?![^\W_])", re.IGNORECASE)
# ... and what to, after it ("alérgico [a las gambas]", "allergic [to peanuts]", "alergi
# [telur]", "intolerante [a la lactosa]", "alérgica [a los frutos secos]") or before it
# ("a [nut] allergy", "[dairy] allergies"), up to three words: the page's sentence need
# not name it.
_ALLERGEN = re.compile(
    rf"(?<![^\W_])(?:(?:[^\W\d_]+ ){{0,2}}?[^\W\d_]+ (?=(?:allerg(?:y|ies)|intolerances?)\b))?"
    rf"(?:{_ALLERGY})(?:(?:\s+(?:al|a|to|terhadap|sama|con|de))?"
    r"(?:\s+(?:la|las|los|el|the|some|any|certain))?\s+[^\W\d_]+"
    r"(?:\s+(?:(?:de|y|and|dan)\s+)?[^\W\d_]+)?)?"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# The words of telling one's allergy and asking whether it matters, which no page need
# hold.
ALLERGY_WORDS = frozenset(
    "allergy allergies allergic intolerant intolerance intolerances alergia alergias "
    "alérgico alérgica alérgicos alérgicas alergico alergica intolerante intolerantes "
    "intolerancia intolerancias alergi alerginya soy somos tengo tiene es my son daughter "
    "child kid wife husband i'm am is that ok okay safe problem matter still come eat join "
    "can could i we mi hijo hija hijos niño niña pasa algo problema seguro puedo puede "
    "podemos comer venir apuntarme ir hay opción opcion saya anak suami istri aku punya "
    "bisa boleh ikut makan aman masalah gimana bagaimana apa".split()
)


# ... told as the asker's own, their family's or a child's they bring, asked of "you":
# not "What type of hypersensitivity is associated with allergies?" (a reference work's
# question)
_ASKER = re.compile(
    r"(?<![^\W_])(?:i|i'm|i’m|we|we're|we’re|my|our|me|soy|somos|tengo|tenemos|mi|mis|"
    r"nuestr[oa]s?|saya|aku|kami|anak|you|os|vosotros|kalian|child|kid|niñ[oa]s?|hij[oa]s?|"
    r"children|kids)(?![^\W_])",
    re.IGNORECASE,
)


def asks_allergy(question: str) -> bool:
    """Whether the question tells the asker's (or their family's) allergy or
    intolerance, and asks whether it matters."""
    return _NAMES_ALLERGY.search(question) is not None and _ASKER.search(question) is not None


def states_allergy(sentence: str) -> bool:
    """Whether the sentence speaks of allergies or intolerances."""
    return _NAMES_ALLERGY.search(sentence) is not None


def without_allergen(question: str) -> str:
    """The question without the allergy and what it is to ("¿pasa algo?" of "Soy
    alérgico a las gambas, ¿pasa algo?"): the asker's, not the page's."""
    return _ALLERGEN.sub(" ", question)
