"""A price asked of one thing, quoted of another. `answerability.priced` lets a quoted
price through when the sentence shares a word with what the question prices; two ways
it still answers with another thing's price:

- **Another period.** "Berapa harga sewa per minggu?" of "Sewa mobil Rp400.000 per
  hari"; "How much is a day in the Long Stay car park?" of "£65 per week". A question
  asking a price by the hour, day, night, week, month or year is not answered by prices
  that name only other periods. A price naming no period may be the one asked
  ("Kamar Rp300.000"): it still answers.
- **Another thing of the same name.** "Berapa biaya servis besar?" of "Biaya servis
  rutin Rp75.000", when the page names "servis besar" elsewhere without a price; "How
  much is a swimming lesson?" of "An adult swim costs £5.20" when the lessons' page gives
  none. Two words the question prices side by side, which a page also writes side by
  side, name one thing; a price quoted without both of them (in its sentence or before
  it in its passage: "Swimming lessons. They cost £6 each.") is of something else.
- **A thing no page names.** "¿Cuánto cuesta planchar un pantalón?" of "Planchamos
  camisas a 1,80 € y edredones a 15 €", "Berapa harga sewa mobil?" of a scooter hire:
  a word naming what is priced (`priced_words`) is in no passage, by stem or inside a
  longer word ("room" of "bedroom"), nor, for a day, as its weekend or the weekdays
  ("sábado" of "en fin de semana", "a Tuesday" of "on weekdays"). A day the question
  names anywhere is of what it prices: "a sweep on a Sunday" of Saturday's and the
  weekdays' prices is not.
"""

from __future__ import annotations

import itertools
import re

from agents.answerability import (
    HEDGES,
    PAID_AHEAD_ASKED,
    PAID_FIRST,
    SENTENCE_BREAK,
    SPANISH_INFINITIVE,
    SPANISH_VOSOTROS,
    WHOLES,
    absent_terms,
    asks_price,
    has_digit,
    left_out,
    priced,
    priced_part,
    read_with,
    states_price,
    stem_of,
    stopwords_of,
    unspaced,
    words_of,
)
from agents.asked_counts import NUMBER_WORDS
from agents.asked_facts import (
    CHARGING,
    CHILDREN,
    GROWN_UPS,
    Fact,
    asks_whether_paid,
    children_by_age,
    day_of,
    days_named,
    held_by_kin,
    names_day,
    sets_children_apart,
    states_age,
    without_ages,
)
from agents.asked_measures import SIZE_ADJECTIVES, gives_measures
from agents.spellings import initials_spelt_out
from knowledge.encoders.languages import guess

# Each period's words in English, Spanish and Indonesian, and the forms that are a
# period alone ("monthly", "semanal", "sebulan").
_PERIODS = {
    "hour": "hour hours hourly hora horas jam",
    "day": "day days daily día dia días dias diario diaria diarios diarias hari harian sehari",
    "night": "night nights nightly noche noches malam semalam",
    "week": "week weeks weekly semana semanas semanal semanales minggu mingguan seminggu",
    "month": "month months monthly mes meses mensual mensuales bulan bulanan sebulan",
    "year": "year years yearly annual annually año años anual anuales tahun tahunan setahun",
}
_PERIOD_OF = {word: period for period, words in _PERIODS.items() for word in words.split()}
_ALONE = (
    "hourly daily nightly weekly monthly yearly annual annually diario diaria diarios diarias "
    "semanal semanales mensual mensuales anual anuales harian mingguan bulanan tahunan sehari "
    "semalam seminggu sebulan setahun"
)
_PERIOD_WORD = "|".join(sorted(_PERIOD_OF, key=len, reverse=True))
# A question's period is asked as one: "per week", "a day", "al mes", "a la semana",
# "por noche", "/hour", "tiap bulan", "monthly"; not "5 years" (an age) nor "the day".
_ASKED_PERIOD = re.compile(
    rf"(?<![^\W_])(?:(?:per|a|an|each|every|one|por|al|a la|cada|un|una|tiap|setiap)\s+|/\s*)"
    rf"(?P<period>{_PERIOD_WORD})(?![^\W_])|"
    # (... with Indonesian's "-nya": "Sebulannya kena berapa?")
    rf"(?<![^\W_])(?P<alone>{'|'.join(_ALONE.split())})(?:nya)?(?![^\W_])|"
    # ... or a whole one: "a full day", "el día entero", "la semana completa", "sehari
    # penuh"
    rf"(?<![^\W_])(?:full|whole)\s+(?P<whole>{_PERIOD_WORD})(?![^\W_])|"
    rf"(?<![^\W_])(?P<whole_after>{_PERIOD_WORD})\s+(?:enter[oa]s?|complet[oa]s?|penuh)(?![^\W_])",
    re.IGNORECASE,
)
# "hari Minggu" is Sunday, not a week.
_NAMED_DAY = re.compile(
    r"(?<![^\W_])hari\s+(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|libur)(?![^\W_])",
    re.IGNORECASE,
)
# An amount with its currency: "free" has no period to be of ("A free shuttle runs 24
# hours a day" prices no day).
_AMOUNT = re.compile(
    r"[$€£¥₹₽₺]\s?\d|\d\s?[$€£¥₹₽₺]|(?<![\w.,])\d+(?:[.,]\d+)? ?p(?![\w.])|"
    r"(?<![^\W_])(?:usd|eur|gbp|idr|rp)\.? ?\d|"
    r"\d[\d.,]* ?(?:dollars?|d[oó]lar(?:es)?|euros?|pounds?|pence|rupiah|pesos?)(?![^\W_])",
    re.IGNORECASE,
)


