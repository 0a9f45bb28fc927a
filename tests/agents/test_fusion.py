"""Ranking a knowledge base in several languages (agents/fusion.py): one language ranks as
Qdrant's RRF does; a passage in another language is read against its own language's
background, measured among the hits or else taken from the encoder's table."""

from __future__ import annotations

import pytest

from agents.fusion import DenseHit, LanguageOffsets, fuse, language_fair, levels, rrf
from agents.retrieval import BACKGROUND_DEPTH, BACKGROUND_FROM
from knowledge.encoders.models import E5_NAME


def hits(language: str, cosines: list[float], prefix: str) -> list[DenseHit]:
    return [DenseHit(f"{prefix}{n}", c, language) for n, c in enumerate(cosines)]


def ranked(found: list[DenseHit], offsets: LanguageOffsets | None = None) -> list[DenseHit]:
    measured = levels(
        found, question_language="es", start=BACKGROUND_FROM, depth=BACKGROUND_DEPTH,
        offsets=offsets,
    )  # fmt: skip
    return language_fair(found, question_language="es", found=measured)


def fair(found: list[DenseHit], offsets: LanguageOffsets | None = None) -> list[str]:
    return [str(h.point_id) for h in ranked(found, offsets)]


# Spanish passages sit about 0.3 higher for a Spanish question than English ones do.
SPANISH = hits("es", [0.62, 0.60, 0.58, 0.57, 0.50, 0.49, 0.48, 0.47, 0.46, 0.45], "es")
ENGLISH = hits("en", [0.45, 0.25, 0.22, 0.21, 0.20, 0.19, 0.18, 0.17, 0.16, 0.15], "en")


def test_one_language_keeps_the_cosines_order_and_qdrants_fusion() -> None:
    assert fair(list(reversed(SPANISH))) == [f"es{n}" for n in range(10)]
    # weighted RRF counted from rank 0: 1/(1+0) + 2/(1+1), 1/(1+1) + 2/(1+0), ...
    fused = fuse(SPANISH[:3], [("es1", 4.0), ("es0", 3.0)], question_language="es", weights=(1.0, 2.0),
                 k=1, limit=3)  # fmt: skip
    assert fused == [("es1", pytest.approx(2.5)), ("es0", pytest.approx(2.0)),
                     ("es2", pytest.approx(1 / 3))]  # fmt: skip


def test_passages_a_ranking_scores_alike_share_their_places_whatever_order_they_come_in() -> None:
    """Qdrant Edge returns keyword hits of equal score in an order that differs from one
    shard of the same documents to the next; the fused ranking must not."""
    meaning = [("a", 0.9, 1.0), ("b", 0.8, 1.0), ("c", 0.7, 1.0), ("d", 0.6, 1.0)]
    tied = [("a", 3.0, 2.0), ("c", 0.5, 2.0), ("d", 0.5, 2.0), ("b", 0.5, 2.0)]
    orders = [
        rrf([meaning, [tied[0], *others]], k=1, limit=4)
        for others in ([tied[1], tied[2], tied[3]], [tied[3], tied[2], tied[1]],
                       [tied[2], tied[3], tied[1]])
    ]  # fmt: skip
    assert orders[0] == orders[1] == orders[2]
    # b, c and d share keyword places 1 to 3: 2/2, 2/3, 2/4 -> 13/18 each, and their
    # meaning ranks decide between them
    fused = dict(orders[0])
    assert fused["b"] == pytest.approx(1 / 2 + 13 / 18)
    assert fused["d"] == pytest.approx(1 / 4 + 13 / 18)
    assert [point_id for point_id, _ in orders[0]] == ["a", "b", "c", "d"]
    # nothing is lost or made: the same sum as places taken one by one
    one_by_one = rrf([meaning, [(p, n, w) for n, (p, _, w) in enumerate(tied)]], k=1, limit=4)
    assert sum(dict(one_by_one).values()) == pytest.approx(sum(fused.values()))


def test_equal_sums_come_by_point_id_and_a_weight_of_zero_adds_nothing() -> None:
    assert rrf([[("y", 1.0, 1.0)], [("x", 1.0, 1.0)]], k=1, limit=2) == [("x", 1.0), ("y", 1.0)]
    assert rrf([[("y", 1.0, 0.0)], [("x", 1.0, 1.0)]], k=1, limit=2) == [("x", 1.0), ("y", 0.0)]
    # Qdrant's weighting at k = 60: 1 / ((p + 1) / w + k - 1)
    assert rrf([[("x", 1.0, 2.0), ("y", 0.5, 2.0)]], k=60, limit=2) == [
        ("x", pytest.approx(1 / 59.5)), ("y", pytest.approx(1 / 60))
    ]  # fmt: skip


def test_a_passage_standing_out_of_its_languages_background_ranks_first() -> None:
    # The English passage stands 0.27 above its language's background, the best Spanish
    # one 0.15 above its own: read against their backgrounds, the English one is first.
    assert fair(SPANISH + ENGLISH)[0] == "en0"
    # and the keywords, which cannot reach it, count part of its meaning rank in their
    # place: it comes after the keywords' first only (2.0 against 2.2), not after every
    # Spanish passage they match
    fused = fuse(ranked(SPANISH + ENGLISH), [("es3", 4.0), ("es0", 3.0)], question_language="es", weights=(1.0, 2.0), k=1,
                 limit=4)  # fmt: skip
    assert [point_id for point_id, _ in fused[:2]] == ["es3", "en0"]
    assert fused[1][1] == pytest.approx(2.0) and fused[0][1] == pytest.approx(2.2)


def test_a_hit_found_by_both_requests_counts_once() -> None:
    # The scope's dense pool and the other languages' pool overlap: English questions over
    # an English-free knowledge base find the same passages twice.
    twice = levels(ENGLISH + ENGLISH, question_language="de", start=BACKGROUND_FROM,
                   depth=BACKGROUND_DEPTH)  # fmt: skip
    once = levels(ENGLISH, question_language="de", start=BACKGROUND_FROM, depth=BACKGROUND_DEPTH)
    assert twice == once and once["en"].background == pytest.approx(0.175)


def test_too_few_passages_of_a_language_take_the_encoders_table() -> None:
    one_english = [DenseHit("leave", 0.46, "en")]
    assert "leave" not in fair(SPANISH + one_english)[:4]  # no background: cosines as they are
    table = LanguageOffsets.of({"es": {"es": 0.30, "en": 0.12}, "en": {"en": 0.30, "es": 0.17}})
    assert table.shift("es", "en") == pytest.approx(-0.18)
    assert table.typical == pytest.approx(-0.155)  # the median of the table's two shifts
    assert table.shift("id", "en") == table.typical  # a language the table lacks
    assert fair(SPANISH + one_english, table)[0] == "leave"
    # and the answerer judges the policy against that level, not the Spanish pages' one
    english = levels(SPANISH + one_english, question_language="es", start=BACKGROUND_FROM,
                     depth=BACKGROUND_DEPTH, offsets=table)["en"]  # fmt: skip
    assert english.best == 0.46 and english.shift == pytest.approx(-0.18)
    assert english.background == pytest.approx(0.475 - 0.18)  # Spanish background 0.475


def test_the_table_made_for_the_bundled_encoder_is_shipped() -> None:
    table = LanguageOffsets.load(E5_NAME)
    assert table is not None
    for language in ("en", "es", "de", "zh"):
        assert table.shift(language, language) == 0.0
    # the passages of another language sit lower, and further for a Chinese question
    assert table.shift("zh", "en") < table.shift("es", "en") < 0
    assert LanguageOffsets.load("an-encoder-without-a-table") is None
