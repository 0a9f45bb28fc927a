"""When, or for how long in time, asked of a quote that says no time at all: "How long do
horses live?" of a livery yard's arena ("a floodlit 40 by 20 metre arena"), "¿Cuándo sale
la próxima convocatoria de maestros?" of "En la última convocatoria aprobaron 38
alumnos", "Kapan ban mobil harus diganti?" of a tyre's price. The encoder puts such a
question on the page for the thing it shares; a sentence answering it names a time in
some way: a date, a year, a month, a day, an hour, a length of time, or a moment by
another ("once the job is done", "después de la clase", "setelah acara").

"How long is the slope?" asks a length: only "how long" before a verb asks a time ("How
long do the lessons last?", "How long does it take?"). An opening "when" followed by
another word of asking opens a clause ("When rock folds, what does it create?"). A
condition is a moment too ("if", "under conditions"): SQuAD asks "When do chloroplasts
spread out flat?" of "In low-light conditions, ...".
"""

from __future__ import annotations

import re

from agents.answerability import has_digit
from agents.asked_counts import states_year
from agents.asked_facts import (
    names_season,
    states_age,
    states_day,
    states_hours,
    states_time,
    without_ages,
)
from agents.asked_measures import (
    HOW_LONG_ASKED,
    LAMA_TIDAK,
    states_distance,
    states_duration,
    states_size,
)
from agents.asked_prices import without_prices_by_period
from agents.unspoken import unspoken

