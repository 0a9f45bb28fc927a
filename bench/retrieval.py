"""Retrieval quality and speed on SQuAD dev, through the product's own code.

Indexes the corpus paragraphs with the product's ingestion (Ingestor, embedded Qdrant),
asks every question through the product's Retriever in each RETRIEVAL_MODE, and compares
with a plain BM25 baseline (rank-bm25) computed in the same run. Also measures ingestion
throughput against raw `model.encode` on the same texts, and query latency.

    python -m bench.retrieval --data ../shared/data/squad-dev [--questions N]

The last line reads: retrieval: hybrid R@5=<x> dense R@5=<y> sparse R@5=<z> bm25 R@5=<w>
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from qdrant_client import QdrantClient
from rank_bm25 import BM25Okapi

from agents.retrieval import Retriever, SearchScope
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.engines import BACKENDS
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection

COLLECTION = "squad"
# One organisation with one knowledge base: the product always searches inside one.
BENCH_ORG, BENCH_KB = "org_bench", "kb_bench"
KS = (1, 5, 10)
RAW_ENCODE_SAMPLE = 400


def load(data: Path) -> tuple[list[dict], list[dict]]:
    corpus = [json.loads(line) for line in (data / "corpus.jsonl").open()]
    questions = [json.loads(line) for line in (data / "questions.jsonl").open()]
    return corpus, questions


def configured_search(
    client: QdrantClient,
    collection: str,
    embeddings: LocalEmbeddings,
    settings: config.Settings,
    *,
    org_id: str,
    kb_id: str,
    score_threshold: float,
) -> tuple[Retriever, SearchScope]:
    """The Retriever and one knowledge base's scope as the service's settings make them."""
    retriever = Retriever(
        client=client, collection=collection, embeddings=embeddings,
        candidates=settings.retrieval_candidates, rrf_k=settings.retrieval_rrf_k,
        weights=(settings.hybrid_weights[0], settings.hybrid_weights[1]),
    )  # fmt: skip
    scope = SearchScope(
        org_id=org_id, priorities={kb_id: 0}, mode=settings.retrieval_mode,
        k=settings.retrieval_k, score_threshold=score_threshold,
    )  # fmt: skip
    return retriever, scope


def as_documents(corpus: list[dict]) -> list[LoadedDocument]:
    # Each paragraph is a document whose source is its id: retrieved chunks map back.
    return [
        LoadedDocument(
            source=p["id"], title=p["title"].replace("_", " "), kind="text", text=p["text"]
        )
        for p in corpus
    ]


def raw_encode_rate(embeddings: LocalEmbeddings, texts: list[str]) -> float:
    started = time.perf_counter()
    embeddings.encode(texts)
    return len(texts) / (time.perf_counter() - started)


def metrics(rankings: list[list[str]], gold: list[str]) -> dict[str, float]:
    result = {
        f"R@{k}": float(np.mean([g in r[:k] for r, g in zip(rankings, gold, strict=True)]))
        for k in KS
    }
    result["MRR@10"] = float(
        np.mean(
            [
                1 / (r[:10].index(g) + 1) if g in r[:10] else 0.0
                for r, g in zip(rankings, gold, strict=True)
            ]
        )
    )
    return result


def bm25_rankings(corpus: list[dict], questions: list[dict]) -> list[list[str]]:
    tokenize = lambda text: re.findall(r"\w+", text.lower())  # noqa: E731 - the baseline's rule
    bm25 = BM25Okapi([tokenize(p["text"]) for p in corpus], k1=1.5, b=0.75)
    ids = [p["id"] for p in corpus]
    rankings = []
    for q in questions:
        scores = bm25.get_scores(tokenize(q["question"]))
        top = np.argsort(-scores, kind="stable")[:10]
        rankings.append([ids[i] for i in top])
    return rankings


def product_rankings(
    retriever: Retriever, scope: SearchScope, questions: list[dict]
) -> tuple[list[list[str]], list[float]]:
    rankings, latencies = [], []
    for q in questions:
        started = time.perf_counter()
        passages = retriever.search(q["question"], scope)
        latencies.append(time.perf_counter() - started)
        ranking: list[str] = []
        for passage in passages:  # several chunks of one paragraph count once
            if passage.source not in ranking:
                ranking.append(passage.source)
        rankings.append(ranking)
    return rankings, latencies


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="folder with corpus.jsonl and questions.jsonl"
    )
    parser.add_argument("--questions", type=int, default=0, help="sample size (0 = all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--modes", default="hybrid,dense,sparse")
    parser.add_argument("--index-dir", type=Path, help="reuse (or keep) the index here")
    parser.add_argument("--backend", choices=BACKENDS, default="torch", help="encoder build")
    parser.add_argument("--rrf-k", type=int, default=1)
    parser.add_argument("--weights", default="1.0,2.0", help="hybrid RRF weights: dense,sparse")
    args = parser.parse_args(argv)

    corpus, questions = load(args.data)
    if args.questions:
        questions = random.Random(args.seed).sample(questions, args.questions)
    gold = [q["doc_id"] for q in questions]
    print(f"data: {args.data} ({len(corpus)} paragraphs, {len(questions)} questions)")

    embeddings = LocalEmbeddings(cache_size=len(questions) + 10, backend=args.backend)
    print(f"encoder: {args.backend}")
    workdir = args.index_dir or Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    client = open_embedded(workdir / "qdrant")
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    ingestor = Ingestor(
        client=client,
        collection=COLLECTION,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200),
    )

    documents = as_documents(corpus)
    # A random sample: the first paragraphs are not typical of the corpus's lengths.
    picked = random.Random(args.seed).sample(documents, min(RAW_ENCODE_SAMPLE, len(documents)))
    sample = [d.title + "\n" + d.text for d in picked]
    # Raw encode before and after ingesting: this VM's speed drifts over minutes.
    raw_before = raw_encode_rate(embeddings, sample)
    report = ingestor.ingest_documents(documents, org_id=BENCH_ORG, kb_id=BENCH_KB)
    raw_after = raw_encode_rate(embeddings, sample)
    raw_rate = (raw_before + raw_after) / 2
    ingest_rate = report.embedded / report.seconds if report.seconds else 0.0
    print(
        f"ingestion: {report.embedded} chunks in {report.seconds:.1f} s = {ingest_rate:.1f} chunks/s; "
        f"raw model.encode {raw_rate:.1f} texts/s (before {raw_before:.1f}, after {raw_after:.1f}) "
        f"on {len(sample)} of the same texts; ratio {ingest_rate / raw_rate:.2f}x (target >= 0.8x)"
    )

    started = time.perf_counter()
    embeddings.encode_cached([q["question"] for q in questions])
    print(
        f"question embedding: {len(questions) / (time.perf_counter() - started):.0f} questions/s (batched, then cached)"
    )

    results: dict[str, dict[str, float]] = {}
    started = time.perf_counter()
    results["bm25"] = metrics(bm25_rankings(corpus, questions), gold)
    print(
        f"bm25 baseline (rank-bm25 BM25Okapi k1=1.5 b=0.75, \\w+ tokens): {time.perf_counter() - started:.0f} s"
    )
    for mode in args.modes.split(","):
        retriever = Retriever(
            client=client, collection=COLLECTION, embeddings=embeddings, candidates=50,
            rrf_k=args.rrf_k, weights=tuple(float(w) for w in args.weights.split(",")),
        )  # fmt: skip
        scope = SearchScope(
            org_id=BENCH_ORG, priorities={BENCH_KB: 0}, mode=mode, k=10, score_threshold=-1
        )
        rankings, latencies = product_rankings(retriever, scope, questions)
        results[mode] = row = metrics(rankings, gold)
        ordered = sorted(latencies)
        print(
            f"{mode}: R@1 {row['R@1']:.4f} R@5 {row['R@5']:.4f} R@10 {row['R@10']:.4f} "
            f"MRR@10 {row['MRR@10']:.4f}; query p50 {statistics.median(ordered) * 1000:.1f} ms, "
            f"p95 {ordered[int(len(ordered) * 0.95)] * 1000:.1f} ms (query embedding cached)",
            flush=True,
        )

    print(f"hybrid fusion: RRF k={args.rrf_k}, weights dense,sparse={args.weights}")
    print(f"\n{'method':<8} {'R@1':>7} {'R@5':>7} {'R@10':>7} {'MRR@10':>7}  R@5 vs bm25")
    for name, row in results.items():
        ratio = row["R@5"] / results["bm25"]["R@5"]
        print(
            f"{name:<8} {row['R@1']:>7.4f} {row['R@5']:>7.4f} {row['R@10']:>7.4f} {row['MRR@10']:>7.4f}  x{ratio:.3f}"
        )
    client.close()
    r5 = {name: f"{row['R@5']:.4f}" for name, row in results.items()}
    print(
        f"retrieval: hybrid R@5={r5.get('hybrid', 'n/a')} dense R@5={r5.get('dense', 'n/a')} "
        f"sparse R@5={r5.get('sparse', 'n/a')} bm25 R@5={r5['bm25']}"
    )


if __name__ == "__main__":
    main()
