"""Whether there is one thing, asked in no other word: "Ada garansi?", "Is there a
matinee?", "¿Hay taquillas?". Two words close to nothing the encoder can place, such a
question was declined though a sentence of the page names the thing ("Sparepart yang
diganti bergaransi 3 bulan"), and by the search's gate it found no passage at all ("Ada
paket?" of "Paket 5 sesi"). The sentence naming it answers; a page naming it nowhere
leaves it unanswered (set DV, 2026-12-05).
"""

from __future__ import annotations

import re

from agents.answerability import key_terms

# Whether there is, whether they have or offer it, whether one may: at the question's
# start ("Apakah ada loker?", "¿Tenéis taquillas?", "Can I smoke?", spoken Indonesian's
# "Bisa sekalian grooming?", while at it); not "Do you sell ...?", "Do you do ...?",
# whose verb is a second thing asked.
_ASKS_WHETHER = re.compile(
    r"^\W*(?:is there(?: an?| any)?|are there(?: any)?|any|have you got(?: an?| any)?|"
    r"do you (?:have|offer|provide)(?: an?| any)?|can (?:i|we)|"
    r"hay|ten[eé]is|tienen|tienes|ofrec[eé]is|ofrecen|se puede|puedo|podemos|"
    r"(?:apakah |apa )?(?:ada|tersedia|bisa|boleh)(?: sekalian)?)(?![^\W_])",
    re.IGNORECASE,
)
# The question's words that only ask it.
ONE_THING_WORDS = frozenset(
    "is there are any an a have you got do offer provide can i we hay tenéis teneis tienen "
    "tienes ofrecéis ofreceis ofrecen se puede puedo podemos apakah apa ada tersedia bisa "
    "boleh sekalian".split()
)


def asks_one_thing(question: str) -> bool:
    """Whether the question asks only whether there is one thing (or whether one may do
    one thing): its opening asks so, and it names one term besides."""
    opening = _ASKS_WHETHER.search(question)
    # (the words after it: a question this short is often read as another language's,
    # whose stopwords "hay" and "tenéis" are not)
    return opening is not None and len(key_terms(question[opening.end() :])) == 1


def names_anything(sentence: str) -> bool:
    """Any sentence may name it: which does is `Fact.tells`' to read."""
    return bool(sentence.strip())
