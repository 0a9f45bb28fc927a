"""bench.mixed_threshold: a candidate pair of thresholds decides only the readings made
with passages of several languages, each by its own weights' threshold."""

from __future__ import annotations

from bench.mixed_threshold import found_with


def test_a_candidate_threshold_decides_only_the_mixed_readings() -> None:
    across = [(True, True, "dense", 0.5)]  # passed under the dense threshold (0.19)
    assert found_with(across, (0.45, None)) and not found_with(across, (0.55, None))
    own = [(True, False, "lexical", 0.4)]  # declined under its language's threshold
    assert not found_with(own, (0.45, None))  # as fitted: the decision stands
    assert found_with(own, (0.45, 0.35))
    alone = [(True, False, "", 0.9)]  # one language retrieved: never re-decided
    assert not found_with(alone, (0.1, 0.1))
    nothing_to_quote = [(False, True, "dense", 0.9)]
    assert not found_with(nothing_to_quote, (0.1, 0.1))
    # any reading that passes answers the question
    assert found_with([*own, *across], (0.45, 0.45))
