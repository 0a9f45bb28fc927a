"""A name the asker spells otherwise than the pages: "Gospic" for "Gospić", "Malaga" for
"Málaga", "Bismark" for "Bismarck", "Nederrikn" for "Nederrijn". The search looks each
word of a name up as written, so such a name is one no page holds, and the answerer
declined pages that were about it.

A name is held as spelt by a passage when it is the passage's word without its accents,
or one letter away (one added, left out, changed, or two neighbours swapped) from a word
of the passage starting with the same letter, both of `MIN_LETTERS` letters or more.
Shorter names and another first letter are other names more often than slips ("Iran"
and "Iraq", "Russia" and "Prussia"). A word in capitals may also be the first letters of
words a page writes out (`initials_spelt_out`: "MUA" of "make up artist").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MIN_LETTERS = 6
_LETTERS = re.compile(r"[^\W\d_]+")


def held_as_spelt(word: str, passages: list[str]) -> bool:
    """Whether a passage holds the lower-cased `word`, accents aside, or a word one letter
    away from it (see the module's docstring)."""
    asked = _folded(word)
    for text in passages:
        words = _words_of(text)
        if asked in words:
            return True
        if len(asked) >= MIN_LETTERS and any(_one_apart(asked, held) for held in words):
            return True
    return False


@lru_cache(maxsize=4096)  # the same passages come back turn after turn
def _words_of(text: str) -> frozenset[str]:
    return frozenset(_folded(word) for word in _LETTERS.findall(text.lower()))


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _one_apart(asked: str, held: str) -> bool:
    """One letter added, left out, changed, or two neighbours swapped; the same first
    letter and at least `MIN_LETTERS` letters in both."""
    if asked == held or asked[0] != held[0] or min(len(asked), len(held)) < MIN_LETTERS:
        return False
    if abs(len(asked) - len(held)) > 1:
        return False
    if len(asked) == len(held):
        differ = [i for i, (a, b) in enumerate(zip(asked, held, strict=True)) if a != b]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and (asked[differ[0]], asked[differ[1]]) == (held[differ[1]], held[differ[0]])
        )
    shorter, longer = sorted((asked, held), key=len)
    # the first letter they differ at is the one the longer adds
    i = next((k for k, (a, b) in enumerate(zip(shorter, longer[:-1], strict=True)) if a != b),
             len(shorter))  # fmt: skip
    return shorter[i:] == longer[i + 1 :]


# A word in capitals the asker writes for what a page spells out: "MUA" of "make up
# artist", "PER" of "Patrón de Embarcaciones de Recreo" (three letters or more). Short
# lower-case words between the spelt words ("de", "of") carry no letter of it.
_INITIALS = re.compile(r"(?<![^\W_])[A-Z]{3,6}(?![^\W_])")  # two letters spell too much
_SKIPPED = 3  # the most letters of a lower-case word that carries none


def initials_spelt_out(question: str, passages: list[str]) -> frozenset[str]:
    """The question's words in capitals (lower-cased) whose letters are the first letters
    of words a passage writes one after another."""
    return frozenset(
        word.lower()
        for word in _INITIALS.findall(question)
        if any(_spells(word.lower(), _LETTERS.findall(text)) for text in passages)
    )


def _spells(initials: str, words: list[str]) -> bool:
    """Whether `words` (in order) hold a run whose first letters are `initials`."""
    for start, first in enumerate(words):
        if first[0].lower() != initials[0] or first.isupper():
            continue  # the page's own word in capitals is that word, not its letters
        needed = 1
        for word in words[start + 1 :]:
            if needed == len(initials):
                break
            if word[0].lower() == initials[needed]:
                needed += 1
            elif not (len(word) <= _SKIPPED and word.islower()):
                break
        if needed == len(initials):
            return True
    return False
