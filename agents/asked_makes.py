"""A make asked of pages that serve every make: "Merek Polytron bisa?" of "Kami
memperbaiki ... smart TV semua merek", "Do you fix Samsung TVs?" of "We repair TVs of
every make". No page names the make, so it counted as a name no passage holds and the
question was declined, though the page answers it for every make at once.

A make is a name no retrieved text holds that stands after a word for a make ("merek
Polytron", "the brand Bosch") or beside a word of the sentence serving every make
("TV Samsung", "Bosch washing machines" of "washing machines of all makes"). A name
after "in", "di", "en"... is a place, not a make, and so is one asked whether it is
served ("Melayani Binjai?"). The question is read without it, and that reading is
answered only by a quote serving every make: "Jual mesin jahit baru merek Singer?" is
not answered by the shop's sentence on what it sells because its repairs take every
make.
"""

from __future__ import annotations

import re

from agents.answerability import (
    SENTENCE_BREAK,
    key_terms,
    left_out,
    places_named,
    places_served,
    proper_names,
)
from agents.spellings import held_as_spelt
from knowledge.encoders.languages import guess

_EVERY_MAKE = re.compile(
    r"(?<![^\W_])(?:(?:all|any|every) (?:major )?(?:makes?|brands?|manufacturers?)|"
    r"(?:todas las|cualquier|toda clase de) marcas?|"
    r"(?:semua|segala|berbagai|aneka) (?:jenis )?(?:merek|merk|brand)|(?:merek|merk) apa saja)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_MAKE_WORDS = frozenset("make makes brand brands marca marcas merek merk mereknya merknya".split())
# Words before a name that make it a place or a person, not a make.
_NOT_MAKE_BEFORE = frozenset(
    "in at near to from around en a de desde cerca di ke dari dekat sekitar daerah".split()
)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def serving_every_make(texts: list[str]) -> list[str]:
    """The sentences of the texts that serve every make ("semua merek"); a title or a
    heading on a line of its own is no part of them."""
    return [
        sentence
        for text in texts
        for line in text.splitlines()
        for sentence in SENTENCE_BREAK.split(line)
        if _EVERY_MAKE.search(sentence)
    ]


def without_any_make(question: str, texts: list[str]) -> str:
    """The question without the makes it names that no text holds, when a text serves
    every make; else the question itself."""
    serving = serving_every_make(texts)
    if not serving:
        return question
    language = guess(question)[0]
    served = set().union(*(key_terms(s, language) for s in serving))
    words = [w.lower() for w in _WORD.findall(question)]
    # (a place asked, "Melayani Binjai?", is the area's to answer)
    places = places_named(question) | places_served(question)
    for name in proper_names(question, language):
        if any(held_as_spelt(word, texts) for word in name) or places.intersection(name):
            continue
        if _is_make(name, words, served, language):
            for word in name:
                question = left_out(question, word)
    return question


def _is_make(name: tuple[str, ...], words: list[str], served: set[str], language: str) -> bool:
    """Whether the name, in the question's `words`, stands after a word for a make or
    beside a word the sentences serving every make hold, and not after a place's word."""
    for start in range(len(words) - len(name) + 1):
        if tuple(words[start : start + len(name)]) != name:
            continue
        before = words[start - 1] if start else ""
        after = words[start + len(name)] if start + len(name) < len(words) else ""
        if before in _NOT_MAKE_BEFORE:
            continue
        if before in _MAKE_WORDS:
            return True
        if any(key_terms(w, language) & served for w in (before, after) if w):
            return True
    return False


def serves_every_make(quoted: list[str]) -> bool:
    """Whether one of the quoted sentences serves every make."""
    return any(_EVERY_MAKE.search(sentence) for sentence in quoted)
