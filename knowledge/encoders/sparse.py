"""BM25-style sparse vectors computed in process, stemmed per language.

Documents get BM25 term-frequency weights; Qdrant's IDF modifier supplies the inverse
document frequency at query time from the collection itself, so nothing corpus-wide has
to be kept here. Terms map to indices by a stable hash. Words are stemmed by the
Snowball stemmer of the text's language (a chunk's, detected at ingestion; a question's,
detected when asked), so "mendaftar" finds "daftar" and "servicios" finds "servicio".
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

from langchain_qdrant.sparse_embeddings import SparseEmbeddings, SparseVector

from knowledge.encoders.languages import guess, stemmer

# Bump when tokens change: points made by an earlier version are re-made in the
# background (ingestion.reembed), as for a new encoder.
VERSION = 2
K1 = 1.2
B = 0.75
# A typical chunk length in tokens; BM25's length normalisation is relative to it.
AVERAGE_DOC_TOKENS = 150
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words that carry no topic, in the languages served first (IDF discounts the rest).
STOPWORDS = frozenset(
    # English
    "a an and are as at be but by for from has have how i if in into is it its of on or "
    "that the their then there these this to was were what when where which who why will "
    "with you your do does did can could should would "
    # Spanish
    "el la los las un una unos unas y o de del al en con por para que qué es son se su sus "
    "como cómo cuál cuáles cuando cuándo donde dónde quién lo le les me mi mis tu yo "
    # Indonesian
    "yang dan di ke dari ini itu untuk dengan pada adalah apa apakah bagaimana berapa "
    "siapa kapan mana saya kami kita anda dia ada atau juga akan bisa".split()
)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """Lower-cased words without stopwords, stemmed by the language's stemmer (the text's
    own language, detected, when none is given)."""
    return list(_tokens(text, language))


@lru_cache(maxsize=16384)  # the answerer reads the same passages' sentences turn after turn
def _tokens(text: str, language: str | None) -> tuple[str, ...]:
    words = [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]
    stem = stemmer(language or guess(text)[0])
    return tuple(stem.stemWords(words) if stem is not None else words)


def term_index(term: str) -> int:
    return zlib.crc32(term.encode()) & 0x7FFFFFFF


def _vector(weights: dict[int, float]) -> SparseVector:
    indices = sorted(weights)
    return SparseVector(indices=indices, values=[weights[i] for i in indices])


class BM25SparseEmbeddings(SparseEmbeddings):
    """Sparse vectors for Qdrant's `sparse` vector with `modifier=IDF`."""

    def embed_documents(
        self, texts: list[str], languages: list[str] | None = None
    ) -> list[SparseVector]:
        given = languages or [None] * len(texts)
        return [self._document(text, language) for text, language in zip(texts, given, strict=True)]

    def embed_query(self, text: str, language: str | None = None) -> SparseVector:
        weights: dict[int, float] = {}
        for term in tokenize(text, language):
            weights[term_index(term)] = 1.0
        return _vector(weights)

    def embed_word(self, word: str, language: str | None) -> SparseVector:
        """One word as written and as stemmed: any chunk that holds it matches."""
        return _vector(
            {term_index(term): 1.0 for term in {word.lower(), *tokenize(word, language)}}
        )

    def _document(self, text: str, language: str | None) -> SparseVector:
        tokens = tokenize(text, language)
        if not tokens:
            return SparseVector(indices=[], values=[])
        norm = K1 * (1 - B + B * len(tokens) / AVERAGE_DOC_TOKENS)
        weights: dict[int, float] = {}
        for term, tf in Counter(tokens).items():
            index = term_index(term)
            # Two terms sharing a hash bucket add up, as they would share a column.
            weights[index] = weights.get(index, 0.0) + tf * (K1 + 1) / (tf + norm)
        return _vector(weights)
