"""How many, in what year, what share: "How many singers are in the choir?", "¿En qué
año se aprobó la ley?", "Berapa banyak peserta per kelas?". A sentence of the same page
that gives no number ("The choir was founded by a group of music teachers") shares the
question's words and does not answer it; a quote giving a count, in digits or in words
("seis alumnos", "several", "a dozen", "every day"), may.

On the fit half of `bench.answerable` (English and Spanish, 2026-11-30), every
answerable question asked so and answered quoted a number (47 of 47), and 1 of the 23
near-topic ones answered quoted none (the others quoted a number of something else).
Not "how much" nor "cuánto": a price may be "free" or "included" (`asked_prices` reads
those), and an amount "a little".
"""

from __future__ import annotations

import re

from agents.weekdays import alternatives

# In what year ("In what year...?", "¿En qué año...?", "Pada tahun berapa...?"): the
# words around these ("in", "en", "pada", "since") find no more questions.
# (not an age: "Potong rambut anak umur 8 tahun berapa?" asks the price for a child of 8)
_YEAR_ASKED = r"(?:what|which) year|qu[eé] a[nñ]o|(?<!\d)(?<!\d )tahun berapa"
_ASKS_COUNT = re.compile(
    rf"(?<![^\W_])(?:how many|{_YEAR_ASKED}|what (?:percentage|percent|proportion)|"
    r"cu[aá]nt[oa]s|qu[eé] porcentaje|berapa (?:banyak|jumlah))(?![^\W_])",
    re.IGNORECASE,
)
# Numbers in words, in English, Spanish and Indonesian ("uno", "una" are also "a").
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion "
    "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta "
    "setenta ochenta noventa cien ciento mil millón "
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh "
    "ratus ribu juta miliar".split()
)
# A count in words, a quantity without one ("several", "varios", "beberapa") or a
# frequency ("every day", "cada semana", "setiap hari": "How many times a week...?").
_COUNT_WORDS = (
    sorted(NUMBER_WORDS)
    + (
        "hundreds thousands millions billions dozen dozens several many few couple half both "
        "single twice daily weekly monthly yearly annually "
        "cientos miles millones docena docenas varios varias muchos muchas pocos pocas mitad "
        "ambos ambas diario diaria semanal mensual anual "
        "beberapa banyak separuh setengah"
    ).split()
)
# "every", "cada", "setiap" count as a frequency only: "every week", "cada dos días",
# "setiap hari"; "Every child gets a login" gives no number ("How many kids in a group?").
_EVERY = (
    r"(?:every|each|cada|setiap|tiap)\s+(?:other\s+)?(?:\d|(?:day|night|week|month|year|hour|"
    r"morning|afternoon|evening|weekend|d[ií]a|noche|semana|mes|año|hora|mañana|tarde|"
    r"hari|malam|minggu|bulan|tahun|jam|pagi|siang|sore|"
    # (the days; "minggu" is a week above)
    rf"{alternatives('en')}|{alternatives('es')}|{alternatives('id', leave_out=('minggu',))}"
    r")s?(?![^\W_])|"
    r"(?:two|three|four|dos|tres|cuatro|dua|tiga|empat)(?![^\W_]))"
)
_STATES_COUNT = re.compile(
    rf"\d|(?<![^\W_])(?:{'|'.join(_COUNT_WORDS)})(?![^\W_])|(?<![^\W_])(?:se|dua|tiga)"
    rf"(?:puluh|ratus|ribu|belas)(?![^\W_])|(?<![^\W_]){_EVERY}",
    re.IGNORECASE,
)


# In what year, asked so: a quote giving no year does not say ("¿En qué año se inventó el
# disco de vinilo?" of a record shop's "un 20 % más"). A year is four digits, or a number
# of an era ("44 BC"), or a year named by its place in time ("last year", "el año
# pasado", "tahun lalu").
_ASKS_YEAR = re.compile(rf"(?<![^\W_])(?:{_YEAR_ASKED})(?![^\W_])", re.IGNORECASE)
YEAR_FIGURE = r"1\d{3}|20\d{2}"  # a year in figures: 1000 to 2099
_STATES_YEAR = re.compile(
    rf"(?<![\d.,])(?:{YEAR_FIGURE})(?![\d.,]?\d)|"
    r"(?<![^\W_])\d{1,4}\s*(?:BC|BCE|AD|CE|a\.\s?C\.|d\.\s?C\.|SM|M)(?![^\W_])|"
    r"(?<![^\W_])(?:(?:last|this|next|that|the same|the following|the previous) year|"
    r"(?:el|este|ese|aquel) (?:mismo )?a[nñ]o(?: (?:pasado|siguiente|anterior))?|"
    r"tahun (?:lalu|ini|depan|itu|berikutnya|sebelumnya))(?![^\W_])",
    re.IGNORECASE,
)


