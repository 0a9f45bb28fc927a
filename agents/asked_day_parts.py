"""A part of the day asked of pages that give none like it: "Kelas dewasa ada yang
malam?" of "Kelas dewasa setiap Minggu pukul 10.00 sampai 12.00", "¿Hay vuelos al
atardecer?" of pages on a flight's length and price, "Do you do afternoon treks?" of "A
morning trek ... starting at 10 am". The encoder puts such a question beside the
sentence on the thing asked at another time (set EX's first run, 2026-12-06, answered
both; set EW's the third). A page holds the part asked when it names a part of the day
around the same hours, or gives a time or a span of hours within it ("classes at 7 pm"
holds the evening); whether it is open then is the hours' question, read elsewhere.
"""

from __future__ import annotations

import re

from agents.answerability import SENTENCE_BREAK

# Each part of the day by its words, and the hours it spans (from, to; past midnight
# over 24): Spanish "tarde" runs later than English "afternoon", Indonesian "sore" ends
# where "malam" begins.
_PARTS = {
    "morning": ("morning mornings", 5, 12),
    "midday": ("midday noon lunchtime mediodía mediodia siang", 11, 14),
    "afternoon": ("afternoon afternoons", 12, 18),
    "evening": ("evening evenings", 17, 22),
    "night": ("night nights nightly floodlit", 19, 29),
    "dawn": ("dawn sunrise daybreak amanecer subuh fajar", 4, 8),
    "dusk": ("dusk sunset sundown twilight atardecer anochecer senja", 17, 21),
    "mañana": ("mañana mañanas manana mananas", 5, 13),
    "tarde": ("tarde tardes", 13, 21),
    "noche": ("noche noches nocturno nocturna nocturnos nocturnas", 20, 29),
    "madrugada": ("madrugada", 0, 6),
    "pagi": ("pagi", 4, 11),
    "sore": ("sore", 15, 18.5),
    "malam": ("malam", 18, 28),
}
_SPAN = {word: (start, end) for words, start, end in _PARTS.values() for word in words.split()}
# Spanish "mañana" and "tarde" alone are tomorrow and late: a part of the day after "por
# la", "de", "a la", "las" or "esta" ("por la mañana", "en horario de mañana", "esta
# noche"; their plurals are the parts: "dos tardes por semana").
_SPANISH_ARTICLED = frozenset("mañana manana tarde".split())
_PART = re.compile(
    r"(?<![^\W_])(?:(?P<article>(?:por|de|a|en) la|las|esta|esa|de)\s+)?"
    rf"(?P<part>{'|'.join(sorted(_SPAN, key=len, reverse=True))})(?![^\W_])",
    re.IGNORECASE,
)
# Not a greeting ("Good morning", "Buenas tardes", "Selamat malam"), nor nights counted
# ("two nights", "2 malam", "dos noches", "per malam", "¿Cuántas noches?"): a stay's
# length; nor a meal ("makan malam").
_NOT_A_PART = re.compile(
    r"(?<![^\W_])(?:good|buen[oa]s|selamat|met|\d+|a|one|two|three|four|five|six|seven|"
    r"per|una|dos|tres|cuatro|cinco|por|satu|dua|tiga|empat|lima|\w+ty|how many|"
    r"cu[aá]nt[oa]s|berapa|m[ií]nimo de|m[aá]ximo de|makan)\s*$",
    re.IGNORECASE,
)
# ... nor the night before a thing ("the night before", "la noche anterior"), nor this
# very evening or morning ("esta tarde", "malam ini", "sore ini"), nor a time asked in a
# condition ("Si mi conejo se pone malo de noche...", "Kalau pesan pagi..."): the asker's
# moment, which a page serving at any hour or the same day answers, not a time of theirs.
_RELATIVE = re.compile(
    r"(?<![^\W_])(?:(?:night|noche|malam)\s+(?:before|anterior|antes|sebelumnya)|"
    r"(?:esta|this)\s+(?:mañana|manana|tarde|noche|morning|afternoon|evening)|tonight|"
    r"(?:pagi|siang|sore|malam)\s+ini|nanti\s+(?:pagi|siang|sore|malam)|"
    r"if|si|kalau|kalo|jika|bila|apabila)(?![^\W_])",
    re.IGNORECASE,
)
# ... nor whether the one thing is at that time ("¿Las clases son por la mañana?", "Is
# the tour in the evening?"): the time a page gives answers it, other or not.
_ASKS_WHETHER_IT_IS = re.compile(
    r"^\W*(?:(?:are|is|was|were)\s+(?:the|your|it|they)(?![^\W_])|"
    r"(?:las|los|el|la)\s+\S+\s+(?:son|es|est[aá]n?)(?![^\W_])|(?:son|es)(?![^\W_]))",
    re.IGNORECASE,
)
# A page serving at any hour holds every part of the day: "24/7", "24 horas", "día y
# noche", "any time".
_ANY_HOUR = re.compile(
    r"24/7|(?<!\d)24[\s-]*(?:hours?|horas|jam|h)(?![^\W_])|(?<![^\W_])(?:day and night|"
    r"d[ií]a y noche|siang (?:dan |maupun )?malam|any ?time|at any hour|a cualquier hora|"
    r"kapan (?:saja|pun))(?![^\W_])",
    re.IGNORECASE,
)
# A time of day: "10 am", "4.30 pm", "19:00", "10.00" (two figures of minutes, not a
# price's: "£10.50", "Rp40.000"), "17 h".
_CLOCK = re.compile(
    r"(?<![\d£$€.,:])(?P<hour>\d{1,2})(?:[:.](?P<minutes>\d{2}))?\s*"
    r"(?P<mark>a\.?m\.?|p\.?m\.?|h(?:rs)?|wib|wita|wit)?(?![\d.,]?\d)(?![^\W_])",
    re.IGNORECASE,
)
_NOT_A_TIME_AFTER = re.compile(r"\s*(?:€|euros?|eur|dollars?|pounds?|%)", re.IGNORECASE)


