"""A measure the pages list others of: "Ada karung 50 kg?" of "dalam karung 5 kg, 10 kg,
dan 25 kg"; "Do you hire 7-seater vans?" of "5-seater and 9-seater vans". The question
shares every word but its number with the sentence listing the others, and the encoder
reads numbers hardly at all, so the decision answered it with the sizes the page has.

A number with its unit that no page gives is not offered when the sentences on what the
question names (sharing one of its other key terms) give at least `LISTED_MEASURES`
other numbers with that unit, each of them an option, and none of them a bound ("up to 20
people", "a partir de 3 noches", "minimal 25 kg") or an end of a range ("10 to 20
people", "de 5 a 12 años"), which hold numbers they do not write. A sentence on
something else may bound the unit for its own sake ("Gratis antar untuk pembelian
minimal 25 kg" beside the sacks' sizes). A time of day ("7 pm") is the hours' to judge,
and a year ("1821 yılına") names no measure.

A price asked of a size the quoted sentences price only at others is not told either
(`size_priced_otherwise`): "Ganti panel TV 43 inci berapa?" of "Ganti lampu backlight TV
32 inci mulai Rp350.000". One other size suffices there: the price is of that size.
"""

from __future__ import annotations

import re

from agents.answerability import SENTENCE_BREAK, asks_price, key_terms, stem_of, stopwords_of
from agents.asked_counts import YEAR_FIGURE
from agents.asked_prices import states_price
from knowledge.encoders.languages import guess

