"""The weather to come: "¿Qué tiempo hará mañana en Tudela?" of a hardware shop's pages,
"What's the weather like this weekend?" of a kayak trip's, "Cuaca besok di Bali gimana?"
of a boat hire's. No page of a service says what the weather will be on a day to come;
its nearest sentence (the shop's street in Tudela) is no answer. What they do if the
weather is bad is another question ("What happens if it rains tomorrow?", "Kalau besok
hujan tetap jalan?"), which their pages answer, and the climate of a month ("¿Qué tiempo
hace en agosto?") may be on a holiday cottage's: neither is read as asking the weather
to come.

That other question is read here too (`asks_weather_condition`): a page answers it in
its sentence on the weather, whatever other words the two share.
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


# What they do on a condition of the weather: "Is it cancelled if it rains?", "What if
# the weather is bad?", "¿Qué pasa si hace mal tiempo?", "Kalau hujan gimana?". A page
# answers in its sentence on the weather ("Si el tiempo no permite volar, cambiamos la
# fecha", "Rides are moved to another day in heavy rain"), which seldom shares another
# word: of the hand sets' such questions (A to EX), fifteen answerable ones were declined
# for that.
_WEATHER = (
    r"rain|rains|raining|rainy|rainfall|weather|wind|winds|windy|storms?|stormy|snow|snows|"
    r"snowing|snowy|icy|fog|foggy|downpours?|drizzl\w*|forecast|lluvia|lluvias|llueve|"
    r"llover|lloviendo|llovizn\w*|viento|vientos|tormentas?|nieve|nieva|niebla|temporal|"
    r"hujan|gerimis|cuaca|angin|badai|banjir|kabut"
)
# The condition as one asks it of a day out: the weather, or "it", raining, windy, bad
# ("if it rains", "if the weather is bad", "si llueve", "si hace mal tiempo", "kalau
# hujan"), not what a thing does when it meets the weather ("What happens when ice
# melts?", a reference work's).
_ASKS_WEATHER_CONDITION = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:if|in case|when)\s+(?:(?:it(?:'s|’s| is| was)?|there(?:'s|’s| is)(?: an?)?)"
    rf"(?:\s+\S+){{0,3}}?\s+(?:{_WEATHER}|pours? down|pouring)|the weather)|"
    r"(?:si|cuando|en caso de)(?:\s+\S+){0,3}?\s+(?:llueve|nieva|llovizna|lloviera|"
    r"mal tiempo|el tiempo|hace (?:viento|fr[ií]o|aire)|hay (?:lluvia|tormenta|viento|"
    r"temporal|niebla))|"
    r"(?:kalau|kalo|jika|bila|apabila|seandainya|pas|saat)(?:\s+\S+){0,3}?\s+(?:hujan|"
    r"gerimis|cuaca|angin|badai|banjir|ombak|gelombang)|"
    # ... or the sea's: "Kalau ombak besar bagaimana?" (set FI), "¿Y si hay mucho oleaje?",
    # "What if the sea is rough?"
    r"(?:si|cuando)(?:\s+\S+){0,3}?\s+(?:hay (?:mucho )?(?:oleaje|olas)|el mar est[aá])|"
    r"(?:if|when)\s+(?:the )?(?:sea|waves?)(?:\s+\S+){0,2}?\s+(?:rough|big|high|choppy)|"
    r"in (?:the|bad|heavy) (?:rain|weather|wind|snow)|en d[ií]as? de (?:lluvia|viento))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_WEATHER = re.compile(
    # ("tiempo" alone is as often time: "a tiempo completo")
    rf"(?<![^\W_])(?:{_WEATHER}|weather permitting|(?:el )?tiempo (?:no )?(?:lo )?"
    r"(?:permite|acompaña)|(?:mal|buen) tiempo|si el tiempo|pron[oó]stico|previsi[oó]n|"
    r"prakiraan|lluvios\w*|hujan\w*|"
    # (... or the sea's: "Si el mar está revuelto, la salida se cancela")
    r"revuelto|oleaje|rough seas?|swell|ombak|gelombang)(?![^\W_])",
    re.IGNORECASE,
)
# The words of asking what happens then, which no page need hold.
WEATHER_WORDS = frozenset(
    "if when what happens happen about is it cancelled canceled cancel cancels called off "
    "still go ahead on the day bad awful terrible heavy too rain rains raining rainy "
    "weather wind windy storm stormy snow snows snowing pours pour pouring down downpour "
    "wet si qué que pasa pasaría y hace hay mal malo cuando ese día se cancela cancela "
    "suspende lluvia llueve llover lloviendo tiempo viento tormenta nieve nieva kalau kalo "
    "jika bila gimana bagaimana tetap jalan batal dibatalkan hujan deras cuaca buruk angin "
    "kencang badai "
    # ... and the sea's
    "ombak gelombang besar tinggi oleaje olas mucho mar revuelto sea waves wave rough big "
    "high choppy".split()
)


def asks_weather_condition(question: str) -> bool:
    """Whether the question asks what happens on a condition of the weather (not what
    the weather will be: `asks_weather_to_come`)."""
    return _ASKS_WEATHER_CONDITION.search(question) is not None and not asks_weather_to_come(
        question
    )


def speaks_of_weather(sentence: str) -> bool:
    """Whether the sentence speaks of the weather."""
    return _SPEAKS_OF_WEATHER.search(sentence) is not None


# The kinds of weather, each by its words: asked of one, a sentence on another does not
# tell it ("What if it is rainy?" of "Inflatables are taken down in winds over 20 mph").
_KINDS = {
    kind: re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", re.IGNORECASE)
    for kind, words in {
        "rain": r"rain\w*|drizzl\w*|downpours?|pours?|pouring|wet|lluvi\w*|llueve|llover|"
        r"lloviendo|llovizn\w*|lloviera|hujan\w*|gerimis",
        "wind": r"wind|winds|windy|gales?|vientos?|aire|angin",
        "snow": r"snow\w*|icy|ice|nieve|nieva|hielo|salju",
        "storm": r"storms?|stormy|thunder\w*|lightning|tormentas?|temporal|badai|petir",
        "fog": r"fog|foggy|mist|misty|niebla|kabut",
        "sea": r"ombak|gelombang|oleaje|olas|revuelto|rough seas?|swell|waves?|choppy",
    }.items()
}

# ... and the weather in general, which tells every kind: "We go out in all weathers
# unless there is a storm warning" answers "Do you cancel when it's raining?"
_ANY_WEATHER = re.compile(
    r"(?<![^\W_])(?:weathers?|tiempo|cuaca|forecast|pron[oó]stico|previsi[oó]n|prakiraan)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def tells_weather(sentence: str, question: str) -> bool:
    """Whether a sentence on the weather tells what the question asks of it: of the kind
    of weather it names, if any (bad weather in general, or a forecast, any sentence on
    the weather tells), or of the weather in general ("in all weathers")."""
    asked = {kind for kind, words in _KINDS.items() if words.search(question)}
    return (
        not asked
        or any(_KINDS[kind].search(sentence) for kind in asked)
        or not any(words.search(sentence) for words in _KINDS.values())
        or _ANY_WEATHER.search(sentence) is not None
    )
