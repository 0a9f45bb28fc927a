"""The fitting script's parts, and the shipped weights against the evidence the service
computes: a file fitted on features the code no longer makes must fail here, not at the
first question."""

from __future__ import annotations

import dataclasses

import numpy as np

from agents.answerability import Answerability, Evidence, shipped
from bench.fit_answerability import auc, logistic, threshold_keeping


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
