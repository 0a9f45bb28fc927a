"""The weather to come: "¿Qué tiempo hará mañana en Tudela?" of a hardware shop's pages,
"What's the weather like this weekend?" of a kayak trip's, "Cuaca besok di Bali gimana?"
of a boat hire's. No page of a service says what the weather will be on a day to come;
its nearest sentence (the shop's street in Tudela) is no answer. What they do if the
weather is bad is another question ("What happens if it rains tomorrow?", "Kalau besok
hujan tetap jalan?"), which their pages answer, and the climate of a month ("¿Qué tiempo
hace en agosto?") may be on a holiday cottage's: neither is read as asking the weather
to come.
"""

from __future__ import annotations

import re

from agents.weekdays import alternatives

# A day to come, or now: "tomorrow", "this weekend", "el sábado", "besok", "minggu ini".
# ("por la mañana" is the morning, not tomorrow.)
_SOON = (
    r"(?:today|tonight|tomorrow|now|this (?:weekend|week|morning|afternoon|evening)|"
    rf"next (?:week|weekend)|on (?:{alternatives('en')})|"
    r"hoy|(?<!la )(?<!las )mañana|manana|ahora|este fin de semana|"
    rf"esta semana|(?:el|este) (?:{alternatives('es')})|"
    r"besok|lusa|hari ini|nanti|sekarang|minggu ini|akhir pekan|"
    rf"(?:hari )?(?:{alternatives('id')}) (?:ini|depan))"
)
# Asking what it will be like, on a day to come ...
_ASKS_WEATHER = re.compile(
    r"(?<![^\W_])(?:(?:what(?:'s| is| will)|how(?:'s| is| will)) the weather|"
    r"(?:will|is) it (?:going to )?(?:rain|snow|be (?:sunny|windy|hot|cold|dry|wet))|"
    r"qu[eé] tiempo (?:har[aá]|va a hacer|hace)|c[oó]mo (?:ser[aá]|estar[aá]|est[aá]) el tiempo|"
    r"(?:va a|vaya a) llover|cuaca(?:nya)?|(?:apakah|apa) (?:besok|nanti) (?:hujan|cerah))",
    re.IGNORECASE,
)
# ... or the forecast itself, for any day
_ASKS_FORECAST = re.compile(
    r"(?<![^\W_])(?:weather forecast|(?:previsi[oó]n|pron[oó]stico) del tiempo|prakiraan cuaca)",
    re.IGNORECASE,
)
# ... not what happens on a condition of it: "If it rains tomorrow, do you cancel?"
_CONDITION = re.compile(
    r"(?<![^\W_])(?:if|in case|si|en caso de|kalau|kalo|jika|jikalau|bila|apabila|seandainya)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SOON_WORD = re.compile(rf"(?<![^\W_]){_SOON}(?![^\W_])", re.IGNORECASE)
# ... or the weather now, asked as such: "¿Qué tiempo hace en Lugo?" (not "¿Qué tiempo
# hace falta?", how long is needed), "What's the weather like in Whitby?"
_ASKS_WEATHER_NOW = re.compile(
    r"(?<![^\W_])(?:qu[eé] tiempo hace(?! falta)|what(?:'s| is) the weather like|"
    r"bagaimana cuaca(?:nya)?)(?![^\W_])",
    re.IGNORECASE,
)
# ... not of a month, a season or a part of the day: a climate a page may speak of
# ("¿Qué tiempo hace en Valencia en agosto?")
_CLIMATE = re.compile(
    r"(?<![^\W_])(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|spring|summer|autumn|winter|morning|evening|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|primavera|"
    r"verano|oto[nñ]o|invierno|mañana|tarde|noche|januari|februari|maret|mei|juni|juli|"
    r"agustus|oktober|desember|kemarau|hujan|musim|pagi|sore|malam)(?![^\W_])",
    re.IGNORECASE,
)


def asks_weather_to_come(question: str) -> bool:
    """Whether the question asks what the weather will be, now or on a day to come, not
    what happens on a condition of it."""
    forecast = _ASKS_FORECAST.search(question)
    weather = _ASKS_WEATHER.search(question) if _SOON_WORD.search(question) else None
    now = None if _CLIMATE.search(question) else _ASKS_WEATHER_NOW.search(question)
    asked = forecast or weather or now
    return asked is not None and _CONDITION.search(question[: asked.start()]) is None
