"""Ranking a knowledge base that holds several languages: the meaning side and the keyword
side fused as Qdrant's RRF does, with two corrections for the passages in other languages
than the question's.

- A multilingual encoder puts a question closer to any passage in its own language than
  to the passage in another language that answers it (XQuAD, Chinese questions over
  Chinese and English articles: the unrelated Chinese passages' mean cosine 0.45, the
  English ones' 0.17). Each passage's cosine is therefore read against the background of
  its own language: how far it stands out from the passages of its language the
  question is not about (measured among the hits, else from the encoder's table).
- Keywords are matched in the question's language only (agents/retrieval.py), and they
  outweigh meaning, so a passage they cannot reach has its meaning rank count for part
  of its keyword rank too.

With one language (or passages whose language was not kept) the ranking is Qdrant's RRF,
except that passages of equal score share their places (`rrf`)."""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from statistics import median

from knowledge.encoders.models import LANGUAGE_OFFSETS

# Cosines behind the first FROM, up to DEPTH, of one language's hits make its background
# (as agents/retrieval.py's BACKGROUND_FROM and BACKGROUND_DEPTH); a language with fewer
# than FROM + MIN_BEHIND hits is placed by the encoder's table (LanguageOffsets).
MIN_BEHIND = 4
# The share of the keyword side's weight that a passage in another language gets from
# its dense rank. On the fit half of two-language XQuAD collections, with the whole of
# it Chinese questions answered by a Chinese passage found it first 61% of the time (half:
# 83%; Qdrant's own fusion 88%), for about the same share of the English answers among
# the four passages kept (0.91; half: 0.89).
STAND_IN_SHARE = 0.5


@dataclass(frozen=True)
class LanguageOffsets:
    """An encoder's mean background for questions in one language over passages in
    another (bench/language_offsets.py): how much lower a passage in another language
    sits, for when too few of its language's passages are among the hits to measure it."""

    backgrounds: dict[str, dict[str, float]]
    typical: float  # the median shift between two languages, for one the table lacks

    @classmethod
    def of(cls, backgrounds: dict[str, dict[str, float]]) -> LanguageOffsets:
        shifts = [
            row[passage] - row[question]
            for question, row in backgrounds.items()
            if question in row
            for passage in row
            if passage != question
        ]
        return cls(backgrounds, median(shifts) if shifts else 0.0)

    @classmethod
    def load(cls, encoder: str, folder: Path = LANGUAGE_OFFSETS) -> LanguageOffsets | None:
        """The encoder's table, or None when none was made for it."""
        path = folder / f"{encoder}.json"
        if not path.is_file():
            return None
        return cls.of(json.loads(path.read_text())["backgrounds"])

    def shift(self, question: str, passage: str) -> float:
        row = self.backgrounds.get(question, {})
        if question in row and passage in row:
            return row[passage] - row[question]
        return self.typical


@dataclass(frozen=True)
class DenseHit:
    point_id: int | str
    cosine: float
    language: str | None  # as detected at ingestion; None when it was not kept


def backgrounds(
    hits: list[DenseHit], *, question_language: str, start: int, depth: int
) -> dict[str | None, float]:
    """Each language's background: the mean cosine of its hits ranked start..depth among
    that language's own (passages of no kept language count as the question's; a hit
    found by two requests counts once)."""
    cosines: dict[str | None, list[float]] = {}
    for hit in sorted(_unique(hits), key=lambda h: -h.cosine):
        cosines.setdefault(hit.language or question_language, []).append(hit.cosine)
    return {
        language: sum(behind) / len(behind)
        for language, found in cosines.items()
        if len(found) >= start + MIN_BEHIND and (behind := found[start:depth])
    }


@dataclass(frozen=True)
class Level:
    """Where one language's passages sit for a question."""

    best: float  # its best hit's cosine
    background: float | None  # measured among its hits, or the question's shifted by table
    shift: float  # how much lower than the question's language's (0 for that one)
    measured: bool = False  # its background measured among its own hits (enough of them)


