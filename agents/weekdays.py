"""The days of the week as English, Spanish and Indonesian write them, Monday first: the
one list the patterns and word sets that ask or give a day are built from
(agents.asked_facts, agents.asked_counts, agents.answerability)."""

from __future__ import annotations

WEEKDAYS = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "id": ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"),
}
WORKING_DAYS = tuple(day for days in WEEKDAYS.values() for day in days[:5])
WEEKEND_DAYS = tuple(day for days in WEEKDAYS.values() for day in days[5:])

_PLAIN = {"á": "a", "é": "e"}


def unaccented(day: str) -> str:
    """As askers often type it: "miercoles", "sabado"."""
    return "".join(_PLAIN.get(letter, letter) for letter in day)


def plural(day: str, language: str) -> str:
    """The plural askers write: "mondays", "sábados"; a Spanish day ending in "s" is its
    own, and Indonesian writes none."""
    return day if language == "id" or day.endswith("s") else day + "s"


def alternatives(language: str, *, leave_out: tuple[str, ...] = ()) -> str:
    """The language's days as regular-expression alternatives, accents optional
    ("mi[eé]rcoles")."""
    return "|".join(
        "".join(f"[{_PLAIN[c]}{c}]" if c in _PLAIN else c for c in day)
        for day in WEEKDAYS[language]
        if day not in leave_out
    )
