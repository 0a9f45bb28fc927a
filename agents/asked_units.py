"""A quantity asked in a unit no page writes: "Berapa watt listrik TV 32 inci?" of a TV
repairer's prices, "How many calories are in an apple?" of an orchard's picking days.
The question shares its other words with a sentence (the 32-inch TV, the apples), so the
decision answered with it, though nothing retrieved measures anything in watts or
calories.

Asked "how many", "berapa" or "cuántos" of a unit, the retrieved texts must write that
unit in one of its spellings ("kg" for "kilos", "°" for "degrees"), or another unit of
the same measure (kilometres for miles); one that does not is declined.
"""

from __future__ import annotations

import re

# Each measure in its units' spellings (English, Spanish, Indonesian, and symbols): a page
# giving a length in kilometres answers how many miles, by converting.
_SPELLINGS = {
    "power": "watt watts w kilowatt kilowatts kw megawatt megawatts mw gigawatt gigawatts gw "
    "horsepower hp cv caballos",
    "energy": "calorie calories caloría calorías caloria calorias kalori kcal cal",
    "weight": "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes kilogramo kilogramos "
    "gram grams gramme grammes gramo gramos gr g ton tons tonne tonnes tonelada toneladas "
    "kiloton kilotons megaton megatons gigaton gigatons gigatoneladas megatoneladas",
    "length": "km kms kilometre kilometres kilometer kilometers kilómetro kilómetros kilometro "
    "kilometros mile miles milla millas mil mi metre metres meter meters metro metros m cm "
    "centimetre centimetres centimeter centimeters centímetro centímetros sentimeter senti "
    "inch inches inci pulgada pulgadas feet foot ft yard yards mm",
    "volume": "litre litres liter liters litro litros l ml gallon gallons galón galones",
    "temperature": "degree degrees grado grados derajat °",
}
_UNIT_OF = {word: measure for measure, words in _SPELLINGS.items() for word in words.split()}
# The unit asked: the word after "how many", "berapa", "cuántos"... Not a one-letter
# symbol, which no one asks by ("berapa m").
_ASKED = re.compile(
    r"(?<![^\W_])(?:how many|berapa|cu[aá]nt[oa]s)\s+(?P<unit>[^\W\d_]{2,})(?![^\W_])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W\d_]+|°")
# Indonesian's "kilo" is a kilogram or a kilometre ("Jaraknya berapa kilo?" of "sepanjang
# 9 kilometer"): no measure is asked by it.
_EITHER = frozenset({"kilo"})


def unit_unstated(question: str, texts: list[str]) -> str | None:
    """The measure a question asks how many units of ("power" of "watts"), when none of
    the texts writes a unit of it; else None."""
    asked = {
        _UNIT_OF[m["unit"].lower()]
        for m in _ASKED.finditer(question)
        if m["unit"].lower() in _UNIT_OF and m["unit"].lower() not in _EITHER
    }
    if not asked:
        return None
    written = {_UNIT_OF.get(t.lower()) for text in texts for t in _TOKEN.findall(text)}
    unstated = sorted(asked - written)
    return unstated[0] if unstated else None