def levels(
    hits: list[DenseHit],
    *,
    question_language: str,
    start: int,
    depth: int,
    offsets: LanguageOffsets | None = None,
    fallback: float | None = None,
) -> dict[str, Level]:
    """Each language's level among the hits: its background measured where it has
    enough hits, else the question's language's (or the search's `fallback`) shifted by
    the encoder's `offsets`; its shift measured where both are, else from `offsets`,
    else 0."""
    measured = backgrounds(hits, question_language=question_language, start=start, depth=depth)
    own = measured.get(question_language)
    reference = own if own is not None else fallback
    best: dict[str, float] = {}
    for hit in hits:
        language = hit.language or question_language
        best[language] = max(best.get(language, hit.cosine), hit.cosine)
    result = {}
    for language, top in best.items():
        table = offsets.shift(question_language, language) if offsets is not None else 0.0
        if language == question_language:
            result[language] = Level(top, own, 0.0, own is not None)
        elif language in measured:
            background = measured[language]
            shift = background - own if own is not None else table
            result[language] = Level(top, background, shift, True)
        else:
            result[language] = Level(
                top, reference + table if reference is not None else None, table
            )
    return result


def language_fair(
    hits: list[DenseHit], *, question_language: str, found: dict[str, Level]
) -> list[DenseHit]:
    """The dense hits ranked by how far each stands above its language's background:
    each cosine less its language's shift (`levels`; unchanged with one language)."""

    def shift(hit: DenseHit) -> float:
        level = found.get(hit.language or question_language)
        return level.shift if level is not None else 0.0

    return sorted(_unique(hits), key=lambda hit: -(hit.cosine - shift(hit)))  # stable on ties


# One ranking for `rrf`, best first: each hit's point, what it was ranked by, its weight.
Ranked = Sequence[tuple[int | str, Hashable, float]]


def rrf(rankings: Sequence[Ranked], *, k: int, limit: int) -> list[tuple[int | str, float]]:
    """Weighted RRF as Qdrant weighs it: a hit at rank p (from 0) with weight w adds
    1 / ((p + 1) / w + k - 1), w / (k + p) at k = 1, and nothing at w = 0.
    Hits a ranking scored alike share its places (each adds the mean of their values):
    an engine orders them as its storage happens to lie, and Qdrant Edge's differs from
    one shard of the same documents to the next, so which of them came first changed
    the passages an answer was read from. Equal sums go by point id."""
    fused: dict[int | str, float] = {}
    for ranking in rankings:
        rank = 0
        for _, tied in groupby(ranking, key=lambda hit: hit[1]):
            alike = list(tied)
            places = range(rank, rank + len(alike))
            for point_id, _, weight in alike:
                share = sum(_adds(p, weight, k) for p in places) / len(alike)
                fused[point_id] = fused.get(point_id, 0.0) + share
            rank += len(alike)
    return sorted(fused.items(), key=lambda hit: (-hit[1], str(hit[0])))[:limit]


def _adds(rank: int, weight: float, k: int) -> float:
    return 0.0 if weight <= 0 else 1 / ((rank + 1) / weight + k - 1)


def fuse(
    dense: list[DenseHit],
    keywords: Sequence[tuple[int | str, float]],
    *,
    question_language: str,
    weights: tuple[float, float],
    k: int,
    limit: int,
) -> list[tuple[int | str, float]]:
    """Weighted RRF (`rrf`) over the dense ranking and the keyword ranking (points and
    their scores); a hit in another language than the question's, which the keywords
    cannot reach, gets STAND_IN_SHARE of the keyword weight at its dense rank."""
    dense_weight, keywords_weight = weights
    meaning = [
        (
            hit.point_id,
            (hit.language or question_language, hit.cosine),  # a language shifts alike
            dense_weight
            + keywords_weight * STAND_IN_SHARE * (hit.language not in (None, question_language)),
        )
        for hit in dense
    ]
    matched = [(point_id, score, keywords_weight) for point_id, score in keywords]
    return rrf([meaning, matched], k=k, limit=limit)


def _unique(hits: list[DenseHit]) -> list[DenseHit]:
    """Each point once (the whole scope's dense pool and the other languages' overlap)."""
    return list({hit.point_id: hit for hit in hits}.values())