def parts_asked(question: str) -> list[tuple[float, float]]:
    """The hours of each part of the day the question names as one asked of (not a
    greeting, nights counted, a meal, the asker's own moment, nor the one thing's time:
    none is then)."""
    if _RELATIVE.search(question) or _ASKS_WHETHER_IT_IS.match(question):
        return []
    return [
        _SPAN[found["part"].lower()]
        for found in _parts(question)
        if not _NOT_A_PART.search(question[: found.start("part")])
    ]


def _parts(text: str) -> list[re.Match[str]]:
    """The parts of the day the text names, Spanish "mañana" and "tarde" only articled."""
    return [
        found
        for found in _PART.finditer(text)
        if found["part"].lower() not in _SPANISH_ARTICLED or found["article"]
    ]


def _parts_named(text: str) -> list[tuple[float, float]]:
    """The hours of each part of the day a page names, whatever its sentence says."""
    return [_SPAN[found["part"].lower()] for found in _parts(text)]


# A span of bare hours ("de 9 a 18", "dari jam 8 sampai 17"), and a time things go on
# from ("after 4 pm", "a partir de las 19:00"): some hours past it.
_BARE_SPAN = re.compile(
    r"(?<![^\W_])(?:de|from|dari|jam|pukul)\s+(?P<start>\d{1,2})\s*(?:a|to|-|–|sampai|hingga|"
    r"until|till)\s*(?:las\s+|jam\s+|pukul\s+)?(?P<end>\d{1,2})(?![\d.,:]?\d)",
    re.IGNORECASE,
)
_ONWARDS = re.compile(
    r"(?<![^\W_])(?:after|from|desde|a partir de|mulai|sejak|setelah)\s+(?:las\s+|jam\s+|"
    r"pukul\s+)?$",
    re.IGNORECASE,
)
_LATER = 6  # hours "after 4 pm" is read to run on


def _spans(sentence: str) -> list[tuple[float, float]]:
    """The hours the sentence's times span: from its first to its last, each one after
    "after" to some hours later, or a bare span ("de 9 a 18")."""
    spans = [
        (float(found["start"]), float(found["end"]))
        for found in _BARE_SPAN.finditer(sentence)
        if int(found["start"]) < int(found["end"]) <= 24
    ]
    times = _times(sentence)
    if len(times) > 1:
        spans.append((min(times), max(times)))
    for found in _CLOCK.finditer(sentence):
        onwards = _ONWARDS.search(sentence[: found.start()])
        if onwards and (later := _times(found.group())):
            spans.append((later[0], later[0] + _LATER))
    spans += [(time, time + 0.01) for time in times]
    return spans


def _times(text: str) -> list[float]:
    """The times of day the text gives, as hours (4.30 pm as 16.5)."""
    times = []
    for found in _CLOCK.finditer(text):
        mark = (found["mark"] or "").lower().replace(".", "")
        if not mark and not found["minutes"]:
            continue  # a bare number: a count, a price, an age
        if _NOT_A_TIME_AFTER.match(text, found.end()):
            continue
        hour = int(found["hour"]) % 12 if mark in ("am", "pm") else int(found["hour"])
        if hour > 24:
            continue
        hour += 12 if mark == "pm" else 0
        times.append(hour + int(found["minutes"] or 0) / 60)
    return times


def _overlaps(asked: tuple[float, float], start: float, end: float) -> bool:
    """Whether the hours `start` to `end` reach into the part asked (past midnight as
    over 24)."""
    low, high = asked
    return any(start + shift < high and end + shift > low for shift in (0, 24))


def holds_part(text: str, asked: tuple[float, float]) -> bool:
    """Whether the text names a part of the day about the hours asked (the middle of
    either within the other), or gives a time or a span of hours reaching into them."""
    low, high = asked
    if _ANY_HOUR.search(text):
        return True
    for start, end in _parts_named(text):
        if low <= (start + end) / 2 < high or start <= (low + high) / 2 < end:
            return True
    return any(
        _overlaps(asked, start, end)
        for sentence in SENTENCE_BREAK.split(text)
        for start, end in _spans(sentence)
    )


def part_unheld(question: str, texts: list[str]) -> bool:
    """Whether the question names parts of the day and no text holds any of them
    (`holds_part`): with two named, one may be the asker's own ("Trabajo por las
    mañanas, ¿hay clases de tarde?")."""
    asked = parts_asked(question)
    return bool(asked) and not any(holds_part(text, part) for part in asked for text in texts)