def asks_year(question: str) -> bool:
    """Whether the question asks in what year."""
    return _ASKS_YEAR.search(question) is not None


def states_year(sentence: str) -> bool:
    """Whether the sentence names a year."""
    return _STATES_YEAR.search(sentence) is not None


_YEAR_WRITTEN = re.compile(rf"(?<![\d.,])(?:{YEAR_FIGURE})(?![.,]?\d)")


def years_named(text: str) -> set[str]:
    """The years the text writes in figures ("1880"; "1960" of "the 1960s")."""
    return set(_YEAR_WRITTEN.findall(text))


def asks_count(question: str) -> bool:
    """Whether the question asks how many, in what year or what share."""
    return _ASKS_COUNT.search(question) is not None


def states_count(sentence: str) -> bool:
    """Whether the sentence gives a number, in digits or in words, or a frequency."""
    return _STATES_COUNT.search(sentence) is not None


# How many people: "How many people fit in the sauna?", "¿Cuántas personas caben?",
# "Sekelas berapa orang?", "Satu kelas isinya berapa orang?". A sentence giving a number
# of people answers it in its own words ("seats eight people", "grupos de seis alumnas",
# "maksimal delapan peserta", "sleeps six"), whatever verb the question asks it by: in
# the hand sets' seen part, 10 answerable questions asked so were declined, their pages
# saying "peserta" for "orang" or "alumnos" for "personas" and no verb of the question.
_PEOPLE_ASKED = (
    "people|persons|guests|pupils|students|children|kids|participants|players|adults|"
    "learners|visitors|passengers|diners|campers|teachers|instructors|coaches|staff|"
    "handlers|guides"
)
_PERSONAS = (
    "personas|alumn[oa]s|participantes|jugadores|niñ[oa]s|invitados|huéspedes|asistentes|"
    "pasajeros|comensales"
)
_ORANG = (
    "orang|peserta|murid|siswa|tamu|pemain|pengunjung|petugas|penumpang|guru|gurunya|"
    "pengajar|pengajarnya|pelatih|pelatihnya|instruktur|instrukturnya"
)
_ASKS_PEOPLE = re.compile(
    rf"(?<![^\W_])(?:how many (?:{_PEOPLE_ASKED})|cu[aá]nt[oa]s (?:{_PERSONAS})|"
    # ... or of the askers: "¿Cuántos sois por clase?", "How many of us can come?"
    r"cu[aá]nt[oa]s (?:sois|somos|seremos|cabemos|vamos|entramos)|how many of us|"
    # ... or of anyone going: "¿Cuántos van en cada grupo?"
    r"cu[aá]nt[oa]s (?:van|caben|entran) (?:en|por)|"
    # ... or may take part: "¿Cuántos podemos jugar?", "How many can play?"
    r"cu[aá]nt[oa]s (?:podemos|pueden|puede|se puede) (?:jugar|ir|venir|ser|entrar|"
    r"participar|subir|montar|apuntarnos|apuntarse)|"
    r"how many (?:of us )?can (?:play|come|go|join|take part|ride)|"
    # ... or whether the askers fit: "Somos 6, ¿cabemos en un coche?"
    r"cabemos|cabremos|"
    # ... or, numbering themselves, whether they are taken: "Somos 12, ¿nos la hacéis?",
    # "We're a group of 8, can you do it?", "Kami 20 orang, bisa?"
    r"^\W*(?:somos|seremos|we(?:['’]re| are| will be)(?: a group of)?|"
    r"there(?:['’]ll| will)? be|kami|rombongan)\s+\d+"
    r"(?:\s+(?:personas|people|of us|orang|adults|adultos))?\s*[,.;]|"
    # ... or as a ratio of grown-ups to children: "What is the ratio of staff to
    # children?", "¿Qué ratio de monitores hay?", "Rasio guru dan murid berapa?"
    r"(?:staff|adult|teacher|carer|instructor)[\s-]*(?:to|per)[\s-]*(?:child|children|"
    r"pupil|kid)[\s-]*ratio|ratio of (?:staff|adults|teachers|instructors|carers|leaders)|"
    r"(?:qu[eé]|cu[aá]l es la) (?:ratio|proporci[oó]n) de (?:monitor|profesor|alumn|niñ)\w*|"
    r"rasio (?:guru|pengajar|pendamping|pengasuh|murid|siswa|anak)|"
    # ... or as people at large: "¿Cuánta gente monta a la vez?"
    r"cu[aá]nta gente|"
    # ... and children counted: "Sekelas isinya berapa anak?" (not "anak berapa tahun")
    r"berapa anak(?! ?(?:tahun|umur|usia|bulan|kecil))|"
    # ("Muridnya per kelas ada berapa?")
    rf"berapa (?:{_ORANG})|(?:{_ORANG})(?:nya)? (?:(?:per|tiap|setiap) \w+ )?(?:ada )?"
    r"berapa(?! ?(?:tahun|umur|usia|bulan|"
    r"kali|jam|lama|hari|rupiah|rp)))(?![^\W_])",
    re.IGNORECASE,
)
_PEOPLE = (
    rf"{_PEOPLE_ASKED}|person|guest|pupil|student|child|participant|player|adult|member|"
    r"ringers|staff|members|riders|divers|jinetes|"
    rf"{_PERSONAS}|personas?|alumn[oa]|participante|jugador|plazas|socios|"
    rf"{_ORANG}|anak|santri|anggota|terapis|teknisi"
)
# ... not an amount: "Adults pay £22 and children..."
_COUNTED = rf"(?:(?<![$€£¥\d.,])\d+(?![.,]\d)(?!\s*(?:€|euros?|pounds?))|{'|'.join(_COUNT_WORDS)})"
_STATES_PEOPLE = re.compile(
    rf"(?<![^\W_])(?:{_COUNTED}(?:\s+[\w-]+){{0,2}}?\s+(?:{_PEOPLE})|"
    rf"(?:seats|sleeps|sleep|holds|fits|carries|takes|accommodates|caben|hasta|capacidad para|"
    rf"capacity (?:of|for)|kapasitas|menampung|maksimal|maksimum|maximum|máximo|up to|"
    # ... or a group's size: "for groups of 4 to 12", "grupos de hasta 8"
    rf"groups? of(?: up to)?|grupos? de(?: hasta)?|"
    # ... or a limit: "Places are limited to eight per class", "limitado a 12", "Groups
    # are no bigger than twelve"
    rf"limited to|limitad[oa]s? a|dibatasi|"
    rf"(?:groups?|classes?|grupos?|clases?)(?: are| is| son| es)? (?:no (?:bigger|larger) than|"
    rf"(?:of )?no more than|de no m[aá]s de|de como m[aá]ximo))"
    rf"\s+{_COUNTED}|"
    # ... or so many to a class: "eight per class", "diez por grupo", "10 per kelas"
    rf"{_COUNTED}\s+(?:per|a|each|por|cada|tiap|setiap)\s+(?:class|session|group|lesson|"
    rf"course|clase|sesión|sesion|grupo|curso|kelas|sesi|kelompok|workshop|taller|tour|"
    rf"trip|salida))(?![^\W_])",
    re.IGNORECASE,
)
PEOPLE_WORDS = frozenset(
    "how many people persons guests pupils students children kids participants players "
    "adults learners visitors cuántos cuantos cuántas cuantas personas alumnos alumnas "
    "participantes jugadores niños niñas invitados huéspedes asistentes berapa orang "
    "peserta murid siswa tamu pemain pengunjung petugas ada isinya isi dalam satu sekelas "
    "setiap tiap per each every cada por group groups grupo grupos kelompok fit fits sleep "
    # (whom a thing serves: "How many people will two tiers feed?")
    "feed feeds serve serves "
    # ... and the askers numbering themselves: "Somos 12, ¿nos la hacéis?"
    "group rombongan hacéis haceis hacen atendéis atendeis aceptáis aceptais "
    "sleeps seat seats hold holds take takes come invite caben cabe caber entran admite "
    "admitís admiten muat menampung maximum máximo maksimal most sois somos seremos "
    "cabemos coinciden coincidimos coincide of us vamos entramos entra cuánta cuanta gente "
    "vez inside dibatasi "
    # (a ratio asked: "What is the ratio of staff to children?")
    "ratio rasio proporción proporcion staff to adult teacher carer instructor child "
    "pupil kid leaders monitores cuál cual la "
    # (all together: "How many people fit inside at once?", "at a time", "sekaligus")
    "once time same sekaligus bersamaan "
    "podemos pueden puede se jugar ir venir ser entrar participar subir montar apuntarnos "
    "apuntarse can play go join part ride "
    # (how many are needed: "¿Cuántos niños hacen falta para un cumpleaños?", set FF)
    "hace hacen falta necesita necesitan necesitáis necesitais need needed minimum "
    "mínimo minimo perlu butuh minimal".split()
)


def asks_people(question: str) -> bool:
    """Whether the question asks how many people (come, fit, are in a class)."""
    return _ASKS_PEOPLE.search(question) is not None


def states_people(sentence: str) -> bool:
    """Whether the sentence gives a number of people ("seats eight people", "sleeps
    six", "maksimal delapan peserta")."""
    return _STATES_PEOPLE.search(sentence) is not None
