"""Encoder builds compared in one run: sentence-transformers (torch fp32, the baseline),
its ONNX export (fp32) and the int8 copy, on the same texts, rounds interleaved.

Measures passages/s in batches (ingestion), single queries/s (a turn embeds one) and
how close each build's vectors are to torch's (cosine). Retrieval quality per build is
bench.retrieval's job (`--backend`).

    python -m bench.encoders --data ../shared/data/squad-dev [--passages 256] [--rounds 3]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import numpy as np

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.engines import BACKENDS


def rate(work, count: int) -> float:
    started = time.perf_counter()
    work()
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/squad-dev"))
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = [json.loads(line) for line in (args.data / "corpus.jsonl").open()]
    questions = [json.loads(line)["question"] for line in (args.data / "questions.jsonl").open()]
    rng = random.Random(3)
    passages = [
        p["title"].replace("_", " ") + "\n" + p["text"] for p in rng.sample(corpus, args.passages)
    ]
    queries = rng.sample(questions, args.queries)

    encoders = {name: LocalEmbeddings(backend=name, cache_size=1) for name in BACKENDS}
    reference = encoders["torch"].encode(passages + queries)
    batch: dict[str, list[float]] = {name: [] for name in encoders}
    single: dict[str, list[float]] = {name: [] for name in encoders}
    for round_number in range(args.rounds):
        order = list(encoders) if round_number % 2 == 0 else list(reversed(encoders))
        for name in order:
            model = encoders[name]
            batch[name].append(rate(lambda m=model: m.encode(passages), len(passages)))
            single[name].append(
                rate(lambda m=model: [m.encode([q]) for q in queries], len(queries))
            )
    base_batch, base_single = statistics.median(batch["torch"]), statistics.median(single["torch"])
    print(f"{len(passages)} passages in batches of 32, {len(queries)} single queries, "
          f"{args.rounds} interleaved rounds (medians)")  # fmt: skip
    print(
        f"{'build':<10} {'passages/s':>10} {'ratio':>6} {'queries/s':>10} {'ratio':>6} {'cos mean':>8} {'cos min':>8}"
    )
    for name, model in encoders.items():
        vectors = model.encode(passages + queries)
        cosine = np.sum(vectors * reference, axis=1)
        b, s = statistics.median(batch[name]), statistics.median(single[name])
        print(
            f"{name:<10} {b:>10.1f} {b / base_batch:>5.2f}x {s:>10.1f} {s / base_single:>5.2f}x "
            f"{cosine.mean():>8.4f} {cosine.min():>8.4f}"
        )


if __name__ == "__main__":
    main()
