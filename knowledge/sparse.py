"""BM25-style sparse vectors computed in process.

Documents get BM25 term-frequency weights; Qdrant's IDF modifier supplies the inverse
document frequency at query time from the collection itself, so nothing corpus-wide has
to be kept here. Terms map to indices by a stable hash.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

from langchain_qdrant.sparse_embeddings import SparseEmbeddings, SparseVector

K1 = 1.2
B = 0.75
# A typical chunk length in tokens; BM25's length normalisation is relative to it.
AVERAGE_DOC_TOKENS = 150
_TOKEN = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have how i if in into is it its of on or "
    "that the their then there these this to was were what when where which who why will "
    "with you your do does did can could should would".split()
)


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


def term_index(term: str) -> int:
    return zlib.crc32(term.encode()) & 0x7FFFFFFF


def _vector(weights: dict[int, float]) -> SparseVector:
    indices = sorted(weights)
    return SparseVector(indices=indices, values=[weights[i] for i in indices])


class BM25SparseEmbeddings(SparseEmbeddings):
    """Sparse vectors for Qdrant's `sparse` vector with `modifier=IDF`."""

    def embed_documents(self, texts: list[str]) -> list[SparseVector]:
        return [self._document(text) for text in texts]

    def embed_query(self, text: str) -> SparseVector:
        weights: dict[int, float] = {}
        for term in tokenize(text):
            weights[term_index(term)] = 1.0
        return _vector(weights)

    def _document(self, text: str) -> SparseVector:
        tokens = tokenize(text)
        if not tokens:
            return SparseVector(indices=[], values=[])
        norm = K1 * (1 - B + B * len(tokens) / AVERAGE_DOC_TOKENS)
        weights: dict[int, float] = {}
        for term, tf in Counter(tokens).items():
            index = term_index(term)
            # Two terms sharing a hash bucket add up, as they would share a column.
            weights[index] = weights.get(index, 0.0) + tf * (K1 + 1) / (tf + norm)
        return _vector(weights)
