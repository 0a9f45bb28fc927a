"""Hybrid retrieval as the knowledge base grows: 1k to 1M chunks, embedded Qdrant.

Measures the product's Retriever.search (ranking, payloads, passages; query embeddings
precomputed: this is retrieval, not the encoder) on embedded Qdrant Edge, after the
shard is optimised (HNSW built, timed), paired query by query with the same search
through the hand-made index the previous release used (bench/handmade_index.py, with the
passages read from Edge), measured up to --baseline-up-to points.

Collections are built from real vectors cheaply: the squad-dev paragraphs and their
sentences are embedded once (cached under --cache); every further chunk is one of them
perturbed (dense: Gaussian noise, cosine about 0.9 to its source; sparse: a fifth of its
terms dropped, one in ten swapped for a corpus term drawn by frequency). The real
paragraphs are always in the collection, so squad-dev recall is measured at every size.
Each size runs in its own process, so its resident memory is its own.

    python -m bench.scale --data ../shared/data/squad-dev [--sizes 1000,10000,100000,1000000]

Prints one row per size, the growth exponents (slope of log p50 over log size) and
writes a log-log plot (--plot, default docs/scale.png).
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import multiprocessing
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from qdrant_client import models

from agents.answerability import SENTENCE_BREAK
from agents.retrieval import IndexHits, Retriever, SearchScope
from bench.handmade_index import VectorIndex
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.sparse import BM25SparseEmbeddings, tokenize
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import (
    DENSE_VECTOR,
    KB_FIELD,
    SPARSE_VECTOR,
    TENANT_FIELD,
    ensure_collection,
)

COLLECTION = "scale"
ORG, KB = "org_bench", "kb_bench"
BATCH = 2048
NOISE = 0.022  # per dimension on unit 384-d vectors: cosine about 0.9 to the source


def prepare(data: Path, cache: Path, queries: int) -> Path:
    """Embeddings of paragraphs, sentences and questions, computed once."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / "vectors.npz"
    if target.exists():
        return target
    corpus = [json.loads(line) for line in (data / "corpus.jsonl").open()]
    questions = [json.loads(line) for line in (data / "questions.jsonl").open()]
    random.Random(7).shuffle(questions)
    sentences = [s for p in corpus for s in SENTENCE_BREAK.split(p["text"]) if len(s.split()) >= 6]
    model = LocalEmbeddings()
    started = time.perf_counter()
    vectors = {
        "paragraphs": model.encode([p["text"] for p in corpus]),
        "sentences": model.encode(sentences),
        "questions": model.encode([q["question"] for q in questions[:queries]]),
    }
    print(f"embedded the sources once in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    np.savez(target, **vectors)
    (cache / "texts.json").write_text(
        json.dumps(
            {
                "paragraphs": [[p["id"], p["text"]] for p in corpus],
                "sentences": sentences,
                "questions": [[q["question"], q["doc_id"]] for q in questions[:queries]],
            }
        )
    )
    return target


class PrecomputedQueries(Embeddings):
    """Query vectors computed beforehand: the run times retrieval, not the encoder."""

    def __init__(self, texts: list[str], vectors: np.ndarray) -> None:
        self.vectors = {t: v.tolist() for t, v in zip(texts, vectors, strict=True)}

    def embed_query(self, text: str) -> list[float]:
        return self.vectors[text]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def synthetic_points(
    size: int, vectors: dict, texts: dict, rng: np.random.Generator
) -> list[models.PointStruct]:
    """The real paragraphs first (as many as fit), then perturbed copies of paragraphs
    and sentences up to `size`."""
    sparse = BM25SparseEmbeddings()
    paragraphs = texts["paragraphs"]
    real = min(size, len(paragraphs))
    sources = [text for _, text in paragraphs] + texts["sentences"]
    source_vectors = np.vstack([vectors["paragraphs"], vectors["sentences"]])
    source_tokens = [tokenize(t) for t in sources]
    vocabulary = [t for tokens in source_tokens for t in tokens]  # drawn by frequency
    for start in range(0, size, BATCH):
        rows = range(start, min(size, start + BATCH))
        picks = [row if row < real else int(rng.integers(len(sources))) for row in rows]
        dense = source_vectors[picks].copy()
        synthetic = np.array([row >= real for row in rows])
        dense[synthetic] += rng.normal(0, NOISE, (int(synthetic.sum()), dense.shape[1]))
        dense /= np.linalg.norm(dense, axis=1, keepdims=True)
        batch = []
        for row, pick, vector in zip(rows, picks, dense, strict=True):
            if row < real:
                text, source = sources[pick], paragraphs[pick][0]
            else:
                tokens = [t for t in source_tokens[pick] if rng.random() > 0.2]
                tokens = [
                    vocabulary[int(rng.integers(len(vocabulary)))] if rng.random() < 0.1 else t
                    for t in tokens
                ]
                text, source = " ".join(tokens), f"synthetic-{row}"
            terms = sparse.embed_documents([text])[0]
            batch.append(
                models.PointStruct(
                    id=row,
                    vector={
                        DENSE_VECTOR: vector.tolist(),
                        SPARSE_VECTOR: models.SparseVector(
                            indices=terms.indices, values=terms.values
                        ),
                    },
                    payload={
                        "org_id": ORG,
                        "kb_id": KB,
                        "page_content": sources[pick],
                        "metadata": {"source": source, "title": source, "kb_id": KB},
                    },
                )
            )
        yield batch


class HandmadeRetriever(Retriever):
    """The previous release's path: ids from the hand-made index, passages from Qdrant."""

    index: VectorIndex

    def ranked(self, query, scope, *, limit, fetch=None):  # noqa: ANN001, ANN201
        dense = self.embeddings.embed_query(query) if scope.mode != "sparse" else None
        terms = self.sparse.embed_query(query)
        sparse = models.SparseVector(indices=terms.indices, values=terms.values)
        found = self.index.search(
            org_id=scope.org_id, kb_ids=sorted(scope.priorities), dense=dense,
            sparse=sparse if scope.mode != "dense" else None,
            limit=limit, rrf_k=self.rrf_k, weights=self.weights,
        )  # fmt: skip
        return IndexHits(found.ids, found.scores, found.best_dense)


def build(size: int, vectors: dict, texts: dict, folder: Path, timings: dict) -> None:
    """The collection of `size` points, optimised here in the foreground and timed (the
    service does it in a child process)."""
    client = open_embedded(folder, optimize_after=10**12)
    ensure_collection(client, COLLECTION, vectors["paragraphs"].shape[1])
    started = time.perf_counter()
    for batch in synthetic_points(size, vectors, texts, np.random.default_rng(size)):
        client.upsert(COLLECTION, batch, wait=True)
    timings["build_s"] = time.perf_counter() - started
    started = time.perf_counter()
    client._client.shards[COLLECTION].optimize()
    timings["optimise_s"] = time.perf_counter() - started
    # What writes wait for when the service optimises: the copy (searches go on meanwhile).
    started = time.perf_counter()
    copy = client._client.copy_for_optimising(COLLECTION)
    timings["pause_s"] = time.perf_counter() - started
    client._client.optimisation_failed(COLLECTION, copy)  # (drops the copy)
    client.close()


def one_size(size: int, cache: Path, baseline_up_to: int, queries: int, folder: Path) -> dict:
    loaded = np.load(cache / "vectors.npz")
    vectors = {name: loaded[name] for name in loaded.files}
    texts = json.loads((cache / "texts.json").read_text())
    questions = texts["questions"][:queries]
    # Built in a forked child, so this process's memory is that of one serving the shard.
    context = multiprocessing.get_context("fork")
    built = context.Manager().dict()
    child = context.Process(target=build, args=(size, vectors, texts, folder, built))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"building {size} points failed ({child.exitcode})")
    embeddings = PrecomputedQueries([q for q, _ in texts["questions"]], vectors["questions"])
    resident_before = rss_mb()
    client = open_embedded(folder, optimize_after=10**12)
    arguments = dict(client=client, collection=COLLECTION, embeddings=embeddings,
                     candidates=30, rrf_k=1, weights=(1.0, 2.0))  # fmt: skip
    scope = SearchScope(ORG, {KB: 0}, "hybrid", 5, -1)
    for question, _ in questions:  # every query once: the pages a search touches come in
        Retriever(**arguments).search(question, scope)
    resident = rss_mb() - resident_before
    baseline = size <= baseline_up_to
    handmade_mb = 0.0
    index = VectorIndex(dense_name=DENSE_VECTOR, sparse_name=SPARSE_VECTOR,
                        tenant_field=TENANT_FIELD, kb_field=KB_FIELD)  # fmt: skip
    if baseline:
        before = rss_mb()
        for batch in synthetic_points(size, vectors, texts, np.random.default_rng(size)):
            index.add(batch)
        handmade_mb = rss_mb() - before
    build_seconds, optimise_seconds = built["build_s"], built["optimise_s"]

    retrievers = {"edge": Retriever(**arguments), "handmade": HandmadeRetriever(**arguments)}
    retrievers["handmade"].index = index
    real_ids = {pid for pid, _ in texts["paragraphs"][: min(size, len(texts["paragraphs"]))]}
    timings: dict[str, list[float]] = {"edge": [], "handmade": []}
    hits: dict[str, list[bool]] = {"edge": [], "handmade": []}
    top5: dict[str, list] = {"edge": [], "handmade": []}
    for n, (question, gold) in enumerate(questions):
        for path in ["edge", "handmade"] if n % 2 == 0 else ["handmade", "edge"]:
            if path == "handmade" and not baseline:
                continue
            started = time.perf_counter()
            passages = retrievers[path].search(question, scope)
            timings[path].append(time.perf_counter() - started)
            top5[path].append([p.source for p in passages[:5]])
            if gold in real_ids:
                hits[path].append(gold in [p.source for p in passages[:5]])
    result = {
        "size": size,
        "build_s": round(build_seconds, 1),
        "optimise_s": round(optimise_seconds, 1),
        "pause_s": round(built["pause_s"], 2),
        "rss_mb": round(resident),
        "handmade_rss_mb": round(handmade_mb),
    }
    if baseline:
        pairs = list(zip(top5["edge"], top5["handmade"], strict=True))
        result["same_top5"] = round(float(np.mean([a == b for a, b in pairs])), 4)
        result["same_top5_sets"] = round(float(np.mean([set(a) == set(b) for a, b in pairs])), 4)
    for path, values in timings.items():
        if values:
            result[f"{path}_p50_ms"] = round(1000 * statistics.median(values), 2)
            result[f"{path}_p95_ms"] = round(1000 * float(np.percentile(values, 95)), 2)
            result[f"{path}_queries"] = len(values)
        if hits[path]:
            result[f"{path}_r5"] = round(float(np.mean(hits[path])), 4)
            result[f"{path}_r5_questions"] = len(hits[path])
    client.close()
    return result


