"""Questions asked at large: on what the world knows of a service's subject, not on what
its pages say ("How does a laser work?" of a laser tag arena, "¿Cuántos habitantes tiene
Haro?" of a winery near Haro, "Berapa lama kambing mengandung?" of an aqiqah caterer).

Such a question shares words with the pages, and the decision's evidence may pass it
with a sentence that names its subject. Two logistic readings of the encoder's own
vectors, fitted by `python -m bench.fit_asked_at_large` and shipped as
`asked_at_large.json`, tell it: whether the question reads like one to a reference work,
and whether the quoted sentence reads like a reference work's. Over a service's pages
(the sentence does not) a question at large is declined unless the decision was sure of
the quote anyway; over an encyclopedia's pages such questions are what they are for. The
readings hold for the encoder they were fitted on only: with another, none is made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).with_name("asked_at_large.json")


@dataclass(frozen=True)
class AtLarge:
    encoder: str
    question: np.ndarray  # coefficients, then the intercept
    sentence: np.ndarray
    question_at: float  # a question asks at large from this probability up
    sentence_below: float  # a sentence reads as a reference work's from this one up
    probability_below: float  # the decision's probability it must be below too
    # A question read at large this surely is declined below a higher bar of the
    # decision's: out of fold on the hand sets, 8 off-topic questions more, no answerable
    # one lost (docs/benchmarks.md, "Questions asked at large refitted").
    sure_at: float = 1.0
    sure_probability_below: float = 0.0

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> AtLarge:
        data = json.loads(path.read_text())
        return cls(
            encoder=data["encoder"],
            question=np.r_[data["question"]["coefficients"], data["question"]["intercept"]],
            sentence=np.r_[data["sentence"]["coefficients"], data["sentence"]["intercept"]],
            question_at=float(data["question"]["at"]),
            sentence_below=float(data["sentence"]["below"]),
            probability_below=float(data["probability_below"]),
            sure_at=float(data["sure"]["at"]),
            sure_probability_below=float(data["sure"]["probability_below"]),
        )

    def asks_at_large(self, question: np.ndarray) -> float:
        return float(probabilities(question[None, :], self.question)[0])

    def unanswered(
        self, *, question: np.ndarray, quoted: np.ndarray, probability: float
    ) -> float | None:
        """How surely the question asks at large, when it does, the decision's
        `probability` of the quote is below the bar (a higher one for a question read at
        large surely), and none of the `quoted` sentences' vectors reads like a reference
        work's; else None."""
        if len(question) != len(self.question) - 1:
            return None
        asked = self.asks_at_large(question)
        bar = self.probability_below
        if asked >= self.sure_at:  # never below the usual bar
            bar = max(bar, self.sure_probability_below)
        if asked < self.question_at or probability >= bar:
            return None
        return None if self.reads_as_reference(quoted) else asked

    def reads_as_reference(self, sentences: np.ndarray) -> bool:
        """Whether any of the `sentences`' vectors reads like a reference work's."""
        if sentences.shape[-1] != len(self.sentence) - 1:
            return True  # another encoder's: not to be told from a service's
        return bool((probabilities(sentences, self.sentence) >= self.sentence_below).any())


def probabilities(vectors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each vector's probability by logistic `weights` (coefficients, then the intercept)."""
    return 1 / (1 + np.exp(-(vectors @ weights[:-1] + weights[-1])))


@lru_cache(maxsize=1)
def _shipped() -> AtLarge | None:
    return AtLarge.load() if MODEL_FILE.exists() else None


def for_encoder(name: str | None) -> AtLarge | None:
    """The shipped readings when they were fitted on the encoder named `name`."""
    shipped = _shipped()
    return shipped if shipped is not None and shipped.encoder == name else None
