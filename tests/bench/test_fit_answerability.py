"""The fitting script's parts, and the shipped weights against the evidence the service
computes: a file fitted on features the code no longer makes must fail here, not at the
first question."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from agents.answerability import Answerability, Evidence, Weights, _tupled, shipped
from bench.fit_answerability import added, auc, fitted, logistic, threshold_keeping


def test_the_logistic_fit_finds_the_feature_that_separates() -> None:
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 2000).astype(float)
    x = np.column_stack([y + rng.normal(0, 0.5, 2000), rng.normal(0, 1, 2000)])
    coefficients, intercept = logistic(x, y)
    p = 1 / (1 + np.exp(-(x @ coefficients + intercept)))
    assert coefficients[0] > 5 * abs(coefficients[1])
    assert auc(p, y) > 0.9
    kept = threshold_keeping(p[y == 1], 0.95)
    assert abs(np.mean(p[y == 1] >= kept) - 0.95) < 0.01


def test_the_shipped_weights_read_the_evidence_the_service_computes() -> None:
    model = shipped()
    fields = {f.name for f in dataclasses.fields(Evidence)}
    for weights in (model.lexical, model.dense):
        assert set(weights.names) <= fields and len(weights.names) == len(weights.coefficients)
        assert 0 < weights.threshold < 1
    close = Evidence(0.8, 0.4, 0.3, 0.4, 0.4, 1.0, 1.0, 0, 0, 1.0, True)
    far = Evidence(0.3, 0.05, 0.0, 0.02, 0.02, 0.1, 0.0, 4, 3, 0.0, True)
    assert model.answers(close) and not model.answers(far)
    across = dataclasses.replace(far, same_language=False)
    assert isinstance(model, Answerability) and not model.answers(across)
    # The answerer measures `unsupported` only for readings that pass without it: right
    # while it can only count against answering.
    weighed = dict(zip(model.lexical.names, model.lexical.coefficients, strict=True))
    assert weighed.get("unsupported", 0.0) <= 0 and "unsupported" not in model.dense.names


def test_a_language_whose_questions_score_higher_gets_a_stricter_threshold() -> None:
    """Answerable questions of one language sit higher on the same evidence than another's:
    under one shared threshold its off-topic questions near the shared edge would be
    answered. It gets the stricter threshold that keeps the same share of its own; the
    language that scores lower keeps the shared one (a looser one would answer its
    off-topic questions too), and so does a language the fit never saw."""
    rng = np.random.default_rng(5)
    rows = []
    for language, shift in (("en", 0.0), ("zh", -0.15)):
        for kind, level in (("answerable", 0.6), ("off-topic", 0.2)):
            for value in rng.normal(level + shift, 0.08, 400):
                rows.append({"best": value, "kind": kind, "language": language})
    model = fitted(rows, ("best",), 0.95, language_rows=300)
    assert set(model["by_language"]) == {"en"} and model["by_language"]["en"] > model["threshold"]
    weights = Weights(**_tupled(model))
    decision = Answerability(lexical=weights, dense=weights)
    threshold, (slope,), intercept = model["threshold"], model["coefficients"], model["intercept"]
    edge = (math.log(threshold / (1 - threshold)) - intercept) / slope  # the shared cut in "best"
    at = Evidence(edge + 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, True, language="zh")
    assert decision.answers(at)  # just above the shared threshold
    assert decision.answers(dataclasses.replace(at, language="id"))
    assert not decision.answers(dataclasses.replace(at, language="en"))


def test_a_feature_added_alone_keeps_every_other_weight_and_the_answered_share() -> None:
    """Rows the shipped weights pass though they are not answerable, told apart by a new
    feature: `--add` gives it a negative weight, keeps every other weight, and moves the
    threshold only as far as answers the same share of the answerable rows as before;
    the rows the feature speaks for are declined."""
    rng = np.random.default_rng(9)
    rows = []
    for kind, level, unsupported in (
        ("answerable", 0.6, 0.0), ("near_topic", 0.6, 0.08), ("off_topic", 0.2, 0.0)
    ):  # fmt: skip
        for value in rng.normal(level, 0.1, 300):
            rows.append({"best": value, "kind": kind, "unsupported": unsupported, "language": "en"})
    base = fitted(rows, ("best",), 0.95)
    model = added(rows, base, "unsupported")
    assert model["names"] == ["best", "unsupported"] and model["coefficients"][1] < -10
    assert (model["coefficients"][0], model["intercept"]) == (
        base["coefficients"][0], base["intercept"]
    )  # fmt: skip
    before, after = Weights(**_tupled(base)), Weights(**_tupled(model))
    assert after.probability({"best": 0.6, "unsupported": 0.0}) == before.probability({"best": 0.6})

    def passed(weights: Weights, kind: str) -> float:
        of = [r for r in rows if r["kind"] == kind]
        return np.mean([weights.probability(r) >= weights.threshold for r in of])

    assert passed(after, "answerable") == passed(before, "answerable")
    assert passed(after, "near_topic") < 0.1 < passed(before, "near_topic")
