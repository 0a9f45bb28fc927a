"""Which area a service covers: "Which area do you cover?", "¿Por qué zonas trabajáis?",
"Melayani daerah mana saja?". A page answers in a sentence putting what it does in or
around a named place ("lessons ... in their own homes around Kendal", "en Aranda de
Duero y pueblos de la Ribera", "di wilayah Sidoarjo dan Surabaya") or how far they go
("anywhere within 20 miles of Norwich"), which shares no
word with the question but the asking ones. In set DH's first run (2026-12-04), "Which
area do you cover?" was answered with the sentence on what the lessons cover.

A named place asked ("Melayani daerah Ungaran?", "Do you cover Frome?") is this
question when a sentence putting the work in places names it ("di Semarang dan
Ungaran"); a place no page names is a name the pages must hold, which the decision reads
as such ("Melayani Salatiga?" of the same page is declined). In set DI's first run
"Melayani daerah Ungaran?" was declined: "daerah" and "melayani" are not the page's words.
"""

from __future__ import annotations

import re

from agents.answerability import CALENDAR_WORDS, places_served, speaks_of_elsewhere, words_of
from agents.asked_measures import states_distance

_ASKS_AREA = re.compile(
    r"(?<![^\W_])(?:(?:which|what) (?:areas?|parts?|towns?|places?|postcodes?|regions?|"
    r"villages?|counties) (?:do|does) (?:you|it|the [\w-]+) (?:cover|serve|work in|go to|"
    r"visit|travel to)|where do you (?:cover|serve|work|operate|travel to)|"
    r"what is your (?:service |catchment )?area|"
    r"(?:qu[eé]|cu[aá]les?) (?:zonas?|pueblos|localidades|barrios|sitios) (?:cubr[ií]s|cubren|"
    r"atend[eé]is|atienden|trabaj[aá]is|trabajan|vais|van|llegáis|llegais|llegan)|"
    r"(?:por|en) qu[eé] zonas? (?:trabaj[aá]is|trabajan|atend[eé]is|atienden|os mov[eé]is|"
    r"se mueven)|"
    r"(?:melayani|layani|dilayani|jangkau|menjangkau|dijangkau) (?:daerah |wilayah |area |"
    r"kota )?mana|(?:daerah|wilayah|area|kota) mana(?: saja)?(?: yang)? (?:dilayani|"
    r"dijangkau|dilayaninya)|(?:daerah|wilayah|area) (?:layanan|jangkauan)(?:nya)?(?: di)? ?mana)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# A place named after a word putting what is done in it or around it, the kind of area
# it is between ("de toda la provincia de Huesca", "across the county of Kent").
_AREA_KIND = (
    r"(?:county|province|region|district|island|provincia|comunidad|comarca|regi[oó]n|isla|"
    r"zona)\s+(?:of|de|del)"
)
_IN_A_NAMED_PLACE = re.compile(
    r"(?<![^\W_])(?i:in|around|across|throughout|within|near|covering|cover|serve|serving|"
    r"en|por|toda|todo|alrededores de|cerca de|di|ke|sekitar|seluruh)"
    r"(?:\s+(?i:the|la|el|los|las))?"
    rf"(?:\s+(?i:wilayah|daerah|kota|kabupaten|provinsi|pulau|area|zona|{_AREA_KIND}))?"
    r"\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w'’-]+)"
)
# Where a shop is online, or how it is reached, which is no place to go to: "toko kami
# di Tokopedia", "aplikasi kami di Play Store", "nuestra tienda en Etsy", "Avisamos por
# WhatsApp" (set FD: no area served).
ONLINE_PLACES = frozenset(
    "shopee tokopedia lazada bukalapak blibli instagram whatsapp facebook tiktok youtube "
    "telegram twitter play app google amazon etsy ebay wallapop".split()
)
# ... which, with a month after "in", no sentence serves ("in June").
_NOT_SERVED = CALENDAR_WORDS | ONLINE_PLACES
# The words of asking it, which a page need not hold.
AREA_WORDS = frozenset(
    "which what area areas part parts town towns place places postcode postcodes region "
    "regions village villages counties do does you it cover serve work in go to visit "
    "travel where operate is your service catchment qué que cuál cual cuáles cuales zona "
    "zonas pueblos localidades barrios sitios cubrís cubris cubren atendéis atendeis atienden "
    "trabajáis trabajais trabajan vais van llegáis llegais llegan por en os movéis moveis se "
    "mueven melayani layani dilayani jangkau menjangkau dijangkau daerah "
    "wilayah kota mana saja yang dilayaninya layanan jangkauan jangkauannya layanannya "
    "di".split()
)


def asks_area_served(question: str) -> bool:
    """Whether the question asks which area the service covers, or whether it serves a
    named place."""
    return _ASKS_AREA.search(question) is not None or bool(places_served(question))


def tells_area_asked(sentence: str, question: str) -> bool:
    """Whether the sentence stating an area tells what the question asks of it: any
    area asked openly, the place asked when one is named, or any place when it serves
    within a distance or speaks of going elsewhere ("within 15 miles of Leicester": the
    asker knows how far; "anywhere else in Somerset for a £10 call-out fee")."""
    named = places_served(question)
    return named <= {word.lower() for word in words_of(sentence)} or speaks_of_elsewhere(sentence)


def states_area_served(sentence: str) -> bool:
    """Whether the sentence puts what is done in or around a named place (not a month
    named after "in": "in June"), or says how far they go ("anywhere within 20 miles of
    Norwich")."""
    return states_distance(sentence) or any(
        found["name"].lower() not in _NOT_SERVED for found in _IN_A_NAMED_PLACE.finditer(sentence)
    )
