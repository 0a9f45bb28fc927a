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
from functools import cache

from agents.answerability import absent_terms, stem_of, stopwords_of, words_of
from agents.spellings import held_as_spelt
from agents.unspoken import unspoken
from knowledge.encoders.languages import guess

_ASKS_HOW_TO = re.compile(
    r"^[\W_]*(?:how (?:do|can|should|does|would|could) (?:i|we|you|one) |how to |"
    r"c[oó]mo (?:se |puedo |podemos |hago |hacemos |debo |debemos )?|"
    r"(?:bagaimana|gimana) (?:cara )?|cara )(?:me |te |nos |os |se )?"
    r"(?P<verb>[^\W\d_]+)",
    re.IGNORECASE,
)
# Words of asking how, which a page need not write.
_ASKING = frozenset("how to cómo como bagaimana gimana cara caranya".split())
# Asked how one knows or tells something ("How do I know my parcel got there?", "¿Cómo
# sé si ha llegado?"), a question asks what shows it: a page says so without the verb
# ("the signature and a photo are emailed to the sender").
_KNOWING = frozenset("know tell sé saber tahu".split())


# Looking after a thing, asked how to (cleaning, storing, keeping it): advice on the
# thing in general, whatever else a page says of it ("¿Cómo se limpia el cuero de una
# silla?" of a saddler's, "Bagaimana cara merawat jok kulit?" of a car upholsterer's). In
# sets A to DJ no answerable question asked how to with one of them, and eight general
# ones did, naming only things their pages name. Not verbs a customer also uses of their
# dealings ("How do I stop my subscription?", "keep my place", "remove my account").
_CARE_VERBS = frozenset(
    "clean wash care store maintain polish wax limpiar lavar cuidar conservar guardar "
    "mantener pulir encerar quitar merawat mencuci membersihkan menyimpan mengawetkan "
    "menghilangkan mencegah".split()
)


# Making a thing, asked how to ("How do I make a pavlova?", "¿Cómo se hace queso de
# cabra?", "Bagaimana cara membuat rendang?"): a recipe or a craft, general knowledge,
# even of a page that makes and sells the thing. In sets A to DM, 27 such questions were
# general and two answerable, both asking how to make a dealing ("¿Cómo hago un
# pedido?", "How can I make an appointment?"); a page teaching the making (a class, a
# course) or telling it (a reference work's) may answer, and one asked of the
# business's own way ("How do you make your bread?") is its to say.
_MAKING_VERBS = frozenset(
    "make bake cook build brew grow prepare hace hago hacemos hacer cocina cocinar "
    "prepara preparar elabora elaborar construye construir cultiva cultivar membuat "
    "bikin memasak masak menanam meracik".split()
)
_DEALINGS = frozenset(
    "booking bookings reservation reservations appointment appointments order orders "
    "payment payments complaint claim claims enquiry inquiry donation donations transfer "
    "change changes request application account pedido pedidos reserva reservas cita "
    "citas pago pagos reclamación reclamacion queja devolución devolucion cambio cambios "
    "transferencia solicitud encargo encargos donativo donación donacion inscripción "
    "inscripcion presupuesto janji pesanan pemesanan reservasi pembayaran akun keluhan "
    "komplain pengaduan pendaftaran klaim".split()
)
_YOURSELF = re.compile(
    r"(?<![^\W_])(?:at home|myself|ourselves|yourself|by hand|en casa|yo mismo|yo misma|"
    r"uno mismo|por mi cuenta|sin ayuda|di rumah|sendiri)(?![^\W_])",
    re.IGNORECASE,
)
_THEIRS = frozenset("your yours vuestro vuestra vuestros vuestras kalian anda".split())
# ... nor of a page telling how it is made (a reference work's: "Steel is produced by
# ...", "El papel se fabrica con...", a recipe's ingredients).
_TELLS_MAKING = re.compile(
    r"(?<![^\W_])(?:(?:is|are|was|were) (?:\w+ )?(?:made|produced|prepared|manufactured|"
    r"brewed) (?:by|from|with|using|in)|se (?:hace|hacen|elabora|elaboran|prepara|preparan|"
    r"fabrica|fabrican|obtiene|obtienen) (?:con|a partir|mediante|de)|dibuat (?:dengan|dari)|"
    r"recipes?|recetas?|resep|ingredients?|ingredientes|bahan-bahan|steps?|pasos|langkah)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_TEACHES = re.compile(
    r"(?<![^\W_])(?:learn|learns|learning|teach|teaches|taught|aprend\w*|enseñ\w*|"
    r"belajar|diajarkan|mengajarkan|mengajar)(?![^\W_])",
    re.IGNORECASE,
)


def how_to_unheld(question: str, texts: list[str]) -> str | None:
    """The doing a question asks how to do, when no text holds it nor another word the
    question names, or it is looking after a thing (`_CARE_VERBS`) and no text holds
    it, or it is making a thing (`_MAKING_VERBS`) no text teaches or tells, or doing it
    oneself at home (`_YOURSELF`) no text speaks of; else None."""
    asked = _ASKS_HOW_TO.search(question)
    if asked is None:
        return None
    verb = asked["verb"].lower()
    if verb in _MAKING_VERBS and _makes_a_thing(question, question[asked.end() :], texts):
        return verb
    # Doing it oneself, at home ("¿Cómo se afila un cuchillo en casa?", "How do I clean
    # my gutters myself?"): what the business does for the asker is not how to.
    if unspoken(_YOURSELF, _YOURSELF, question, texts):
        return verb
    absent = absent_terms(question, texts)
    if verb in _KNOWING or verb not in absent:
        return None
    if not absent - _ASKING - {verb} and not _looks_after(verb, question):
        return None
    return verb