def exponent(sizes: list[int], values: list[float]) -> float:
    return float(np.polyfit(np.log(sizes), np.log(values), 1)[0])


def plot(rows: list[dict], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (latency, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    sizes = [r["size"] for r in rows]
    latency.plot(sizes, [r["edge_p50_ms"] for r in rows], "o-", label="Qdrant Edge p50")
    latency.plot(sizes, [r["edge_p95_ms"] for r in rows], "o--", label="Qdrant Edge p95")
    base = [r for r in rows if "handmade_p50_ms" in r]
    if base:
        latency.plot([r["size"] for r in base], [r["handmade_p50_ms"] for r in base], "s-",
                     label="hand-made index p50 (previous)")  # fmt: skip
    latency.axhline(3, color="grey", linewidth=0.8, linestyle=":", label="3 ms target (100k)")
    latency.axhline(10, color="grey", linewidth=0.8, linestyle="--", label="10 ms target (1M)")
    latency.set(xscale="log", yscale="log", xlabel="chunks", ylabel="hybrid search, ms",
                title="Hybrid search latency (embedded)")  # fmt: skip
    latency.legend(fontsize=8)
    memory.plot(sizes, [r["rss_mb"] for r in rows], "o-")
    memory.set(xscale="log", yscale="log", xlabel="chunks", ylabel="resident memory, MB",
               title="Memory of the Edge shard")  # fmt: skip
    for axis in (latency, memory):
        axis.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/squad-dev"))
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--baseline-up-to", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=Path(".bench-cache/scale-edge"))
    parser.add_argument("--cache", type=Path, default=Path(".bench-cache/scale"))
    parser.add_argument("--plot", type=Path, default=Path("docs/scale.png"))
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        import shutil

        folder = args.folder / str(args.one_size)
        shutil.rmtree(folder, ignore_errors=True)
        try:
            print(json.dumps(one_size(args.one_size, args.cache, args.baseline_up_to,
                                      args.queries, folder)))  # fmt: skip
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return

    prepare(args.data, args.cache, args.queries)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        command = [sys.executable, "-m", "bench.scale", "--one-size", str(size),
                   "--cache", str(args.cache), "--queries", str(args.queries),
                   "--baseline-up-to", str(args.baseline_up_to),
                   "--folder", str(args.folder)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{size}: failed ({done.returncode}); stopping here:\n{done.stderr[-2000:]}")
            break
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"scale: {size} chunks hybrid p50 {row['edge_p50_ms']:.2f} ms p95 "
            f"{row['edge_p95_ms']:.2f} ms rss {row['rss_mb']} MB", flush=True,
        )  # fmt: skip
        print(
            f"  R@5 {row.get('edge_r5', float('nan')):.4f}; build {row['build_s']} s, "
            f"optimise {row['optimise_s']} s (writes wait {row['pause_s']} s for the copy; searches go on)"
            + (
                f" | hand-made index p50 {row['handmade_p50_ms']:.2f} ms p95 "
                f"{row['handmade_p95_ms']:.2f} ms R@5 {row.get('handmade_r5', float('nan')):.4f}"
                f" (+{row['handmade_rss_mb']} MB); ratio hand-made/edge p50 "
                f"{row['handmade_p50_ms'] / row['edge_p50_ms']:.2f}x; same top-5 "
                f"{row['same_top5']:.3f} (as sets {row['same_top5_sets']:.3f})"
                if "handmade_p50_ms" in row
                else ""
            ),
            flush=True,
        )
    if len(rows) >= 2:
        sizes = [r["size"] for r in rows]
        print(f"growth exponent of Edge p50 over {sizes[0]:,}..{sizes[-1]:,}: "
              f"{exponent(sizes, [r['edge_p50_ms'] for r in rows]):.2f}; "
              f"memory: {exponent(sizes, [r['rss_mb'] or 1 for r in rows]):.2f}")  # fmt: skip
        base = [r for r in rows if "handmade_p50_ms" in r]
        if len(base) >= 2:
            print(f"growth exponent of the hand-made index p50: "
                  f"{exponent([r['size'] for r in base], [r['handmade_p50_ms'] for r in base]):.2f}")  # fmt: skip
        plot(rows, args.plot)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
