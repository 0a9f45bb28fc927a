"""The emotion of a transcript: VADER's lexicon sentiment, a label and its score."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's own convention for its compound score.
POSITIVE, NEGATIVE = 0.05, -0.05


@dataclass(frozen=True)
class Emotion:
    label: str  # positive | neutral | negative
    score: float  # VADER's compound score, -1 .. 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class EmotionReader:
    def __init__(self) -> None:
        self.analyzer = SentimentIntensityAnalyzer()

    def read(self, text: str) -> Emotion:
        score = float(self.analyzer.polarity_scores(text)["compound"]) if text else 0.0
        label = "positive" if score >= POSITIVE else "negative" if score <= NEGATIVE else "neutral"
        return Emotion(label=label, score=round(score, 4))