def _makes_a_thing(question: str, made: str, texts: list[str]) -> bool:
    """Whether what is `made` (the question's words after the verb) is a thing, not a
    dealing nor the business's own, and no text teaches or tells the making."""
    stopwords = stopwords_of(guess(question)[0])
    words = [w.lower() for w in words_of(made)]
    named = [w for w in words if w not in stopwords or w in _THEIRS][:2]
    if not named or _THEIRS.intersection(named) or _DEALINGS.intersection(named):
        return False
    return not any(_TEACHES.search(text) or _TELLS_MAKING.search(text) for text in texts)


def _looks_after(verb: str, question: str) -> bool:
    language = guess(question)[0]
    return stem_of(verb, language) in _care_stems(language)


@cache
def _care_stems(language: str) -> frozenset[str]:
    """`_CARE_VERBS` by their stems in `language`, stemmed once."""
    return frozenset(stem_of(word, language) for word in _CARE_VERBS)


# Asked why ("Why do cats purr?", "¿Por qué pican las avispas?", "Kenapa kucing suka
# tidur?"): general knowledge, unless the pages write what the question says happens. Not
# "¿Por qué zona estáis?", where "por qué" is "which".
_ASKS_WHY = re.compile(
    r"^[\W_]*(?:why|kenapa|mengapa|por qu[eé](?! (?:zonas?|d[ií]as?|horas?|calles?|partes?|"
    r"lados?|sitios?|lugar(?:es)?|barrios?|medios?|precios?|tipos?|n[uú]meros?|v[ií]as?|"
    r"canal(?:es)?)(?![^\W_])))(?![^\W_])",
    re.IGNORECASE,
)
_WHY_WORDS = frozenset("why kenapa mengapa por qué que".split())
# A sentence giving a reason: "closed in winter because the hedgehogs are hibernating"
# (not "since": "open since 1998").
_GIVES_REASON = re.compile(
    r"(?<![^\W_])(?:because|due to|owing to|as a result|so that|in order to|"
    r"reasons?|porque|ya que|puesto que|dado que|debido a|por eso|para que|para evitar|"
    r"motivo|raz[oó]n|karena|sebab|agar|supaya|sehingga|alasan)(?![^\W_])|"
    # ... or what follows from it, after a comma: "Tours depend on the tides, so start
    # times change every week"
    r",\s*(?:so|as|así que|por lo que|jadi|makanya)(?![^\W_])|"
    # ... or what a thing makes sure of or needs: "booking online guarantees the part is
    # in stock", "Routing a packet requires the node to look up the connection id" (of
    # "Why is the node required to look up...?", SQuAD dev)
    r"(?<![^\W_])(?:guarantees|ensures|garantiza|asegura|menjamin|memastikan|requires?|"
    r"requiere|requieren|memerlukan)(?![^\W_])",
    re.IGNORECASE,
)


def why_words(question: str, language: str) -> list[str]:
    """The words a question asking why names, which the search looks for in the whole
    scope (`agents.retrieval`); none for any other question."""
    if _ASKS_WHY.search(question) is None:
        return []
    stopwords = stopwords_of(language)
    lowered = (w.lower() for w in words_of(question))
    return [w for w in lowered if w not in stopwords and w not in _WHY_WORDS and not w.isdigit()]


def why_unreasoned(question: str, quoted: list[str]) -> bool:
    """Whether the question asks why and none of the `quoted` sentences gives a reason:
    over a service's pages, which say what it does and costs, "Why do wedding cakes have
    tiers?" is answered by no sentence naming the tiers it sells."""
    return _ASKS_WHY.search(question) is not None and not any(map(_GIVES_REASON.search, quoted))


def why_unheld(
    question: str,
    unheld: tuple[str, ...],
    quoted: list[str],
    texts: list[str],
    *,
    language: str,
    own: frozenset[str] = frozenset(),
) -> str | None:
    """A word of a question asking why that no passage in scope holds (`unheld`, the
    search's look: "purr" of "Why do cats purr?" asked of a cattery's pages), unless a
    `quoted` sentence (the first, as the answerer passes them) gives a reason; else None.
    A page saying why something happens writes what happens, or says it is the reason in
    words of its own ("Why do hedgehogs sleep in winter?" of "because the hedgehogs are
    hibernating"). The whole scope, not the passages retrieved: an encyclopedia holds the
    words of a question its passage answers in others ("Why does a lower level of
    economic growth occur due to high-end consumption?", SQuAD dev, declined when the
    passages retrieved were read). The words of the service's `own` names are held, as
    everywhere, and so is a word the retrieved `texts` hold as spelt otherwise, or whose
    root they do ("bouregois" of "bourgeois", "requiered" of "requires": SQuAD dev)."""
    if not why_unreasoned(question, quoted):
        return None
    asked = [w for w in words_of(question) if w.lower() in unheld and w.lower() not in own]
    if not asked:
        return None
    roots = [" ".join(stem_of(w.lower(), language) for w in words_of(t)) for t in texts]
    return next(
        (
            w
            for w in asked
            if not held_as_spelt(w, texts)
            and not held_as_spelt(stem_of(w.lower(), language), roots)
        ),
        None,
    )
