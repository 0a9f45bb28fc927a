"""Embedded Qdrant Edge against the hand-made index of the previous release, on the
sample knowledge base: how often the two give the same top 5 for the same question.

The questions are every heading of the sample knowledge base's documents (what people
ask about them) and the load benchmark's questions; each is searched in dense, sparse
and hybrid mode through the product's Retriever on both.

    python -m bench.parity [--kb knowledge_base]

The last line reads: parity: <n> queries, identical top-5 <x> (as sets <y>)
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import re
import tempfile
from pathlib import Path

from agents.retrieval import Retriever, SearchScope
from bench.handmade_index import VectorIndex
from bench.load import QUESTIONS
from bench.scale import HandmadeRetriever
from ingestion.ingest import Ingestor
from ingestion.sample import SAMPLE_KB_ID, SAMPLE_ORG_ID
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import (
    DENSE_VECTOR,
    KB_FIELD,
    SPARSE_VECTOR,
    TENANT_FIELD,
    ensure_collection,
)

COLLECTION = "parity"


def questions(folder: Path) -> list[str]:
    headings = [
        match.group(1).strip()
        for path in sorted(folder.glob("*.md"))
        for match in re.finditer(r"^#{1,4}\s+(.+)$", path.read_text(), flags=re.MULTILINE)
    ]
    return sorted(set(headings)) + QUESTIONS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=Path, default=Path("knowledge_base"))
    args = parser.parse_args()
    embeddings = LocalEmbeddings()
    client = open_embedded(Path(tempfile.mkdtemp()))
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    Ingestor(
        client=client, collection=COLLECTION, embeddings=embeddings,
        chunker=Chunker(chunk_size=1000, chunk_overlap=150),
    ).ingest_paths([args.kb], org_id=SAMPLE_ORG_ID, kb_id=SAMPLE_KB_ID)  # fmt: skip
    index = VectorIndex(dense_name=DENSE_VECTOR, sparse_name=SPARSE_VECTOR,
                        tenant_field=TENANT_FIELD, kb_field=KB_FIELD)  # fmt: skip
    offset = None
    while True:
        points, offset = client.scroll(
            COLLECTION, limit=512, offset=offset, with_payload=True, with_vectors=True
        )
        index.add(points)
        if offset is None:
            break
    arguments = dict(client=client, collection=COLLECTION, embeddings=embeddings,
                     candidates=30, rrf_k=1, weights=(1.0, 2.0))  # fmt: skip
    edge, handmade = Retriever(**arguments), HandmadeRetriever(**arguments)
    handmade.index = index
    asked = questions(args.kb)
    same = same_sets = total = 0
    for mode in ("dense", "sparse", "hybrid"):
        scope = SearchScope(SAMPLE_ORG_ID, {SAMPLE_KB_ID: 0}, mode, 5, -1)
        mode_same = 0
        for question in asked:
            ours = [str(i) for i in edge.ranked(question, scope, limit=20).ids[:5]]
            theirs = [str(i) for i in handmade.ranked(question, scope, limit=20).ids[:5]]
            mode_same += ours == theirs
            same_sets += set(ours) == set(theirs)
            total += 1
        same += mode_same
        print(f"{mode}: identical top-5 {mode_same / len(asked):.3f} ({len(asked)} queries)")
    client.close()
    print(f"parity: {total} queries, identical top-5 {same / total:.3f} "
          f"(as sets {same_sets / total:.3f})")  # fmt: skip


if __name__ == "__main__":
    main()
