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

_ASKS_COUNT = re.compile(
    r"(?<![^\W_])(?:how many|(?:in )?(?:what|which) year|what (?:percentage|percent|proportion)|"
    r"cu[aá]nt[oa]s|(?:en )?qu[eé] a[nñ]o|qu[eé] porcentaje|berapa (?:banyak|jumlah)|"
    r"(?:pada )?tahun berapa)(?![^\W_])",
    re.IGNORECASE,
)
# A count in words, a quantity without one ("several", "varios", "beberapa") or a
# frequency ("every day", "cada semana", "setiap hari": "How many times a week...?").
_COUNT_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "dozen dozens several many few couple half both single twice every each daily weekly "
    "monthly yearly annually "
    "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien "
    "ciento cientos mil miles millón millones docena docenas varios varias muchos muchas "
    "pocos pocas mitad ambos ambas cada diario diaria semanal mensual anual "
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh "
    "ratus ribu juta miliar beberapa banyak separuh setengah setiap tiap"
).split()
_STATES_COUNT = re.compile(
    rf"\d|(?<![^\W_])(?:{'|'.join(_COUNT_WORDS)})(?![^\W_])|(?<![^\W_])(?:se|dua|tiga)"
    r"(?:puluh|ratus|ribu|belas)(?![^\W_])",
    re.IGNORECASE,
)


def asks_count(question: str) -> bool:
    """Whether the question asks how many, in what year or what share."""
    return _ASKS_COUNT.search(question) is not None


def states_count(sentence: str) -> bool:
    """Whether the sentence gives a number, in digits or in words, or a frequency."""
    return _STATES_COUNT.search(sentence) is not None
