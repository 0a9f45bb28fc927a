"""The fitting script's parts: held-out sets stay out, and the fit separates."""

from __future__ import annotations

import numpy as np

from agents.asked_at_large import probabilities
from bench.fit_asked_at_large import fitted, hand_rows, out_of_fold


def test_held_out_sets_stay_out_of_the_rows() -> None:
    questions, sentences = hand_rows({"set_bb"})
    assert questions and sentences
    assert all(name != "set_bb" for name, *_ in questions)
    assert all(name != "set_bb" for name, _ in sentences)
    assert {kind for _, kind, _ in questions} == {"answered", "near", "off"}
    with_it, _ = hand_rows(set())
    assert any(name == "set_bb" for name, *_ in with_it)


def test_the_fit_separates_what_one_direction_tells() -> None:
    rng = np.random.default_rng(4)
    y = rng.integers(0, 2, 1000).astype(float)
    x = rng.normal(0, 1, (1000, 8))
    x[:, 3] += 3 * y
    weights = fitted(x, y, 3.0)
    assert np.argmax(np.abs(weights[:-1])) == 3
    assert np.mean((probabilities(x, weights) >= 0.5) == (y == 1)) > 0.9


def test_out_of_fold_scores_each_fold_by_a_fit_without_it() -> None:
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 400).astype(float)
    x = rng.normal(0, 1, (400, 4))
    x[:, 0] += 3 * y
    folds = np.arange(400) % 4
    scored = out_of_fold(x, y, folds, 3.0)
    assert np.mean((scored >= 0.5) == (y == 1)) > 0.85
    # a fold whose labels are flipped is scored by fits that never saw them: wrong
    flipped = y.copy()
    flipped[folds == 0] = 1 - flipped[folds == 0]
    rescored = out_of_fold(x, flipped, folds, 3.0)
    assert np.mean((rescored[folds == 0] >= 0.5) == (flipped[folds == 0] == 1)) < 0.2
