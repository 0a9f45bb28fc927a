"""The recogniser's language model: a proper ARPA model of the documents, rebuilt when
they change."""

from __future__ import annotations

import math
from pathlib import Path

from voice.language_model import build_arpa, pronounceable, spoken_number
from voice.speech_to_text import DICTIONARY, PocketSphinxTranscriber

WORDS = pronounceable(DICTIONARY)


def read_arpa(path: Path) -> dict[int, dict[tuple[str, ...], tuple[float, float]]]:
    grams: dict[int, dict[tuple[str, ...], tuple[float, float]]] = {1: {}, 2: {}, 3: {}}
    order = 0
    for line in path.read_text().splitlines():
        if line.startswith("\\") and "-grams" in line:
            order = int(line[1])
        elif order and line.strip() and not line.startswith("\\"):
            parts = line.split()
            logp, rest = float(parts[0]), parts[1:]
            backoff = float(rest[order]) if len(rest) > order else 0.0
            grams[order][tuple(rest[:order])] = (logp, backoff)
    return grams


def test_the_model_is_normalised_and_says_numbers_as_words(tmp_path: Path) -> None:
    path = tmp_path / "kb.arpa"
    build_arpa(["# Rate limits\nA 429 error means too many requests. Wait and retry."],
               WORDS, path)  # fmt: skip
    grams = read_arpa(path)
    vocabulary = [w for (w,) in grams[1]]
    assert {"four", "hundred", "twenty", "nine", "limits"} <= set(vocabulary)
    # After "rate", every word's probability (seen, or backed off) sums to one.
    total = 0.0
    backoff = grams[1][("rate",)][1]
    for word in vocabulary:
        if word == "<s>":
            continue
        seen = grams[2].get(("rate", word))
        total += 10 ** seen[0] if seen else 10 ** (backoff + grams[1][(word,)][0])
    assert math.isclose(total, 1.0, rel_tol=1e-3)
    assert spoken_number(503) == "five hundred three" and spoken_number(2048) == (
        "two thousand forty eight"
    )


def test_the_model_follows_the_documents(tmp_path: Path) -> None:
    corpus = {"texts": ["# Ferries\nThe ferry to the island leaves at noon."], "stamp": "v1"}
    transcriber = PocketSphinxTranscriber(
        folder=tmp_path, stamp=lambda org, kbs: corpus["stamp"],
        corpus=lambda org, kbs: corpus["texts"],
    )  # fmt: skip
    transcriber._decoder("org", ("kb",))
    corpus["texts"] = ["# Trains\nThe train to the mountain leaves at dawn."]
    transcriber._decoder("org", ("kb",))  # same stamp: the same model
    assert len(list(tmp_path.glob("*.arpa"))) == 1
    corpus["stamp"] = "v2"  # a document changed
    transcriber._decoder("org", ("kb",))
    models = sorted(tmp_path.glob("*.arpa"), key=lambda p: p.stat().st_mtime)
    assert len(models) == 2
    assert "mountain" in models[-1].read_text() and "mountain" not in models[0].read_text()