def gives_amount(sentence: str) -> bool:
    """Whether the sentence gives an amount with its currency."""
    return _AMOUNT.search(sentence) is not None


def says_free(sentence: str) -> bool:
    """Whether the sentence gives a price with no amount: free, or given on asking."""
    return states_price(sentence) and not gives_amount(sentence)


_ANY_PERIOD = re.compile(rf"(?<![^\W_])(?:{_PERIOD_WORD})(?![^\W_])", re.IGNORECASE)
# ... and an amount by its period, which says no time: "full plots for £70 a year" says
# not how long hens live, "Rp350.000 per malam" not when to come.
_PRICE_BY_PERIOD = re.compile(
    rf"(?:{_AMOUNT.pattern})[\d.,]*\s?(?:a|an|per|each|al|a la|por|/|se)\s?"
    rf"(?:{_PERIOD_WORD})(?![^\W_])",
    re.IGNORECASE,
)


def without_prices_by_period(sentence: str) -> str:
    """The sentence less its amounts by their period ("£70 a year", "30 € al mes")."""
    return _PRICE_BY_PERIOD.sub(" ", sentence)


def asked_periods(question: str) -> frozenset[str]:
    """The periods a price question asks by ("week" of "Berapa harga sewa per minggu?")."""
    text = _NAMED_DAY.sub(" ", question)
    return frozenset(
        _PERIOD_OF[next(filter(None, m.groups())).lower()] for m in _ASKED_PERIOD.finditer(text)
    )


def without_periods(question: str) -> str:
    """The question without the periods it asks a price by ("¿Cuánto cuesta  ?")."""
    if _NAMED_DAY.search(question):  # "hari Minggu" is a day, kept as written
        return question
    return _ASKED_PERIOD.sub(" ", question)


def priced_by_its_period(question: str, quoted: list[str], before: list[str | None]) -> bool:
    """Whether a quoted sentence prices the period the question asks by, named in a word
    of its own: "La cuota mensual cuesta 35 euros" for "¿Cuánto cuesta al mes?", where
    `priced` looked for "mes" itself. The question's other words, if any, must be there
    as `priced` wants them."""
    asked = asked_periods(question)
    if not asked:
        return False
    naming = [
        (sentence, previous)
        for sentence, previous in zip(quoted, before, strict=True)
        if asked & named_periods(read_with(sentence, previous))
    ]
    return bool(naming) and priced(
        without_periods(question), [s for s, _ in naming], before=[p for _, p in naming]
    )


def named_periods(sentence: str) -> frozenset[str]:
    """The periods a sentence names in any form ("Day passes are £20": "day")."""
    text = _NAMED_DAY.sub(" ", sentence)
    return frozenset(_PERIOD_OF[m.group().lower()] for m in _ANY_PERIOD.finditer(text))


def other_period(question: str, priced: list[str]) -> bool:
    """Whether the question asks a price by a period (`asked_periods`) that none of the
    `priced` sentences names, while one of them names another."""
    asked = asked_periods(question)
    if not asked:
        return False
    named = [named_periods(sentence) for sentence in priced]
    return not any(asked & periods for periods in named) and any(named)


def _content_stems(text: str, language: str) -> list[str]:
    stopwords = stopwords_of(language)
    return [
        stem_of(word, language)
        for word in (w.lower() for w in words_of(text))
        if word not in stopwords and not unspaced(word)
    ]


def named_together(question: str, passages: list[str]) -> list[tuple[str, str]]:
    """The pairs of words the question prices side by side (stems, function words left
    out) that a sentence of the passages also holds side by side: ("servi", "besar") of
    "Berapa biaya servis besar?" where the page writes "Servis besar (turun mesin)"."""
    language = guess(question)[0]
    pairs = set(
        itertools.pairwise(
            stem
            for part in SENTENCE_BREAK.split(question.strip())
            for stem in _content_stems(priced_part(part), language)
        )
    )
    pairs = {pair for pair in pairs if pair[0] != pair[1]}
    if not pairs:
        return []
    held: set[tuple[str, str]] = set()
    for text in passages:
        for sentence in SENTENCE_BREAK.split(text):
            held |= pairs & set(itertools.pairwise(_content_stems(sentence, language)))
    return sorted(held)


