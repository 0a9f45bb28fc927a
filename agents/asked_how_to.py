"""How to do something a page never speaks of: "Bagaimana cara menanam stroberi di pot?"
of a strawberry farm's pages, "How do you make a balloon dog?" of a party host's,
"¿Cómo se afina una guitarra de oído?" of a guitar workshop's. Such a question asks
general knowledge; the page's nearest sentence (its strawberries' price per kilo) is no
answer. The encoder puts it close for the thing it shares.

Asked how to do a thing, a page that never writes the doing (the verb, by its stem) nor
one more word the question names holds no answer. "How do I join?", "¿Cómo pido cita?"
name nothing else: the page's way of joining, or of asking for an appointment, answers
them in its own words. Over the hand sets A-AL, it holds for 21 general questions and
for one answerable one ("¿Cómo me entero de si hay clase mañana?", answered with the
wrong sentence before it).
"""

from __future__ import annotations

import re

from agents.answerability import absent_terms

_ASKS_HOW_TO = re.compile(
    r"^[\W_]*(?:how (?:do|can|should|does|would|could) (?:i|we|you|one) |how to |"
    r"c[oó]mo (?:se |puedo |podemos |hago |hacemos |debo |debemos )?|"
    r"(?:bagaimana|gimana) (?:cara )?|cara )(?:me |te |nos |os |se )?"
    r"(?P<verb>[^\W\d_]+)",
    re.IGNORECASE,
)
# Words of asking how, which a page need not write.
_ASKING = frozenset("how to cómo como bagaimana gimana cara caranya".split())


def how_to_unheld(question: str, texts: list[str]) -> str | None:
    """The doing a question asks how to do, when no text holds it nor another word the
    question names; else None."""
    asked = _ASKS_HOW_TO.search(question)
    if asked is None:
        return None
    absent = absent_terms(question, texts)
    verb = asked["verb"].lower()
    if verb not in absent or not absent - _ASKING - {verb}:
        return None
    return verb
