"""Answer quality of the offline (extractive) answerer on SQuAD dev, through the product.

A fixed sample of questions goes through the product's Retriever and ExtractiveAnswerer
over the indexed paragraphs. Reported, with the same figures for a baseline that answers
with the first sentence of the top passage (same retrieval, same run):
- share of answers that contain a gold answer string (SQuAD normalisation);
- answer length in words (mean and median);
- exact match and token F1 of the best cited sentence against the gold answers.

The extractive answerer runs as the service does, with its answerability decision
(docs/answers.md), and without it in the same run: a question the decision declines
counts as an answer without the gold string.

    python -m bench.answers --data ../shared/data/squad-dev [--questions 1000] [--index-dir DIR]

With `--xquad LANG`, `--data` is the XQuAD folder and the questions and paragraphs are
those of xquad.LANG.json (one language's collection, its own questions); answers of
scripts without spaces count two characters as a word.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import re
import statistics
import string
import tempfile
from collections import Counter
from pathlib import Path

from agents.answer import ExtractiveAnswerer, default_not_found
from agents.answerability import shipped
from bench.retrieval import (
    BENCH_KB,
    BENCH_ORG,
    COLLECTION,
    as_documents,
    configured_search,
    load,
)
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.sentences import split_sentences, word_count
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection

MARKER = re.compile(r"\s*\[\d+\]")


def normalize(text: str) -> str:
    """SQuAD's normalisation: lower case, no punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def f1(prediction: str, gold: str) -> float:
    predicted, expected = normalize(prediction).split(), normalize(gold).split()
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def load_xquad(folder: Path, language: str) -> tuple[list[dict], list[dict]]:
    """One XQuAD language as `load` gives SQuAD dev: paragraphs and questions."""
    data = json.loads((folder / f"xquad.{language}.json").read_text())
    corpus, questions = [], []
    for article in data["data"]:
        for n, paragraph in enumerate(article["paragraphs"]):
            pid = f"{article['title']}#{n}"
            corpus.append({"id": pid, "title": article["title"], "text": paragraph["context"]})
            questions += [
                {"id": q["id"], "question": q["question"], "doc_id": pid,
                 "answers": [a["text"] for a in q["answers"]]}
                for q in paragraph["qas"]
            ]  # fmt: skip
    return corpus, questions


def score(answer: str, sentences: list[str], golds: list[str]) -> dict[str, float]:
    text = normalize(answer)
    best_f1 = max((f1(s, g) for s in sentences for g in golds), default=0.0)
    best_em = max(
        (float(normalize(s) == normalize(g)) for s in sentences for g in golds), default=0.0
    )
    return {
        "contains": float(any(normalize(g) in text for g in golds)),
        "words": float(word_count(answer)),
        "em": best_em,
        "f1": best_f1,
    }


def summarise(rows: list[dict[str, float]]) -> dict[str, float]:
    return {
        "contains": statistics.mean(r["contains"] for r in rows),
        "mean_words": statistics.mean(r["words"] for r in rows),
        "median_words": statistics.median(r["words"] for r in rows),
        "em": statistics.mean(r["em"] for r in rows),
        "f1": statistics.mean(r["f1"] for r in rows),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--index-dir", type=Path, help="reuse (or keep) the index here")
    parser.add_argument("--max-sentences", type=int, default=None, help="default: the setting")
    parser.add_argument("--model", default=None, help="EMBEDDING_MODEL (default: the service's)")
    parser.add_argument("--score-threshold", type=float, default=None)
    parser.add_argument("--sentence-threshold", type=float, default=None)
    parser.add_argument("--xquad", metavar="LANG", help="--data is XQuAD's folder: this language")
    args = parser.parse_args(argv)
    settings = config.Settings(_env_file=None)  # type: ignore[call-arg]

    corpus, questions = load_xquad(args.data, args.xquad) if args.xquad else load(args.data)
    sample = random.Random(args.seed).sample(questions, min(args.questions, len(questions)))
    print(
        f"data: {args.data}: {len(sample)} questions (seed {args.seed}) over {len(corpus)} paragraphs"
    )

    embeddings = LocalEmbeddings(
        args.model, backend=settings.embedding_backend, cache_dir=settings.embedding_cache_dir
    )
    calibration = embeddings.calibration
    # (the first set of: the flag, the setting, the encoder's calibration; 0.0 counts)
    score_threshold = next(
        v for v in (args.score_threshold, settings.score_threshold, calibration.score_threshold)
        if v is not None
    )  # fmt: skip
    sentence_threshold = next(
        v for v in (args.sentence_threshold, settings.answer_sentence_threshold,
                    calibration.sentence_threshold) if v is not None
    )  # fmt: skip
    print(f"encoder: {embeddings.name} ({embeddings.backend})")
    workdir = args.index_dir or Path(tempfile.mkdtemp(prefix="bench-answers-"))
    client = open_embedded(workdir / "qdrant")
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    Ingestor(
        client=client, collection=COLLECTION, embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200),
    ).ingest_documents(as_documents(corpus), org_id=BENCH_ORG, kb_id=BENCH_KB)  # fmt: skip
    retriever, scope = configured_search(
        client, COLLECTION, embeddings, settings,
        org_id=BENCH_ORG, kb_id=BENCH_KB, score_threshold=score_threshold,
    )  # fmt: skip
    max_sentences = args.max_sentences or settings.answer_max_sentences
    answerer = ExtractiveAnswerer(
        embeddings, threshold=sentence_threshold, max_sentences=max_sentences,
        not_found_message=default_not_found(), answerability=shipped(),
    )  # fmt: skip
    unchecked = ExtractiveAnswerer(
        embeddings, threshold=sentence_threshold, max_sentences=max_sentences,
        not_found_message=default_not_found(),
    )  # fmt: skip
    print(
        f"answerer: extractive, up to {max_sentences} sentences, threshold "
        f"{sentence_threshold}; retrieval {settings.retrieval_mode} k={settings.retrieval_k}, "
        f"gate {score_threshold}"
    )

    ours, alone, baseline = [], [], []
    for q in sample:
        passages = retriever.search(q["question"], scope)
        for made, scores in ((answerer, ours), (unchecked, alone)):
            answer = made.answer(q["question"], passages)
            quoted = split_sentences(MARKER.sub("", answer.text)) if answer.found else []
            scores.append(
                score(MARKER.sub("", answer.text) if answer.found else "", quoted, q["answers"])
            )
        first = split_sentences(passages[0].text)[:1] if passages else []
        baseline.append(score(first[0] if first else "", first, q["answers"]))

    client.close()
    results = {"extractive": summarise(ours), "no decision": summarise(alone),
               "first sentence": summarise(baseline)}  # fmt: skip
    print(
        f"\n{'answerer':<16} {'contains':>9} {'mean words':>11} {'median':>7} {'EM':>6} {'F1':>6}"
    )
    for name, row in results.items():
        print(
            f"{name:<16} {row['contains']:>9.3f} {row['mean_words']:>11.1f} "
            f"{row['median_words']:>7.1f} {row['em']:>6.3f} {row['f1']:>6.3f}"
        )
    mine, base = results["extractive"], results["first sentence"]
    print(
        f"answers: contains gold {mine['contains']:.3f} (x{mine['contains'] / base['contains']:.2f} "
        f"first-sentence baseline), median {mine['median_words']:.0f} words "
        f"(target >= 0.85 and < 50 words)"
    )


if __name__ == "__main__":
    main()
