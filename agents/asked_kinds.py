"""A kind the pages list others of: "How long is adoption leave?" of a policy on annual,
maternity and paternity leave; "¿Hay cursos de italiano?" of a school's courses of
English, French and German. The question shares all but one word with the sentence on
another kind ("26 weeks of maternity leave"), and the encoder puts the two kinds close
together (both are leave), so the decision answered it with the kind the pages cover.

Read in English ("[adoption] leave": the word before the noun) and Spanish ("cursos de
[italiano]"): when the word naming the kind is in none of the retrieved passages, the
noun is in the quote, and the passages name at least `LISTED_KINDS` other kinds of that
noun (each member of a list counted: "clases de piano, guitarra, violín y canto"), the
pages list kinds, and the one asked is not among them. One or two other kinds
are not a list: "second driver" of a page on the "additional driver" and the "young
driver" is the page's own kind in other words. Indonesian puts its verbs where its
modifiers go ("cuti melahirkan", "anggota bayar"), and no tagger tells them apart here,
so it is not read.
"""

from __future__ import annotations

import re
from collections import defaultdict

from agents.answerability import (
    CALENDAR_WORDS,
    LONG_WORD,
    key_terms,
    proper_names,
    stem_of,
    stopwords_of,
    words_of,
)
from agents.asked_counts import NUMBER_WORDS
from knowledge.encoders.languages import guess

LISTED_KINDS = 3
_OF = frozenset({"de", "del"})
# What comes before a verb, not a kind: "Do you [provide] laptops", "to [offer] repairs".
_BEFORE_VERBS = frozenset("i you we they he she it to".split())
# English endings of a verb's forms and of superlatives, not of a kind.
_NOT_KINDS = ("ed", "ing", "est")
# Words that rank or judge a thing, not name a kind of it: "the primary provisions" of
# "the main provisions", "effective algorithms" of pages on efficient and probabilistic
# ones. No page lists its kinds by them.
_JUDGING = frozenset(
    """main major primary principal chief key important significant effective efficient
    successful famous notable popular common usual typical good best great""".split()
)
# ... nor compare it with another: "How big is the [smaller] screen?" of a page on its
# small and large screens (set ER, 2026-12-06).
_COMPARATIVES = frozenset(
    """smaller larger bigger cheaper dearer longer shorter wider narrower taller higher
    lower older younger newer""".split()
)
# Prepositions name no kind: "wrote [about] experiments" (SQuAD's fit half), "the
# difference [between] reflexology and massage". Those that also modify a noun ("inside
# seating", "past papers", "under-16s") are left.
_PREPOSITIONS = frozenset(
    """about across against along among around before after behind beneath beside between
    beyond during except like onto since through throughout toward towards upon within
    without via""".split()
)
# A word after these is compared, not a kind: "more and [smaller] chloroplasts".
_COMPARING = frozenset("more less fewer most least".split())
# Sentences and blank lines part words that are not a pair; a line break alone does not
# (a page wrapped at "el permiso de / mudanza").
_SENTENCES = re.compile(r"(?<=[.!?:;])\s+|\n\s*\n")
# Counts are not kinds: "un permiso de quince días".
_NUMBERS = NUMBER_WORDS | {"uno", "una"}


def unlisted_kind(question: str, quoted: list[str], passages: list[str]) -> str | None:
    """The kind the question asks ("adoption leave") when the passages name at least
    `LISTED_KINDS` others of its noun and never it, and the quote speaks of the noun;
    else None."""
    language = guess(question)[0]
    if language not in ("en", "es"):
        return None
    stopwords = stopwords_of(language)
    # A name is no noun kinds are of: "alongside Jacksonville" of pages naming downtown,
    # northern and east Jacksonville asks a river, not a kind of Jacksonville.
    named = {word for name in proper_names(question, language) for word in name}
    asked = [
        (kind, noun)
        for kind, noun in _pairs([w.lower() for w in words_of(question)], language, stopwords)
        if noun not in named
    ]
    if not asked:  # most questions name no kind: the passages need not be read
        return None
    held = frozenset().union(*(key_terms(text, language) for text in passages))
    in_quote = key_terms(" ".join(quoted), language)
    listed = _kinds_by_noun(passages, language, stopwords)
    for kind, noun in asked:
        kind_stem, noun_stem = stem_of(kind, language), stem_of(noun, language)
        if len(kind) < LONG_WORD or kind_stem in held or noun_stem not in in_quote:
            continue
        if len(listed.get(noun_stem, set()) - {kind_stem}) >= LISTED_KINDS:
            return f"{kind} {noun}" if language == "en" else f"{noun} de {kind}"
    return None


