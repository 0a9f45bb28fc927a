"""Whether they take something in: "Can I drop off an old mattress?", "¿Aceptáis
ropa usada?", "Terima barang elektronik bekas?". A page answers in a sentence saying what
it accepts, takes or collects, or what cannot be left, that names the thing ("We accept
garden waste, cardboard, glass, metal, small electricals, mattresses..."), and often
shares no other word with the question. In the hand sets' seen part (set AK read
2026-12-01), "Can I drop off an old mattress?" was declined so.
"""

from __future__ import annotations

import re

_ASKS_ACCEPTED = re.compile(
    r"(?<![^\W_])(?:(?:do|does|will|would) (?:you|they|the [\w-]+) (?:take|accept|collect|"
    r"recycle|receive)|(?:can|could|may) (?:i|we) (?:drop off|drop|leave|hand in|dispose of|"
    r"recycle|donate)|(?:is|are) [\w\s-]{1,30} accepted|"
    r"acept[aá]is|aceptan|recog[eé]is|recogen|recib[ií]s|reciben|"
    r"(?:se puede|se pueden|puedo|podemos) (?:dejar|tirar|reciclar|donar)|"
    r"se (?:admite|admiten|acepta|aceptan|recoge|recogen)|"
    r"(?:bisa|boleh) (?:terima|buang|titip|setor|donasi)|terima|menerima|diterima)"
    r"(?![^\W_])(?! kasih)",  # "terima kasih" is thanks
    re.IGNORECASE,
)
_STATES_ACCEPTING = re.compile(
    r"(?<![^\W_])(?:accept|accepts|accepted|take|takes|taken|collect|collects|collected|"
    r"recycle|recycles|recycled|receive|receives|(?:can|cannot|can't|may not) be "
    r"(?:left|dropped off|dropped|brought|taken)|"
    # ... what must be taken away first: "Gas bottles must be removed before storage"
    r"(?:must|have to|has to|need to|needs to) be (?:removed|taken out|emptied)|"
    r"(?:se )?deben? (?:retirarse|quitarse|sacarse|vaciarse)|"
    r"harus (?:dikeluarkan|dilepas|dikosongkan)|"
    r"acept\w*|admit\w*|recog\w*|recib\w*|reciclamos|recicla|reciclan|"
    r"(?:se pueden|se puede|no se pueden|no se puede) (?:dejar|tirar|traer|llevar)|"
    r"terima|menerima|diterima|dititipkan|dibuang|didaur ulang)(?![^\W_])",
    re.IGNORECASE,
)
ACCEPTED_WORDS = frozenset(
    "do does will would you they take accept collect recycle receive can could may i we "
    "drop off leave hand in dispose of donate is are accepted aceptáis aceptais aceptan "
    "recogéis recogeis recogen recibís recibis reciben se puede pueden puedo podemos "
    "dejar tirar reciclar donar admite admiten acepta recoge bisa boleh terima buang "
    "titip setor donasi menerima diterima here aquí aqui di sini".split()
)


def asks_accepted(question: str) -> bool:
    """Whether the question asks whether they take something in (accept, collect, let
    it be left)."""
    return _ASKS_ACCEPTED.search(question) is not None


def states_accepting(sentence: str) -> bool:
    """Whether the sentence says what is accepted, taken or collected, or what cannot
    be left."""
    return _STATES_ACCEPTING.search(sentence) is not None
