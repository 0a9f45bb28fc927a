"""What a thing is, or what it is made of: "Apa itu galvalum?" of a gutter fitter's
pages, "¿Qué es el trencadís?" of a mosaic workshop's, "What is glass made from?" of a
glazier's. A page that sells or uses the thing names it ("Kami memasang talang air
galvalum dan PVC") without saying what it is: in set DI's first run (2026-12-04)
"Apa itu galvalum?" was answered with that sentence, every word of the question held.
Of the hand sets' 26 such questions before set DI none was answerable. A quote naming
the thing only in passing (one of a list, or a word saying what another thing is of) is
declined; one saying what it is ("El trencadís es un mosaico de trozos de azulejo"), or
naming it in a clause of its own ("sign up for Gift Aid and the hospice can claim an
extra 25p"), or not naming it at all ("β-carotene" of "beta carotene") is left to the
decision.

A fact asked in these words ("What is the late fee?", "What's your phone number?") is
not this question: `asked_fact` and the price rules read those.
"""

from __future__ import annotations

import re

from agents.answerability import has_digit, stem_of, stopwords_of
from knowledge.encoders.languages import guess

# A thing of one or two words, none of them a possessive ("Warsaw's symbol" is a fact),
# nor asked what it is called or used for ("What are cestida called?").
_THING = r"[^\W\d_][\w-]*(?: (?!(?i:called|named|known|used|made)\W)[^\W\d_][\w-]*)?"
# "What is (a) X?", "What does X mean?", "¿Qué es (el) X?", "¿Qué significa X?", "Apa
# itu X?", "Apa arti X?", the question ending there.
_ASKS_WHAT = re.compile(
    r"^\W*(?:(?:what(?:'s| is| are) (?:an? )?|"
    r"qu[eé] (?:es|son|significa) (?:el |la |los |las |un |una |lo )?|"
    r"apa (?:itu|arti(?:nya)?|maksud(?:nya)?) )"
    # (not one of theirs, a fact: "What is the late fee?", "What's your number?")
    r"(?!(?i:the|your|our|my|its|this|that|in|on|at|su|vuestr[oa]|tu|mi|nuestr[oa])\s)"
    rf"(?P<thing>{_THING})|what does (?P<meant>{_THING}) (?:mean|stand for))\W*$",
    re.IGNORECASE,
)
# "What is X made of?", "¿De qué está hecho X?", "X terbuat dari apa?"
_ASKS_MADE_OF = re.compile(
    r"(?<![^\W_])(?:what (?:is|are) (?:an? |the )?[\w'’ -]{1,40}? made (?:of|from|with)|"
    r"de qu[eé] (?:est[aá]n?|es|son) hech[oa]s?|terbuat dari apa|dibuat dari apa|"
    r"bahan(?:nya)? (?:dasar )?apa)(?![^\W_])",
    re.IGNORECASE,
)
_SAYS_MADE_OF = re.compile(
    r"(?<![^\W_])(?:made (?:of|from|with|out of)|hech[oa]s? (?:de|con|a mano)|"
    r"fabricad[oa]s? (?:de|con)|elaborad[oa]s? (?:de|con)|terbuat dari|dibuat dari|"
    r"berbahan|bahan(?:nya)?|consists? of|compuest[oa]s? de|ingredients?|ingredientes?)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# A verb after the thing saying what it is or does ("X is", "X es", "X adalah", "X
# lets"), or a word before it naming it ("called X", "llamado X", "disebut X").
_DEFINING_AFTER = (
    r"is|are|was|means|lets|helps|gives|es|son|significa|consiste|permite|sirve|adalah|"
    r"merupakan|ialah|yaitu|yakni|berarti|artinya"
)
_ARTICLE = r"(?i:the|a|an|el|la|los|las|un|una)"
# ... or a colon, a bracket or a dash after it, or a comma and an article or "which"
# ("Plasmodium, a genus of...", "chromoplasts, which are...", "a stromule, or ...")
_DEFINING = re.compile(
    rf"\s*[:(—–]|\s+-\s|,\s*(?i:a|an|the|un|una|el|la|sebuah|seorang|which|or|que|o|"
    rf"yang|yaitu|atau)\s|\W*(?i:{_DEFINING_AFTER})(?![^\W_])"
)
# ... or a word naming it before it, or the thing in brackets after what it stands for
# ("the American Football Conference (AFC)"), or another name for it ("the two
# plastid-dividing rings, or PD rings").
_NAMING_BEFORE = re.compile(
    r"(?:(?:called|known as|named|llamad[oa]s?|conocid[oa]s? como|denominad[oa]s?|"
    r"disebut|dinamakan|dikenal sebagai)\W*(?:an?|the|un|una|el|la|sebagai)?|\(|, or|, o|"
    r", atau)\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_][\w'’-]*")


def asks_definition(question: str) -> str | None:
    """The thing whose meaning the question asks ("galvalum" of "Apa itu galvalum?"),
    or None when it asks no such thing."""
    found = _ASKS_WHAT.match(question.strip())
    return (found["thing"] or found["meant"]) if found else None


def asks_made_of(question: str) -> bool:
    """Whether the question asks what a thing is made of."""
    return _ASKS_MADE_OF.search(question) is not None


def says_made_of(sentence: str) -> bool:
    """Whether the sentence says what something is made of."""
    return _SAYS_MADE_OF.search(sentence) is not None


def named_in_passing(
    sentences: list[str], thing: str, *, own: frozenset[str] = frozenset()
) -> bool:
    """Whether the sentences name `thing`, each only in passing (`speaks_of`): a quote
    not naming it at all may name it otherwise ("β-carotene" of "beta carotene") and is
    left to the decision. The service's `own` name, written so, is not the thing: "¿Qué
    es un visillo?" of "Visillo confecciona cortinas, estores y visillos" (set FJ)."""
    named = []
    for sentence in sentences:
        language = guess(sentence)[0]
        found = [
            (before, after)
            for before, after in _places(sentence, thing, language)
            if not _own_name(sentence[len(before) : len(sentence) - len(after)], own)
        ]
        if found:
            named.append((found, language))
    return bool(named) and not any(_spoken(found, language) for found, language in named)


def speaks_of(sentence: str, thing: str, language: str | None = None) -> bool:
    """Whether the sentence speaks of `thing` as more than a word in passing: saying
    what it is (opening with it, after an article; a verb, a colon, a bracket or a dash
    after it; a word naming it before it), or naming it other than as one of a list ("galvalum dan
    PVC", "rock, jazz, flamenco") or as what another is of ("talang air galvalum",
    "Kelas hidroponik", "a chalk paint workshop"): "sign up for Gift Aid and the hospice
    can claim an extra 25p" tells what Gift Aid does."""
    language = language or guess(sentence)[0]
    return _spoken(_places(sentence, thing, language), language)


def _spoken(places: list[tuple[str, str]], language: str) -> bool:
    """Whether one of the places a sentence names a thing (the text before and after
    it) says what it is, or is no place in passing."""
    return any(
        _defining(before, after) or not _in_passing(before, after, language)
        for before, after in places
    )


def _own_name(named: str, own: frozenset[str]) -> bool:
    """Whether the words a sentence names a thing by are the service's own name, written
    with its capital."""
    words = _WORD.findall(named)
    return bool(words) and named[:1].isupper() and all(w.lower() in own for w in words)


def _places(sentence: str, thing: str, language: str) -> list[tuple[str, str]]:
    """The text before and after each place the sentence names `thing`, by stem."""
    stems = _stems(thing, language)
    if not stems:
        return []
    words = list(_WORD.finditer(sentence))
    found = [stem_of(w[0].lower(), language) for w in words]
    span = len(stems)
    return [
        (sentence[: words[i].start()], sentence[words[i + span - 1].end() :])
        for i in range(len(found) - span + 1)
        if found[i : i + span] == stems
    ]


def _defining(before: str, after: str) -> bool:
    """Whether the thing, between `before` and `after`, is said what it is."""
    return bool(
        re.fullmatch(rf"\W*(?:{_ARTICLE}|(?i:lo))?\W*", before)
        or _DEFINING.match(after)
        or _NAMING_BEFORE.search(before)
    )


# One of a list: a comma or a joining word between it and a bare word ("galvalum dan
# PVC", "rock, jazz"), not a clause ("Gift Aid and the hospice can...").
_JOINING = r"(?:,|\s(?i:and|or|y|e|o|u|dan|atau|serta))"
_LISTED_AFTER = re.compile(
    rf"{_JOINING}\s+(?!(?:{_ARTICLE}|(?i:sus?|its|their|our|your))\s)[^\W\d_]"
)
_LISTED_BEFORE = re.compile(rf"[^\W\d_]{_JOINING}\s*$")


_NAME_AFTER = re.compile(r"\s+[A-ZÁÉÍÓÚÑ][^\W\d_]+")
_WITH = re.compile(r"(?<![^\W_])(?i:with|using|via|con|mediante|dengan|pakai|lewat)\s*$")


def _in_passing(before: str, after: str, language: str) -> bool:
    """Whether the thing, between `before` and `after`, is one of a list or a word
    saying what another is of: after a word of substance in Spanish and Indonesian
    ("talang air [galvalum]"), before one in English ("a [chalk paint] workshop")."""
    if _LISTED_AFTER.match(after) or _LISTED_BEFORE.search(before):
        return True
    # ... or what something is done with ("firmar con certificado digital", "pay with
    # Apple Pay", "bayar pakai QRIS"), or, in Spanish and Indonesian, the kind of a place
    # its name follows ("en el centro comercial Los Arcos"; English writes a kind after
    # the name, and a capital after the thing makes it part of one: "the Rhine River")
    if _WITH.search(before) or (language != "en" and _NAME_AFTER.match(after)):
        return True
    stopwords = stopwords_of(language)
    if language == "en":
        following = _WORD.match(after.lstrip())
        return following is not None and following[0].lower() not in stopwords
    preceding = _WORD.findall(before)[-1:]
    return bool(preceding) and preceding[0].lower() not in stopwords and not has_digit(preceding[0])


def _stems(text: str, language: str) -> list[str]:
    return [stem_of(w.lower(), language) for w in _WORD.findall(text)]


# What tells two things apart, asked as the whole question: "What is the difference
# between a llama and an alpaca?", "¿Qué diferencia hay entre fondant y mazapán?", "¿En
# qué se diferencia X de Y?", "Apa bedanya sablon DTF dan plastisol?", "Teh hijau dan teh
# hitam bedanya apa?". Of the hand sets' 76 such questions (sets A to EF) none was
# answerable; seven were answered with a sentence naming the two side by side ("sablon
# plastisol atau DTF") or only one of them.
_ART = r"(?:(?:an?|the|el|la|los|las|un|una|unos|unas)\s+)?"
_ASKS_DIFFERENCE = re.compile(
    r"^\W*(?:"
    rf"what(?:'s| is| are) the (?:main |real |big )?differences? between {_ART}(?P<x1>.+?) and "
    rf"{_ART}(?P<y1>.+?)|"
    rf"how (?:is|are|does|do) {_ART}(?P<x2>.+?) differ(?:ent)? from {_ART}(?P<y2>.+?)|"
    rf"(?:qu[eé]|cu[aá]l(?:es)? (?:es|son) (?:la|las)) diferencias? (?:hay )?entre {_ART}"
    rf"(?P<x3>.+?) y {_ART}(?P<y3>.+?)|"
    rf"en qu[eé] se diferencian? {_ART}(?P<x4>.+?) (?:de|y) {_ART}(?P<y4>.+?)|"
    r"apa (?:sih )?(?:beda|bedanya|perbedaan|perbedaannya) (?:antara )?(?P<x5>.+?) "
    r"(?:dan|dengan|sama) (?P<y5>.+?)|"
    r"(?:(?:perbedaan|beda) )?(?P<x6>.+?) (?:dan|dengan|sama) (?P<y6>.+?) "
    r"(?:apa )?(?:bedanya|perbedaannya|beda)(?: apa| nya)?"
    r")\W*$",
    re.IGNORECASE,
)


def asks_difference(question: str) -> tuple[str, str] | None:
    """The two things whose difference the question asks, or None."""
    found = _ASKS_DIFFERENCE.match(question.strip())
    if found is None:
        return None
    pair = [value for value in found.groups() if value is not None]
    return pair[0], pair[1]


# Between two things listed side by side: a comma or a joining word ("plastisol atau
# DTF", "rumput gajah mini dan rumput jepang", the words both things share and articles
# between).
_JOINS = frozenset("and or y o u e dan atau serta & a an the el la los las un una".split())
_WORD_OR_COMMA = re.compile(rf"{_WORD.pattern}|,")


# ... a word of difference or comparison tells them apart whatever it names ("The
# primary difference is the method by which...", "private schools are unusual because",
# "sedangkan", "más barato que").
_CONTRAST = re.compile(
    r"(?<![^\W_])(?:differ\w*|distinct\w*|distinguish\w*|unlike|unusual|whereas|instead|"
    r"than|diferencia\w*|diferente\w*|distint[oa]s?|en cambio|mientras que|que el|que la|"
    r"beda\w*|berbeda|perbedaan\w*|sedangkan|daripada|dibanding\w*|lebih)(?![^\W_])",
    re.IGNORECASE,
)


def told_apart(sentences: list[str], first: str, second: str, language: str) -> bool:
    """Whether the sentences may tell the two things apart: a word of difference or
    comparison, or both named (every word of each, as stems) with no sentence naming
    them only side by side in a list."""
    if any(_CONTRAST.search(sentence) for sentence in sentences):
        return True
    stopwords = stopwords_of(language)

    def content(thing: str) -> set[str]:
        words = (w.lower() for w in _WORD.findall(thing))
        return {stem_of(w, language) for w in words if w not in stopwords}

    ones, others = content(first), content(second)
    shared = ones & others
    # each sentence's words as stems, its commas kept
    read = [
        [w if w == "," else stem_of(w, language) for w in _WORD_OR_COMMA.findall(s.lower())]
        for s in sentences
    ]
    held = {stem for stems in read for stem in stems} - {","}
    if not ones <= held or not others <= held:
        return False
    own_one, own_other = ones - shared, others - shared
    for stems in read:
        for i, stem in enumerate(stems):
            if stem not in own_one | own_other:
                continue
            mine = own_one if stem in own_one else own_other
            theirs = own_other if mine is own_one else own_one
            between: list[str] = []
            for later in stems[i + 1 :]:
                if later in theirs:
                    if any(w in _JOINS or w == "," for w in between):
                        return False
                    break
                if later in mine or not (later in _JOINS or later == "," or later in shared):
                    break
                between.append(later)
    return True