def priced_apart(
    question: str, leads: list[str], passages: list[str], *, own: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """The pairs `named_together` that none of the quoted prices holds both words of, in
    its `leads` (each priced sentence with its passage before it): the price is of
    another thing. Empty when one of them holds every pair. A word of the service's
    `own` names need not be held: "a full falconry day" of Kestrel Ridge Falconry's "a
    full day costs £160" (not "dodol salak" of a salak shop's "keripik salak")."""
    language = guess(question)[0]
    pairs = named_together(question, passages)
    if not pairs:
        return []
    holding = [set(_content_stems(lead, language)) for lead in leads]
    # ... a size word of the pair is told by a price given by measures: "una lavadora
    # grande" of "lavadoras de 9 kg por 4 euros y de 18 kg por 7 euros"
    every_size = {stem_of(word, language) for word in SIZE_ADJECTIVES}
    sizes = every_size if any(map(gives_measures, leads)) else set()
    unneeded = sizes | {stem_of(word, language) for word in own}
    apart = [pair for pair in pairs if not any(set(pair) - unneeded <= stems for stems in holding)]
    # ... and a price of the pair's kind named bare is of every thing of that kind: "A
    # certificate of one page costs £45" prices a birth certificate, which the page names
    # among what it translates (not "Biaya servis rutin" the major service, nor "An adult
    # swim" a swimming lesson; nor a large one of a kind, which may cost more: "Una
    # lavadora cuesta 4 euros" of "una lavadora grande").
    return [
        pair
        for pair in apart
        if set(pair) & every_size
        or not any(_names_bare(_head(pair, language), lead, language) for lead in leads)
    ]


def _head(pair: tuple[str, str], language: str) -> str:
    """The word of two naming one thing that says its kind: English's last ("birth
    [certificate]"), Spanish's and Indonesian's first ("[servis] besar")."""
    return pair[1] if language == "en" else pair[0]


def _names_bare(stem: str, text: str, language: str) -> bool:
    """Whether a sentence of the text names the kind `stem` is of with no word beside it
    where a word of its sort would stand (before it in English, after it otherwise): "A
    [certificate] of one page", "[Kamar] Rp350.000"."""
    stopwords = stopwords_of(language)
    for sentence in SENTENCE_BREAK.split(text):
        words = [w.lower() for w in words_of(sentence)]
        for i, word in enumerate(words):
            if stem_of(word, language) != stem:
                continue
            j = i - 1 if language == "en" else i + 1
            beside = words[j] if 0 <= j < len(words) else None
            if beside is None or beside in stopwords or beside in PRICE_WORDS or has_digit(beside):
                return True
    return False


def price_of_another(
    question: str,
    quoted: list[str],
    before: list[str | None],
    leads: list[str],
    passages: list[str],
    *,
    own: frozenset[str] = frozenset(),
) -> str:
    """What the quoted prices are of instead of what the question asks, or "" when one
    of them may be its price: the word naming what it prices when no passage holds it
    ("pantalón"), the period asked that they do not name ("week"), or the words the
    question prices together that none of them holds ("servis besar").
    `before`: each quoted sentence's predecessor in its passage (None for a first);
    `leads`: each quoted sentence with its passage before it; `passages`: all retrieved;
    `own`: the words of the service's own names."""
    read = [read_with(s, previous) for s, previous in zip(quoted, before, strict=True)]
    priced = [(text, lead) for text, lead in zip(read, leads, strict=True) if states_price(text)]
    if not priced:
        return ""
    if unheld := unheld_priced(question, passages):
        return unheld
    amounts = [sentence for sentence, _ in priced if gives_amount(sentence)]
    if other_period(question, amounts):
        return " ".join(sorted(asked_periods(question)))
    apart = priced_apart(question, [lead for _, lead in priced], passages, own=own)
    return ", ".join(" ".join(pair) for pair in apart)


# A price asked of a thing apart from what it comes with: "How much is membership on its
# own?", "¿Cuánto cuesta la cuota por separado?", "Member-nya saja berapa?" (not "apa
# saja": what all there is).
_APART = re.compile(
    r"(?<![^\W_])(?:on (?:its|their) own|by (?:itself|themselves)|separately|alone|"
    r"por separado|aparte|suelt[oa]s?|terpisah|(?<!apa )(?<!mana )(?:saja|aja|doang))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# The words after which a price names what comes with the thing it prices ("£120,
# including a year's club membership"), and those after what comes with it ("con la
# cuota de socio incluida"); Indonesian writes "termasuk" either side.
_WITH = frozenset(
    "including includes include incl plus with inclusive incluye incluyen incluyendo con "
    "termasuk dengan beserta".split()
)
_INCLUDED = frozenset("included incluido incluida incluidos incluidas termasuk".split())


def comes_with_another(question: str, sentences: list[str]) -> str:
    """The thing a price is asked of apart from what it comes with (`_APART`) that the
    quoted `sentences` name only as coming with another ("How much is membership on its
    own?" of "The course costs £120, including a year's club membership"), or ""."""
    if _APART.search(question) is None:
        return ""
    language = guess(question)[0]
    worded = [[w.lower() for w in words_of(sentence)] for sentence in sentences]
    for word in priced_words(question):
        stem = stem_of(word, language)
        places = [
            (words, i)
            for words in worded
            for i, w in enumerate(words)
            if stem_of(w, language) == stem
        ]
        if places and all(
            _WITH.intersection(words[max(i - 6, 0) : i]) or _INCLUDED.intersection(words[i : i + 4])
            for words, i in places
        ):
            return word
    return ""


# The words that name a priced thing. In Spanish the first ("la [cámara] trasera"),
# after an infinitive ("planchar [una camisa]"), and in English the last before a
# preposition ("a [bag] of compost", "a large [room]"): its other words may be the
# page's in words of its own ("una lavadora grande" of "las de 18 kg"). In Indonesian,
# whose words a page writes as the asker does, each of them up to a word joining a
# purpose or a condition ("[kamar deluxe]", "[paket ayam bakar]", "[kamar] untuk dua
# orang", "biaya kalau pakai [sopir]").
_PREPOSITIONS = frozenset("of for in at with to on from per by".split())
_INDONESIAN_JOINS = frozenset(
    "untuk bagi buat kalau jika bila apabila per ke dari di selama".split()
)
# ... not the verb that joins the price to it ("¿Qué precio [tiene] una clase?")
# ... nor the pronoun standing for it ("¿Cuánto cuesta alquilar [uno]?"), nor the one
# for the service asked or the askers ("¿Cuánto vale aprender a encuadernar con
# [vosotros]?", set FB; as a key term "vosotros" stays: "¿Afináis pianos vosotros?" asks
# whether they do it themselves, of a removal firm's advice to tune)
_NOT_A_THING = (
    frozenset(
        "pakai memakai dengan mau ingin tiene tienen tendría tendrían uno "
        "usted ustedes vosotros vosotras nosotros nosotras "
        # (going, which is what is paid for: "¿Cuánto cuesta al mes si voy dos días?")
        "voy vamos va van vengo venimos asisto asistimos".split()
    )
    | PAID_FIRST
)


def priced_words(question: str) -> list[str]:
    """The words naming what a price question prices, lower-cased ("pantalón" of
    "¿Cuánto cuesta planchar un pantalón?", "paket", "ayam", "bakar" of "Berapa harga
    paket ayam bakar?"); none for other languages than English, Spanish and Indonesian,
    or a question naming nothing but the price."""
    language = guess(question)[0]
    if language not in ("en", "es", "id"):
        return []
    stopwords = stopwords_of(language)
    for part in SENTENCE_BREAK.split(question.strip()):
        words = [w.lower() for w in words_of(priced_part(part))]
        if language == "en":  # "the price of [a bag] of compost"
            words = words[1:] if words[:1] in (["of"], ["for"]) else words
            words = list(itertools.takewhile(lambda w: w not in _PREPOSITIONS, words))[::-1]
            if words[:1] and words[0] in _PERIOD_OF:  # "a whole [day]": a period is priced
                continue
        elif language == "id":
            words = list(itertools.takewhile(lambda w: w not in _INDONESIAN_JOINS, words))
        named = [
            word
            for word in words
            if word not in stopwords
            and word not in _NOT_A_THING
            and word not in WHOLES  # "una [sola] clase": how much of it
            and word not in PRICE_WORDS  # "How much are the [fees]?" names a price
            and word not in _PERIOD_OF  # "al mes": a period, which other_period reads
            and len(word) >= 3
            and not has_digit(word)
            and word not in NUMBER_WORDS  # a count, in words as in digits ("paket empat kamera")
            and not (
                language == "es"
                and (SPANISH_INFINITIVE.fullmatch(word) or SPANISH_VOSOTROS.fullmatch(word))
            )
        ]
        if named:
            return named if language == "id" else named[:1]
    return []


# Who is asked whether they pay: "Do [teenagers] have to pay?", "¿[Los jubilados]
# pagan?". What one pays for is named in words of many kinds ("¿La clase de prueba es
# gratis?" of "La primera clase es gratis"): only the payer is looked for.
_PAYER = re.compile(
    r"(?<![^\W_])(?:(?:do|does|will|must) ((?:[\w-]+ ){0,2}?[\w-]+) "
    r"(?:also |still )?(?:have to |need to )?pay|"
    r"(?:los|las|el|la) ((?:[\w-]+ ){0,2}?[\w-]+) (?:también |tienen que |tiene que )?"
    r"(?<!se )(?:paga|pagan))(?![^\W_])",  # not what "se paga" ("¿La consulta se paga?")
    re.IGNORECASE,
)
# ... or whether someone pays less: "Do students get a cheaper ticket?", "¿Los jubilados
# tienen descuento?" (set FD: the ghost walk's prices name adults and under-16s only).
_PAYS_LESS = re.compile(
    r"(?<![^\W_])(?:(?:do|does|will|can|could) ((?:[\w-]+ ){0,2}?[\w-]+) get (?:a |an |any )?"
    r"(?:cheaper|discount|discounted|reduced|lower|concession)|"
    r"(?:los|las|el|la) ((?:[\w-]+ ){0,2}?[\w-]+) (?:tienen|tiene|pagan|paga) "
    r"(?:alg[uú]n |un )?(?:descuento|precio reducido|tarifa reducida|rebaja|menos)|"
    # ... "Pelajar dapat potongan harga tiket?" (set FH)
    r"^\W*((?:[\w-]+ ){0,1}?[\w-]+) (?:dapat|dapet|mendapat|ada) (?:potongan|diskon|harga "
    r"(?:khusus|murah)))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_NOT_PAYERS = frozenset(
    "i we you they it he she my our your their the a an this that apakah apa kalau saya kami "
    "kita aku".split()
)


def paid_of_unheld(question: str, passages: list[str], *, own: frozenset[str]) -> str:
    """Asked whether someone pays (or pays less), the first word naming who that no
    passage holds, nor a word of its kin (`held_by_kin`), nor the service's `own` name:
    "¿Los jubilados pagan?" of the adults' and the children's prices, which say nothing
    of pensioners; "" when there is none."""
    asked = _PAYER.search(question) if asks_whether_paid(question) else None
    if not (asked := asked or _PAYS_LESS.search(question)):
        return ""
    absent = absent_terms(question, passages)
    for word in words_of(next(who for who in asked.groups() if who)):
        lowered = word.lower()
        if lowered in _NOT_PAYERS or lowered in own or lowered not in absent:
            continue
        if held_by_kin(lowered, passages) or children_by_age(lowered, passages):
            continue
        return word
    return ""


def unheld_priced(question: str, passages: list[str]) -> str:
    """The first of the words naming what the question prices that no passage holds (by
    stem, or inside a longer word of theirs: "room" of "bedroom"); "" when they all
    are. "¿Cuánto cuesta planchar un pantalón?" of a price list of shirts and duvets."""
    language = guess(question)[0]
    held = {w.lower() for text in passages for w in words_of(text)}
    stems = {stem_of(word, language) for word in held}
    spelt = initials_spelt_out(question, passages)  # "MUA" of "make up artist"
    for word in priced_words(question):
        if stem_of(word, language) in stems or word in spelt or word.lower() in HEDGES:
            continue  # (nor "usually", "roughly": "What do alterations usually cost?")
        if len(word) >= 4 and any(word in other for other in held):
            continue
        if (day := day_of(word)) and any(names_day(text, frozenset({day})) for text in passages):
            continue  # "una noche un sábado" of "260 euros en fin de semana"
        return word
    for day, words in days_named(question).items():
        if not any(names_day(text, frozenset({day})) for text in passages):
            return words
    return ""


# The words that only ask a price, and the periods it is asked by: a page need not hold
# them ("Bayarnya sebulan berapa?" of "Infak bulanan Rp50.000 per anak").
PRICE_WORDS = frozenset(
    "how much cost costs price prices priced fee fees rate rates pay what which does will "
    "would "
    "cuánto cuanto cuánta cuanta cuesta cuestan cuestas costo coste precio precios tarifa "
    "tarifas cobra cobran cobráis cobrais cobrar pagar pago pagas paga pagan pagamos "
    "pagáis pagais berapa harga harganya biaya biayanya ongkos ongkosnya tarif tarifnya "
    "bayar vale valen worth sale salen saldría saldria saldrían saldrian person persona "
    "orang seorang head cabeza harus "
    "dibayar dibayarkan persen percent porcentaje dp adelantar adelanto adelantas adelantamos "
    "upfront front advance muka dimuka cuota cuotas mensualidad iuran iurannya "
    "subscription dues cheapest termurah paling murah más mas barato barata baratos "
    "baratas charge charges "
    # (a whole period asked: "¿Cuánto es el día entero?" of "el día completo 220 euros")
    "full whole entero entera completo completa penuh "
    # (what is paid to hold a date: "How much to secure our date?" of "a £100 deposit")
    "secure reserve confirm hold reservar asegurar confirmar apartar "
    # (... left to book: "¿Cuánto hay que dejar para reservar?")
    "dejar deja adelantar adelanta "
    # (... and from how much they go: "¿Desde cuánto salen los estores?", set FJ)
    "desde "
    # (a share of the whole: "Uang muka berapa persen dari total?")
    "total "
    # (once, the time it is priced by: "Sekali pijat berapa?")
    "sekali "
    # (charged, as spoken: "Sebulannya kena berapa?")
    "kena "
    # (the verb joining a price to its thing: "¿Qué precio tiene un audífono?")
    "tiene tienen".split()
) | frozenset(_PERIOD_OF)


_DAY_NAMES = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|weekdays?|bank holidays?|"
    r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|fin(?:es)? de semana|"
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|akhir pekan"
)


# What one pays, asked without a word of price: "How much do I pay?", "¿Cuánto se paga al
# mes?", "Bayarnya sebulan berapa?"; not on which date ("Bayar sewanya tanggal berapa?").
# Asked so, a price answers it; the checks of what a price is of (`priced`) read the
# words of price alone.
_ASKS_WHAT_TO_PAY = re.compile(
    r"(?<![^\W_])(?:how much (?:[\w-]+ ){0,4}(?:pay|charge)|"
    # ("What do grown-ups pay to get in?", "¿Qué pagan los niños?")
    r"^\W*what (?:do|does|did|will|would|should) (?:[\w-]+ ){1,3}pay(?![^\W_])|"
    r"^\W*qu[eé] (?:se )?pag(?:o|as|a|an|amos|[aá]is)(?![^\W_])|"
    r"cu[aá]nto (?:\w+ ){0,3}pag(?:o|as|a|an|amos|"
    r"[aá]is|ar)|bayar(?:nya)?(?: (?!tanggal|jam|hari)\w+){0,2} berapa(?! kali)|"
    r"(?<!tanggal )(?<!jam )(?<!hari )berapa (?:yang )?(?:harus )?(?:di)?bayar(?:nya)?|"
    # ... or how much is paid ahead: "Uang mukanya berapa?", "¿Cuánto es la señal?"
    r"(?:uang muka|dp|panjar|deposit)(?:-?nya)? berapa|berapa (?:uang muka|dp|panjar|deposit)|"
    r"cu[aá]nto (?:\w+ ){0,3}(?:(?:la|de) señal|(?:la|de) fianza|(?:el|de) dep[oó]sito|(?:el|de) anticipo)|"
    # ... asked by paying ahead: "¿Cuánto hay que adelantar?", "How much do I pay upfront?"
    r"cu[aá]nto (?:\w+ ){0,3}adelant(?:o|as|a|amos|[aá]is|ar)|how much (?:\w+ ){0,4}(?:upfront|"
    r"up front|in advance)|berapa (?:\w+ ){0,3}(?:di ?muka)|"
    # ... or how much by the period or the person, no word of price said: "How much a
    # month?", "¿Cuánto es al mes?", "¿Cuánto sale por persona?", "Sebulan berapa?",
    # "Berapa per orang?" (not "Seminggu berapa kali?", "Sehari berapa jam?")
    rf"how much (?:is it |is that |would it be |will it be )?(?:(?:per|a|an|each|for (?:a|an|one|each)) "
    rf"(?:{_PERIOD_WORD}|person|head)|each)|"
    rf"cu[aá]nto (?:(?:es|son|sale|salen|ser[ií]a|cobr[aá]is|cobran) )?(?:al|a la|por|cada) "
    rf"(?:{_PERIOD_WORD}|persona|cabeza)|"
    rf"(?:(?:per ?|se)(?:orang|{_PERIOD_WORD})|harian|mingguan|bulanan|tahunan)(?:nya)? berapa(?! ?(?:kali|jam|menit|hari|orang|lama|kg|kilo))|"
    rf"berapa (?:(?:per ?|se)(?:orang|{_PERIOD_WORD}))(?=\W*$)|"
    # ... or by the time: "Sekali pijat berapa?" (not "Sekali belajar berapa menit?")
    r"^\W*sekali (?:[^\W\d_]+ ){1,2}berapa(?! ?(?:kali|jam|menit|hari|lama|orang))(?=\W*$)|"
    # ... or what is charged for a thing, or how much for it: "What's the charge for my 3
    # year old?", "How much for two adults?", "¿Cuánto por una clase suelta?", "Berapa
    # untuk anak 3 tahun?" (not "the charge of an electron")
    r"what(?:'s| is| are| do you| would you| will you) (?:your |the )?charges? (?:for|per)|"
    r"how much (?:is it |would it be |will it be )?for (?:a|an|my|the|one|two|three|four|\d)|"
    r"cu[aá]nto (?:es |sale |ser[ií]a )?(?:por|para) (?:un|una|mi|mis|el|la|los|las|dos|tres|\d)|"
    r"berapa (?:untuk|buat) (?:anak|satu|dua|tiga|\d)|"
    # ... or how much to hold a booking, or to have a thing done: "How much to secure our
    # date?", "How much to translate a birth certificate?", "How much is it to hire the
    # hall?", "¿Cuánto hay que pagar para reservar?"
    r"how much (?:is it |would it be |will it be |do we pay |do i pay )?to [^\W\d_]+|"
    r"cu[aá]nto (?:hay que pagar |se paga |es )?para (?:reservar|asegurar|confirmar|apartar)|"
    # ... or left to book: "¿Cuánto hay que dejar para reservar?" (set FF)
    r"cu[aá]nto (?:hay que |tengo que |tenemos que |se )?(?:dejar|deja|adelantar|adelanta) "
    r"para (?:reservar|asegurar|confirmar|apartar)|"
    # ... or how much on a day: "How much on a Tuesday?", "¿Cuánto es un sábado?", "Kalau
    # hari Sabtu berapa?"
    rf"how much (?:is it |would it be |will it be )?(?:on|at) (?:a |the )?(?:{_DAY_NAMES})|"
    rf"cu[aá]nto (?:es |cuesta |sale |vale |ser[ií]a )?(?:el|un|los|en) (?:{_DAY_NAMES})|"
    rf"(?:hari )?(?:{_DAY_NAMES})(?:nya)? berapa(?=\W*$))"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def gives_only_paid_ahead(sentence: str) -> bool:
    """Whether the sentence's one amount is what is paid ahead ("Se deja una fianza de
    50 euros que se devuelve al entregar el traje"), not a price beside it ("A double
    room is £65, with a £20 deposit")."""
    return PAID_AHEAD_ASKED.search(sentence) is not None and len(_AMOUNT.findall(sentence)) <= 1


# When something is cheaper, asked by a word of cheapness ("¿Qué día es más barato?",
# "Which day is cheapest?", "Hari apa paling murah?"): a sentence lowering a price
# answers it ("Los martes la entrada es a mitad de precio").
CHEAP_WORDS = frozenset(
    "cheap cheaper cheapest barato barata baratos baratas murah termurah".split()
)
# ... with the words of "most" and "more" it is asked with ("Hari apa paling murah?")
CHEAPNESS_WORDS = CHEAP_WORDS | frozenset("most more paling lebih".split())
_REDUCED = re.compile(
    r"(?<![^\W_])(?:half[- ]price|mitad de precio|medio precio|setengah harga|discounts?|"
    r"descuentos?|rebajas?|rebajad[oa]s?|diskon|potongan harga|reduced|cheaper|m[aá]s barat[oa]s?|"
    r"lebih murah|precio reducido|tarifa reducida|\d+ ?% off)(?![^\W_])",
    re.IGNORECASE,
)


def lowers_price(sentence: str) -> bool:
    """Whether the sentence tells of a price lowered: half price, a discount."""
    return _REDUCED.search(sentence) is not None


def asks_what_to_pay(question: str) -> bool:
    """Whether the question asks a price, or how much one pays."""
    return asks_price(question) or _ASKS_WHAT_TO_PAY.search(question) is not None


def tells_price(sentence: str, question: str) -> bool:
    """Whether the sentence's price is of what the question prices: it holds one of the
    question's key terms (`priced`), or the question names nothing but the price and the
    period it is asked by. A word of the question whose kin the sentence holds is named
    by it (`priced_or_kin`). An age the question gives names no thing priced: "for my
    12-year-old" is not priced by "£25 a year" alone (`fact_giving` prefers the
    sentences giving an age), and children are named by a sentence giving an age ("los
    niños de 10 años" by "los menores de 12 años entran gratis")."""
    asked = without_ages(CHARGING.sub(" ", without_periods(question)))
    for word in words_of(asked):
        if children_by_age(word.lower(), [sentence]):
            asked = left_out(asked, word, joined=True)
    if any(_only_what_it_is_for(word, sentence, question) for word in priced_words(question)):
        return False
    if comes_with_another(question, [sentence]):
        return False
    return priced_or_kin(asked, [sentence])


# What a thing is for, after "para", "for", "untuk" (an article between): "Las pilas
# [para los audífonos] cuestan 4 €" prices the batteries, not a hearing aid.
_FOR = frozenset("para for untuk bagi buat".split())
_ARTICLES = frozenset("el la los las un una su sus the a an your their".split())


def _only_what_it_is_for(word: str, sentence: str, question: str) -> bool:
    """Whether the sentence names the thing the question prices (`word`) only as what
    another thing, one the question does not name, is for, where the question names it
    as the thing priced ("¿Qué precio tiene un audífono?" of "Las pilas para los
    audífonos cuestan 4 €"; not "¿Precio para grupos?" of "El menú para grupos cuesta 28
    €", nor "How much does neutering a dog cost?" of "Neutering for a dog costs £200").
    Whom a price is for is no thing ("un niño" of "El curso para niños cuesta 40 €"),
    nor the period it is for ("a weekend" of "hot tubs for 6 people for a weekend")."""
    if word.lower() in _NO_THINGS:
        return False
    language = guess(question)[0]
    stem = stem_of(word, language)
    if _for_another(stem, question, language, set())[1]:
        return False  # asked for whom or for what it is: "¿Precio para grupos?"
    asked = {stem_of(w.lower(), language) for w in words_of(question)}
    places, for_another = _for_another(stem, sentence, language, asked)
    return bool(places) and places == for_another


def _for_another(
    stem: str, text: str, language: str, asked: set[str]
) -> tuple[list[int], list[int]]:
    """Where the text names the word of `stem`, and of those, which come after another
    thing and "for" ("pilas para los [audífonos]"): a thing the question does not name
    (`asked`), not an amount ("£395 for the Rolls-Royce", "Rp75.000 untuk motor" price
    the thing after it)."""
    words = [w.lower() for w in words_of(text)]
    places = [i for i, w in enumerate(words) if stem_of(w, language) == stem]

    def after_another(i: int) -> bool:
        before = words[max(i - 3, 0) : i]
        if before[-1:] and before[-1] in _ARTICLES:
            before = before[:-1]
        return (
            len(before) >= 2
            and before[-1] in _FOR
            and not has_digit(before[-2])
            and before[-2] not in _AMOUNT_WORDS
            and before[-2] not in _PERIOD_OF  # "£16 a month for dogs"
            and stem_of(before[-2], language) not in asked
        )

    return places, [i for i in places if after_another(i)]


# Whom a price is for and the period it is for, which are no things priced.
_NO_THINGS = (
    CHILDREN | GROWN_UPS | frozenset("weekend weekends finde pekan".split()) | frozenset(_PERIOD_OF)
)
# The words an amount ends in, before "for": "350 euros para", "Rp75 ribu untuk".
_AMOUNT_WORDS = frozenset(
    "euro euros pound pounds pence dollar dollars rupiah ribu rb juta pesos free gratis "
    "each cada".split()
)


def priced_or_kin(
    question: str, quoted: list[str], *, before: list[str | None] | None = None
) -> bool:
    """`priced`, or priced once the question's words whose kin a quoted sentence holds
    are left out: those name what it prices in the page's words ("¿Cuánto cuesta la
    clase?" of "El curso de cuatro sesiones cuesta 95 euros")."""
    if priced(question, quoted, before=before):
        return True
    named = without_kin(question, quoted)
    # ... or whose initials they write out ("un TFG" of "trabajos de fin de grado")
    spelt = initials_spelt_out(named, [*quoted, *(b for b in before or [] if b)])
    for word in words_of(named):
        if word.lower() in spelt:
            named = left_out(named, word)
    return named != question and priced(named, quoted, before=before)


# Getting in, asked as such ("How much does it cost to get in?", "¿Cuánto cuesta
# entrar?", "Masuknya berapa?"), is priced by the page's entry ("Entry is £4 per person").
_ENTERING = re.compile(
    r"(?<![^\W_])(?:(?:get|go|come) in(?:to|side)?|to enter|entrar|masuk(?:nya)?)(?![^\W_])",
    re.IGNORECASE,
)
_ENTRY = frozenset(
    "entry entrance admission admissions ticket tickets entrada entradas tiket karcis masuk "
    "htm".split()
)


def without_kin(question: str, sentences: list[str]) -> str:
    """The question without its words whose kin one of the sentences holds; without its
    words for grown-ups when one of them prices what it names for no one in particular:
    that is the grown-ups' price ("Tiket dewasa berapa?" of "Tiket masuk Rp20.000", not
    of "Anak di bawah 5 tahun gratis"); and without its getting in when one of them
    names the entry ("to get in" or "a ticket" of "Entry is £4 per person"); without the
    age it asks for when one of them gives an age: whom the price is for ("What's the
    price for a 10-year-old?" of "£6.50 for children aged 3 to 15"); and without a day
    one of them names ("on a Saturday" of "£25 an hour at weekends")."""
    general = any(states_price(s) and not sets_children_apart([s]) for s in sentences)
    held = {w.lower() for s in sentences for w in words_of(s)}
    if held & _ENTRY:
        question = _ENTERING.sub(" ", question)
        # ... and a ticket is the entry the page names in another word ("What does a
        # ticket cost?" of "Admission is £7.50")
        for word in words_of(question):
            if word.lower() in _ENTRY - held:
                question = left_out(question, word, joined=True)
    if any(map(states_age, sentences)):
        question = without_ages(question)
    for day, words in days_named(question).items():
        if any(names_day(s, frozenset({day})) for s in sentences):
            question = left_out(question, words)
    for word in words_of(question):
        if held_by_kin(word.lower(), sentences) or (general and word.lower() in GROWN_UPS):
            question = left_out(question, word, joined=True)
    return question


# A price asked in words the page does not use ("What does it cost to become a member?"
# of "Membership costs £30 a year"): asked after the other facts.
PRICE = Fact("price", asks_what_to_pay, states_price, PRICE_WORDS, tells_price, goes_on=states_age)
