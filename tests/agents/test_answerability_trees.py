"""Boosted trees as the service reads them (`agents.answerability.Trees`): a one-language
reading in a scope of one to four passages is decided by the trees shipped in the
weights file, and the file keeps one line per tree."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from agents.answerability import MODEL_FILE, Answerability, Evidence, Trees, weights_text

# Weights on `best`, and two trees of one split each: on `best` (at or below 0.5 goes
# left) and on `unsupported`.
TWO_TREES = {
    "names": ["best", "unsupported"],
    "coefficients": [2.0, 0.0],
    "intercept": -1.0,
    "base": -0.5,
    "trees": [
        {"feature": [0, -1, -1], "split": [0.5, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "value": [0, -1.0, 2.0]},
        {"feature": [1, -1, -1], "split": [0.02, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "value": [0, 0.5, -3.0]},
    ],
    "threshold": 0.4,
}  # fmt: skip


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize(
    ("best", "unsupported", "grown"),
    [
        (0.7, 0.0, -0.5 + 2.0 + 0.5),  # close, nothing left out
        (0.5, 0.0, -0.5 - 1.0 + 0.5),  # at the split: left
        (0.7, 0.05, -0.5 + 2.0 - 3.0),  # close, but about a word no passage holds
    ],
)
def test_each_tree_adds_the_value_of_the_leaf_the_evidence_reaches(
    best: float, unsupported: float, grown: float
) -> None:
    """The trees' log-odds and the weights' are averaged."""
    trees = Trees.of(TWO_TREES)
    logit = (grown + (-1.0 + 2.0 * best)) / 2
    values = {"best": best, "unsupported": unsupported, "coverage": 1.0}
    assert trees.probability(values) == pytest.approx(sigmoid(logit))
    assert trees.threshold_for("es", mixed_scope=True) == 0.4


def test_the_weights_file_keeps_one_line_a_tree_and_reads_back_the_same(tmp_path: Path) -> None:
    shipped = json.loads(MODEL_FILE.read_text())
    written = {**shipped, "tiny_scope_trees": TWO_TREES}
    text = weights_text(written)
    assert json.loads(text) == written
    lines = text.splitlines()
    assert sum('"feature":' in line for line in lines) == 2
    path = tmp_path / "weights.json"
    path.write_text(text)
    assert Answerability.load(path).tiny_scope_trees == Trees.of(TWO_TREES)
    assert weights_text(shipped) == MODEL_FILE.read_text()  # the shipped file as written


def evidence(**flags: bool) -> Evidence:
    return Evidence(
        best=0.6, gap=0.2, lead=0.1, relative=0.2, dense_relative=0.1, coverage=0.5,
        sentence_coverage=0.5, missing=1.0, absent=1.0, names=1.0, same_language=True,
        language="es", **flags,
    )  # fmt: skip


def test_the_shipped_trees_decide_one_language_readings_of_one_to_four_passages() -> None:
    model = Answerability.load()
    assert model.tiny_scope_trees is not None and model.tiny_scope is not None
    assert model.weights(evidence(tiny_scope=True)) is model.tiny_scope_trees
    # Larger scopes, and readings of passages in two languages, keep their weights; such
    # a reading in a tiny scope is still held to the logistic weights at their mixed
    # threshold, which was chosen for their probabilities.
    assert model.weights(evidence(few_passages=True)) is model.few_passages
    assert model.weights(evidence()) is model.lexical
    both = evidence(tiny_scope=True, mixed=True)
    assert model.weights(both) is model.lexical
    assert model.second(both) == (model.tiny_scope, model.tiny_scope.mixed_threshold)
    decided = model.decide(evidence(tiny_scope=True))
    assert decided.threshold == model.tiny_scope_trees.threshold
    assert decided.probability == pytest.approx(
        model.tiny_scope_trees.probability(evidence(tiny_scope=True).values())
    )
