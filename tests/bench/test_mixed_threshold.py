"""bench.mixed_threshold: a candidate threshold decides only the readings of its kind
(passages of several languages retrieved, or of one kind in a scope holding both), each
by its own weights' threshold."""

from __future__ import annotations

from bench.mixed_threshold import found_with


def test_a_candidate_threshold_decides_only_the_readings_of_its_kind() -> None:
    across = [(True, True, "dense", 0.5)]  # passed under the dense threshold (0.19)
    assert found_with(across, {"dense": 0.45}) and not found_with(across, {"dense": 0.55})
    own = [(True, False, "lexical", 0.4)]  # declined under its language's threshold
    assert not found_with(own, {"dense": 0.45, "lexical": None})  # as fitted: it stands
    assert found_with(own, {"dense": 0.45, "lexical": 0.35})
    alone = [(True, False, "", 0.9)]  # one language in scope: never re-decided
    assert not found_with(alone, {"dense": 0.1, "lexical": 0.1, "dense-scope": 0.1})
    elsewhere = [(True, True, "dense-scope", 0.3)]  # all retrieved in another language
    assert found_with(elsewhere, {"dense": 0.9})  # the mixed threshold is not its
    assert not found_with(elsewhere, {"dense": 0.1, "dense-scope": 0.35})
    nothing_to_quote = [(False, True, "dense", 0.9)]
    assert not found_with(nothing_to_quote, {"dense": 0.1, "lexical": 0.1})
    # any reading that passes answers the question
    assert found_with([*own, *across], {"dense": 0.45, "lexical": 0.45})
