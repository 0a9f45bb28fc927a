"""How often: the question asking it ("How often do you come?", "¿Cada cuánto venís a
limpiar?", "Seminggu masuk berapa kali?") and a sentence giving it in words of its own
("We come fortnightly", "El mantenimiento semanal...", "2 kali seminggu"). The page
says how often without the asker's words for asking, and the decision declined it.
"""

from __future__ import annotations

import re

from agents.answerability import states_price

_PERIODS_EN = r"days?|weeks?|fortnights?|months?|years?|hours?|minutes?|term|season|night"
_PERIODS_ES = r"d[ií]as?|semanas?|quincenas?|mes(?:es)?|años?|horas?|minutos?|trimestres?"
_PERIODS_ID = r"hari|minggu|bulan|tahun|jam|menit"
_ONCE_ID = r"(?:se)?(?:hari|minggu|bulan|tahun)"
# a count in figures ("2.000", "1,500") or a word
_COUNT = r"(?:\d+(?:[.,]\d+)*|\w+)"
_WEEKDAYS = (
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|"
    r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|"
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu"
)

_ASKS_FREQUENCY = re.compile(
    r"(?<![^\W_])(?:how often|how frequently|how regularly|"
    # ... or how long between: "How many weeks between visits?"
    rf"(?:how many (?:{_PERIODS_EN})|how long) between|"
    rf"how many times (?:a|an|per|each|every) (?:{_PERIODS_EN})|"
    r"cada cu[aá]nt[oa]s?|con qu[eé] frecuencia|cada qu[eé] tiempo|"
    rf"cu[aá]ntas veces (?:al|a la|por|cada) (?:{_PERIODS_ES})|"
    rf"seberapa sering|berapa (?:{_PERIODS_ID}) sekali|"
    rf"berapa kali (?:dalam )?{_ONCE_ID}|{_ONCE_ID}\b.*\bberapa kali)(?![^\W_])",
    re.IGNORECASE,
)

# A sentence saying how often: every so long, so many times a period, or a word for it.
# Not a price by its period ("£85 a month"): that says what is paid, not how often.
_STATES_FREQUENCY = re.compile(
    r"(?<![^\W_])(?:"
    rf"(?:every|each)(?: other| {_COUNT}| {_COUNT} (?:to|or|-) {_COUNT})? (?:{_PERIODS_EN})|"
    rf"(?:every|cada|todos los) (?:{_WEEKDAYS})|"
    rf"(?:once|twice|\w+ times) (?:a|an|per|each|every) (?:{_PERIODS_EN})|"
    r"daily|weekly|fortnightly|monthly|yearly|annually|nightly|hourly|"
    rf"cada (?:{_COUNT} |{_COUNT} (?:a|o|y) {_COUNT} )?(?:{_PERIODS_ES})|"
    rf"(?:una|\w+) (?:vez|veces) (?:al|a la|por|cada) (?:{_PERIODS_ES})|"
    r"semanal(?:es|mente)?|quincenal(?:es|mente)?|mensual(?:es|mente)?|anual(?:es|mente)?|"
    r"diari[oa]s?|diariamente|"
    rf"(?:setiap|tiap) (?:{_COUNT} )?(?:{_PERIODS_ID}|{_WEEKDAYS})|"
    rf"{_ONCE_ID} (?:sekali|\w+ kali)|(?:\d+|\w+) kali (?:dalam )?{_ONCE_ID}|"
    r"harian|mingguan|bulanan|tahunan"
    r")(?![^\W_])",
    re.IGNORECASE,
)

# The words that only ask it ("often", "cada cuánto", "berapa kali"), and the period it
# is asked by ("a week", "seminggu"): a page may give it by another.
FREQUENCY_WORDS = frozenset(
    "how often frequently regularly many times time a an per each every week weeks month between "
    "months year years day days do does you they we is are should must can "
    "cada cuánto cuanto cuántos cuantos cuánta cuanta cuántas cuantas con qué que "
    "frecuencia tiempo veces vez al la por semana semanas mes meses año años día días "
    "hay se hace hacen hacéis hacer "
    "seberapa sering berapa kali sekali sehari seminggu sebulan setahun dalam hari minggu "
    "bulan tahun "
    # ... and going to it: "Seminggu masuk berapa kali?", "How often do I attend?"
    "go attend ir asistir masuk ikut".split()
)


# Asked how often one pays ("¿Cada cuánto se paga el club?"), a price by its period says
# it ("15 euros al trimestre"), and only that does (not "Cada viernes organizamos
# torneos").
_PAYING = re.compile(r"(?<![^\W_])(?:pay\w*|pag\w*|bayar\w*|dibayar)(?![^\W_])", re.IGNORECASE)
_BY_PERIOD = re.compile(
    rf"(?<![^\W_])(?:a|an|per|each|al|a la|por|/|se)\s?(?:{_PERIODS_EN}|{_PERIODS_ES}|"
    rf"{_PERIODS_ID}|term|trimestre|quarter)(?![^\W_])",
    re.IGNORECASE,
)


def asks_frequency(question: str) -> bool:
    """Whether the question asks how often something is done or happens."""
    return _ASKS_FREQUENCY.search(question) is not None


def states_frequency(sentence: str) -> bool:
    """Whether the sentence says how often something is done or happens."""
    return _STATES_FREQUENCY.search(sentence) is not None


def priced_by_period(sentence: str) -> bool:
    """Whether the sentence gives a price by its period ("15 euros al trimestre")."""
    return states_price(sentence) and _BY_PERIOD.search(sentence) is not None


def states_frequency_or_rate(sentence: str) -> bool:
    """Whether the sentence says how often, or what is paid by a period."""
    return states_frequency(sentence) or priced_by_period(sentence)


# How often in a word of its own, not a period: "The Doctor rarely travels alone".
_HOW_OFTEN = re.compile(
    r"(?<![^\W_])(?:rarely|seldom|often|usually|sometimes|always|never|occasionally|"
    r"regularly|frequently|a menudo|rara vez|siempre|nunca|a veces|normalmente|"
    r"habitualmente|jarang|sering|selalu|kadang|biasanya)(?![^\W_])",
    re.IGNORECASE,
)


def says_how_often(sentence: str) -> bool:
    """Whether the sentence says how often in any way: a frequency, a price by its
    period, or a word for it ("rarely", "siempre"). A time said otherwise ("at three
    weeks", "every second Sunday") is `asked_when.says_when`'s."""
    return states_frequency_or_rate(sentence) or _HOW_OFTEN.search(sentence) is not None


def tells_frequency(sentence: str, question: str) -> bool:
    """Whether the sentence tells how often as the question asks it: of paying, a price
    by its period; of anything else, how often it is done."""
    if _PAYING.search(question):
        return priced_by_period(sentence)
    return states_frequency(sentence)