def _pairs(words: list[str], language: str, stopwords: frozenset[str]) -> list[tuple[str, str]]:
    """(kind, noun) as the language writes them, "adoption leave" (the noun last before a
    function word or the end: not "civil [disobedience]"), "cursos de italiano"; not a
    verb's form or a superlative ("practiced civil", "biggest population"), a count, a
    day or a function word."""
    if language == "en":
        pairs = [
            (words[i], words[i + 1])
            for i in range(len(words) - 1)
            if (i == 0 or words[i - 1] not in _BEFORE_VERBS)
            and (i + 2 == len(words) or words[i + 2] in stopwords)
            and not words[i].endswith(_NOT_KINDS)
            and words[i] not in _JUDGING
            and words[i] not in _COMPARATIVES
            and words[i] not in _PREPOSITIONS
            # a manner and a deed ("deliberately experimenting"), not a kind of thing
            and not (words[i].endswith("ly") and words[i + 1].endswith("ing"))
            and not _compared(words, i)
            and not _past_form(words[i + 1])
        ]
    else:
        pairs = [(words[i + 2], words[i]) for i in range(len(words) - 2) if words[i + 1] in _OF]
    return [
        (kind, noun)
        for kind, noun in pairs
        if kind.isalpha()
        and len(kind) >= 3
        and len(noun) >= 3
        and kind not in stopwords
        and noun not in stopwords
        and kind not in CALENDAR_WORDS
        and kind not in _NUMBERS
    ]


def _compared(words: list[str], i: int) -> bool:
    """Whether words[i] follows "more", "less"... itself or joined to it: "more and
    [smaller]"."""
    before = words[max(0, i - 2) : i]
    return bool(before) and (
        before[-1] in _COMPARING or (before[-1] in _AND["en"] and before[0] in _COMPARING)
    )


def _past_form(word: str) -> bool:
    """A verb's past form after its noun ("what other country [formed] by"), not a noun:
    nouns ending so are short or end in "eed" ("bed", "breed")."""
    return len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")


def _kinds_by_noun(
    passages: list[str], language: str, stopwords: frozenset[str]
) -> dict[str, set[str]]:
    """For each noun's stem, the stems of the words naming a kind of it in the passages,
    each member of a list of them counted ("clases de piano, guitarra, violín y canto")."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for text in passages:
        for sentence in _SENTENCES.split(text):
            words = [w.lower() for w in words_of(sentence)]
            listed = _listed(_TOKEN.findall(sentence.lower()), language, stopwords)
            for kind, noun in _pairs(words, language, stopwords) + listed:
                kinds[stem_of(noun, language)].add(stem_of(kind, language))
    return kinds


# Words and the commas between them: where a list of kinds is written.
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|,")
_AND = {"en": frozenset({"and", "or"}), "es": frozenset({"y", "e", "o", "u"})}


def _listed(tokens: list[str], language: str, stopwords: frozenset[str]) -> list[tuple[str, str]]:
    """(kind, noun) for the members of each list of kinds: "annual, maternity and
    paternity leave" (the noun after the last one, before a function word or the end),
    "cursos de inglés, francés y alemán". A member of several words is not read."""
    joins = _AND[language]
    found = []
    if language == "es":
        for i in range(len(tokens) - 2):
            if tokens[i + 1] in _OF and tokens[i] not in stopwords and tokens[i] != ",":
                members = _members(tokens, i + 2, joins)
                found += [(kind, tokens[i]) for kind in members]
        return found
    for i in range(1, len(tokens)):
        noun, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            noun == ","
            or noun in stopwords
            or not (after is None or after == "," or after in stopwords)
        ):
            continue
        members = _members_before(tokens, i - 1, joins)
        found += [(kind, noun) for kind in members]
    return found


def _members(tokens: list[str], start: int, joins: frozenset[str]) -> list[str]:
    """The single-word members of a list from `start` ("piano , guitarra , violín y
    canto"); none unless a join ends it."""
    members, i = [tokens[start]], start + 1
    while i + 1 < len(tokens):
        if tokens[i] == "," and tokens[i + 1] in joins:  # the serial comma
            i += 1
        mark, word = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ","
        if (mark != "," and mark not in joins) or word == "," or word in joins:
            break
        members.append(word)
        if mark in joins:
            return members
        i += 2
    return []


def _members_before(tokens: list[str], end: int, joins: frozenset[str]) -> list[str]:
    """The single-word members of a list ending at `end` ("annual , maternity and
    paternity"), read backwards; none unless a join stands before the last."""
    if end < 2 or tokens[end] in joins or tokens[end] == "," or tokens[end - 1] not in joins:
        return []
    members, i = [tokens[end]], end - 2
    if tokens[i] == ",":  # the serial comma: "annual, maternity, and paternity"
        i -= 1
    while i >= 0 and tokens[i] != "," and tokens[i] not in joins:
        members.append(tokens[i])
        if i < 2 or tokens[i - 1] != ",":
            break
        i -= 2
    return members if len(members) >= 2 else []
