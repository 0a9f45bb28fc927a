"""Which of two is better, or how they differ: "Apa beda bubut dan frais?" of a lathe
workshop's pages, "Mana lebih kuat baja ringan atau kayu?" of a roofer's, "¿Qué es
mejor, el grabado láser o el de fresa?" of an engraver's. Such a question asks what the
world knows, unless a page compares them itself; the page's nearest sentence (the two
named in a list of what it does) is no answer. The encoder puts it close for the things
it shares.

Asked so, a page answers only if one of the retrieved texts compares something: says
"than", "unlike", "the difference", "lebih ... dari", "berbeda", "mejor que".
"""

from __future__ import annotations

import re

from agents.unspoken import unspoken

# Asking how two differ or which is better, stronger, safer... (an adjective after
# "lebih", "más" or "more", or one of the common ones). Not which is cheaper or bigger:
# the place's own prices and sizes answer that of its own things ("Mana yang lebih
# murah, paket A atau B?").
_OWN_MEASURES = (
    r"(?!(?:cheap\w*|expensive|dear\w*|costly|big\w*|small\w*|large\w*|murah|mahal|"
    r"besar|kecil|luas|barat[oa]s?|car[oa]s?|grandes?|pequeñ[oa]s?|económic[oa]s?)"
    r"(?![^\W_]))"
)
_BETTER = (
    r"better|best|worse|stronger|safer|healthier|easier|harder|quicker|faster|"
    rf"longer|warmer|nicer|more {_OWN_MEASURES}[^\W\d_]+|less {_OWN_MEASURES}[^\W\d_]+"
)
_ASKS_COMPARISON = re.compile(
    r"(?<![^\W_])(?:"
    rf"(?:what(?:'s| is)|what are) the differences? between|how do(?:es)? [\w' -]+ differ|"
    rf"(?:which|what)(?:'s| is| are)? (?:the )?(?:{_BETTER})(?![^\W_])[^?.!]{{0,40}} or |"
    rf"(?:is|are) [\w' -]+ (?:{_BETTER}) than|"
    r"qu[eé] diferencias? hay|(?:la|las) diferencias? entre|en qu[eé] se diferencia|"
    rf"(?:qu[eé]|cu[aá]l) es (?:mejor|peor|m[aá]s {_OWN_MEASURES}[^\W\d_]+)|(?:es|son) (?:mejor|"
    rf"peor|m[aá]s {_OWN_MEASURES}[^\W\d_]+|menos {_OWN_MEASURES}[^\W\d_]+) [\w ]*que|"
    r"(?:apa )?(?:beda|bedanya|perbedaan)(?:nya)?(?: antara)? [\w-]+ (?:dan|dengan|sama) |"
    rf"(?:mana|mana yang|yang mana) (?:lebih|paling) {_OWN_MEASURES}[^\W\d_]+|"
    rf"lebih {_OWN_MEASURES}[^\W\d_]+ [\w -]+ atau |"
    # ... or the two named first: "Toren plastik atau stainless yang lebih awet?", "¿Es
    # mejor una persiana de aluminio o de PVC?", "Is oak or pine better?"
    rf"atau [\w -]+? (?:yang )?(?:lebih|paling) {_OWN_MEASURES}[^\W\d_]+|"
    rf"^\W*(?:es|son) (?:mejor|peor|m[aá]s {_OWN_MEASURES}[^\W\d_]+)(?![^\W_])[^?.!]{{0,40}} o |"
    rf"^\W*(?:is|are) [\w' -]+ or [\w' -]+ (?:{_BETTER})(?![^\W_])|"
    # ... or which hurts more: "Does ear piercing hurt more than a tattoo?", "¿Duele más
    # que la depilación?", "Lebih sakit dari tato?"
    r"(?:hurts?|stings?|duele|duelen) (?:more|less|m[aá]s|menos) (?:than|que)|"
    r"lebih sakit (?:dari|daripada|dibanding)"
    r")",
    re.IGNORECASE,
)
# A text comparing: "than", "the difference", "unlike", "más ... que", "lebih ... dari".
_COMPARES = re.compile(
    r"(?<![^\W_])(?:than|differ\w*|unlike|whereas|compared|comparison|"
    # ("store credit is worth 20% more")
    r"\d+\s*%\s*(?:more|less|m[aá]s|menos|lebih)|"
    r"(?:m[aá]s|menos|mejor(?:es)?|peor(?:es)?) (?:[^\W\d_]+ )?que|diferencia\w*|"
    r"difiere\w*|distint[oa]s?|a diferencia|en cambio|comparad[oa]s?|frente a|"
    r"lebih [^\W\d_]+ (?:dari|daripada|dibanding\w*)|dibanding\w*|ketimbang|berbeda|"
    r"perbedaan|bedanya|sedangkan)(?![^\W_])",
    re.IGNORECASE,
)


def asks_comparison(question: str) -> bool:
    """Whether the question asks how two things differ or which of them is better."""
    return _ASKS_COMPARISON.search(question) is not None


def comparison_unanswered(question: str, texts: list[str]) -> bool:
    """Whether the question asks a comparison that none of the `texts` makes."""
    return asks_comparison(question) and not any(_COMPARES.search(text) for text in texts)


# An average ("How much does the average wedding cost in the UK?", "¿Cuánto dura de media
# una lavadora?", "Berapa biaya rata-rata nikah di Bogor?") is the world's figure, not a
# service's: a page answers only if it says what is usual. Over sets A to DM, six
# questions asked one, all of pages never saying so, none answerable. Not Spanish
# "media" as a half ("media hora", "las siete y media").
_ASKS_AVERAGE = re.compile(
    r"(?<![^\W_])(?:average|on average|de media|en promedio|promedio|rata-rata|rata2)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_SAYS_USUAL = re.compile(
    r"(?<![^\W_])(?:average|mean|median|usually|usual|normally|typically|typical|generally|"
    r"mostly|de media|promedio|mediana|normalmente|habitualmente|generalmente|"
    r"por lo general|suele|suelen|rata-rata|rerata|biasanya|umumnya|pada umumnya|"
    r"kebanyakan)(?![^\W_])",
    re.IGNORECASE,
)


def average_unspoken(question: str, texts: list[str]) -> bool:
    """Whether the question asks an average that none of the `texts` says is usual."""
    return unspoken(_ASKS_AVERAGE, _SAYS_USUAL, question, texts)