LISTED_MEASURES = 2
# A number, then its unit: "50 kg", "7-seater", "3 noches".
_MEASURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)[\s-]?([^\W\d_]{2,})(?![\w])")
# What makes a number a bound or a range's end, before it or after it.
_BOUND_BEFORE = re.compile(
    r"(?<![^\W_])(?:up to|to|until|from|under|over|above|below|than|least|most|max|maximum|"
    r"minimum|min|between|hasta|a|desde|entre|m[aá]ximo|m[ií]nimo|menos|m[aá]s|"
    r"partir|mayores|menores|sampai|hingga|dari|antara|minimal|maksimal|maks|paling|"
    r"mulai|di atas|di bawah|lebih|kurang|s/d)\W*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"^\s*(?:to|-|–|a|hasta|sampai|hingga|s/d|or (?:more|over|above)|o más|ke atas|"
    r"atau lebih|and (?:over|above|up)|plus|\+)(?![^\W_])",
    re.IGNORECASE,
)
# A year is no measure: "1821 yılına" (of the year 1821), "2000 yılında".
_YEAR = re.compile(YEAR_FIGURE)
# Units that are a time of day, or no unit at all.
_NOT_UNITS = frozenset("am pm h hrs uhr jam wib th st nd rd".split())


def unlisted_measure(question: str, texts: list[str]) -> str | None:
    """The number and unit the question asks ("50 kg") when the `texts` give at least
    `LISTED_MEASURES` other options with that unit and never it; else None."""
    language = guess(question)[0]
    # (a question's "a 12-yard rush" names a measure in passing, not an option asked for:
    # read as a bound, as before English's article was told from Spanish "a")
    asked = [
        (number, unit)
        for number, unit, bound in _measures(question, language, article=False)
        if not bound
    ]
    if not asked:  # most questions name no measure: the pages need not be read
        return None
    measured = {part for pair in asked for part in pair}
    named = {t for t in key_terms(question, language) if t not in measured}
    on_it = [
        sentence
        for text in texts
        for sentence in SENTENCE_BREAK.split(text)
        if named & key_terms(sentence, language)
    ]
    given, bounded = _options(on_it, language)
    for number, unit in asked:
        options = given.get(unit, set())
        if unit in bounded or number in options:
            continue
        if len(options) >= LISTED_MEASURES:
            return f"{number} {unit}"
    return None


def _options(sentences: list[str], language: str) -> tuple[dict[str, set[str]], set[str]]:
    """The numbers the sentences give each unit as options, and the units one of them
    bounds or ends a range of."""
    given: dict[str, set[str]] = {}
    bounded: set[str] = set()
    for sentence in sentences:
        for number, unit, bound in _measures(sentence, language):
            if bound:
                bounded.add(unit)
            else:
                given.setdefault(unit, set()).add(number)
    return given, bounded


def _measures(text: str, language: str, *, article: bool = True) -> list[tuple[str, str, bool]]:
    """The text's numbers with their units (stemmed), each with whether it is a bound or
    an end of a range; with `article`, English's "a" before one is its article."""
    stopwords = stopwords_of(language)
    found = []
    for match in _MEASURE.finditer(text):
        number, unit = match.group(1).replace(",", "."), match.group(2).lower()
        if unit in stopwords or unit in _NOT_UNITS or _YEAR.fullmatch(number):
            continue
        before = _BOUND_BEFORE.search(text[: match.start()])
        # (English's "a" is an article: "a 43 inch TV" is one size, not a range's end)
        if article and before and language == "en" and before.group().strip().lower() == "a":
            before = None
        bound = bool(
            before
            or _RANGE_AFTER.search(text[match.end(1) :])
            or _RANGE_AFTER.search(text[match.end() :])
        )
        found.append((number, stem_of(unit, language), bound))
    return found


# A price asked bare: "Ganti panel TV 43 inci berapa?"
_HOW_MUCH = re.compile(r"(?<![^\W_])(?:berapa|how much|cu[aá]nto)(?![^\W_])", re.IGNORECASE)
# Units of a thing's size, which a price is given for: "Ganti panel TV 43 inci berapa?" of
# "Ganti lampu backlight TV 32 inci mulai Rp350.000" is not told by the 32-inch price.
# (Not ages, periods or people: "£5 for 12 year olds" may price a 7-year-old too.)
_SIZE_UNITS = frozenset(
    stem_of(word, language)
    for language in ("en", "es", "id")
    for word in (
        "inch inches inci pulgada pulgadas cm mm ft metre metres meter meters metro metros kg "
        "kilo gram grams gramo gramos gr litre litres liter liters litro litros ml watt watts "
        "pk gb tb cc ton tons tonelada toneladas seater seaters plazas sq"
    ).split()
)


def size_priced_otherwise(question: str, quoted: list[str]) -> str | None:
    """The size (number and unit) a question asks the price of, when the quoted sentences
    price that unit only at other numbers, none of them a bound or a range's end ("32
    inci" for "43 inci"); else None."""
    if not (asks_price(question) or _HOW_MUCH.search(question)):
        return None
    language = guess(question)[0]
    asked = [
        (number, unit)
        for number, unit, bound in _measures(question, language)
        if not bound and unit in _SIZE_UNITS
    ]
    if not asked:
        return None
    given, bounded = _options([s for s in quoted if states_price(s)], language)
    for number, unit in asked:
        if given.get(unit) and unit not in bounded and number not in given[unit]:
            return f"{number} {unit}"
    return None


# A size by its two sides: "4x6", "10 x 20 meter", "60×90".
_SIDES = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*[xX×]\s*(\d+(?:[.,]\d+)?)(?![\d])")


def _sides(text: str) -> set[frozenset[str]]:
    return {frozenset(side.replace(",", ".") for side in pair) for pair in _SIDES.findall(text)}


def sides_unlisted(question: str, texts: list[str]) -> str | None:
    """The size the question asks by its two sides ("6x12" of "Harga tenda 6x12
    berapa?") when the retrieved `texts` give sizes so and never it, either way round
    ("4x6" is "6x4"): the tent of 4x6 metres is no answer. None when the texts give no
    such size (a frame "de 50x70" is the decision's to judge) or give the one asked.
    Of the hand sets' ten questions asking so (A to EL), two near-topic ones were answered
    with another size; each answerable one's page gives the size asked, or none so."""
    first = _SIDES.search(question)
    if first is None:  # most questions give no such size: the pages need not be read
        return None
    given = set().union(*map(_sides, texts))
    if not given or _sides(question) & given:
        return None
    return first.group(0)