# Asked when, opening the question: "When do I pay?", "¿Cuándo es la próxima cata?",
# "Kapan bisa diambil?"
_OPENS_WHEN = re.compile(r"^[\W_]*(?:when|cu[aá]ndo|kapan)(?![^\W_])", re.IGNORECASE)
# ... or how long it takes ("How long does a repair take?", anywhere: "Potongnya lama
# tidak?", "¿Cuánto tardáis?", "Berapa lama prosesnya?"), or when, closing it ("Sunatnya
# kapan?")
_ASKS_HOW_LONG = re.compile(
    r"^[\W_]*how long (?:do|does|did|will|would|can|could|should|must)\s|"
    r"(?<![^\W_])(?:when|cu[aá]ndo|kapan)[\W_]*$|"
    rf"(?<![^\W_])(?:{HOW_LONG_ASKED})(?![^\W_])|"
    rf"(?<![^\W_]){LAMA_TIDAK}[\W_]*$",
    re.IGNORECASE,
)
# Another word of asking after an opening "when" makes it a clause: "When Tesla
# photographed Mark Twain, what showed up?", "When rock folds, what does it create?"
_ASKS_ELSE = re.compile(
    r"(?<![^\W_])(?:what|which|who|whom|whose|how|where|why|qu[eé]|cu[aá]l(?:es)?|"
    r"qui[eé]n(?:es)?|d[oó]nde|c[oó]mo|apa|siapa|mana|bagaimana|berapa)(?![^\W_])",
    re.IGNORECASE,
)
# A moment said by another, or by its place in time.
_MOMENT = re.compile(
    r"(?<![^\W_])(?:once|after|afterwards|before|beforehand|until|till|as soon as|during|"
    r"while|since|ago|when|whenever|then|today|tonight|tomorrow|yesterday|now|soon|later|"
    r"early|late|century|centuries|decade|decades|era|age|period|morning|afternoon|evening|"
    r"night|noon|midnight|dawn|dusk|sunrise|sunset|season|term|spring|summer|autumn|fall|"
    r"winter|weekend|weekday|daily|weekly|monthly|yearly|annually|if|following|upon|"
    r"millennium|millennia|BP|sixties|seventies|eighties|nineties|conditions?|"
    r"(?:the )?(?:end|beginning|start|middle) of|"
    r"una vez|después|despues|antes|hasta|durante|mientras|desde|hace|cuando|luego|"
    r"entonces|hoy|mañana|manana|ayer|ahora|pronto|tarde|temprano|noche|amanecer|atardecer|"
    r"anochecer|siglo|siglos|década|decada|época|epoca|temporada|fin de semana|diario|"
    r"semanal|mensual|anual|si|"
    r"tras|milenio|condiciones|(?:a )?(?:finales|principios|mediados) de|"
    r"setelah|sesudah|sebelum|sampai|hingga|selama|sejak|saat|ketika|lalu|kemudian|"
    r"nanti|hari ini|besok|kemarin|sekarang|segera|pagi|siang|sore|malam|fajar|abad|dekade|"
    r"musim|akhir pekan|harian|mingguan|bulanan|tahunan|jika|kalau|apabila|bila)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# ... or a day counted from the event's, as Indonesian writes it: "Pembayaran lunas H-1"
# (the day before), "H+3".
_DAY_H = re.compile(r"(?<![^\W_])H ?[-+−] ?\d{1,2}(?![^\W_])")
# ... or a condition opening the sentence: "Under intense light, they seek shelter"
# answers "When do chloroplasts arrange in vertical columns?"
_UNDER_CONDITIONS = re.compile(r"^[\W_]*(?:under|bajo)\s[^,]{1,40},", re.IGNORECASE)
# ... or a unit of time, even with no number ("known in seconds"), unless the sentence
# gives an age ("anak di bawah 12 tahun Rp25.000" says not how long a haircut takes)
_UNIT = re.compile(
    r"(?<![^\W_])(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|segundos?|"
    r"minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?|detik|menit|jam|hari|minggu|bulan|"
    r"tahun)(?![^\W_])",
    re.IGNORECASE,
)
# ... or a year of three figures alone ("began in 911"): not an amount, which has its
# unit or currency beside it.
_YEARISH = re.compile(r"(?<![^\W_])(?:in|en|tahun|since|desde|sejak) \d{3,4}(?![\d.,]?\d)")


def asks_when(question: str) -> bool:
    """Whether the question asks when, or how long in time."""
    if opening := _OPENS_WHEN.match(question):
        return _ASKS_ELSE.search(question, opening.end()) is None
    return _ASKS_HOW_LONG.search(question) is not None


# "How long is the Grand Union Canal?" asks a length or a time (set FE): either way a quote
# answering it gives a figure, a length of time, a size or a distance, or names a time
# some other way. Over SQuAD dev's 20 such questions whose gold answer is within one
# sentence, every gold sentence does.
_ASKS_HOW_LONG_IT_IS = re.compile(r"^[\W_]*how long (?:is|are|was|were)\s", re.IGNORECASE)
# ... or a unit of length, with a number in words ("a hundred miles long")
_LENGTH_UNIT = re.compile(
    r"(?<![^\W_])(?:miles?|yards?|feet|foot|metres?|meters?|kilomet(?:re|er)s?|km|"
    r"millas?|metros?|kil[oó]metros?|kilometer|meter)(?![^\W_])",
    re.IGNORECASE,
)


def asks_how_long_it_is(question: str) -> bool:
    """Whether the question asks how long a thing is, a length or a time."""
    return _ASKS_HOW_LONG_IT_IS.match(question) is not None


def says_how_long(sentence: str) -> bool:
    """Whether the sentence could say how long a thing is: a figure, a unit of length, a
    size, a distance, or a time in any way (`says_when`)."""
    return (
        has_digit(sentence)
        or _LENGTH_UNIT.search(sentence) is not None
        or states_size(sentence)
        or states_distance(sentence)
        or says_when(sentence)
    )


def says_when(sentence: str) -> bool:
    """Whether the sentence names a time in any way: a year, a month or season, a day, an
    hour, a length of time, or a moment; not an age, nor a price's period."""
    aged = states_age(sentence)
    sentence = without_prices_by_period(without_ages(sentence))
    return (
        (not aged and _UNIT.search(sentence) is not None)
        or states_year(sentence)
        or _YEARISH.search(sentence) is not None
        or names_season(sentence)
        or states_day(sentence)
        or states_time(sentence)
        or states_hours(sentence)
        or states_duration(sentence)
        or _MOMENT.search(sentence) is not None
        or _DAY_H.search(sentence) is not None
        or _UNDER_CONDITIONS.match(sentence) is not None
    )


# How long a creature lives ("How long do alpacas live?", "¿Cuánto vive una gallina?",
# "Berapa lama kenari bisa hidup?"): general knowledge, which a quote giving how long the
# page's own visit lasts does not answer ("lasts three hours" of a falconry day). Pages
# telling it speak of living or of a life. Over sets A to DL, 25 questions asked it, all
# off-topic (22 of pages never speaking of a life), and no answerable one; an age asked
# ("Umur berapa?") is not a life's length.
_ASKS_LIFESPAN = re.compile(
    r"^[\W_]*how long (?:do|does|did|can|will|would) [^?]+ live[\W_]*$|"
    r"(?<![^\W_])(?:life ?span|lifetime|esperanza de vida|"
    r"cu[aá]nt[oa]s? (?:años |tiempo )?viven?|berapa (?:lama|tahun) [^?]*hidup|"
    # ... or how long a thing lasts before it wears out: "Berapa lama umur panel surya?"
    # (set FJ, of "Panel surya bergaransi 10 tahun": a guarantee is not its life), "¿Qué
    # vida útil tiene?"
    r"berapa (?:lama|tahun) umur|umur(?:nya)? [^?]*berapa (?:lama|tahun)|vida [uú]til)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_LIVING = re.compile(
    r"(?<![^\W_])(?:live|lives|lived|living|life|lifespan|lifetime|vive|viven|vivir|vida|"
    # (... or a thing's: "awet sampai 25 tahun", "vida útil"; not "lasts", said of a
    # visit's length)
    r"hidup|umur|umurnya|awet|tahan|[uú]til|dipakai|digunakan)(?![^\W_])",
    re.IGNORECASE,
)


def lifespan_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks how long something lives, of texts that never speak of
    living or of a life."""
    return unspoken(_ASKS_LIFESPAN, _SPEAKS_OF_LIVING, question, texts)


# How old a thing is ("How old is York Minster?", "¿Cuántos años tienen las pinturas de
# Altamira?", "Berapa umur pohon itu?"): a page that never gives a year, a decade or a
# century, an age in years, nor since when, does not tell it, whatever it says of the
# thing (a waller's pages of the walls they rebuild). Not how old one must be ("How old
# do kids need to be?", "¿Cuántos años tiene que tener?", "Berapa umur minimal?"),
# which pages give as an age; an age given by its number ("How old was John Elway when
# he played in Super Bowl XXXIII?" of "at age 38") tells it. Over sets A to DM, six
# questions asked a thing's age, five general (none of their pages giving any) and one
# answerable ("How old is the smaller bus?" of "our 1950s single-decker").
_ASKS_AGE_OF_THING = re.compile(
    r"^[\W_]*how old (?:is|are|was|were) (?!you\b|i\b|we\b)|"
    r"(?<![^\W_])(?:cu[aá]ntos años tienen?(?! que)|qu[eé] antig[uü]edad tienen?|"
    r"berapa (?:umur|usia)(?:nya)? (?!minimal|minimum|maksimal|anak|peserta)"
    r"(?![^?]*(?:boleh|bisa|harus|ikut|daftar)))",
    re.IGNORECASE,
)
_GIVES_AGE = re.compile(
    r"(?<![^\W_])(?:centur(?:y|ies)|siglos?|abad|decades?|d[eé]cadas?|dekade|"
    r"since|desde|sejak|dating|dates|founded|built|fundad[oa]s?|construid[oa]s?|"
    r"dibangun|didirikan|berdiri)(?![^\W_])|"
    r"\d+\s*(?:years?|yrs?|años|tahun)(?![^\W_])|(?<![\d.,])1\d{3}s?(?![\d.,]?\d)|"
    r"(?<![\d.,])20\d{2}(?![\d.,]?\d)|años \d0(?![^\W_])|\d0-an(?![^\W_])|"
    # an age by its number: "at age 38", "aged 90", "a 12-year-old", "a la edad de 40"
    r"(?<![^\W_])(?:ages?|aged|edad(?: de)?|umur|usia) \d+|\d+-year-old",
    re.IGNORECASE,
)


def age_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks how old a thing is, of texts that give no year, decade,
    century, age in years, nor since when."""
    return unspoken(_ASKS_AGE_OF_THING, _GIVES_AGE, question, texts)
