"""Facts people ask in a few words of their own and pages give in theirs: when a place
is open, where it is, how to reach it, how to pay, how much notice to give. "¿Cuál es el
horario?" shares no word with "El taller abre de lunes a viernes de 8:00 a 18:00", and a
decision weighing shared words and closeness declines it; a sentence giving opening
hours answers it all the same.

Each fact: whether a question asks it (narrow patterns in English, Spanish and
Indonesian: "Where is Kenya located?" is not asking a shop's address), whether a
sentence gives it (a range of clock times, a street address, a telephone number, an
email address, a means of payment, a notice), and the words that only ask it (not
things the pages must hold).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from agents.answerability import (
    CALENDAR_WORDS,
    LANGUAGE_NAMES,
    asks_price,
    destinations,
    has_digit,
    key_terms,
    read_with,
    states_price,
    terms_of,
    words_of,
)
from agents.asked_accepted import ACCEPTED_WORDS, asks_accepted, states_accepting
from agents.asked_allergies import ALLERGY_WORDS, asks_allergy, states_allergy
from agents.asked_area import (
    AREA_WORDS,
    ONLINE_PLACES,
    asks_area_served,
    states_area_served,
    tells_area_asked,
)
from agents.asked_arrival import ARRIVAL_WORDS, asks_arrival, states_arrival
from agents.asked_counts import NUMBER_WORDS, PEOPLE_WORDS, asks_people, states_people
from agents.asked_delivering import (
    ASKS_TO_DELIVER,
    DELIVERING_WORDS,
    asks_of_files,
    speaks_of_delivering,
)
from agents.asked_experience import EXPERIENCE_WORDS, asks_experience, states_experience
from agents.asked_file_format import FILE_FORMAT_WORDS, asks_file_format, names_file_format
from agents.asked_frequency import (
    FREQUENCY_WORDS,
    asks_frequency,
    states_frequency_or_rate,
    tells_frequency,
)
from agents.asked_measures import (
    AHEAD_OF,
    DISTANCE_WORDS,
    DURATION_WORDS,
    LENGTH_IN_A_WORD,
    SIZE_WORDS,
    TEMPERATURE_WORDS,
    asks_distance,
    asks_duration,
    asks_size,
    asks_temperature,
    asks_warmth,
    states_distance,
    states_duration,
    states_size,
    states_temperature,
    states_warmth,
)
from agents.asked_one_thing import ONE_THING_WORDS, asks_one_thing, names_anything
from agents.asked_parking import PARKING_WORDS, asks_parking, states_parking
from agents.asked_same_day import SAME_DAY_WORDS, asks_same_day, states_same_day
from agents.asked_to_bring import (
    BRING_WORDS,
    asks_to_bring,
    asks_whether_to_bring,
    tells_what_to_bring,
    tells_what_to_wear,
)
from agents.asked_weather import (
    WEATHER_WORDS,
    asks_weather_condition,
    speaks_of_weather,
    tells_weather,
)
from agents.unspoken import unspoken
from agents.weekdays import (
    WEEKDAYS,
    WEEKEND_DAYS,
    WORKING_DAYS,
    alternatives,
    plural,
    unaccented,
)
from knowledge.encoders.languages import guess

# A question asking when a place is open, as people ask it ("What are your opening
# hours?", "¿Cuál es el horario?", "Jam berapa buka?"), and the words that only say so:
# a page giving the hours answers it whatever words it uses ("abre de 8:00 a 18:00").
_ASKS_HOURS = re.compile(
    r"(?<![^\W_])(?:(?:opening|business|office|working) (?:hours|times)|your hours|"
    r"hours of (?:operation|business)|horarios?|"
    r"jam (?:buka|operasional|kerja|layanan)|buka jam|"
    # "Tutup jam berapa?", "Buka dari jam berapa?"
    r"(?:buka|tutup)(?: dari| sampai| mulai)? jam berapa|"
    # ... or whether it is still open: "Malam-malam jam sepuluh masih buka?"
    r"masih buka|still open|todav[ií]a abiert[oa]s?|a[uú]n abiert[oa]s?|siguen? abiert[oa]s?|"
    # ... or whether they come out at night: "Bisa dipanggil tengah malam?", "Can you come
    # out at night?", "¿Venís de madrugada?"
    r"(?:dipanggil|dihubungi|datang|call (?:you )?(?:out )?|come (?:out )?|venir|ven[ií]s|"
    r"llamaros|llamar)\s*(?:tengah malam|malam hari|malam-malam|at midnight|at night|"
    r"in the night|de madrugada|de noche|por la noche|a medianoche))"
    r"(?![^\W_])|"
    r"(?<![^\W_])(?:what time|when (?:do|does|is|are)|a qu[eé] hora|"
    r"hasta qu[eé] hora|cu[aá]ndo|kapan|jam berapa)(?![^\W_]).*"
    r"(?<![^\W_])(?:open|opens|close|closes|closed|shut|shuts|abre|abren|abr[ií]s|cierra|"
    r"cierran|cerr[aá]is|abierto|abierta|(?:buka|tutup)(?:nya)?)(?![^\W_])",
    re.IGNORECASE,
)
HOURS_WORDS = (
    frozenset(
        "opening hours times business office working open opens close closes closed shut shuts "
        "horario horarios hora abre abren cierra cierran abierto abierta tienen tiene jam buka "
        "tutup operasional kerja layanan abrís abris cerráis cerrais tenéis teneis work works "
        "working trabaja trabajan trabajáis trabajais bekerja".split()
    )
    | frozenset(  # the days asked about: hours that leave one out still answer
        "weekend weekends bank public holiday holidays festivo festivos fines semana akhir pekan "
        "hari libur abierto abiertos abierta abiertas cerrado cerrados "
        # ... whether it is still (or also) open: "Siang-siang jam dua masih buka?",
        # "¿Venís también los fines de semana?"
        "still masih todavía todavia aún aun también tambien also too juga "
        # ("¿Seguís abiertos en octubre?": still open, by Spain's verb)
        "seguís seguis sigue siguen seguimos "
        # ... and the weekend, which a page gives by its days ("de lunes a domingo"), and
        # weekdays ("Can I come on a weekday evening?" of "Wednesdays 5 pm to 7 pm")
        "weekend weekends fin fines semana finde akhir pekan weekday weekdays biasa entre "
        # ... and the parts of a day, asked as a day is: "¿Abren por la tarde?"
        "morning mornings afternoon afternoons evening evenings mañana mañanas manana tarde "
        "tardes noche noches pagi siang sore malam midday noon lunch lunchtime mediodía night "
        "nights "
        "mediodia tengah midnight madrugada medianoche dipanggil dihubungi datang call out "
        "come venir venís venis llamar llamaros "
        # ... or whether one may come or go then: "¿Se puede ir un lunes al estudio?" (set
        # FF, of "Abrimos de martes a sábado")
        "can could may puede pueden puedo podemos podéis podeis ir go pasar pasarme bisa "
        "boleh "
        # ... tonight, early or late, first or last thing, whose hours the page's give:
        # "Until what time are you open tonight?", "Un lunes a primera hora, ¿os pillo
        # abiertos?", "Are you open late on Thursdays?"
        "tonight until till hasta sampai early late temprano pronto primera última ultima "
        # ... and finding them open, as Spain says it; or them there: "¿El viernes por la
        # tarde estáis?"
        "pillo pillamos pillar estáis estais están estan available disponible disponibles".split()
    )
    | frozenset(  # ... and the days by name, as pages and askers write them
        form
        for language, days in WEEKDAYS.items()
        for day in days
        for spelt in (day, unaccented(day))
        for form in (spelt, plural(spelt, language))
    )
)
# What gives hours: a range of times of day ("7 am to 10 pm", "8:00 a 18:00", "09.00
# sampai 21.00", "9-17 h"; a time marked by its minutes or its am, pm or h, so that "de
# 2 a 3 días" is not one), or being open all day.
_TIME = r"\d{1,2}(?:[:.]\d{2})?(?:\s*(?:a\.?m\.?|p\.?m\.?|h|hrs|wib|wita|wit)(?![^\W_]))?"
# Open all day: "24/7", "24 hours a day", "24 jam setiap hari", "open 24 hours", "buka
# 24 jam", "Atendemos urgencias las 24 horas"; not "cancel up
# to 24 hours before".
_OPEN_ALL_DAY = re.compile(
    r"24/7|(?<!\d)24\s*(?:hours|horas|jam|h) (?:a day|al d[ií]a|sehari|per day|every day|"
    r"each day|todos los d[ií]as|setiap hari|tiap hari)|"
    r"(?<![^\W_])(?:open|opens|abierto|abierta|abre|abren|buka|atendemos|atiende|atienden|"
    r"trabajamos|melayani|siaga)(?![^\W_])\D{0,20}?(?<!\d)"
    r"24\s*(?:hours|horas|jam|h)(?![^\W_])",
    re.IGNORECASE,
)
# ... or noon, midnight ("Open daily from noon to 10 pm", "de mediodía a 16:00").
_NOON = r"(?<![^\W_])(?:noon|midday|midnight|mediod[ií]a|medianoche)(?![^\W_])"
_TIME_RANGE = re.compile(
    rf"(?<![\d.:])(?:{_TIME}|{_NOON})\s*(?:-|–|—|to|until|till|a|al|hasta|sampai|hingga|s/d|"
    rf"s\.d\.)\s*(?:{_TIME}|{_NOON})(?![\d.:]\d)",
    re.IGNORECASE,
)
_TIME_MARK = re.compile(r"[:.]\d{2}|\d\s*(?:[ap]\.?m\.?|h|hrs|wib|wita|wit)\b", re.IGNORECASE)


# ... or whether it is open on a day ("Are you open on Sundays?", "¿Abren los domingos?",
# "Apakah puskesmas buka hari Minggu?"): the hours, which name the days, answer it.
_DAYS = (
    # (a page wraps its lines anywhere: "en fin de / semana")
    rf"{alternatives('en')}|weekend|weekday|bank\s+holiday|public\s+holiday|"
    rf"{alternatives('es')}|festivo|fin(?:es)?\s+de\s+semana|"
    rf"{alternatives('id')}|akhir\s+pekan|"
    r"hari\s+libur|tanggal\s+merah|entre\s+semana|hari\s+biasa|"
    # parts of a day, which the hours answer as they answer a day
    r"morning|afternoon|evening|night|ma[ñn]ana|tarde|noche|pagi|siang|sore|malam|"
    # ... midday, when shops close for lunch: "¿Cerráis al mediodía?"
    r"midday|noon|lunch(?:time)?|mediod[ií]a"
)
# Whether they work on a day asks it as whether they open does: "Do you work on
# Sundays?", "¿Trabajáis los sábados?", "Kalau hari Minggu tukangnya kerja?".
# (... or coming, of a service that comes to one: "¿Venís los domingos?")
_WORKING = (
    r"work|works|working|trabaja|trabajan|trabaj[aá]is|kerja|bekerja|ven[ií]s|vienen|"
    # ... or are free to: "Are you available on Mondays?", "¿Estáis disponibles el sábado?"
    r"available|disponibles?"
)
_ASKS_OPEN_ON = re.compile(
    rf"(?<![^\W_])(?:(?:are|is)(?![^\W_]).{{0,30}}(?<![^\W_])(?:open|closed)|"
    rf"abren|abre|abr[ií]s|cierran|cierra|cerr[aá]is|"
    rf"est(?:[aá]n?|[aá]is|[aá]s) (?:abiert|cerrad)[oa]s?|buka|"
    rf"tutup|{_WORKING})"
    rf"(?![^\W_]).{{0,20}}(?<![^\W_])(?:{_DAYS})s?(?![^\W_])|"
    rf"(?<![^\W_])(?:hari )?(?:{_DAYS})(?![^\W_]).{{0,15}}(?<![^\W_])(?:buka|tutup|kerja|bekerja)"
    rf"(?![^\W_])|"
    # ... the day asked first: "Un lunes a primera hora, ¿os pillo abiertos?", "On
    # Sundays, are you open?", "¿El viernes por la tarde estáis?" (the question ending
    # there: "Are the evening classes open to beginners?" asks who may come; "¿El lunes
    # dónde estáis?" where they are)
    # ("¿Los viernes abrís?", "¿El domingo cierran?")
    rf"(?<![^\W_])(?:{_DAYS})s?(?![^\W_]).{{0,30}}(?<![^\W_])(?:abiert[oa]s?|cerrad[oa]s?|"
    rf"open|closed|(?<!d[oó]nde )est[aá]is|(?<!d[oó]nde )est[aá]n|abr[ií]s|abren|abre|"
    rf"cerr[aá]is|cierran|cierra|trabaj[aá]is|trabajan)\s*(?:[?!.]|$)",
    re.IGNORECASE,
)
# ... or whether they do their work on a day, asked of them: "¿Repartís los sábados?"
# (set FI, of "reparte ... de lunes a viernes"), "Do you deliver on Saturdays?". The
# days they work tell it when a page gives them; of pages naming other days only it is
# a day no page names (`day_of_another`: "Do you press on Sundays?" of "pressing
# Saturdays", set BD).
_ASKS_WORK_ON = re.compile(
    rf"^\W*[^\W\d_]+(?:[aá]is|[eé]is|[ií]s) (?:los|el) (?:{_DAYS})s?\W*$|"
    rf"^\W*do you [^\W\d_]+ on (?:a )?(?:{_DAYS})s?\W*$",
    re.IGNORECASE,
)
_DAY = re.compile(rf"(?<![^\W_])(?:{_DAYS})s?(?![^\W_])", re.IGNORECASE)
# ... or whether one may come on a day ("Can I drop shoes off on a Monday?", "¿Puedo
# pasar un sábado por la tarde?", "Bisa datang hari Minggu?"): the hours tell that too.
_COMING = (
    r"come|visit|drop|pop|call in|stop by|bring|collect|pick up|pasar(?:me|nos|se|os|te)?|"
    r"ir|venir|(?:llevar|traer|recoger|dejar)(?:lo|la|los|las|le|les)?|datang|mampir|antar|ambil|"
    # ... or reach them: "Can I call you on a Sunday night?", "¿Puedo llamaros un domingo?"
    r"call|ring|phone|reach|contact|llamar(?:os|te|le|les)?|telepon|telpon|nelpon|hubungi"
)
_ASKS_TO_COME_ON = re.compile(
    rf"(?<![^\W_])(?:(?:can|could|may) (?:i|we)|puedo|podemos|se puede|bisa|boleh|"
    # ... or whether their people come then: "Can someone come out on a Saturday?",
    # "¿Puede venir el técnico un sábado?", "Tukangnya mau datang hari Minggu?"
    rf"(?:can|could|will|would) (?:you|someone|somebody|the [\w-]+)|puede|pueden|pod[eé]is|mau)"
    rf"(?![^\W_]).{{0,30}}(?<![^\W_])(?:{_COMING})(?![^\W_]).{{0,30}}"
    # (... or at an hour of a part of one: "¿Puedo pasar a las cinco de la tarde?")
    rf"(?<![^\W_])(?:on|a|in the|el|un|los|por la|de la|hari) (?:{_DAYS})s?(?![^\W_])|"
    # ... the day asked first, opening the question: "Minggu pagi saya bisa datang?",
    # "Malam-malam bisa ambil motor?" (not "minggu depan", next week; nor "Kalau pesan
    # pagi, teknisi bisa datang hari itu?", which asks how soon they come)
    rf"^\W*(?:(?:kalau|if|on|a|el|un|los|las|hari)\s+)?(?:{_DAYS})s?(?![^\W_])"
    rf"(?!\s+(?:depan|ini|lalu))"
    rf".{{0,25}}(?<![^\W_])(?:can (?:i|we)|puedo|podemos|se puede|bisa|boleh)(?![^\W_])"
    rf".{{0,15}}(?<![^\W_])(?:{_COMING})(?![^\W_])",
    re.IGNORECASE,
)
# The words of coming, and of the hour one would come at ("a las cinco"): only asking.
COMING_WORDS = (
    frozenset(
        "come visit drop pop call stop bring collect pick pasar venir llevar traer recoger "
        "dejar datang mampir antar ambil una venís venis vienen pasarme pasarnos pasarse "
        # (... with what is brought or left: "¿Puedo dejarlo un domingo?")
        "dejarlo dejarla dejarle llevarlo llevarla traerlo traerla recogerlo recogerla "
        "pasaros pasarte "
        # (... or reaching them: "Can I ring you on a Sunday?")
        "ring phone reach contact llamar llamaros llamarte llamarle llamarles telepon "
        "telpon nelpon hubungi "
        # ... and what one comes for, shopping: "¿Un lunes por la mañana puedo pasar a
        # comprar?"
        "comprar buy belanja beli "
        # ... and whom they send: "Tukangnya mau datang hari Minggu?"
        "someone somebody technician technicians engineer engineers alguien técnico "
        "tecnico técnicos tecnicos tukang tukangnya teknisi teknisinya petugas "
        "petugasnya".split()
    )
    | NUMBER_WORDS
)


def asks_to_come_on(question: str) -> bool:
    """Whether the question asks whether one may come on a day (or part of one)."""
    return _ASKS_TO_COME_ON.search(question) is not None


def asks_hours(question: str) -> bool:
    """Whether the question asks when a place is open, or whether it is (or one may come,
    or they work) on a day."""
    return _asks_opening(question) or _ASKS_WORK_ON.search(question) is not None


def _asks_opening(question: str) -> bool:
    """Whether the question asks when a place is open, or whether it is (or one may come)
    on a day: the hours asked as such, not of the work done on a day."""
    return any(
        pattern.search(question) is not None
        for pattern in (_ASKS_HOURS, _ASKS_OPEN_ON, _ASKS_TO_COME_ON)
    )


# A weekend is its two days, in a question and in a sentence ("We are closed at weekends"
# answers "Are you open on Saturdays?"), and weekdays are Monday to Friday ("entre semana"
# prices "un martes"). Not "hari kerja": "dalam 3 hari kerja" is a length of time.
_WEEKEND = frozenset({"weekend", "fin de semana", "fines de semana", "akhir pekan"})
_WEEKDAYS = frozenset({"weekday", "entre semana", "hari biasa"})


def days_asked(question: str) -> frozenset[str]:
    """The days a question asks whether the place is open on ("sabado" of "¿Abrís los
    sábados?"), folded and without a plural's "s", a weekend as "weekend"; none for
    other questions."""
    if (
        _ASKS_OPEN_ON.search(question) is None
        and _ASKS_WORK_ON.search(question) is None
        and not asks_to_come_on(question)
    ):
        return frozenset()
    return frozenset(_day(m.group()) for m in _DAY.finditer(question))


def names_day(sentence: str, days: frozenset[str]) -> bool:
    """Whether the sentence names one of `days` ("Las clases se dan también los sábados"),
    a weekend counting as its days and its days as a weekend."""
    named = {_day(m.group()) for m in _DAY.finditer(sentence)}
    return bool(_with_weekend(named) & _with_weekend(days))


def tells_days(sentence: str, days: frozenset[str]) -> bool:
    """Whether the sentence names one of `days` or gives a span of days, which tells any
    day whether it is in it or not: "Tuesday to Saturday from 11 am" answers "Are you
    open on Mondays?" (a price "Monday to Saturday" gives no Sunday's: not for prices).
    A sentence naming only a part of the day must speak of opening or closing ("Por las
    tardes cerramos"): the night's price says not whether they come at night."""
    if names_day(sentence, days):
        return bool(days_named(sentence)) or _OPENING.search(sentence) is not None
    return bool(days) and any(_is_day(first) and _is_day(last) for first, last in _spans(sentence))


_OPENING = re.compile(
    r"(?<![^\W_])(?:open\w*|clos\w*|abr(?:e|en|imos)|abiert[oa]s?|cierran?|"
    r"cerr(?:amos|ad[oa]s?|ar|[aá]is)|buka|tutup|libur|atend\w*|trabaj\w*|melayani)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def _is_day(word: str) -> bool:
    return _day(word) in _WEEK_DAYS


def days_named(text: str) -> dict[str, str]:
    """The days of the week the text names, folded as `days_asked` folds them (a weekend
    as "weekend", weekdays as "weekday"), each with its words as written, lower-cased;
    not the parts of a day, nor "minggu" as a week ("per minggu"): Sunday is "hari
    Minggu", or "Minggu" written with its capital."""
    named = {
        _day(m.group()): m.group().lower()
        for m in _DAY.finditer(text)
        if m.group().lower() != "minggu"
        or m.group()[0].isupper()
        or text[: m.start()].lower().endswith("hari ")
    }
    return {day: words for day, words in named.items() if day in _WEEK_DAYS | _DAY_GROUPS}


def day_of(word: str) -> str | None:
    """The day a word names, folded as `days_asked` folds it ("sabado" of "sábados"), or
    None when it names none."""
    return _day(word) if _DAY.fullmatch(word) else None


def _with_weekend(days: set[str] | frozenset[str]) -> set[str]:
    return {
        *days,
        *(_WEEKEND_DAYS if "weekend" in days else ()),
        *(_WORKING_DAYS if "weekday" in days else ()),
    }


def _day(word: str) -> str:
    folded = " ".join(unaccented(word.lower()).split())
    if folded in _WEEKEND:
        return "weekend"
    if folded in _WEEKDAYS:
        return "weekday"
    return folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded


# The days as `_day` folds them ("kami" of "kamis", as a question's is folded too).
_WEEKEND_DAYS = frozenset(map(_day, WEEKEND_DAYS))
_WORKING_DAYS = frozenset(map(_day, WORKING_DAYS))
_WEEK_DAYS = _WEEKEND_DAYS | _WORKING_DAYS
_DAY_GROUPS = frozenset({"weekend", "weekday"})


# ... or the one time it opens or closes: "The learner pool closes at 4 pm", "cierra a
# las 20:00", "tutup pukul 17.00" (a time marked as one, so that "closes at 4" of a count
# is not).
_OPENS_OR_CLOSES_AT = re.compile(
    r"(?<![^\W_])(?:opens?|closes?|shuts?|abre|abren|abrimos|cierra|cierran|cerramos|buka|"
    r"dibuka|tutup|ditutup)(?![^\W_])[^\d.!?]{0,15}?(?<![\d.:])"
    rf"(?P<time>{_TIME})(?![\d.:]\d)",
    re.IGNORECASE,
)


# The months in English, Spanish and Indonesian, and the times of year with the months
# they are in, as the north has them. The fasting month and Lebaran move through the
# year: they are no month. ("Puasa" alone is also a day's fast before a blood test.)
_MONTHS = (
    ("january", "enero", "januari"), ("february", "febrero", "februari"),
    ("march", "marzo", "maret"), ("april", "abril"), ("may", "mayo", "mei"),
    ("june", "junio", "juni"), ("july", "julio", "juli"), ("august", "agosto", "agustus"),
    ("september", "septiembre", "setiembre"), ("october", "octubre", "oktober"),
    ("november", "noviembre"), ("december", "diciembre", "desember"),
)  # fmt: skip
_MONTH_OF = {name: n for n, names in enumerate(_MONTHS, 1) for name in names}
_SEASON_MONTHS = {
    **dict.fromkeys(("summer", "verano"), {6, 7, 8}),
    **dict.fromkeys(("winter", "invierno"), {12, 1, 2}),
    **dict.fromkeys(("spring", "primavera"), {3, 4, 5}),
    **dict.fromkeys(("autumn", "otoño", "otono"), {9, 10, 11}),
    **dict.fromkeys(("christmas", "navidad", "navidades", "natal"), {12}),
    **dict.fromkeys(("easter", "semana santa"), {3, 4}),
    **dict.fromkeys(("ramadan", "bulan puasa", "lebaran"), set()),
}
# Every word of a time of year's names, "month" and "during": a page need not hold the
# ones a question asks with ("Apakah tutup selama bulan puasa?").
SEASON_WORDS = frozenset(
    [word for name in (*_MONTH_OF, *_SEASON_MONTHS) for word in name.split()]
    + "month months mes meses bulan during over durante selama saat waktu pas".split()
)

# A time of year that hours may be given for apart: "En agosto abrimos solo por las
# mañanas" is not the hours of the rest of the year. "May", "March" and "Natal" only
# capitalised: "Hours may vary" names no month, "mi ciudad natal" no Christmas.
_SEASON = re.compile(
    r"(?<![^\W_])(?:(?-i:May|March|Natal)|"
    + "|".join(
        re.escape(name)
        for name in sorted({*_MONTH_OF, *_SEASON_MONTHS}, key=len, reverse=True)
        if name not in ("may", "march", "natal")
    )
    + r")(?![^\W_])",
    re.IGNORECASE,
)


def names_season(text: str) -> bool:
    """Whether the text names a month or a season ("En agosto...", "in summer")."""
    return _SEASON.search(text) is not None


# ... or whether it is open at a time of year ("¿Cerráis en verano?", "Are you open in
# winter?", "Apakah buka saat Lebaran?"): a sentence beside opening or closing naming that
# time, a month of it ("En agosto la escuela permanece cerrada" for summer, as the north
# has it) or a span of months, which tells any time of year ("abre de junio a
# septiembre"), answers it, as does being open all year. A month of another time of year
# does not: August's closing says nothing of Christmas.
_OPEN_WORDS = (
    r"open|opens|opening|close|closes|closed|closing|shut|abre|abren|abr[ií]s|abrimos|"
    r"abierto|abiertos|abierta|abiertas|cierra|cierran|cerr[aá]is|cerramos|cerrado|"
    r"cerrados|cerrada|cerradas|buka|dibuka|tutup|ditutup|libur"
)
# ... or of running at all: "Do you go out in March?", "¿Salís en invierno?"
_RUNNING = (
    r"go out|run|operate|sail|sal[ií]s|salen|funcion[aá]is|funcionan|beroperasi|"
    # ... or of its being on, or held: "Is it on in November?" (set FI), "Is the market
    # held in winter?", "¿Se celebra en agosto?"
    # (asked whether: "What festival takes place in April?" asks what, SQuAD)
    r"is it on|(?:is|are) (?:it|they|the [\w-]+) held|(?:does|do) (?:it|they|the [\w-]+) "
    r"take place|se celebra|se hace|diadakan"
)
_ASKS_OPEN_IN_SEASON = re.compile(
    rf"(?<![^\W_])(?:{_OPEN_WORDS}|{_RUNNING})(?![^\W_]).{{0,25}}(?<![^\W_])(?:in|over|during|at|"
    rf"en|durante|por|saat|selama|waktu|pas|bulan)\s+(?:the\s+|el\s+|la\s+|bulan\s+)?"
    rf"(?:{_SEASON.pattern})",
    re.IGNORECASE,
)
_ALL_YEAR = re.compile(
    r"(?<![^\W_])(?:all year(?: round)?|year-round|every day of the year|todo el año|"
    r"todos los d[ií]as del año|sepanjang tahun|setiap hari sepanjang tahun)(?![^\W_])",
    re.IGNORECASE,
)
_OPEN_OR_CLOSED = re.compile(rf"(?<![^\W_])(?:{_OPEN_WORDS})(?![^\W_])", re.IGNORECASE)
_RUNS = re.compile(
    r"(?<![^\W_])(?:runs|running|is held|are held|takes place|operates|se celebra|se hace|"
    r"funciona|funcionamos|diadakan|beroperasi)(?![^\W_])",
    re.IGNORECASE,
)
_SPAN = re.compile(
    # ("de Semana Santa a finales de septiembre": Easter by its two Spanish words)
    r"(?<![^\W_])(?P<first>semana santa|[^\W\d_]+)(?:\s*[-–]\s*|\s+(?:to|until|till|through|"
    r"a|al|hasta|sampai|hingga)\s+(?:el |la |los |las )?)"
    # ("April to the end of September", "de abril a finales de septiembre")
    r"(?:(?:the )?(?:end|start|beginning|middle) of |(?:finales|principios|mediados) de |"
    r"(?:akhir|awal|pertengahan) )?(?P<last>[^\W\d_]+)(?![^\W_])|"
    # ... "between October and March", "entre octubre y marzo", "antara Juni dan Agustus"
    r"(?<![^\W_])(?:between|entre|antara)\s+(?P<since>[^\W\d_]+)\s+(?:and|y|e|dan)\s+"
    r"(?P<till>[^\W\d_]+)(?![^\W_])",
    re.IGNORECASE,
)


def _spans(sentence: str) -> list[tuple[str, str]]:
    """The first and last words of the spans the sentence gives ("May to September")."""
    return [
        (span["first"] or span["since"], span["last"] or span["till"])
        for span in _SPAN.finditer(sentence)
    ]


def asks_open_in_season(question: str) -> bool:
    """Whether the question asks if the place is open (or closed) at a time of year."""
    return _ASKS_OPEN_IN_SEASON.search(question) is not None


def states_season_open(sentence: str) -> bool:
    """Whether the sentence says when in the year the place is open or closed: a month, a
    season or a span of months beside opening or closing, open all year, or on holidays."""
    # (... or hours given with them: "Salimos cada día de 10:00 a 13:00 de junio a
    # septiembre" tells "¿Abrís en octubre?")
    # (... or on holidays: "closed on bank holidays" tells "Buka waktu Lebaran?")
    return (
        _ALL_YEAR.search(sentence) is not None or _HOLIDAYS_NAMED.search(sentence) is not None
    ) or (
        _SEASON.search(sentence) is not None
        and (
            _OPEN_OR_CLOSED.search(sentence) is not None
            # (... or of running: "runs every Sunday from April to October")
            or _RUNS.search(sentence) is not None
            or states_hours(sentence)
            # (a schedule: "trips leave at 9am and 2pm from April to October")
            or _TIME_MARK.search(sentence) is not None
        )
    )


def tells_season(sentence: str, question: str) -> bool:
    """Whether the sentence, saying when in the year the place opens or closes, tells it
    for the time of year the question asks: all year, a span of months, the time itself
    or one of its months (a month asked is its own time)."""
    if _ALL_YEAR.search(sentence) is not None:
        return True
    # (... a public holiday asked by its name, of a sentence on holidays)
    if _HOLIDAYS_NAMED.search(sentence) and _HOLIDAY_ASKED.search(question):
        return True
    # (... or from a time of year: "from Easter to October")
    if any(_of_the_year(first) and _of_the_year(last) for first, last in _spans(sentence)):
        return True
    asked = {m.group().lower() for m in _SEASON.finditer(question)}
    named = {m.group().lower() for m in _SEASON.finditer(sentence)}
    if asked & named:
        return True
    wanted = {_MONTH_OF[word] for word in asked if word in _MONTH_OF}
    wanted |= set().union(*(_SEASON_MONTHS.get(word, set()) for word in asked))
    return any(_MONTH_OF.get(word) in wanted for word in named)


def _is_month(word: str) -> bool:
    return word.lower() in _MONTH_OF


def _of_the_year(word: str) -> bool:
    return _is_month(word) or word.lower() in _SEASON_MONTHS


def day_held(word: str, texts: list[str]) -> bool:
    """Whether `word` names a day a text names, or tells by a span of days ("sábados" of
    "de lunes a viernes", set FI): no thing asked for, as a month a text spans is not."""
    days = frozenset({day}) if (day := day_of(word)) else frozenset()
    return bool(days) and any(names_day(t, days) or tells_days(t, days) for t in texts)


def month_held(word: str, texts: list[str]) -> bool:
    """Whether `word` is a month that one of the texts names, or that falls in a span of
    months one of them gives: "June" of "Saturdays from May to September cost £6,500"."""
    month = _MONTH_OF.get(word.lower())
    if month is None:
        return False
    for text in texts:
        if any(_MONTH_OF.get(m.group().lower()) == month for m in _SEASON.finditer(text)):
            return True
        for first, last in _spans(text):
            start, end = _MONTH_OF.get(first.lower()), _MONTH_OF.get(last.lower())
            if (
                start
                and end
                and (start <= month <= end or (end < start and not end < month < start))
            ):
                return True
    return False


# A part of the year asked ("Bisa daftar pertengahan tahun?", "at the end of the year",
# "a mitad de curso"), which a page doing it all year tells ("Pendaftaran dibuka sepanjang
# tahun"), as it tells any month or season.
_PART_OF_YEAR = re.compile(
    r"(?<![^\W_])(?:(?:pertengahan|tengah|akhir|awal) tahun|mid-?year|(?:the )?(?:middle|end|"
    r"start|beginning) of the (?:school )?year|(?:mitad|mediados|finales|principios) "
    r"del? (?:año|curso))(?![^\W_])",
    re.IGNORECASE,
)


def held_all_year(word: str, question: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) names a time of year the question asks (a month, a
    season, a part of the year) and a text says it is so all year."""
    if not any(_ALL_YEAR.search(text) for text in texts):
        return False
    parts = {w.lower() for m in _PART_OF_YEAR.finditer(question) for w in words_of(m.group())}
    return word in parts or _of_the_year(word)


# A public holiday asked by its name ("Are you open on Easter Monday?", "Tanggal merah
# buka?", "¿Abrís el día de Reyes?"), which a page naming holidays at all tells ("closed
# on bank holidays", "termasuk hari libur nasional", "cerramos los festivos").
_HOLIDAY_ASKED = re.compile(
    r"(?<![^\W_])(?:easter (?:monday|sunday|weekend)|good friday|boxing day|christmas (?:day|"
    r"eve)|new year(?:['’]s)? (?:day|eve)|bank holiday(?: monday)?|may day|viernes santo|"
    r"jueves santo|lunes de pascua|d[ií]a de reyes|año nuevo|nochebuena|nochevieja|"
    r"tanggal merah|hari raya|idul fitri|idul adha|lebaran|tahun baru|imlek|nyepi|waisak)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_HOLIDAYS_NAMED = re.compile(
    r"(?<![^\W_])(?:bank holidays?|public holidays?|festivos?|hari libur|libur nasional|"
    r"tanggal merah)(?![^\W_])",
    re.IGNORECASE,
)


def holiday_held(word: str, question: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) is of a public holiday the question names and a text
    names holidays."""
    if not any(_HOLIDAYS_NAMED.search(text) for text in texts):
        return False
    return word in {
        w.lower() for m in _HOLIDAY_ASKED.finditer(question) for w in words_of(m.group())
    }


def held_in_the_year(word: str, question: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) is a time of year a text says it is so all year, or a
    public holiday a text naming holidays tells (`held_all_year`, `holiday_held`)."""
    return held_all_year(word, question, texts) or holiday_held(word, question, texts)


# A time of year asked as when something is there or done ("¿Hay campamento en Semana
# Santa?", "Do you run camps at Christmas?", "Ada kelas saat bulan puasa?"); not a date
# ("Who was elected in November 2008?": the quote may name the month it took office).
_ASKS_AT_SEASON = re.compile(
    rf"(?<![^\W_])(?:in|over|during|at|for|en|durante|por|para|saat|selama|waktu|pas)\s+"
    rf"(?:the\s+|el\s+|la\s+|las\s+|bulan\s+)?(?P<season>{_SEASON.pattern})",
    re.IGNORECASE,
)
# The times a sentence names are the only ones: it tells every other time too.
_ONLY = re.compile(
    r"(?<![^\W_])(?:only|solo|sólo|solamente|únicamente|unicamente|hanya|cuma|saja)(?![^\W_])",
    re.IGNORECASE,
)


def season_of_another(question: str, quoted: list[str]) -> str | None:
    """The time of year a question asks something at, when the quote names only other
    times ("En julio organizamos campamentos" for Semana Santa) and tells nothing of it
    (`tells_season`: all year, a span of months, the time or one of its months; or the
    times it names are the only ones, "Bonfires are allowed only in November and
    February" for July); else None. A quote naming no time of year is left to the
    decision."""
    asked = _ASKS_AT_SEASON.search(question)
    if asked is None or has_digit(question):
        return None
    naming = [s for s in quoted if names_season(s)]
    if not naming or any(tells_season(s, question) for s in quoted):
        return None
    if any(_ONLY.search(s) for s in naming):
        return None
    return asked["season"].lower()


def states_hours(sentence: str) -> bool:
    """Whether the sentence gives opening hours (a range of times, or all day), or when
    the place opens or closes."""
    return (
        _OPEN_ALL_DAY.search(sentence) is not None
        or any(_TIME_MARK.search(match.group(0)) for match in _TIME_RANGE.finditer(sentence))
        or any(_TIME_MARK.search(m["time"]) for m in _OPENS_OR_CLOSES_AT.finditer(sentence))
        or _bare_hours(sentence)
    )


def hours_unstated(question: str, texts: list[str]) -> bool:
    """Whether the question asks a place's hours (`_ASKS_HOURS`, not whether it opens on
    a day) and no retrieved text gives any: no hours, no time of day, no day ("¿Cuál es
    el horario del circuito?" of the karting's prices and rules, whose "el circuito
    cierra si llueve" tells when it shuts, not its hours). Only of a question asking
    hours and little else (`_HOURS_AND_LITTLE_ELSE` terms besides): "¿Qué porcentaje de
    televidentes en horario de máxima audiencia...?" asks another thing."""
    if _ASKS_HOURS.search(question) is None:
        return False
    if len(terms_besides(question, HOURS_WORDS)) > _HOURS_AND_LITTLE_ELSE:
        return False
    return not any(
        states_hours(text) or _CLOCK_TIME.search(text) or _DAY.search(text) for text in texts
    )


# The terms a question asking a place's hours names besides them: the place and maybe
# a day ("¿Cuál es el horario del circuito los domingos?", "Jam buka rental PS-nya?").
_HOURS_AND_LITTLE_ELSE = 2
# A time of day as a page writes it ("18:00", "pukul 17.00", "9 am", "10h"), not an amount
# ("Rp75.000", "£9.50").
_CLOCK_TIME = re.compile(
    r"(?<![\d.,£$€])\d{1,2}[:.]\d{2}(?!\d|[.,]\d)|\d\s*(?:[ap]\.?m\.?|h|hrs|wib|wita|wit)\b",
    re.IGNORECASE,
)


# Hours without their minutes or "h", as Spanish pages write them ("abierto de lunes a
# viernes de 9 a 18", "Abrimos de 10 a 14 y de 17 a 20"): hours when the sentence names
# a day or an opening and no word follows the range, as one follows a range of ages,
# people or weeks ("de 7 a 14 años", "de 2 a 3 semanas"), but a joining one.
_BARE_RANGE = re.compile(
    r"(?<![^\W_])(?:de|from|dari|pukul|jam) (\d{1,2}) (?:a|to|till|until|sampai|hingga) "
    r"(\d{1,2})(?!\d|[.:,]\d)(?!\s*(?!(?:y|e|and|or|o|dan|los|las|el|on|de|every|each|"
    r"setiap|tiap|hari)(?![^\W_]))[^\W\d_])",
    re.IGNORECASE,
)


def _bare_hours(sentence: str) -> bool:
    if _DAY.search(sentence) is None and _OPENING.search(sentence) is None:
        return False
    return any(
        int(m.group(1)) <= 24 and int(m.group(2)) <= 24 for m in _BARE_RANGE.finditer(sentence)
    )


# A question asking where a place is ("Where are you?", "¿Cuál es la dirección?",
# "Alamatnya di mana?"), the words that only say so, and a sentence giving a street
# address: a street word and a number ("Calle Mayor 45", "Jl. Merdeka No. 12", "12 High
# Street"). The address asked in that word ("What is your address?") is one of them.
# The kinds of place an organisation is, asked as "where is the studio?": the page that
# gives its address need not name its kind.
_PLACES = (
    "office shop store school clinic workshop garage studio gym salon library surgery "
    "restaurant hotel hostel warehouse".split()
)
_LUGARES = (
    "oficina tienda escuela academia taller local sede clínica clinica consulta despacho "
    "estudio gimnasio autoescuela peluquería peluqueria salón salon restaurante hotel "
    "hostal almacén almacen".split()
)
# ... and in Indonesian, asked with "-nya" ("Tokonya di mana?", "Di mana kantornya?"):
# the place itself, as "tempatnya" is.
_ENDS = r"(?:\s+(?:ya|sih|kak|min))?\W*$"
_TEMPAT = (
    "tempat toko kantor bengkel klinik sekolah studio salon gudang warung kios gerai outlet "
    "kedai sanggar".split()
)
_THE_ADDRESS = r"(?:your|the|its|what|what's|whats) address|address of"
_ASKS_ADDRESS = re.compile(
    rf"(?<![^\W_])(?:{_THE_ADDRESS}|where are you|"
    rf"where is (?:the|your) (?:{'|'.join(_PLACES)})|your location|"
    # "Where can I find you?", "¿Dónde tenéis el local?", "Tempatnya di mana?"
    r"(?:where|how) (?:can|do|would|will|should) (?:i|we) find you|"
    rf"d[oó]nde (?:ten[eé]is|tienen|tienes) (?:el|la|vuestro|vuestra|su|tu) (?:{'|'.join(_LUGARES)})|"
    r"d[oó]nde (?:os|les|le|te) (?:encuentro|encontramos|puedo encontrar|podemos encontrar)|"
    # (the question ending there, or with a particle: "Kantor pos di mana?" asks another)
    rf"(?:{'|'.join(_TEMPAT)})(?:nya)? di ?mana(?={_ENDS})|"
    rf"di ?mana (?:{'|'.join(_TEMPAT)})(?:nya)?(?={_ENDS})|tempat(?:nya)? di ?mana|"
    r"(?:cu[aá]l es (?:la|su)|su|vuestra|tu) (?:direcci[oó]n|ubicaci[oó]n)|"
    r"d[oó]nde (?:est[aá]n|est[aá]is|quedan?|se encuentran|se ubican?)|"
    # "Lokasinya di mana?", "Alamat toko?"; not a place the asker names by the word ("Bisa
    # foto di lokasi toko saya?", "Ada penginapan dekat lokasi?", "Kirim ke alamat rumah"),
    # unless asking which one it is ("Tokonya di lokasi mana?")
    r"(?:di|ke) (?:alamat|lokasi)\w* mana|"
    r"(?<!di )(?<!ke )(?<!dari )(?<!dekat )(?<!sekitar )(?:alamat|lokasi)\w*"
    r"(?!(?: \w+)? (?:saya|aku|kami|pengiriman|tujuan)(?![^\W_]))(?! (?:rumah|acara))|"
    rf"d[oó]nde est[aá] (?:la|el|su|vuestra|vuestro) (?:{'|'.join(_LUGARES)})|"
    r"(?:ada|berada|terletak) di ?mana|"
    # ... or in what part of town: "¿Por qué zona estáis?", "Daerah mana tempatnya?"
    r"(?:por|en) qu[eé] (?:zona|parte|barrio) (?:est[aá]is|est[aá]n|est[aá]|qued[aá]is|"
    r"quedan?)|(?:di )?daerah mana|"
    # ... or in what town: "¿En qué ciudad está vuestro taller?", "What town are you in?",
    # "Tokonya di kota mana?"
    r"en qu[eé] (?:ciudad|pueblo|localidad) (?:est[aá]is|est[aá]n|est[aá]|qued[aá]is|quedan?|"
    r"ten[eé]is|tienen)|"
    # ... or from what town they work: "¿Desde qué ciudad trabajáis?" (set FG), "Which
    # town do you work from?"
    r"(?:desde|de) qu[eé] (?:ciudad|pueblo|localidad) (?:trabaj[aá]is|trabajan|sois|son)|"
    r"(?:what|which) (?:town|city) do you work (?:from|in)|"
    rf"(?:what|which) (?:town|city|village) (?:are you|is (?:the|your) (?:{'|'.join(_PLACES)}))"
    r"(?: (?:in|based in))?(?=\W*$)|di kota mana(?! saja)|"
    # ... or in what mall or on what floor: "Tokonya di mal mana?", "Kiosnya ada di lantai
    # berapa?", "¿En qué planta estáis?", "What floor are you on?" (set ES, 2026-12-06)
    r"di (?:mal|mall|plaza|gedung|pasar|ruko) mana|(?:di )?lantai berapa|"
    r"en qu[eé] (?:planta|piso) (?:est[aá]is|est[aá]n|est[aá]|qued[aá]is|quedan?)|"
    r"(?:what|which) floor (?:are you|is (?:it|the|your))\b)(?![^\W_])",
    re.IGNORECASE,
)
ADDRESS_WORDS = frozenset(
    # "Where are you based?" asks nothing but where: "based" is no word a page need hold
    "address located location where based situated dirección direccion ubicación ubicacion "
    "dónde donde están estan está esta estáis estais queda quedan encuentra encuentran alamat "
    "alamatnya lokasi lokasinya dimana mana find tenéis teneis tienen tienes encuentro "
    "encontramos encontrar tempat tempatnya por en qué que zona parte barrio quedáis "
    "quedais daerah di "
    # ... and in what town ("¿En qué ciudad está vuestro taller?")
    "ciudad pueblo localidad town city village what which kota in "
    # ... or from what town they work ("¿Desde qué ciudad trabajáis?")
    "desde de trabajáis trabajais trabajan sois son do you work from "
    # ... and in what mall or on what floor
    "mal mall plaza gedung pasar ruko lantai berapa planta piso floor on is it".split()
    + _PLACES
    + _LUGARES
    + _TEMPAT
    + [f"{w}nya" for w in _TEMPAT]
)
_STREET = (
    r"calle|c/|avenida|avda\.?|av\.|paseo|plaza|carrera|camino|ronda|jalan|jl\.?|jln\.?|"
    r"gang|gg\.|street|st\.|road|rd\.|avenue|ave\.|lane|boulevard|blvd\.?|drive|way|square"
)
# The street's name is capitalised: "take the road for 5 km" gives no address.
_STATES_ADDRESS = re.compile(
    rf"(?<![^\W_])(?i:{_STREET})(?![^\W_.])\s*(?:(?:de|del|la|las|los|el)\s+)*"
    rf"[A-ZÁÉÍÓÚÑ][^\n\d]{{0,40}}?\d+|\d+[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}(?i:street|st\.|road|rd\.|avenue|ave\.|lane|"
    rf"way|drive|boulevard|square)(?![^\W_])"
)


def asks_address(question: str) -> bool:
    """Whether the question asks where a place is."""
    return _ASKS_ADDRESS.search(question) is not None


# Words of the organisation's own name shorter than this are no kind of place ("La",
# "Bar" is one, but "de" and "&" are not).
OWN_PLACE_MIN = 3


def asks_where_named(question: str, own: frozenset[str]) -> bool:
    """Whether the question asks where the place is by a word of its own name, as people
    name it by its kind: "¿Dónde está la tintorería?" of Tintorería La Perla, "Where is
    the bakery?" of Hilltop Bakery, "Bengkelnya di mana?" of Bengkel Maju, the question
    ending there. Any word of the name, since a kind not listed in `_PLACES` is asked as
    one that is."""
    asking = _where_named(own)
    return asking is not None and asking.search(question) is not None


@lru_cache(maxsize=256)  # an assistant's own names are the same turn after turn
def _where_named(own: frozenset[str]) -> re.Pattern[str] | None:
    named = sorted((re.escape(w) for w in own if len(w) >= OWN_PLACE_MIN), key=len, reverse=True)
    if not named:
        return None
    name = "|".join(named)
    return re.compile(
        rf"(?<![^\W_])(?:where(?: is|'s) (?:the|your) (?:{name})|"
        rf"d[oó]nde (?:est[aá]|queda|se encuentra) (?:la|el|su|vuestra|vuestro) (?:{name})|"
        rf"di ?mana (?:letak )?(?:{name})(?:nya)?|"
        rf"(?:{name})(?:nya)? (?:ada |berada |terletak )?di ?mana)(?![^\W_])"
        # ... the question ending there: "¿Dónde está la tintorería más cercana?" asks for
        # another
        r"\W*$",
        re.IGNORECASE,
    )


def states_address(sentence: str) -> bool:
    """Whether the sentence gives a street address."""
    return _STATES_ADDRESS.search(sentence) is not None


# ... and one asking for the address itself, in that word ("What is your address?",
# "¿Cuál es la dirección?", "Di mana alamat Taman Ceria?"; not "Can I change my delivery
# address?" nor an email address), which a sentence without one does not answer: "Daftar
# di kantor Taman Ceria" says where to go once there. A number of the place, a postcode
# or a building ("Gedung Graha Lt. 3") counts as one, beside a street.
_ASKS_THE_ADDRESS = re.compile(
    rf"(?<![^\W_])(?:{_THE_ADDRESS}|"
    r"(?:cu[aá]l es (?:la|su)|vuestra) direcci[oó]n|(?:di ?mana|apa) alamat\w*|"
    r"alamat\w* (?:di ?mana|apa)|alamatnya)(?![^\W_])",
    re.IGNORECASE,
)
_OTHER_ADDRESSES = re.compile(
    r"(?<![^\W_])(?:e-?mail|correo|mail|web|website|url|ip|surel|wallet)(?![^\W_])",
    re.IGNORECASE,
)
_PLACE_NUMBER = re.compile(
    r"(?<![^\W_])(?:no|n[º°o]|nomor)\.?\s*\d+|(?<![\d.,])\d{5}(?!\d|[.,]\d)|"
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|"  # a British postcode
    r"(?<![^\W_])(?i:gedung|ruko|komplek|kompleks|blok|lantai|edificio|planta|pol[ií]gono|"
    r"building|floor|suite|unit)(?![^\W_]).{0,40}?\d"
)
# A road's kilometre, where a place out of town is: "en el kilómetro 7 de la carretera de
# Chinchón", "km 12 of the A66"; not how far it is ("a 5 km del centro").
_ROAD_KILOMETRE = re.compile(
    r"(?<![^\W_])(?:kil[oó]metro|kilometre|kilometer|km)\.?\s*\d+(?:[.,]\d+)?\s+"
    r"(?:de|del|of|on|dari)\s",
    re.IGNORECASE,
)


def asks_the_address(question: str) -> bool:
    """Whether the question asks for the place's address, in that word."""
    return (
        _ASKS_THE_ADDRESS.search(question) is not None and _OTHER_ADDRESSES.search(question) is None
    )


# Where a place is, said without a street: "Our shop is in the Market Arcade, unit 12",
# "The studio is at Riverside Mill", "Kantor kami terletak di Ruko Sentosa". A unit's
# or a floor's number right after its word, or a place of the organisation's kind (or
# "we") said to be in, at or on a named place: a capital within a few words that is no
# day or month. "The class is in English" is no place, nor "located near the station",
# nor "we're closed until Monday". "Where are you?" of a shop whose page gives no
# street was declined.
_UNIT_NUMBER = re.compile(
    r"(?<![^\W_])(?i:unit|suite|floor|building|block|lantai|blok|ruko|local|nave|planta|"
    # ... or a stall's, a pier's, a berth's: "en el pantalán 3 del puerto deportivo"
    r"piso|stall|kiosk|pier|berth|arch|puesto|pantal[aá]n|muelle|caseta|kios)"
    r"\s+[A-Z]?\d+[A-Za-z]?(?![\w,.]\d)"
)
_IS_THERE = (
    r"(?:we are|we're|(?:our|the) (?:{places}) is|(?:located|situated|based)|takes? place|"
    r"held|meets?)"
    r" (?:in|at|on)|"
    r"(?:estamos|(?:la|el|nuestra|nuestro) (?:{lugares}) (?:est[aá]|se encuentra|queda)|"
    r"situad[oa]s?|ubicad[oa]s?) en|"
    r"(?:terletak|berada|beralamat|berlokasi) di|"
    # ... or working from a named place: "Trabajamos por encargo desde Salamanca" (set
    # FG), "We work from Ludlow"
    r"(?:trabajamos|operamos|we work|we operate)(?: [\w'’-]+){{0,3}}? (?:desde|from|out of)|"
    # ... or the organisation, saying what it is, in a named place: "Somos una sidrería
    # familiar en Nava", "We're a small bakery in Ludlow", "Kami adalah toko roti di Bogor"
    r"(?:(?:somos|we are|we're) (?:a|an|un|una)|kami adalah(?: sebuah)?)(?: [\w'’-]+){{1,4}}? "
    r"(?:in|en|di)|"
    # ... or the organisation's own place at a named one: "di sanggar kami di Waingapu",
    # "nuestro taller de Toledo", "our workshop in Hebden Bridge" (not "hubungi kami di
    # Kantor Pos": a way to reach it)
    r"(?!hubungi|ikuti|temukan|kontak|follow|chat)[^\W\d_]{{3,}} kami di|"
    r"nuestr[oa]s? (?:{lugares}) (?:de|en)|our (?:{places}) (?:in|at)|"
    # ... or on a named water or shore: "Alquilamos barcas en el embalse de Lago Azul",
    # "boats for hire on the River Wharfe", "perahu di Danau Toba" (set ES, 2026-12-06)
    r"en (?:el|la) (?:embalse|pantano|lago|r[ií]o|playa|puerto|bah[ií]a|cala) de|"
    r"on the (?:river|lake|reservoir|canal|loch)|"
    r"di (?:danau|waduk|pantai|sungai|telaga|bendungan)|"
    # ... or beside a named one, or in Indonesian at a kind of building named: "next to
    # the Old Mill", "junto a la antigua estación de la Vía Verde", "di musala Al-Hikmah"
    r"next to|opposite|beside|behind|near|junto al?|al lado de|frente a|enfrente de|"
    r"detr[aá]s de|cerca de|di (?:samping|sebelah|depan|belakang|dekat|seberang|musala|"
    r"musholla|masjid|gedung|balai|aula|kantor|ruko|pasar|kampus|sekolah|lapangan|"
    r"kompleks|perumahan|kawasan)"
).format(places="|".join(_PLACES), lugares="|".join(_LUGARES))
_STATES_PLACE = re.compile(
    rf"(?<![^\W_])(?i:{_IS_THERE})(?:\s+[\w'’-]+){{0,5}}?\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w'’-]+)"
)
# ... or a street named without its number: "on Mill Lane", "en la calle Mayor", "di
# Jalan Melati" (a capitalised name before an English street word, after the others).
_NAMED_STREET = re.compile(
    r"(?<![^\W_])[A-Z][\w'’-]+\s+(?:Street|Road|Lane|Avenue|Boulevard|Drive|Square)"
    r"(?![^\W_])|(?<![^\W_])(?i:calle|avenida|avda\.|paseo|plaza|jalan|jl\.|jln\.)\s+"
    r"(?:(?i:de|del|la|las|los|el)\s+)*[A-ZÁÉÍÓÚÑ][\w'’-]+"
)


# Where they meet, or where it is held ("Where do we meet?", "Where is it held?", "¿Dónde
# os reunís?", "Latihannya di mana?"): where the place is answers it, and so does a
# building or ground of a kind, named by its kind alone, which does not answer where the
# place is ("Classes are held in the main hall" for "Where are you?").
_ASKS_VENUE = re.compile(
    r"(?<![^\W_])(?:where (?:do|does|shall|will) (?:we|you|they|the \w+)(?: all)? (?:meet|"
    r"practi[cs]e|train|rehearse|gather|swim|shoot|play)(?: you| us)?(?=\W*$)|"
    r"where (?:is|are) (?:it|they|the (?:class|classes|lessons?|sessions?|meetings?|course|"
    r"workshop|practices?|rehearsals?))"
    r"(?: (?:held|run))?(?=\W*$)|"
    r"d[oó]nde (?:os reun[ií]s|nos reunimos|se re[uú]nen|qued[aá]is|quedamos|ensay[aá]is|"
    r"entren[aá]is|son las clases|se (?:hacen|dan|imparten) las clases|"
    # ... or where the service gives them: "¿Dónde dais las clases?" (set FA, 2026-12-07),
    # "Where do you hold the lessons?"
    r"(?:dais|dan|impart[ií]s|imparten|hac[eé]is|hacen) (?:las clases|los cursos|los talleres))|"
    r"where do you (?:hold|run|teach|give) (?:the|your) (?:classes|lessons|sessions|courses|"
    r"workshops)(?=\W*$)|"
    r"(?:kumpul|latihan|kelas|les|kursus)(?:nya)? di ?mana|"
    # ... or where it is held: "Where does it take place?", "¿Dónde se pone?" (a market),
    # "¿Dónde se celebra la feria?", "Acaranya diadakan di mana?"
    r"where (?:does|do|will) (?:it|they|the [\w-]+) take place|"
    # ... or where one meets or stays: "¿Dónde nos encontramos?", "¿Dónde se alojan los
    # chavales?", "Where will the children sleep?", "Nginepnya di mana?", "¿En qué sitio
    # nos vemos?"
    r"(?:d[oó]nde|en qu[eé] (?:sitio|lugar)) (?:nos (?:encontramos|vemos|alojamos|"
    r"quedamos a dormir)|quedamos|"
    r"se alojan|duermen|dormimos|dormir[aá]n)|"
    r"where (?:do|will|would|shall) (?:we|they|the [\w-]+) (?:stay|sleep)|"
    r"(?:nginep|menginap|tidur|ketemu|ketemuan)(?:nya)? di ?mana|"
    r"d[oó]nde se ponen?(?=\W*$)|"
    # ... or where it sets off from: "Mulainya dari mana?", "Where does the tour start?",
    # "¿De dónde sale la ruta?"
    r"(?:mulai|mulainya|berangkat|berangkatnya|start|startnya)(?: dari)? ?mana|"
    r"dari ?mana (?:mulai|berangkat|start)(?:nya)?|"
    r"where (?:does|do|will) (?:it|we|they|the [\w-]+) (?:start|begin|set off|leave|depart)"
    r"(?: from)?(?=\W*$)|"
    r"(?:de|desde) d[oó]nde (?:sale|salen|salimos|empieza|empiezan|parte|parten)|"
    r"d[oó]nde (?:se (?:monta|montan|hace|hacen|celebra|celebran|entrena|entrenan|juega|"
    r"juegan)|tiene lugar|"
    r"es)(?: (?:el|la|los|las) [^\W\d_]+)?(?=\W*$)|"
    r"(?:diadakan|dilaksanakan|digelar|berlangsung|acaranya|tempatnya) di ?mana|"
    # ... or where one picks a thing up or drops it off: "Where do I pick tools up?" of
    # "The library is in the old fire station", "¿Dónde se recogen los pedidos?"
    r"where (?:do|can|shall|should|will) (?:i|we) (?:pick (?:[\w-]+ ){0,2}up|collect|"
    r"drop (?:[\w-]+ ){0,2}off)|"
    r"d[oó]nde (?:recojo|recogemos|se recogen?|dejo|dejamos|llevo|llevamos|entrego|entregamos)|"
    r"where (?:do|can|shall|should) (?:i|we) (?:take|bring|hand in)(?! (?:my|our) (?:kids?|"
    r"children|dogs?))|"
    r"(?:ambil|ngambil|jemput)(?:nya)? di ?mana)(?![^\W_])",
    re.IGNORECASE,
)
VENUE_WORDS = ADDRESS_WORDS | frozenset(
    "meet practise practice train rehearse gather swim shoot play held run it they all class "
    "classes lesson lessons session sessions meeting meetings course workshop rehearsal "
    "rehearsals reunís reunis reunimos reúnen reunen quedáis quedais quedamos ensayáis "
    "ensayais entrenáis entrenais son clases hacen dan imparten kumpul latihan latihannya "
    "dais impartís impartis hacéis haceis cursos talleres hold teach give you do "
    "kelas kelasnya les lesnya kursus kursusnya "
    "pick up collect drop off recojo recogemos recoge recogen dejo dejamos ambil ambilnya "
    "ngambil jemput take place pone ponen monta montan hace celebra celebran tiene lugar es "
    "diadakan dilaksanakan digelar berlangsung acaranya tempatnya llevo llevamos entrego "
    "entregamos bring hand entrena entrenan juega juegan encontramos vemos alojamos alojan "
    "duermen dormimos dormirán dormiran stay sleep nginep menginap tidur ketemu ketemuan "
    "sitio lugar antes before sebelum mulai mulainya berangkat berangkatnya start startnya "
    "begin set leave depart from sale salen salimos empieza empiezan parte parten desde".split()
)


def asks_venue(question: str) -> bool:
    """Whether the question asks where they meet or where it is held."""
    return _ASKS_VENUE.search(question) is not None


def states_venue(sentence: str) -> bool:
    """Whether the sentence says where the place is, or where it is held."""
    return states_location(sentence) or _AT_A_KIND_OF_PLACE.search(sentence) is not None


# A building or ground of a kind, named by its kind alone: "in the church tower", "from
# the slipway by the lifeboat station", "in St Mark's church hall".
_AT_A_KIND_OF_PLACE = re.compile(
    r"(?<![^\W_])(?:in|at|from|on|by|behind|beside|inside|next to|opposite) (?:the )?"
    r"(?:[\w'’-]+ ){0,2}(?:hall|tower|church|station|pavilion|clubhouse|library|park|slipway|"
    r"barn|chapel|field|beach|harbour|green|hostel|hotel|lodge|campsite|"
    # ... or an inn or a room of one: "in the back room of the Swan Inn"
    r"inn|room|"
    # ... or a farm's building, a mill, a studio: "in the old dairy at Ashcombe Farm"
    r"farm|dairy|mill|studio|gallery|yard|centre|center)(?![^\W_])|"
    # ... or the point one meets at: "The meeting point is the tourist office"
    r"(?<![^\W_])(?:meeting point|punto de encuentro|titik kumpul)(?![^\W_])|"
    # ... in Spanish and Indonesian: "en la parroquia", "en el polideportivo municipal",
    # "di balai desa", "di masjid", "dari depan Gedung Marba"
    r"(?<![^\W_])(?:en|junto a|detr[aá]s de|delante de) (?:el|la|los|las|un|una) "
    r"(?:[\w'’-]+ ){0,2}"
    r"(?:parroquia|iglesia|ermita|ayuntamiento|polideportivo|pabell[oó]n|colegio|escuela|"
    r"biblioteca|plaza|parque|centro c[ií]vico|casa de (?:la )?cultura|nave|mercado|"
    r"puerto|playa|campo|albergue|hotel|hostal|camping|refugio|casa rural|"
    r"oficina de turismo|granja|molino|finca|cortijo|estudio|galer[ií]a)(?![^\W_])|"
    r"(?<![^\W_])(?:di (?:(?:depan|belakang|samping|dalam) )?|dari (?:depan|belakang|samping|"
    r"dalam) )(?:balai|masjid|musala|mushola|"
    r"gereja|gedung|lapangan|aula|kantor|pasar|sekolah|taman|pendopo|alun-alun|pantai|"
    r"sanggar|studio|kebun|peternakan|galeri)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


# ... nor is a feast: "our shop at Christmas", "nuestra tienda de Navidad", "layanan kami
# di Hari Raya".
_FEASTS = frozenset(
    "christmas easter halloween navidad nochebuena nochevieja pascua semana lebaran natal "
    "ramadan ramadhan idul imlek nyepi hari tahun".split()
)
_NO_PLACES = CALENDAR_WORDS | ONLINE_PLACES | _FEASTS
# ... or a page's opening line, naming what the place is and where, with no verb: "Taller
# de guarnicionería en Jerez de la Frontera.", "Family bakery in Ludlow, Shropshire.",
# "Bengkel las di Semarang." (a few words, the place last)
_HEADLINE_PLACE = re.compile(
    r"^\W*[A-ZÁÉÍÓÚÑ][\w'’-]*(?:\s+[\w'’-]+){0,5}?\s+(?:en|in|di)\s+"
    r"(?P<name>[A-ZÁÉÍÓÚÑ][\w'’-]+)(?:\s+(?:(?:de|del|la|el|upon|on)\s+)*[A-ZÁÉÍÓÚÑ][\w'’-]+)*"
    r"(?:\s*,\s*[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+)*)*\W*$"
)


def states_location(sentence: str) -> bool:
    """Whether the sentence says where the place is: a street address, a named street,
    a unit's number, a road's kilometre, or the place said to be in a named one."""
    return (
        states_address(sentence)
        or _UNIT_NUMBER.search(sentence) is not None
        or _ROAD_KILOMETRE.search(sentence) is not None
        or _NAMED_STREET.search(sentence) is not None
        or any(
            found["name"].lower() not in _NO_PLACES for found in _STATES_PLACE.finditer(sentence)
        )
        # (not a language: "Classes in English.")
        or any(
            found["name"].lower() not in _NO_PLACES | LANGUAGE_NAMES
            for found in _HEADLINE_PLACE.finditer(sentence)
        )
    )


def gives_address(sentence: str) -> bool:
    """Whether the sentence gives an address: a street's, a number of the place, a
    postcode, a building's floor or a road's kilometre."""
    return (
        states_address(sentence)
        or _PLACE_NUMBER.search(sentence) is not None
        or _ROAD_KILOMETRE.search(sentence) is not None
    )


# A town after an address: "Jl. Melati No. 12[, Bandung]".
_TOWN_AFTER = re.compile(r"\x00(?:\s*,\s*[A-ZÀ-ÖØ-Þ][\w'’-]*)*")


def without_addresses(sentence: str) -> str:
    """The sentence with its street addresses, and the town after each, left out: the
    capitalised words of "Jl. Melati No. 12, Bandung" name no one."""
    return _TOWN_AFTER.sub(" ", _STATES_ADDRESS.sub("\x00", sentence))


# A question asking how to reach a place or its people ("How can I contact you?", "¿Cuál
# es su teléfono?", "Nomor WA-nya berapa?"): by telephone, by email, or either; the words
# that only say so; and a sentence giving a telephone number or an email address.
_ASKS_PHONE = re.compile(
    r"(?<![^\W_])(?:(?:tele)?phone number|(?:your|the|a) (?:tele)?phone|call you|number to "
    r"call|your (?:contact )?number(?! of)|(?:su|el|qu[eé]|un|al) tel[eé]fono|llamarl[oe]s|"
    r"a qu[eé] n[uú]mero|(?:vuestro|tu) n[uú]mero(?! de)|nomor "
    r"(?:telepon|telp|hp|wa|whatsapp)(?:-?nya)?|(?:wa|whatsapp)-?nya|"
    # ... or which number, asked in Indonesian: "Pesannya lewat WA ke nomor berapa?"
    r"(?:ke|di) nomor berapa|nomor(?:nya)? berapa|"
    # ... or whom to ring: "Who do I ring to get started?", "¿A quién llamo?"
    r"(?:who|what number) (?:do|should|can|must) (?:i|we) (?:ring|call|phone)|"
    r"a qui[eé]n (?:llamo|llamamos|hay que llamar|tengo que llamar)|"
    r"(?:telepon|hubungi) siapa)(?![^\W_])",
    re.IGNORECASE,
)
_ASKS_EMAIL = re.compile(
    r"(?<![^\W_])(?:e-?mail|correo electr[oó]nico|(?:su|tu|vuestro) correo|surel)(?![^\W_])",
    re.IGNORECASE,
)
_ASKS_CONTACT = re.compile(
    r"(?<![^\W_])(?:contact (?:you|us|them|the|support|details|information|number)|"
    r"(?:to|i) contact|reach you|contactar\w*|contacto|kontak\w*|hubungi|menghubungi)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
CONTACT_WORDS = frozenset(
    "phone telephone number email mail contact reach call teléfono telefono número numero "
    "contactar contactarlos contactarles contacto correo electrónico electronico llamar "
    "llamarlos telepon telp nomor whatsapp kontak kontaknya hubungi menghubungi surel "
    # ... whom to ring, and to begin with: "Who do I ring to get started?"
    "ring llamo llamamos siapa start started begin empezar mulai "
    # ... and to be reached or to order by it: "Bisa dihubungi di nomor berapa?",
    # "Pesannya bisa lewat WA ke nomor berapa?"
    "dihubungi pesan pesannya memesan lewat wa".split()
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{6,}\d(?![\w/])")
# Words beside a number that make it a telephone's (a date or a count is not one).
_PHONE_WORDS = re.compile(
    r"(?<![^\W_])(?:tel|tel[eé]fono|phone|telephone|call|ring|fax|whatsapp|wa|hotline|"
    r"ll[aá]m\w*|l[ií]nea|m[oó]vil|telepon|telp|hp|hubungi|sms|mobile)(?![^\W_])",
    re.IGNORECASE,
)


def asks_phone(question: str) -> bool:
    """Whether the question asks for a telephone number."""
    return _ASKS_PHONE.search(question) is not None


def asks_email(question: str) -> bool:
    """Whether the question asks for an email address."""
    return _ASKS_EMAIL.search(question) is not None


def asks_contact(question: str) -> bool:
    """Whether the question asks how to reach the place or its people, either way."""
    return _ASKS_CONTACT.search(question) is not None


def states_phone(sentence: str) -> bool:
    """Whether the sentence gives a telephone number: seven digits or more, beside a word
    such as "call", "teléfono", "WhatsApp"."""
    return _PHONE_WORDS.search(sentence) is not None and any(
        sum(c.isdigit() for c in match.group(0)) >= 7 for match in _NUMBER.finditer(sentence)
    )


def states_email(sentence: str) -> bool:
    """Whether the sentence gives an email address."""
    return _EMAIL.search(sentence) is not None


def states_contact(sentence: str) -> bool:
    """Whether the sentence gives a telephone number or an email address."""
    return states_phone(sentence) or states_email(sentence)


# A question asking how one can pay ("Do you accept credit cards?", "¿Aceptan tarjeta?",
# "Bisa bayar pakai kartu?"), the words that only say so, and a sentence naming a means
# of payment beside a word of paying ("We take cash, Visa and Mastercard", "Se puede
# pagar en efectivo o con tarjeta", "Pembayaran bisa tunai atau QRIS").
_MEANS = (
    r"cards?|credit cards?|debit cards?|cash|visa|mastercard|maestro|amex|american express|"
    r"apple pay|google pay|bank transfer|tarjetas?|efectivo|transferencia|bizum|kartu|"
    r"tunai|transfer|qris|gopay|ovo|paypal|contactless"
)
_ASKS_PAYMENT = re.compile(
    r"(?<![^\W_])(?:(?:how|where) (?:can|do|should) (?:i|we) pay|payment (?:methods?|options?)|"
    r"ways to pay|pay (?:by|with|in) (?:card|credit|debit|cash)|"
    r"(?:accept|take) (?:credit |debit )?(?:cards?|cash|payments?)|"
    r"(?:formas?|m[eé]todos?|medios?) de pago|(?:c[oó]mo|con qu[eé]|d[oó]nde) (?:se )?"
    r"(?:puedo |podemos |puede )?pagar|pagar con (?:tarjeta|efectivo)|"
    r"(?:aceptan|admiten|cogen|acept[aá]is|admit[ií]s|cog[eé]is) (?:tarjetas?|efectivo|pagos?)|"
    r"(?:metode|cara) (?:pembayaran|bayar|membayar)|bayar (?:pakai|dengan|via|lewat) "
    r"(?:kartu|tunai|transfer|qris)|menerima (?:kartu|pembayaran)|"
    # ... or without cash: "Boleh bayar tanpa uang tunai?", "Can I pay without cash?"
    r"(?:bayar|pay|pagar) (?:tanpa (?:uang )?tunai|non-?tunai|without cash|sin efectivo)|"
    r"(?:bayar|bayarnya|pembayaran|pembayarannya) (?:pakai|dengan|via|lewat) apa)(?![^\W_])",
    re.IGNORECASE,
)
PAYMENT_WORDS = frozenset(
    "pay payment payments method methods options ways accept take card cards credit debit "
    "cash forma formas método metodo métodos metodos medio medios pago pagos pagar aceptan "
    "admiten cogen aceptáis aceptais admitís admitis cogéis tarjeta tarjetas crédito "
    "credito débito debito efectivo metode cara pembayaran bayar membayar pakai via lewat "
    "kartu kredit tunai transfer menerima uang tanpa non boleh bolehkah bisa bisakah".split()
)
_STATES_PAYMENT = re.compile(rf"(?<![^\W_])(?:{_MEANS})(?![^\W_])", re.IGNORECASE)
_PAYING = re.compile(
    r"(?<![^\W_])(?:pay|paid|paying|payment|payments|accept|accepts|accepted|take|takes|"
    r"pagar|pago|pagos|paga|pagan|aceptamos|acepta|aceptan|admitimos|admite|bayar|"
    r"pembayaran|dibayar|membayar|menerima|diterima|terima(?! kasih))(?![^\W_])",
    re.IGNORECASE,
)


# The means a question asks about by kind ("Can I pay by card?", "¿Aceptan efectivo?",
# "Bisa bayar pakai kartu kredit?"), each with the words that name it on a page.
_MEANS_OF_KIND = {
    "card": "card cards credit debit visa mastercard maestro amex contactless tarjeta "
    "tarjetas crédito credito débito debito datáfono datafono kartu kredit",
    "cash": "cash coins efectivo metálico metalico monedas tunai koin",
    "transfer": "transfer transfers transferencia transferencias bizum",
    "wallet": "qris gopay ovo shopeepay paypal",
}
_KIND_OF = {word: kind for kind, words in _MEANS_OF_KIND.items() for word in words.split()}
_MEANS_WORD = re.compile(
    rf"(?<![^\W_])(?:{'|'.join(sorted(_KIND_OF, key=len, reverse=True))})(?![^\W_])",
    re.IGNORECASE,
)


def means_asked(question: str) -> frozenset[str]:
    """The kinds of means of payment a question asking how to pay, or speaking of paying,
    names ("card" of "¿Se puede pagar con tarjeta?", "transfer" of "Bisa bayar deposit
    pakai transfer?"); none for other questions ("a gift card")."""
    if not asks_payment(question) and _PAYING.search(question) is None:
        return frozenset()
    return frozenset(_KIND_OF[m.group().lower()] for m in _MEANS_WORD.finditer(question))


def names_means(text: str, kinds: frozenset[str]) -> bool:
    """Whether the text names a means of one of `kinds` ("Visa" a card)."""
    return any(_KIND_OF[m.group().lower()] in kinds for m in _MEANS_WORD.finditer(text))


def asks_payment(question: str) -> bool:
    """Whether the question asks how one can pay."""
    return _ASKS_PAYMENT.search(question) is not None


def states_payment(sentence: str) -> bool:
    """Whether the sentence names a means of payment beside a word of paying."""
    return _STATES_PAYMENT.search(sentence) is not None and _PAYING.search(sentence) is not None


# A question asking when to pay ("When do I have to pay the rest?", "¿Cuándo se paga?",
# "Pelunasannya kapan?"), the words that only say so, and a sentence saying when: a word
# of paying (or of what is paid: a balance, a deposit) beside a moment or a length of
# time ("the balance is due four weeks before the wedding", "se paga al recoger",
# "pelunasan H-3"). In sets A to DN, 30 questions asked it: 24 answerable, and six
# near-topic ones asking whether one may pay after ("Bisa bayar setelah acara?") of
# pages saying nothing of when, which stay declined.
_ASKS_WHEN_PAID = re.compile(
    r"(?<![^\W_])(?:when (?:do|should|must|will|can|would) (?:i|we) (?:have to |need to )?"
    r"pay|when (?:is|are) (?:the )?(?:balance|payment|rest|remainder|deposit)s? (?:due|paid)|"
    r"cu[aá]ndo (?:se paga|se abona|pago|pagamos|hay que pagar|tengo que pagar|tenemos que "
    r"pagar|abono)|kapan (?:harus |saya |kami )?(?:bayar|dibayar|pelunasan\w*|lunas\w*|"
    r"pembayaran\w*|melunasi)|(?:bayar|dibayar|pelunasan|lunas|pembayaran)\w* kapan|"
    # ... or on what date: "Bayarnya tiap tanggal berapa?", "What date do we pay by?"
    r"(?:bayar|dibayar|pelunasan|lunas|pembayaran)\w*(?: (?:tiap|setiap|paling lambat))? "
    r"tanggal berapa|what date (?:do|should|must) (?:i|we) pay|"
    # ... or whether before or after: "Do I pay up front?", "¿Se paga por adelantado?",
    # "Bayar di muka?"
    r"pay (?:up ?front|in advance|beforehand|before|after|on the day|on completion)|"
    r"(?:se paga|pago|pagamos|hay que pagar) (?:por adelantado|antes|despu[eé]s|al final|"
    r"al terminar)|bayar(?:nya)? (?:di muka|di depan|dulu|duluan|belakangan|setelah|"
    r"sesudah))(?![^\W_])",
    re.IGNORECASE,
)
WHEN_PAID_WORDS = frozenset(
    "when do does should must will can would i we have to need pay paid payment balance "
    "rest remainder due is are the cuándo cuando se paga pago pagamos pagar hay que tengo "
    "tenemos abona abono resto restante kapan harus saya kami bayar bayarnya dibayar "
    "pelunasan pelunasannya lunas lunasnya melunasi pembayaran pembayarannya sisa "
    "sisanya up front upfront advance beforehand before after day completion por "
    "adelantado antes después despues al final terminar muka depan dulu duluan belakangan "
    "setelah sesudah tiap setiap tanggal paling lambat what date by".split()
)
_PAYS = re.compile(
    r"(?<![^\W_])(?:pay\w*|paid|due|balance|deposit|pag\w+|abon\w+|señal|resto|"
    r"bayar|dibayar\w*|pembayaran|pelunasan|lunas|dilunasi|dp|uang muka|sisa\w*)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_MOMENT_OF_PAYING = re.compile(
    r"(?<![^\W_])(?:before|after|on|upon|at|when|once|within|advance|beforehand|upfront|"
    r"antes|despu[eé]s|al|cuando|adelantado|momento|sebelum|setelah|sesudah|saat|ketika|"
    r"pada|di muka|di awal|di akhir|paling lambat|h-\d+)(?![^\W_])",
    re.IGNORECASE,
)


# (how much is paid up front is a price: "Bayar di muka berapa persen?")
_HOW_MUCH = re.compile(
    r"(?<![^\W_])(?:how much|what percentage|cu[aá]nt[oa]|porcentaje|berapa|persen)(?![^\W_])",
    re.IGNORECASE,
)


# "On what date", whose "berapa" asks no amount.
_WHAT_DATE = re.compile(r"(?<![^\W_])tanggal berapa(?![^\W_])", re.IGNORECASE)


def asks_when_paid(question: str) -> bool:
    """Whether the question asks when to pay."""
    return (
        _ASKS_WHEN_PAID.search(question) is not None
        and _HOW_MUCH.search(_WHAT_DATE.sub(" ", question)) is None
    )


def states_when_paid(sentence: str) -> bool:
    """Whether the sentence says when something is paid."""
    found = [m.lower() for m in _PAYS.findall(sentence)]
    # (an Indonesian "pagar" is a fence: the language read only when that is all it says)
    pays = any(m != "pagar" for m in found) or (bool(found) and guess(sentence)[0] != "id")
    return pays and (
        _MOMENT_OF_PAYING.search(sentence) is not None
        or _LENGTH_OF_TIME.search(sentence) is not None
    )


# How soon they can come or begin ("How soon could you start?", "¿Cuándo podéis
# empezar?", "Kapan bisa mulai dikerjakan?"), told by a sentence on waiting, being booked
# ahead or coming within a length of time ("Work is currently booked about eight weeks
# ahead", "Teknisi datang paling lambat 45 menit"); not by how long the work itself
# takes ("a two-day course").
_ASKS_WAIT = re.compile(
    r"(?<![^\W_])(?:how soon (?:can|could|would|will) (?:you|they|someone|somebody|a \w+|"
    r"the \w+)|when (?:can|could) you (?:start|begin|come|fit|do|visit)|how long is the "
    r"wait(?:ing list)?|how far ahead|(?:how long|how many \w+) (?:do|would|will) (?:i|we) "
    r"(?:have to |need to )?wait|cu[aá]ndo (?:pod[eé]is|puedes|pueden|podr[ií]ais|"
    r"podr[ií]an) (?:empezar|venir|hacerlo|comenzar)|cu[aá]nto (?:tiempo )?hay que esperar|"
    r"lista de espera|kapan bisa (?:mulai|dikerjakan|datang|dimulai)|berapa lama "
    r"(?:antre|antri|menunggu|inden)\w*)(?![^\W_])",
    re.IGNORECASE,
)
WAIT_WORDS = frozenset(
    "how soon can could would will you they someone somebody the when start begin come fit "
    "do visit long is wait waiting list far ahead many i we have need to cuándo cuando "
    "podéis podeis puedes pueden podríais podriais podrían podrian empezar venir hacerlo "
    "comenzar cuánto cuanto tiempo hay que esperar lista espera de kapan bisa mulai "
    "dikerjakan datang dimulai berapa lama antre antri menunggu inden".split()
)
_WAITING = re.compile(
    r"(?<![^\W_])(?:ahead|booked|book up|waiting|wait|within|in under|at the latest|"
    r"espera|esperar|reservad[oa]s?|en menos de|como m[aá]ximo|antre\w*|antri\w*|"
    r"menunggu|inden|paling lambat|dalam waktu|maksimal)(?![^\W_])",
    re.IGNORECASE,
)


def asks_wait(question: str) -> bool:
    """Whether the question asks how soon they can come or begin."""
    return _ASKS_WAIT.search(question) is not None


def states_wait(sentence: str) -> bool:
    """Whether the sentence says how long one waits for them: a word of waiting or of
    being booked ahead beside a length of time."""
    return _WAITING.search(sentence) is not None and _LENGTH_OF_TIME.search(sentence) is not None


# A question asking how to cancel or how much notice it takes ("Can I cancel my
# booking?", "¿Con cuánta antelación tengo que cancelar?", "Sampai kapan pembatalan
# gratis?"), the words that only say so, and a sentence giving a notice: a word of
# cancelling or of notice beside a length of time ("avísanos con 24 horas de antelación").
_ASKS_NOTICE = re.compile(
    r"(?<![^\W_])(?:(?:can|could|how (?:do|can)) (?:i|we) cancel|cancell?ation policy|"
    r"cancel (?:my|a|the|our) (?:booking|appointment|reservation|class|lesson|order|visit)|"
    r"how (?:far|long) in advance|how much notice|(?:puedo|podemos|se puede) (?:cancelar|anular)|"
    r"c[oó]mo (?:cancelo|cancelar|anulo|anular)|con cu[aá]nta antelaci[oó]n|"
    r"pol[ií]tica de cancelaci[oó]n|cancelar (?:la|mi|una) (?:cita|reserva|clase)|"
    r"(?:bisa|boleh|bagaimana(?: cara)?) (?:membatalkan|batalkan|batal)|pembatalan|"
    # ... or what happens if the asker cancels: "¿Qué pasa si cancelo el mismo día?"
    r"what (?:happens )?if (?:i|we) (?:have to |need to )?cancel|"
    r"qu[eé] (?:pasa|ocurre|sucede) si (?:cancelo|cancelamos|anulo|anulamos|"
    r"tengo que cancelar|tenemos que cancelar)|"
    r"(?:kalau|jika|bila) (?:saya |kami )?(?:mau |harus )?(?:batal|membatalkan))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# ... or how long before one must book: "Harus pesan berapa jam sebelumnya?", "¿Con
# cuánto tiempo hay que reservar?", "Harus pesan kapan?" (a sentence giving a length of
# time before something answers it: "paling lambat sehari sebelumnya").
_ASKS_HOW_LONG_BEFORE = re.compile(
    r"(?<![^\W_])(?:how (?:many (?:minutes|hours|days|weeks)|long) before|con cu[aá]nto tiempo|"
    r"con cu[aá]nta antelaci[oó]n|"
    r"cu[aá]nt[oa]s? (?:minutos|horas|d[ií]as|semanas) antes|"
    r"berapa (?:menit|jam|hari|minggu|lama) sebelum\w*|"
    # ("¿Con cuántos días de margen hay que avisaros?")
    r"con cu[aá]nt[oa]s (?:minutos|horas|d[ií]as|semanas) de (?:margen|antelaci[oó]n)|"
    # ... or how early to come: "How early should we turn up?"
    r"how early (?:should|must|do|to)|"
    r"when (?:should|must|do) (?:i|we) (?:need to |have to )?book|"
    r"cu[aá]ndo (?:hay que|tengo que|debo|deber[ií]a|deber[ií]amos|tenemos que|conviene) "
    r"reservar|"
    r"(?:harus|perlu) (?:pesan|memesan|booking|reservasi) kapan|"
    r"kapan (?:harus|perlu) (?:pesan|memesan|booking|reservasi)|"
    # ... or whether one books first: "Mau ikut workshop perlu pesan dulu?" (set FG, of
    # "Reservasi ... minimal satu hari sebelumnya"), "Do we need to book ahead?"
    r"(?:harus|perlu|wajib) (?:pesan|memesan|booking|reservasi) (?:dulu|terlebih dahulu)|"
    r"(?:do|should|must) (?:i|we) (?:need to |have to )?book (?:ahead|in advance|first)|"
    # ... or by when at the latest one books: "Pesan badutnya paling lambat kapan?" (set
    # FD; not "Bayarnya paling telat kapan?", a day to pay by)
    r"(?:pesan|memesan|booking|reservasi|daftar|mendaftar)\w*(?: [\w-]+)? "
    r"paling (?:lambat|telat) kapan|"
    r"kapan paling (?:lambat|telat) (?:pesan|memesan|booking|reservasi|daftar|mendaftar))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
NOTICE_WORDS = frozenset(
    "cancel cancelled canceled cancelling cancellation policy booking appointment "
    "reservation class lesson order visit notice advance far cancelar cancelo anular anulo "
    "cancelación cancelacion antelación antelacion política politica cita reserva clase "
    "cuánta cuanta cuánto cuanto cuántos cuantos membatalkan batalkan batal pembatalan "
    "bagaimana cara before long many hours days weeks tiempo antes horas días dias semanas "
    "sebelum sebelumnya jam hari minggu berapa book reserve pesan memesan reservar pedir "
    "when should do cuándo cuando kapan booking reservasi minutes minutos menit "
    # ... how early to come, and giving notice: "How early should we turn up?", "¿Con
    # cuánto tiempo tengo que avisar?"
    "early arrive arriving turn llegar avisar aviso avisaros avisarte avisarles margen "
    # leaned on to ask it: "¿Con cuánta antelación tengo que cancelar?"
    "need must have tengo tienes tiene debo hay harus perlu debería deberia deberíamos "
    "deberiamos conviene "
    # ... and what happens if one cancels: "¿Qué pasa si cancelo el mismo día?"
    "what happens happen if same pasa ocurre sucede si mismo misma kalau jika bila saya "
    "kami mau "
    # ... and by when at the latest
    "paling lambat telat "
    # ... or whether first ("perlu pesan dulu?"), and what one comes to do ("Mau ikut
    # workshop ...?")
    "dulu terlebih dahulu wajib ahead first ikut join".split()
)
_NOTICE = re.compile(
    r"(?<![^\W_])(?:cancel\w*|notice|in advance|cancelar|cancelaci[oó]n|anular|"
    r"antelaci[oó]n|avis\w*|pembatalan|dibatalkan|batal\w*|membatalkan)(?![^\W_])",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"(?<![^\W_])(?:before|beforehand|ahead|antes|sebelum|sebelumnya|"
    # ... or booked "with at least" a length of time: "Reserve con al menos 24 horas"
    r"con (?:al menos|como m[ií]nimo|un m[ií]nimo de))(?![^\W_])",
    re.IGNORECASE,
)
# A number in figures or, up to eighteen, in words ("ten days' notice", "eight weeks of
# age").
_N = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|"
    r"eighteen|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|diecis[eé]is|"
    # ("Tengo diecisiete años, ¿me hacéis un tatuaje?", set FF; Spanish "once" is eleven,
    # and English "once" is read only where a unit of age or time follows it)
    r"seventeen|fifteen|fourteen|thirteen|once|trece|catorce|quince|diecisiete|"
    r"dieciocho|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)"
)
_LENGTH_OF_TIME = re.compile(
    rf"(?<![^\W_])(?:(?:{_N}|a|an|una?)\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|"
    r"minutos?|horas?|d[ií]as?|semanas?|mes|meses|menit|jam|hari|minggu|bulan)|"
    # Indonesian "se-" is one: "sehari sebelumnya"
    r"se(?:jam|hari|minggu|bulan))(?![^\W_])",
    re.IGNORECASE,
)


def asks_notice(question: str) -> bool:
    """Whether the question asks how to cancel, how much notice something takes, or how
    long before one must book."""
    return (
        _ASKS_NOTICE.search(question) is not None
        or _ASKS_HOW_LONG_BEFORE.search(question) is not None
    )


def states_notice(sentence: str) -> bool:
    """Whether the sentence gives a notice: cancelling, notice or "before", and a length
    of time."""
    return (
        _NOTICE.search(sentence) is not None or _BEFORE.search(sentence) is not None
    ) and _LENGTH_OF_TIME.search(sentence) is not None


# The asker cancelling ("What happens if we cancel the wedding?", "¿Qué pasa si
# anulo?", "Kalau batal uangnya kembali?"), of pages that never speak of cancelling,
# refunds, notice or moving a date: what happens then is not theirs to tell, whatever
# they say of deposits. In sets A to DM, 31 questions asked it, 30 answerable, all of
# pages speaking of it; weather calling a trip off ("Is it cancelled if it rains?") is
# another question, which a page answers by what it does in the rain.
_ASKER_CANCELS = re.compile(
    r"(?<![^\W_])(?:(?:i|we) (?:\w+ )?(?:to )?cancel|cancel (?:my|our)|"
    r"(?:cancelo|cancelamos|anulo|anulamos)|(?:puedo|podemos|quiero|queremos|tengo que|"
    r"tenemos que|hay que) (?:cancelar|anular)|"
    r"(?:kalau|jika|bila|mau|ingin|bisa) (?:saya |kami )?(?:mau )?(?:batal|membatalkan))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_WEATHER = re.compile(
    r"(?<![^\W_])(?:rain\w*|weather|storm\w*|snow\w*|wind\w*|llueve|lluvia|tiempo|"
    r"tormenta|nieve|viento|hujan|cuaca|badai|angin)(?![^\W_])",
    re.IGNORECASE,
)
_SPEAKS_OF_CANCELLING = re.compile(
    r"(?<![^\W_])(?:cancel\w*|anul\w*|batal\w*|dibatalkan|pembatalan|refund\w*|"
    r"reembols\w*|devol\w*|devuelv\w*|hangus|dikembalikan|kembali|notice|"
    r"antelaci[oó]n|postpone\w*|aplaz\w*|reschedul\w*|jadwal ulang|dijadwalkan|"
    r"non-?returnable|non-?refundable|money back)(?![^\W_])",
    re.IGNORECASE,
)


def cancelling_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks what comes of the asker cancelling, of texts that never
    speak of cancelling, refunds, notice or moving a date."""
    return _WEATHER.search(question) is None and unspoken(
        _ASKER_CANCELS, _SPEAKS_OF_CANCELLING, question, texts
    )


def tells_notice(sentence: str, question: str) -> bool:
    """Whether the notice the sentence gives is the one asked: a length of time before
    something tells how long before to book; cancelling asks for cancelling or notice
    ("Can I cancel?" is not answered by "The balance is due six weeks before arrival")."""
    return (
        _ASKS_HOW_LONG_BEFORE.search(question) is not None or _NOTICE.search(sentence) is not None
    )


# A question asking from what age (or up to what age) one may come ("What age can
# children start?", "¿A partir de qué edad se puede empezar?", "Umur berapa anak bisa
# dititipkan?"), the words that only say so, and a sentence giving an age: "aged 5 to
# 12", "from eight weeks of age", "niños de 5 a 12 años", "anak usia 1 sampai 5 tahun",
# "orang tua berusia 60 tahun ke atas", "Children under 8", "menores de 12 años" (not
# "fever over 38 degrees").
# Asked as a condition, not of someone's past: "How old was Tesla when he died?" and
# "¿Qué edad tenía...?" ask no such thing.
_ASKS_AGE = re.compile(
    r"(?<![^\W_])(?:(?:what|which) ages? (?:can|do|does|must|should|will|are|is)|"
    r"from what age|at what age can|how old (?:do|does|must|should|can|will)|age limit|"
    r"minimum age|age range|(?:a partir de|desde|con|a) qu[eé] edad|para qu[eé] edad(?:es)?|"
    # ... or children of what age: "¿Es apropiado para niños de qué edad?" (set FE)
    r"(?:niñ[oa]s|hij[oa]s|chic[oa]s|cr[ií]os|peques) de qu[eé] edad(?:es)?|"
    r"(?:children|kids) of what age|"
    # ("¿Con cuántos años se puede hacer apnea?", "¿A partir de cuántos años?")
    r"(?:con|a partir de) cu[aá]ntos años(?! de)|"
    r"qu[eé] edad (?:hay que|tienen que|tiene que|debe|deben|se necesita)|edad m[ií]nima|"
    r"l[ií]mite de edad|"
    r"(?:umur|usia) berapa|berapa (?:umur|usia)|batas (?:umur|usia)|(?:umur|usia) minimal|"
    # ... or whether one is old enough: "Is my son old enough to join?", "¿Tiene edad
    # suficiente?", "Sudah cukup umur?", "Is she too young?"
    r"old enough|too young|edad suficiente|suficiente edad|demasiado j[oó]ven(?:es)?|"
    r"cukup (?:umur|usia)|terlalu muda)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_AGE_ASKING = frozenset(
    "age ages old how what which limit minimum range years year months weeks edad edades "
    "cuántos cuantos "
    "partir desde qué que mínima minima límite limite años meses umur usia berapa batas "
    "minimal tahun bulan enough too young suficiente demasiado joven "
    "jóvenes jovenes cukup terlalu muda "
    # ... and what one may do from that age: "¿A partir de qué edad se puede empezar?"
    "start begin join enrol enroll come empezar comenzar apuntarse inscribirse entrar venir "
    # ... or learn: "Mi hijo tiene 4 años, ¿puede aprender?"
    "learn aprender belajar "
    # ... or take part, drive, ride or play: "Mi hijo tiene 9 años, ¿puede correr?" (set
    # FB, of "Para niños de 7 a 12 años hay karts infantiles")
    "participate race drive ride play participar correr conducir montar jugar main "
    # ... or whether it is the right age, the age one turns: "My daughter turns 6, is she
    # the right age for the show?" (set FC, of "for ages 4 to 9")
    "right suitable appropriate adecuado adecuada apropiado apropiada cocok sesuai "
    "turn turns turned cumple cumplir cumplirá cumplira "
    # ... or be brought: "Can I bring my 16-year-old son?"
    "bring traer llevar bawa ajak "
    "mulai datang "
    "masuk ikut daftar can could must need needs have has puede pueden puedo podemos "
    "tiene tienen tengo hay debe deben bisa boleh harus perlu "
    # ... or what the place asks for: "¿Qué edad mínima piden?"
    "piden pide pedís pedis require requires ask asks "
    # ... or whom the place takes in: "¿Desde qué edad admitís niños?"
    "admit admits accept accepts take takes admitís admitis admiten admite aceptáis "
    "aceptais aceptan acepta acogéis acogeis acogen acoge cogéis cogeis menerima terima "
    "diterima "
    # ... and the child one asks for, by its number: "My son is 12, can he be a member?"
    "son sons daughter daughters child children kid kids boy girl grandson granddaughter "
    "nephew niece member members hijo hija hijos hijas niño niña niños niñas nieto nieta "
    "sobrino sobrina socio socia miembro anak adik cucu keponakan anggota".split()
)
# ... and the age told in words: "Mi hija tiene nueve años, ¿tiene edad suficiente?"
AGE_WORDS = _AGE_ASKING | NUMBER_WORDS
_AGE_UNIT = r"(?:years?|months?|weeks?|años|meses|semanas|tahun|bulan|minggu)"
_NOT_AN_AGE = (
    r"(?!\s*(?:[°%]|[.,]\d|degrees?|grados?|derajat|kg|kilos?|km|cm|m\b|metres?|meters?|"
    r"minutes?|minutos?|menit|hours?|horas?|jam|seconds?|segundos?|detik|people|personas|"
    r"orang|€|£|\$|rp))"
)
_STATES_AGE = re.compile(
    # ("toddlers aged one to four are £5.50", "from the age of 8")
    rf"(?<![^\W_])(?:aged?|ages|edad(?:es)?(?: de)?|(?:ber)?usia|(?:ber)?umur)\s+(?:from\s+|de\s+|of\s+)?"
    rf"(?:\d|{_N}(?![^\W_]))|"
    rf"(?<![^\W_]){_N}[\s-]*(?:(?:-|–|to|a|al|sampai|hingga|y)\s*{_N}[\s-]*)?{_AGE_UNIT}"
    r"(?:\s+(?:old|of age|de edad)|-olds?)|"
    rf"(?:de|desde los|a partir de los)\s+{_N}\s*(?:(?:a|al|y)\s*{_N}\s*)?años|"
    # from months to years: "niños de 4 meses a 3 años", "from 6 months to 5 years"
    rf"(?:de|desde|from)\s+(?:los\s+)?{_N}\s*(?:meses|months)\s*(?:a|hasta|to)\s*(?:los\s+)?"
    rf"{_N}\s*(?:años|years)|"
    rf"(?:anak|bayi|balita|siswa)\s+\d+\s*(?:-|sampai|hingga)?\s*\d*\s*(?:tahun|bulan)|"
    rf"(?<![^\W_])(?:under|over|below|above|menores de|mayores de|di bawah|di atas)\s+\d+"
    rf"(?:\s*{_AGE_UNIT})?{_NOT_AN_AGE}(?![\d\w])|"
    # "Under-16s swim with a parent", "over-60s", "over 18s only"
    r"(?<![^\W_])(?:under|over)[\s-]\d{1,2}s(?![^\W_])|"
    # ... or what one must be: "You must be 16 on the day of the exam" (not "must be 10
    # minutes early")
    rf"(?<![^\W_])(?:must|have to|has to|need to|needs to) be (?:at least )?\d{{1,2}}"
    rf"{_NOT_AN_AGE}(?![\d.,:]?\d)(?!\s*(?:am|pm|h|[ap]\.m\.))(?![^\W_])|"
    # ... or in Spanish, what one must be of age: "El conductor debe tener al menos 23
    # años", "hay que tener 18 años (de edad)" (not "dos años de carné": a length of
    # time held)
    rf"(?<![^\W_])(?:tener|tengan?)\s+(?:al menos |como m[ií]nimo |m[ií]nimo |m[aá]s de )?"
    rf"{_N}\s+años(?!\s+de(?![^\W_])(?!\s+edad(?![^\W_])))|"
    # ... or a lowest or highest age and its number: "The minimum age is 14", "minimum
    # age for lessons is 8", "La edad mínima, 6 años", "Usia minimal penyewa 21 tahun"
    rf"(?<![^\W_])(?:(?:minimum|maximum|youngest|lowest) age|age limit)"
    rf"(?:\s+(?:for|to)(?:\s+[^\W\d]+){{1,2}}?)?(?:\s+(?:is|of))?\s*[:,]?\s*\d{{1,2}}"
    rf"{_NOT_AN_AGE}(?![\d.,:]?\d)|"
    rf"(?<![^\W_])edad (?:m[ií]nima|m[aá]xima)(?:\s+(?:es|de|para|requerida))*\s*[:,]?\s*"
    rf"(?:de\s+)?\d{{1,2}}{_NOT_AN_AGE}(?![\d.,:]?\d)|"
    rf"(?<![^\W_])(?:usia|umur) (?:minimal|minimum|maksimal|maksimum|paling muda)"
    rf"(?:\s+[^\W\d]+)?\s*[:,]?\s*\d{{1,2}}{_NOT_AN_AGE}(?![\d.,:]?\d)|"
    # ... or the age of adults, unnumbered: "hay que ser mayor de edad", "adults only",
    # "harus sudah cukup umur"
    r"(?<![^\W_])(?:(?:mayor|menor)(?:es)? de edad|adults?[- ]only|of legal age|cukup umur)"
    r"(?![^\W_])|"
    # "must be 16 or older", "18s and over", "children 5 and over" (not "groups of 10 or
    # over": a number of people)
    r"(?<![\d.,])\d{1,2}\s*(?:years?\s*)?(?:or|and)\s*older(?![^\W_])|"
    r"(?<![\d.,])\d{1,2}s\s*(?:and|or)\s*(?:over|up|above)(?![^\W_])|"
    r"(?<![^\W_])(?:children|kids|adults|ages?|aged|anyone|those)\s+\d{1,2}\s*(?:and|or)\s*"
    r"(?:over|up|above)(?![^\W_])|"
    # ... or children from a bare number: "Children from 8 can fly", "niños desde 6",
    # "anak mulai 5"
    r"(?<![^\W_])(?:children|kids|juniors|niños|niñas|peques|anak|anak-anak)\s+"
    r"(?:from|desde|a partir de|mulai|dari)\s+\d{1,2}(?![\d.,:])(?!\s*(?:[°%]|am|pm|h|€|£|\$))",
    re.IGNORECASE,
)
# ... or whether someone of an age told by its number may ("Can my 14-year-old come?",
# "Mi hijo tiene 5 años, ¿puede venir?", "Anak saya umur 4 tahun boleh ikut?"): a
# sentence giving an age answers it as it answers "From what age...?". A child's bare
# number is an age too ("My son is 12, can he join?", "Mi hija tiene 9, ¿puede
# apuntarse?", "Anak saya 7 tahun, boleh ikut?") when nothing after it counts another
# thing ("my son is 12 minutes away").
_CHILD = r"(?:son|daughter|child|kid|boy|girl|grandson|granddaughter|nephew|niece|he|she)"
_BARE = r"(?=\s*(?:[,;.!?]|$|(?:and|but|y|pero|dan|tapi)(?![^\W_])))"
_ASKS_BY_AN_AGE = re.compile(
    # (a baby's in months too in Spanish and Indonesian: "Mi bebé tiene 8 meses", "Anak
    # saya 8 bulan sudah bisa ikut?"; English "my 10-month-old" is a baby, whom pages
    # name so: "babies on laps go free")
    rf"(?<![\d.,])(?:{_N})[\s-]*(?:years?|yrs?)[\s-]*olds?(?![^\W_])|"
    rf"(?<![^\W_]){_CHILD}(?:'s|’s| is| turns| has just turned)\s+(?:{_N}){_BARE}|"
    rf"(?<![^\W_])(?:tiene|tienen|tengo|(?:hij|niñ|niet|sobrin|beb)[oaé]s? de)\s+(?:{_N})\s+"
    rf"(?:años|meses)|"
    rf"(?<![^\W_])(?:hij|niñ|niet|sobrin)[oa]s? (?:tiene|cumple)\s+(?:{_N}){_BARE}|"
    rf"(?<![^\W_])(?:umur|usia|umurnya|usianya)\s+(?:{_N})\s+(?:tahun|bulan)|"
    # ... or no "tahun" said: "Anak umur 11 boleh ikut?"
    rf"(?<![^\W_])(?:anak|adik|cucu|keponakan)(?:ku| saya| kami)?\s+(?:umur|usia)\s+(?:{_N})"
    rf"(?=\s+(?:boleh|bisa|sudah|udah|apa|ikut)(?![^\W_])|{_BARE})|"
    rf"(?<![^\W_])(?:anak|adik|cucu|keponakan)(?:ku| saya| kami)?(?: sudah| baru)?\s+"
    rf"(?:{_N})\s+(?:tahun|bulan)(?!\s+lagi)",
    re.IGNORECASE,
)


def asks_age(question: str) -> bool:
    """Whether the question asks from or up to what age one may come, or whether someone
    of a given age may."""
    return _ASKS_AGE.search(question) is not None or _ASKS_BY_AN_AGE.search(question) is not None


# A number of years, months or weeks, or a number and over: what a quote answering an
# age asked gives, whoever it is of ("Volunteers must be 18 or over", "hay que tener al
# menos 12 años", "Puppies can come from twelve weeks", "Anak di atas dua tahun").
_AND_OVER = r"(?<![\d.,])\d{1,2}\s*(?:\+|or over|and over|or above|o más|y más|ke atas)"
_NAMES_AN_AGE = re.compile(
    rf"(?<![\d.,])(?:\d{{1,3}}|{_N})\s*(?:{_AGE_UNIT}|yrs?)(?![^\W_])|{_AND_OVER}",
    re.IGNORECASE,
)
_AGE_AND_OVER = re.compile(_AND_OVER, re.IGNORECASE)


def gives_age(sentence: str) -> bool:
    """Whether the sentence gives an age (`states_age`), or a number and over, which asked
    an age is one ("Can I bring my 16-year-old son?" of "Visitors must be 18 or over")."""
    return states_age(sentence) or _AGE_AND_OVER.search(sentence) is not None


def names_an_age(sentence: str) -> bool:
    """Whether the sentence gives an age in any way (`states_age`, or a number of years
    or weeks, or a number and over)."""
    return states_age(sentence) or _NAMES_AN_AGE.search(sentence) is not None


def states_age(sentence: str) -> bool:
    """Whether the sentence gives an age (a number of years, months or weeks of age, or
    under or over one)."""
    return _STATES_AGE.search(sentence) is not None


def without_ages(text: str) -> str:
    """The text without the ages it gives ("How much is it for my  ?" of "How much is it
    for my 12-year-old?"): an age is whom a price is for, not what it prices."""
    return _ASKS_BY_AN_AGE.sub(" ", _STATES_AGE.sub(" ", text))


# An hour in words ("Can we come at five?", "¿Puedo llegar a las ocho?", "Boleh datang
# jam tujuh?"; "jam dua belas" by its "dua").
_HOUR_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    "una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
    "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas"
)
# A question asking at what time something is done, besides opening ("What time can I
# drop my son off?", "¿A qué hora podemos entrar?", "Jam berapa bisa dijemput?"): a
# sentence giving a time of day answers it in its own words ("Drop-off is between 8 and
# 9 am", "La entrada es a partir de las 16:00"). Not "when": it asks dates as often.
_ASKS_TIME = re.compile(
    r"(?<![^\W_])(?:(?:at|by|until|till|from) )?what times?(?![^\W_])|"
    r"(?<![^\W_])(?:a|hasta|desde|para) qu[eé] hora(?![^\W_])|"
    r"(?<![^\W_])(?:(?:sampai|hingga|mulai|dari) )?(?:jam|pukul) berapa(?![^\W_])|"
    # ... or how late or early: "How late can the band play?" (a time ends it: "Music
    # must finish at 11.30 pm")
    r"(?<![^\W_])how (?:late|early) (?:can|could|may|might|do|does|should|must|will|is|are)"
    r"(?![^\W_])|"
    # ... or the latest or earliest one may: "What's the latest we can arrive?" (of "last
    # entry at 6 pm")
    r"(?<![^\W_])(?:what's|what is) the (?:latest|earliest)(?: time)? (?:we|i|you|one) "
    r"(?:can|could|may|should)(?![^\W_])|"
    # ... or whether one may come at an hour: "Kami boleh datang jam 12 siang?", "Can we
    # come at 9?", "¿Puedo llegar a las 8?" (a check-in time, or the hours, answers it)
    rf"(?<![^\W_])(?:(?:can|could|may) (?:i|we)|puedo|podemos|se puede|bisa|boleh)"
    rf"(?![^\W_]).{{0,30}}(?<![^\W_])(?:{_COMING}|arrive|llegar|check in)(?![^\W_]).{{0,20}}"
    rf"(?<![^\W_])(?:at|a las?|jam|pukul) (?:\d{{1,2}}|{_HOUR_WORDS})(?![^\W_])",
    re.IGNORECASE,
)
TIME_WORDS = frozenset(
    "what which how late early time times at by until till from hora horas qué que hasta "
    "desde para jam pukul berapa sampai hingga mulai dari can could should must do does "
    "will puedo podemos puede pueden debo debemos hay bisa boleh harus paling "
    # what starts or ends at it: "What time does it start?", "Jam berapa mulainya?",
    # "What time does the course finish?"
    "start starts begin begins empieza empiezan comienza comienzan dimulai "
    "finish finishes end ends over acaba acaban termina terminan selesai "
    "berakhir "
    # ... and coming at an hour of a part of the day: "Kami boleh datang jam 12 siang?"
    # (not what is done then, which names what is asked: "ambil" of "pengambilan")
    "come arrive llegar venir datang kami we pagi siang sore malam noon midday "
    "latest earliest what's "
    # ... and leaving at it: "What time do we have to leave?" (of "check-out by 10.30 am")
    "go goes leave leaves "
    # ... and meeting at it: "¿A qué hora quedamos?"
    "quedamos quedar quedáis quedais meet ketemu kumpul".split()
)
# A time of day: with its minutes ("16:00", "7.30", "pukul 07.00"; not an amount,
# "£2.50", "12.50 euros", "Rp75.000") or its am or pm, or noon and midnight.
_STATES_TIME = re.compile(
    r"(?<![\d.,:$€£¥])\d{1,2}[:.]\d{2}(?!\d|[.,:]\d)"
    r"(?!\s*(?:€|euros?|dollars?|pounds?|usd|eur)(?![^\W_]))|"
    r"(?<![\d.,])\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)(?![^\W_])|"
    r"(?<![^\W_])(?:noon|midnight|mediod[ií]a|medianoche|tengah malam)(?![^\W_])|"
    # ... or by the part of the day it is done in: "Pengantaran dilakukan pagi hari"
    # answers "Diantar jam berapa?", "We deliver in the mornings" "What time...?" (not
    # "Suhu malam hari", the night's temperature)
    r"(?<![^\W_])(?:(?:in the|each|every) (?:morning|afternoon|evening)s?|"
    r"por las? (?:ma[ñn]anas?|tardes?|noches?)|"
    r"(?:pada|setiap|tiap|dilakukan) (?:pagi|siang|sore|malam)(?: hari)?)(?![^\W_])|"
    # ... or by the sun: "Volamos al amanecer" answers "¿A qué hora se vuela?", "We set
    # off at dawn", "berangkat saat matahari terbit"
    r"(?<![^\W_])(?:(?:at|before|after|by) (?:dawn|dusk|sunrise|sunset|first light)|"
    r"(?:al|antes del|despu[eé]s del) (?:amanecer|atardecer|anochecer)|"
    r"(?:a la|antes de la|despu[eé]s de la) (?:salida|puesta) del sol|"
    r"(?:saat|waktu|ketika|sebelum|setelah) (?:matahari (?:terbit|terbenam)|fajar))"
    r"(?![^\W_])|"
    # ... or, in Indonesian, by a prayer's time: "setelah Asar", "bakda Magrib"
    r"(?<![^\W_])(?:sebelum|sesudah|setelah|selepas|ba'?da|bakda|habis) "
    r"(?:(?:salat|sholat|shalat) )?(?:subuh|zuhur|dzuhur|duhur|lohor|asar|ashar|magrib|"
    r"maghrib|isya'?)(?![^\W_])",
    re.IGNORECASE,
)


def asks_time(question: str) -> bool:
    """Whether the question asks at what time something is done."""
    return _ASKS_TIME.search(question) is not None


def states_time(sentence: str) -> bool:
    """Whether the sentence gives a time of day."""
    return _STATES_TIME.search(sentence) is not None


# A question asking on which day something is done ("¿Qué día son las clases?", "What
# day do the adults rehearse?", "Kursusnya tiap hari apa saja?"): a sentence naming a
# day of the week, or every day, answers it in its own words ("los jueves de 18:00 a
# 20:30").
_ASKS_DAY = re.compile(
    r"(?<![^\W_])(?:(?:what|which) (?:days?|nights?|evenings?)|"
    r"(?:qu[eé]|cu[aá]l(?:es)?) (?:d[ií]as?|noches?)|(?:hari|malam) apa)(?![^\W_])",
    re.IGNORECASE,
)
# ... or when an event is, by its name: "¿Cuándo es la próxima cata?" (of "El primer
# sábado de cada mes hacemos una cata"); not when it was. Asked so, the sentence must
# name the event (`tells_day`): "When is the rent due?" is not answered by the shop's
# Sunday hours, nor "When are the auditions?" by the show's Saturday matinee.
_ASKS_WHEN_EVENT = re.compile(
    r"(?<![^\W_])(?:when(?: is|'s| are) (?:the|your|our)|cu[aá]ndo (?:es|son|ser[aá]n?) "
    r"(?:el|la|los|las)) (?=\w)",
    re.IGNORECASE,
)
_EVERY_DAY = re.compile(
    r"(?<![^\W_])(?:every day|daily|todos los d[ií]as|a diario|setiap hari|tiap hari)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
DAY_WORDS = frozenset(
    "what which day days night nights evening evenings on qué que cuál cuáles cual cuales "
    "día días dia dias noche noches hari malam apa saja tiap setiap pada is are do does "
    "son es hay when cuándo cuando next próximo próxima próximos próximas siguiente "
    "será serán your our "
    # ... on the schedule: "Jadwal kelasnya hari apa?"
    "schedule horario horarios jadwal jadwalnya "
    # which day it opens or closes: "Butiknya tutup hari apa?" of "buka Selasa sampai Minggu"
    "open opens closed close closes abre abren abrís abris cierra cierran cerráis cerrais "
    "buka tutup libur "
    # ... of the week: "¿Qué día de la semana se hace el taller?"
    "of the week de la semana".split()
)


def asks_day(question: str) -> bool:
    """Whether the question asks on which day something is done, or when an event is."""
    return _ASKS_DAY.search(question) is not None or _ASKS_WHEN_EVENT.search(question) is not None


def tells_day(sentence: str, question: str) -> bool:
    """Asked when an event is, whether the sentence names it, in every word the question
    names it by ("When is the Evolution Festival hosted?" is not answered by another
    festival's weekend); any sentence naming a day, asked on which day."""
    if _ASKS_WHEN_EVENT.search(question) is None:
        return True
    return terms_besides(question, DAY_WORDS) <= terms_of(sentence)


def states_day(sentence: str) -> bool:
    """Whether the sentence names a day of the week, or every day."""
    return bool(days_named(sentence)) or _EVERY_DAY.search(sentence) is not None


# ... or the whole week, or every hour of it: "open seven days a week", "abrimos toda la
# semana", "Atendemos urgencias las 24 horas"
_ALL_WEEK = re.compile(
    r"(?<![^\W_])(?:(?:7|seven) days a week|all week|toda la semana|(?:los )?(?:7|siete) "
    r"d[ií]as(?: de la semana)?|(?:7|tujuh) hari (?:seminggu|dalam seminggu)|sepanjang minggu|"
    r"24 (?:hours|horas|jam)|24/7|24 x 7|(?:a)?round the clock|any day|cualquier d[ií]a|"
    r"kapan saja|festivos|bank holidays|hari libur)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def day_unnamed(question: str, texts: list[str]) -> bool:
    """Whether the question names a day of the week that no retrieved text could tell of:
    none names a day, every day, the whole week or every hour ("Can I do my CBT on a
    Sunday?" of a school giving its start time and the course's length). A weekend is
    not read: it is as often a length of stay ("Can I book just a weekend?" of "short
    breaks of three nights")."""
    return bool(days_named(question).keys() & _WEEK_DAYS) and not any(
        states_day(text) or _ALL_WEEK.search(text) is not None for text in texts
    )


def day_of_another(question: str, texts: list[str]) -> bool:
    """Whether the question asks of a day of the week that no retrieved text names, while
    they name others and no span of days, every day nor the whole week: "Do you run courses on
    Sundays?" of "Courses run on Saturdays", "Ada kelas hari Minggu?" of "setiap Sabtu".
    Not when it asks the hours (their rules read it; whether they work on a day is read
    here too) nor a price (one price asked of a day is the price on every day)."""
    asked = frozenset(days_named(question).keys() & _WEEK_DAYS)
    if not asked or _asks_opening(question) or asks_price(question):
        return False
    return any(map(states_day, texts)) and not any(
        names_day(text, asked)
        or _ALL_WEEK.search(text) is not None
        or _EVERY_DAY.search(text) is not None
        # A weekday or the weekend named as such tells every other day it is not ("We
        # deliver on weekdays only" answers "Can you deliver on a Saturday?").
        or bool(days_named(text).keys() & _DAY_GROUPS)
        or any(_is_day(first) and _is_day(last) for first, last in _spans(text))
        for text in texts
    )


# A question asking whether one pays ("Do I have to pay for a repair?", "¿Hay que pagar
# por el presupuesto?", "Anak yatim bayar tidak?"): a sentence giving a price, saying it
# is free or speaking of paying answers it ("mend ... toys for free", "presupuesto
# gratuito", "No cobramos matrícula en enero").
_ASKS_WHETHER_PAID = re.compile(
    r"(?<![^\W_])(?:(?:do|does|will|would) (?:i|we|you|they|it|[\w-]+) "
    r"(?:have to|need to|must) pay|"
    r"(?:do|does) (?:[\w-]+ ){1,2}pay (?:to|for|anything|extra)|"
    r"(?:do|does|will|would) (?:you|they) charge (?:for|extra|anything)|"
    r"(?:is|are) (?:it|this|that|they|the [\w-]+|[\w-]+) free|is there (?:a|any) "
    r"(?:charge|fee|cost)|does it cost (?:anything|extra|money)|"
    r"hay que pagar|se paga (?:algo|por)|^¿?se paga|(?:es|son) (?:gratis|gratuit[oa]s?)|"
    r"tiene (?:alg[uú]n )?coste|"
    r"cobr[aá]is (?:algo|por)|(?:harus|perlu) bayar|bayar (?:tidak|nggak|gak|enggak)|"
    r"gratis (?:tidak|nggak|gak|enggak)|apakah gratis|kena biaya|berbayar|se paga|"
    # ... asked in two words, the paying last: "Pinjam buku bayar?", "Do we pay for parking?"
    r"(?<!bisa )(?<!boleh )(?<!cara )(?<!mau )bayar(?=\W*$)|"
    # ... or the paying of what sending costs: "Diantar ke rumah bayar ongkir?"
    r"bayar ongkir(?:nya)?(?=\W*$)|"
    # ... or of whom, the paying last: "Do teenagers pay?", "¿Los jubilados pagan?"
    r"(?:do|does) (?:[\w-]+ ){1,2}pay(?=\W*$)|(?:paga|pagan|pagamos)(?=\W*$)|"
    r"(?:do|will) (?:i|we) pay (?:for|anything))(?![^\W_])",
    re.IGNORECASE,
)
# ... or whether it is included or extra: "Is food included?", "¿El seguro va aparte?",
# "¿Las cuerdas entran en el precio?", "Sudah termasuk sarapan?"
_ASKS_INCLUDED = re.compile(
    r"(?<![^\W_])(?:(?:is|are) (?:the |your |it |this |that )?(?:[\w-]+ ){0,2}(?:also )?included|"
    r"included in the (?:price|cost|fee)|does (?:it|the price|the cost|the fee|that|this) "
    r"include|cost extra|pay (?:extra|separately)|charged separately|"
    # ... or bought apart: "Buku pelajarannya harus beli terpisah?" (set EG), "Do I buy
    # the book separately?", "¿El libro se compra aparte?"
    r"buy (?:[\w-]+ ){0,2}separately|bought separately|(?:se )?compra(?:n|r)? aparte|"
    r"(?:va|van|se paga|se pagan|se cobra|se cobran) aparte|"
    r"(?:entra|entran|est[aá]n?) (?:incluid[oa]s? )?en el precio|"
    r"(?:est[aá]n?|va|van|viene|vienen) incluid[oa]s?|"
    r"(?:hay que )?pagar (?:aparte|extra|de m[aá]s)|pag(?:o|as|amos|[aá]is) aparte|"
    # ... or whether they provide it: "¿El neopreno lo ponéis vosotros?", "Do you provide
    # towels?", "Sudah dapat makan?"
    r"pon[eé]is vosotros|ponen ustedes|(?:do|will) you provide|"
    r"(?:is|are) (?:the )?[\w-]+(?: [\w-]+)? provided|sudah dapat|"
    # "Kontrolnya bayar lagi?": paid again is paid on top
    r"sudah termasuk|belum termasuk|apakah termasuk|(?:bayar|beli) terpisah|"
    # (... or bought again: "Seragam beli lagi nggak?" of "sudah termasuk seragam")
    r"(?:bayar|beli) lagi|"
    # ... or asked bare: "Aksesorisnya termasuk?"
    r"[\w-]+nya termasuk(?=\W*$)|"
    r"(?:tambah|nambah) bayar|bayar tambahan|"
    # ... or whether one buys it oneself: "Harus beli hakpen sendiri?", "Do I need to buy
    # my own chalk?", "¿Tengo que comprar el material?"
    r"(?:harus|perlu) beli (?:[\w-]+ ){0,2}sendiri|(?:need|have) to buy (?:my|our|your) own|"
    r"(?:tengo|tenemos|hay) que comprar(?:me|nos|lo|la|los|las)?)(?![^\W_])",
    re.IGNORECASE,
)
PAID_WORDS = frozenset(
    "do does will would i we you they it have to need must pay paying paid anything extra "
    "charge charged fee fees cost costs money free is are there any this that hay que "
    "pagar paga pago se es son gratis gratuito gratuita gratuitos gratuitas tiene algún "
    "algun coste costo cobráis cobrais algo por harus perlu bayar tidak nggak gak enggak "
    "beli sendiri buy own comprar comprarme comprarnos comprarlo comprarla comprarlos "
    "comprarlas tengo tenemos "
    "apakah kena biaya ongkir ongkirnya "
    # ... and whether it is included: "Is food included?", "¿El seguro va aparte?"
    "included include price extra separately va van entra entran está esta están estan "
    "en el precio incluido incluida incluidos incluidas viene vienen aparte cobra cobran "
    "pagan sudah belum termasuk terpisah pagar hay que de más mas lagi tambah nambah "
    "tambahan ponéis poneis vosotros ponen ustedes provide provided dapat lo la los "
    "las "
    # ... and who pays: "Bensin ditanggung siapa?"
    "ditanggung oleh siapa who pays quién quien".split()
)


# A word asking where, when, how, what, who or how much: such a question is not a yes or no
# one ("Kapan saya harus bayar?", "Where do you sell tickets?"). "Qué" with its accent
# only: "que" is "that" ("¿Hay que pagar?").
_OPEN_QUESTION = re.compile(
    r"(?<![^\W_])(?:where|when|how|what|which|who|d[oó]nde|cu[aá]ndo|c[oó]mo|cu[aá]nto|qué|"
    r"qui[eé]n|di mana|dimana|kapan|berapa|bagaimana|gimana|apa saja|siapa)(?![^\W_])",
    re.IGNORECASE,
)


# ... but not a clause of when something is done: "Do we pay anything when booking?"
_WHEN_DOING = re.compile(r"(?<![^\W_])when \w+ing(?![^\W_])", re.IGNORECASE)


def asks_openly(question: str) -> bool:
    """Whether the question asks where, when, how, what, who or how much (not yes or
    no)."""
    return _OPEN_QUESTION.search(_WHEN_DOING.sub(" ", question)) is not None


def asks_whether(pattern: re.Pattern[str], question: str) -> bool:
    """Whether `pattern` finds what a yes-or-no question asks, in one that asks nothing
    openly (`asks_openly`): "Do you deliver?", not "Where do you deliver?"."""
    return pattern.search(question) is not None and not asks_openly(question)


# A sentence on paying, or on charging, answers whether one pays as a price does: "No
# cobramos matrícula si te apuntas en enero", "Tidak dipungut biaya".
CHARGING = re.compile(
    r"(?<![^\W_])(?:pay|pays|paid|payment|charges?|charged|pag(?:a|an|ar|amos|as|[aá]is|o|os)|"
    r"cobr\w*|bayar|bayarnya|dibayar|membayar|pembayaran|biaya|dipungut)(?![^\W_])",
    re.IGNORECASE,
)


# Sent, as a condition: "Botolnya aman tidak kalau dikirim?" asks whether it arrives
# whole, not whether they send it.
_IF_SENT = re.compile(
    r"(?<![^\W_])(?:kalau|jika|bila|saat|waktu|if|when|si|cuando) (?:\w+ )?(?:dikirim|"
    r"diantar|sent|shipped|posted|delivered|enviad[oa]s?|enviamos)(?![^\W_])",
    re.IGNORECASE,
)


def asks_to_deliver(question: str) -> bool:
    """Whether the question asks whether they deliver (post, send) something, not where,
    when, how or for how much, nor of sending files."""
    return asks_whether(ASKS_TO_DELIVER, question) and not asks_of_files(question)


def asks_delivering(question: str) -> bool:
    """Whether the question asks whether they deliver (post, send, come to one's home),
    to no place named (which the decision reads against pages sending anywhere: "Bisa
    kirim ke Makassar?"), not as a condition (`asks_to_deliver`, read as a fact)."""
    return (
        asks_to_deliver(question)
        and not destinations(question)
        and _IF_SENT.search(question) is None
    )


# ... or who pays for a thing, which asks whether it is included: "Bensin ditanggung
# siapa?" of "Harga sudah termasuk bensin dan parkir", "Who pays for the fuel?". The
# thing named, nothing else: who pays if something breaks is another question ("Kalau
# kameranya rusak siapa yang bayar?").
_WHO_PAYS = re.compile(
    r"^\W*(?:[\w-]+ ditanggung (?:oleh )?siapa|who pays for (?:the )?[\w-]+|"
    r"qui[eé]n paga (?:el|la|los|las) [\w-]+)\W*$",
    re.IGNORECASE,
)


def asks_whether_paid(question: str) -> bool:
    """Whether the question asks whether one pays (for something), or whether something
    is included, or who pays for it."""
    return (
        asks_whether(_ASKS_WHETHER_PAID, question)
        or asks_whether(_ASKS_INCLUDED, question)
        or _WHO_PAYS.search(question) is not None
    )


# ... and so does one saying what is included, provided or extra: "Lunch and all tools
# are provided", "La cuota anual incluye el seguro", "cuerdas aparte".
_INCLUDED = re.compile(
    r"(?<![^\W_])(?:includes?|included|including|provided|supplied|extra|extras|separately|"
    r"incluye|incluyen|incluid[oa]s?|aparte|termasuk|disediakan|tambahan|"
    # ... or lent, no need to buy it: "Angklung dipinjamkan selama kelas, jadi peserta
    # tidak perlu membeli" answers "Harus beli angklung sendiri?"
    r"(?:is|are) lent|we lend|no need to buy|dipinjamkan|dipinjami|tidak perlu (?:mem)?beli|"
    r"se prestan?|(?:os|te) prestamos|no hace falta comprar(?:lo|la|los|las)?)(?![^\W_])",
    re.IGNORECASE,
)


# A meal, named as the page names it: "Is food included?" of "Lunch and all tools are
# provided". Only where a sentence must name what is asked (`telling_what_is_asked`):
# as a kin of the facts' (`held_by_kin`), lunch's time would answer for breakfast's.
_MEALS = frozenset(
    "food meal meals lunch dinner breakfast snack snacks refreshments comida comidas "
    "almuerzo cena desayuno merienda makan makanan sarapan konsumsi".split()
)


# Food in general, which any meal a page names is: "Is food included on the course?" of
# "a hot lunch [is] included". Not the other way: a page giving lunch says nothing of
# breakfast.
_FOOD = frozenset("food meal meals refreshments comida comidas alimentos makanan konsumsi".split())


def food_held(word: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) is food in general and a text names a meal."""
    return word in _FOOD and any(names_meal(text) for text in texts)


def names_meal(text: str) -> bool:
    return any(w.lower() in _MEALS for w in words_of(text))


def food_terms(question: str) -> set[str]:
    """The key terms of the question's words for food in general."""
    food = [w for w in words_of(question) if w.lower() in _FOOD]
    return key_terms(" ".join(food), guess(question)[0]) if food else set()


def terms_besides(question: str, asking: frozenset[str]) -> set[str]:
    """The key terms (stemmed in the question's language) of what the question names
    besides the words of `asking` it: "matricul" of "¿Se paga matrícula?"."""
    named = [w.lower() for w in words_of(question) if w.lower() not in asking]
    return key_terms(" ".join(named), guess(question)[0]) if named else set()


def telling_what_is_asked(words: frozenset[str]) -> Callable[[str, str], bool]:
    """Whether a sentence is of what the question names besides the `words` of asking
    it, if it names anything, in its words or their kin: "Berapa luas Kota Bekasi?" is
    not answered by the carpet's square metres, "How long would this coalition last?"
    by how long a teaching certificate does; "Berapa lama satu sesi?" is, by "Setiap
    pertemuan 60 menit"."""

    def tells(sentence: str, question: str) -> bool:
        wanted = terms_besides(question, words)
        meal = any(w.lower() in _MEALS for w in words_of(sentence))
        named = [w.lower() for w in words_of(question) if w.lower() not in words]
        return (
            not wanted
            or bool(wanted & terms_of(sentence))
            or any(held_by_kin(word, [sentence]) or (meal and word in _MEALS) for word in named)
        )

    return tells


_OF_WHAT_IS_ASKED = telling_what_is_asked(PAID_WORDS)


_OF_WHAT_TO_BRING = telling_what_is_asked(BRING_WORDS)


def asks_bring(question: str) -> bool:
    """Whether the question asks what to bring or wear, or whether to bring something
    ("Do I need to bring a towel?", "Perlu bawa gunting?")."""
    return asks_to_bring(question) or (
        asks_whether_to_bring(question) and not asks_openly(question)
    )


def tells_bring(sentence: str, question: str) -> bool:
    """Asked whether to bring something, a sentence names it ("Do I need to bring a
    towel?" is not answered by "Wear boots"); asked what clothes to wear, it names
    something worn (`tells_what_to_wear`); any sentence on what to bring tells what to
    bring."""
    return (
        not asks_whether_to_bring(question) or _OF_WHAT_TO_BRING(sentence, question)
    ) and tells_what_to_wear(sentence, question)


def asks_whether_accepted(question: str) -> bool:
    """Whether the question asks whether they take something in ("Do you take
    mattresses?"), not where, when or how."""
    return asks_accepted(question) and not asks_openly(question)


def tells_paid(sentence: str, question: str) -> bool:
    """Asked whether something is included, a sentence names it ("¿El casco va
    incluido?" is not answered by the bike's price); a price of anything answers whether
    one pays ("Do I have to pay for a repair?" of "We mend ... for free")."""
    return _ASKS_INCLUDED.search(question) is None or _OF_WHAT_IS_ASKED(sentence, question)


def states_paid(sentence: str) -> bool:
    """Whether the sentence gives a price, says something is free, included or extra,
    or speaks of paying or charging."""
    return (
        states_price(sentence)
        or CHARGING.search(sentence) is not None
        or _INCLUDED.search(sentence) is not None
        or _NO_FEE.search(sentence) is not None
    )


# ... and so does one saying there is no fee of joining: "No hay matrícula".
_NO_FEE = re.compile(
    r"(?<![^\W_])(?:no hay|sin|no (?:se )?cobra(?:mos)?|no|there is no|tanpa|tidak ada) "
    r"(?:matr[ií]cula|enrol(?:l?ment)? fee|joining fee|registration fee|"
    r"(?:uang|biaya) pendaftaran)(?![^\W_])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fact:
    name: str
    asks: Callable[[str], bool]
    states: Callable[[str], bool]
    # The question's words that only ask for it: a page need not hold them.
    words: frozenset[str]
    # ... and whether a sentence stating it tells what this question asks of it
    tells: Callable[[str, str], bool] | None = None
    # Whether the question's words of four letters are looked for too, not only the
    # longer: what to bring is asked of a "yoga class" as of a "sauna" (`STRICT_WORD`).
    strict: bool = False
    # ... and which sentences go on from one before them stating it too, whatever their
    # words: a price for children of an age after a price ("Los niños menores de doce
    # años entran gratis" after the guided visit's 9 €)
    goes_on: Callable[[str], bool] | None = None

    def given_in(self, sentence: str, question: str, *, before: str | None = None) -> bool:
        """Whether the sentence gives this fact as the question asks it; one naming what
        it speaks of only in the sentence `before` it is read with that one ("It takes
        two minutes at the till" tells how long signing up for Gift Aid takes), and so
        is one going on from a `before` stating it (`goes_on`)."""
        if not self.states(sentence):
            return False
        if self.tells is None:
            return True
        read = read_with(sentence, before)
        if before and self.goes_on is not None and self.goes_on(sentence) and self.states(before):
            read = f"{before} {sentence}"
        return self.tells(read, question)


# A number of years (or a span of them) in a sentence giving an age is the age: "para
# niños de 6 a 9 años" says not how long a session lasts.
_YEARS = re.compile(
    r"(?<![^\W_])(?:\d+ (?:a|to|-|sampai|hingga|y|and) )?\d+\s*(?:años|years?|yrs|tahun)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


# How often, not how long: "Kami sarankan toren dikuras setiap enam bulan" tells no
# length of what is done ("Ngurasnya lama nggak?" of "Pengerjaan satu toren sekitar satu
# jam" beside it).
_EVERY = re.compile(
    r"(?<![^\W_])(?:every|each|setiap|tiap|cada)\s+(?:[^\W_]+\s+)?(?:minutes?|hours?|days?|"
    r"weeks?|months?|years?|minutos?|horas?|d[ií]as|semanas|mes(?:es)?|años|menit|jam|hari|"
    r"minggu|bulan|tahun)(?![^\W_])",
    re.IGNORECASE,
)


# A length in a word ahead of something, which is notice, as one in figures is ("72
# hours before the workshop"): "Pemesanan minimal seminggu sebelum acara" (set FD) says
# not how long the party lasts. (It still says when: `says_when` reads durations.)
_AHEAD_IN_A_WORD = re.compile(
    rf"(?<![^\W_])(?:{LENGTH_IN_A_WORD})\s+{AHEAD_OF}(?![^\W_])",
    re.IGNORECASE,
)


def states_length_of_time(sentence: str) -> bool:
    """Whether the sentence gives a length of time other than someone's age or a
    frequency or notice."""
    sentence = _AHEAD_IN_A_WORD.sub(" ", _EVERY.sub(" ", sentence))
    if not states_duration(sentence):
        return False
    return not states_age(sentence) or states_duration(_YEARS.sub(" ", sentence))


# A guarantee's length is how long it holds, not how long the work takes: "¿Cuánto
# tardáis?" of "Todas las reparaciones tienen 6 meses de garantía" (the sentence the
# encoder put first), beside "La mayoría de las reparaciones están listas en una hora".
_GUARANTEE = re.compile(
    r"(?<![^\W_])(?:guarantee[ds]?|warrant(?:y|ies)|garant[ií]as?|garantizad[oa]s?|"
    r"(?:ber)?garansi(?:nya)?)(?![^\W_])",
    re.IGNORECASE,
)
_OF_THE_DURATION_ASKED = telling_what_is_asked(DURATION_WORDS)


def tells_duration(sentence: str, question: str) -> bool:
    """Whether a sentence giving a length of time tells the one the question asks: of
    what it names, and not a guarantee's alone, unless a guarantee is asked."""
    if (
        _GUARANTEE.search(sentence)
        and not _GUARANTEE.search(question)
        and len(_LENGTH_OF_TIME.findall(sentence)) == 1
    ):
        return False
    return _OF_THE_DURATION_ASKED(sentence, question)


# The first a question asks is the one looked for: a telephone asked is answered only by
# a telephone, "how can I contact you?" by either.
FACTS = (
    Fact("hours", asks_hours, states_hours, HOURS_WORDS | COMING_WORDS),
    Fact(
        "season",
        asks_open_in_season,
        states_season_open,
        HOURS_WORDS | SEASON_WORDS,
        tells_season,
    ),  # fmt: skip
    # which area they cover, before where they are: "Melayani daerah mana saja?"
    Fact("area", asks_area_served, states_area_served, AREA_WORDS, tells_area_asked),
    Fact("address", asks_address, states_location, ADDRESS_WORDS),
    Fact("venue", asks_venue, states_venue, VENUE_WORDS),
    Fact("phone", asks_phone, states_phone, CONTACT_WORDS),
    Fact("email", asks_email, states_email, CONTACT_WORDS),
    Fact("contact", asks_contact, states_contact, CONTACT_WORDS),
    Fact("payment", asks_payment, states_payment, PAYMENT_WORDS),
    Fact("when_paid", asks_when_paid, states_when_paid, WHEN_PAID_WORDS),
    Fact("notice", asks_notice, states_notice, NOTICE_WORDS, tells_notice),
    Fact("age", asks_age, gives_age, AGE_WORDS),
    # how often, in the page's words for it: "¿Cada cuánto venís?" of "El mantenimiento
    # semanal..."
    Fact(
        "frequency",
        asks_frequency,
        states_frequency_or_rate,
        FREQUENCY_WORDS | COMING_WORDS | {"pay", "paga", "pagar", "paid", "bayar", "dibayar"},
        tells_frequency,
    ),
    Fact("paid", asks_whether_paid, states_paid, PAID_WORDS, tells_paid),
    Fact("parking", asks_parking, states_parking, PARKING_WORDS),
    # whether they deliver, told by a sentence on delivering: "¿Lo traéis a casa?" of
    # "Hacemos envíos a domicilio en Logroño por 3 euros"
    # (strict: "Bisa kirim ke Bali?" names a place of four letters no page may hold)
    Fact("delivering", asks_delivering, speaks_of_delivering, DELIVERING_WORDS, strict=True),
    Fact("people", asks_people, states_people, PEOPLE_WORDS, strict=True),
    Fact("bring", asks_bring, tells_what_to_bring, BRING_WORDS, tells_bring, strict=True),
    # in what format to send a file: "¿En qué formato os mando el archivo?" of "Envíanos
    # el archivo en PDF a 300 ppp"; before whether a thing is taken in: "Format file apa
    # yang diterima?"
    Fact("file_format", asks_file_format, names_file_format, FILE_FORMAT_WORDS),
    # whether they take a thing in: a sentence naming it
    Fact(
        "accepted",
        asks_whether_accepted,
        states_accepting,
        ACCEPTED_WORDS,
        telling_what_is_asked(ACCEPTED_WORDS),
        strict=True,
    ),
    # a distance, a size or a length of time is of what the question names
    Fact(
        "distance",
        asks_distance,
        states_distance,
        DISTANCE_WORDS,
        telling_what_is_asked(DISTANCE_WORDS),
        strict=True,
    ),
    Fact(
        "size", asks_size, states_size, SIZE_WORDS, telling_what_is_asked(SIZE_WORDS), strict=True
    ),
    # degrees of whatever the page's sentence speaks of: "How warm is the water?" of "The
    # main pool is ... heated to 28 degrees"
    Fact("temperature", asks_temperature, states_temperature, TEMPERATURE_WORDS),
    # ... or whether it is cold or warm there: "Is it cold down there?" of "The tunnels
    # are 12 degrees", "Is it warm inside the dome?" of "the dome is not heated"
    Fact("warmth", asks_warmth, states_warmth, TEMPERATURE_WORDS),
    # how long an order takes to reach the asker, told by a sentence on sending in a
    # length of time: "Si encargo hoy, ¿cuándo lo recibo?" of "Enviamos a toda la
    # península en 48 horas"
    # (strict: "Si encargo vino hoy..." names a thing of four letters no page may hold)
    Fact("wait", asks_wait, states_wait, WAIT_WORDS),
    Fact("arrival", asks_arrival, states_arrival, ARRIVAL_WORDS, strict=True),
    # whether it can be had the same day: "¿Lo podéis tener hoy mismo?" of "lo
    # entregamos el mismo día"
    Fact("same_day", asks_same_day, states_same_day, SAME_DAY_WORDS),
    Fact(
        "duration",
        asks_duration,
        states_length_of_time,
        DURATION_WORDS,
        tells_duration,
        strict=True,
    ),
    # whether one with an allergy may come: "Soy alérgico a las gambas, ¿pasa algo?" of
    # "Avísanos si tienes alguna alergia" (what the asker is allergic to is theirs,
    # `fact_giving`)
    Fact("allergy", asks_allergy, states_allergy, ALLERGY_WORDS),
    # what they do on a condition of the weather: "¿Qué pasa si hace mal tiempo?" of "Si
    # el tiempo no permite volar, cambiamos la fecha"
    Fact("weather", asks_weather_condition, speaks_of_weather, WEATHER_WORDS, tells_weather),
    # whether one may come new to it: "Nunca he buceado, ¿puedo probar?" of "no hace falta
    # experiencia" (what the asker never did is the page's own activity, `fact_giving`)
    Fact("experience", asks_experience, states_experience, EXPERIENCE_WORDS),
    Fact("day", asks_day, states_day, DAY_WORDS, tells_day),
    # last: "What time do you open?" asks the hours
    Fact("time", asks_time, states_time, TIME_WORDS),
    # ... but for whether there is one thing, asked in no other word ("Ada garansi?"):
    # the sentence naming it, whatever else it says
    Fact(
        "one_thing",
        asks_one_thing,
        names_anything,
        ONE_THING_WORDS,
        telling_what_is_asked(ONE_THING_WORDS),
    ),
)


# The shortest word a strict fact's question must find on a page: "yoga" of "What
# should I bring to the yoga class?" asked of a sauna (three letters are "son", "day").
STRICT_WORD = 4


# Words that ask a fact more precisely, not another one: "Where exactly is the wall?"
# asks what "Where is the wall?" does; "¿Dónde exactamente estáis?", "Jam berapa
# persisnya buka?".
EXACTLY_WORDS = frozenset(
    "exactly precisely exact exactamente precisamente exacta exacto tepatnya persisnya "
    "pastinya".split()
)
_EXACTLY = re.compile(
    rf"(?<![^\W_])(?:{'|'.join(sorted(EXACTLY_WORDS))})(?![^\W_])\s*", re.IGNORECASE
)


def asked_fact(question: str, *, own: frozenset[str] = frozenset()) -> Fact | None:
    """The fact the question asks for, if it asks one of them; where the place is, asked
    by a word of its `own` names, too. A word asking it exactly is read past."""
    question = _EXACTLY.sub("", question)
    found = next((fact for fact in FACTS if fact.asks(question)), None)
    if found is None and asks_where_named(question, own):
        return _ADDRESS
    return found


_ADDRESS = next(fact for fact in FACTS if fact.name == "address")


CHILDREN = frozenset(
    "child children kid kids toddler toddlers baby babies infant infants niño niños niña "
    "niñas peques bebé bebés bebe bebes anak balita bayi youngster youngsters chaval "
    "chavales chavala chavalas crío críos bocah".split()
)

GROWN_UPS = frozenset(
    "adult adults parent parents grown grown-ups grownups adulto adultos padres dewasa".split()
)


def sets_children_apart(texts: list[str]) -> bool:
    """Whether one of the texts names children or an age ("Anak di bawah 5 tahun
    gratis"): a price such a sentence gives is not the grown-ups'."""
    return any(
        states_age(text) or any(w.lower() in CHILDREN for w in words_of(text)) for text in texts
    )


# Words of one kin, any of which a page may use for what a question asks by another: a
# school's "clases" are its "cursos" ("¿Qué días son las clases?" of "El curso ... los
# martes y jueves"), joining is enrolling or becoming a member ("¿Se paga algo al
# apuntarse?" of "la matrícula de 20 euros"). Read where a question asks one of the facts
# (its other words must be on a page, and a kin's word is there when another is) and
# where it asks for a thing ("Is there a loo?" of "a toilet": not a thing no page holds).
_KINS = (
    "class classes lesson lessons session sessions course courses clase clases sesión "
    "sesion sesiones curso cursos kelas kelasnya sesi sesinya kursus kursusnya les lesnya "
    "pertemuan "
    # (... and a practice, as a class is asked of: "Sekali latihan berapa jam?" of "kelas
    # ... masing-masing dua jam")
    "latihan latihannya entrenamiento entrenamientos",
    "join joining enrol enroll enrolment enrollment enrolling register registering "
    "registration member members membership apuntarse apuntarme apuntarte apuntaros "
    "apuntarnos apuntar inscribirse inscribirme inscribirte inscribir inscripción "
    "inscripcion matrícula matricula matricularse matricularme socio socios daftar "
    "mendaftar pendaftaran registrasi anggota keanggotaan",
    # grown-ups: "Do parents have to pay?" of "Adults go free"
    " ".join(sorted(GROWN_UPS)),
    # children: "Do toddlers have to pay?" of "Children under 5 swim free"
    " ".join(sorted(CHILDREN)),
    # making, in Indonesian's everyday word and the page's ("Bikin stempel jadi berapa
    # lama?" of "Stempel selesai dalam satu jam" beside "Kami membuat stempel")
    "bikin dibikin membuat dibuat pembuatan",
    # sending: "¿Cuánto me cobráis por mandarme la lana a casa?" of "Enviamos lana a toda
    # España por 4,95 euros"
    "send sends sending sent post posting posted postage ship ships shipping shipped "
    "enviar envío envio envíos envios enviamos enviáis enviais envían envian enviarme portes "
    "enviarnos envías envias envía envia envíanos envianos mandar mando mandas manda mandáis "
    "mandais mandamos mandan mandarme mandarnos kirim dikirim "
    "mengirim pengiriman kirimkan ongkir "
    # ... or bringing it to the door: "¿Cuánto cuesta el envío?" of "Entregamos a
    # domicilio en la ciudad por 6 euros"
    "deliver delivers delivering delivered delivery deliveries entregamos entregáis "
    "entregais antar diantar mengantar antarkan pengantaran "
    # (... and as Indonesian is spoken: "Bisa dianter ke rumah?")
    "anter dianter nganter anterin dianterin",
    # mending: "¿Cuánto tardáis en arreglar la silla?" of "Una silla ... se repara en unas
    # tres semanas"
    "repair repairs repaired repairing mend mends mended mending fix fixes fixed fixing "
    "arreglar arreglo arreglos arregla arreglan arreglamos arregláis arreglais reparar "
    "reparo repara reparan reparamos reparáis reparais reparación reparacion reparaciones "
    "perbaiki memperbaiki diperbaiki perbaikan betulin benerin",
    # toilets, in the words people ask for them: "Is there a loo on the boat?" of "Each
    # boat has ... a toilet"
    "toilet toilets bathroom bathrooms loo loos lavatory lavatories restroom restrooms "
    "washroom washrooms wc aseo aseos baño baños kakus",
    # a university's places: "¿Qué tan lejos queda de la facultad?" of "a diez minutos
    # andando del campus"
    "campus university faculty college universidad facultad kampus universitas fakultas",
    # what is sold together, by any of its names: "What does the Grand Prix deal cost?" of
    # "a Grand Prix package ... costs £55"
    "deal deals package packages bundle bundles paquete paquetes pack packs paket",
    # a price lowered, by any of its names: "Mahasiswa ada potongan?" of "Diskon 10% untuk
    # pelajar dan mahasiswa"
    "discount discounts reduction reductions concession concessions descuento descuentos "
    "rebaja rebajas bonificación diskon potongan",
    # luggage: "¿Las maletas se pagan aparte?" of "con equipaje incluido"
    "luggage baggage bags suitcase suitcases maleta maletas equipaje equipajes koper bagasi",
    # the old, by their age or their family's word for them: "Bisa potong rambut nenek
    # saya?" of "potong rambut pria, anak dan lansia"
    "elderly senior seniors pensioner pensioners oap grandma grandmother grandpa "
    "grandfather grandparents granny nan mayores ancianos anciano ancianas anciana abuelo "
    "abuela abuelos jubilado jubilada jubilados lansia manula jompo nenek kakek eyang",
    # learners, by the school's word or the asker's: "Muridnya per kelas ada berapa?" of
    # "maksimal 6 siswa per kelas"
    "student students pupil pupils learner learners alumno alumnos alumna alumnas "
    "estudiante estudiantes murid muridnya siswa siswanya pelajar",
    # teachers: "Gurunya ada berapa?" of "maksimal 8 anak dengan 2 pengajar"
    "teacher teachers instructor instructors tutor tutors profesor profesora profesores "
    "monitor monitora monitores guru gurunya pengajar pengajarnya instruktur",
    # a song, by its names: "¿Cuánto me cobráis por mezclar un tema?" of "La mezcla ... de
    # una canción cuesta 90 euros"
    "song songs track tracks canción cancion canciones tema temas lagu",
    # an area, by any of its words: "Melayani daerah mana saja?" of "di wilayah Sidoarjo
    # dan Surabaya"
    "area areas region regions district districts zona zonas región region comarca "
    "comarcas daerah wilayah kawasan",
    # a show, by its names: "¿Cuánto dura el espectáculo?" of "Cada función dura 45
    # minutos"
    "show shows performance performances función funcion funciones espectáculo espectaculo "
    "espectáculos espectaculos actuación actuacion actuaciones pertunjukan pentas "
    "pertunjukannya",
    # the first of them, by either word: "Biaya asesmen pertama berapa?" of "Asesmen awal
    # Rp250.000", "How much is the first consultation?" of "an initial consultation"
    "first initial primer primera primero inicial pertama awal",
    # a tear, by the asker's word: "Can you fix a rip in a canvas?" of "repair tears and
    # holes in canvas"
    "rip rips ripped tear tears torn rasgón rasgon rasgones rasgado rasgada robek sobek",
    # cutting back, by either word: "How much is hedge cutting?" of "Hedge trimming is
    # priced by length, from £40"
    "cut cuts cutting trim trims trimming recorte recortes recortar pangkas memangkas",
    # a beard, by any of its words: "Bisa cukur brewok?" of "cukur jenggot"
    "beard beards barba barbas jenggot brewok brewokan cambang",
    # carrying a thing there and back, by the fetching: "¿Cuánto cobráis por el
    # transporte?" of "Recogemos y entregamos los muebles ... por 40 euros" (not of any
    # sending: "si nos envías fotos")
    "transporte transportes recogida recogemos recogéis recogeis",
    # seats and what covers them: "¿Limpiáis los asientos?" of "Limpiamos tapicerías"
    "seat seats upholstery asiento asientos tapicería tapicerías tapiceria tapicerias jok",
    # getting in, by either word: "¿Hasta qué hora puedo entrar?" of "Se accede con un
    # código personal todos los días de 7:00 a 23:00" (not "entrada", a ticket too)
    "enter entering access accede acceden acceder accedo accedemos accedéis accedeis entrar "
    "entro entra entramos entráis entrais masuk masuknya "
    # ... and a school's fee for it, its "uang pangkal": "Biaya masuknya berapa?"
    "pangkal",
    # a quarter of the year and its adjective: "¿Cuánto cuesta el trimestre?" of "El curso
    # trimestral cuesta 140 euros"
    "quarter quarters quarterly trimestre trimestres trimestral trimestrales",
    "semester semesters semestre semestres semestral semestrales semesteran",
    # children, by the adjective a Spanish page gives their things: "¿Cuánto cuesta el
    # menú de los críos?" of "Hay menú infantil a 15 euros"
    "niño niños niña niñas crío críos cría crías chaval chavales chavala chavalas peque "
    "peques infantil infantiles",
    # (set EY) a light one carries, by any of its words: "Do we need our own torch?" of
    # "Hard hats and lamps are provided"
    "torch torches lamp lamps headtorch headtorches headlamp headlamps flashlight "
    "flashlights linterna linternas frontal frontales lámpara lámparas senter lampu",
    # a prayer room, by the praying: "Kalau mau sholat ada tempatnya?" of "Ada gazebo,
    # mushola dan toilet"
    "sholat shalat salat solat mushola musala musholla mushala",
)
_KIN_OF = {word: frozenset(kin.split()) for kin in _KINS for word in kin.split()}


def held_by_kin(word: str, texts: list[str]) -> bool:
    """Whether a page holds a word of the same kin as `word` (lower case)."""
    kin = _KIN_OF.get(word)
    return kin is not None and any(w.lower() in kin for text in texts for w in words_of(text))


def children_by_age(word: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) names children and a page gives an age: "Do kids pay?"
    of "free for under-12s", "¿Cuánto pagan los niños de 10 años?" of "los menores de 12
    años entran gratis"."""
    return word in CHILDREN and any(map(states_age, texts))
