"""What a question with the largest documented text attachment costs (issue 43, item 7).

Each round times, on the real encoder and chunker, reading the attachment and one search
of it: the 2 MB attachment against a 20 KB one (the baseline, same run, interleaved).
What the old path would cost (every chunk embedded) is estimated from the encoder's
time for 64 of the same chunks, since running it takes over ten minutes.

    python -m bench.attachments [--megabytes 2] [--rounds 2]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import random
import time

from agents.attachments import EMBEDDED_PER_SEARCH, AttachmentSearcher, read_attachments
from config import Settings
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import load_embeddings

WORDS = ("pump valve seal maintenance inspect pressure motor bearing lubricate filter "
         "replace monthly weekly operator safety manual chapter torque gasket").split()  # fmt: skip
NEEDLE = "The cooling tower of hall seven is drained every second Tuesday."
QUESTION = "When is the cooling tower of hall seven drained?"


class NoKnowledge:
    def search(self, query: str, scope: object) -> list:
        return []


def text_of(size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size // 2:
        parts.append(" ".join(rng.choice(WORDS) for _ in range(60)) + ".")
    half = "\n\n".join(parts)
    return f"{half}\n\n{NEEDLE}\n\n{half}".encode()[:size]


def turn(data: bytes, chunker: Chunker, embeddings: object) -> tuple[float, int, bool]:
    started = time.perf_counter()
    [attached] = read_attachments([("notes.txt", data)], chunker=chunker, max_files=5,
                                  max_bytes=len(data), max_pages=10_000)  # fmt: skip
    found = AttachmentSearcher(NoKnowledge(), [attached], embeddings).search(QUESTION, None)  # type: ignore[arg-type]
    return time.perf_counter() - started, len(attached.chunks), NEEDLE[:30] in found[0].text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    embeddings = load_embeddings(None, 32, settings.embedding_backend)
    chunker = Chunker(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)
    large, small = text_of(int(args.megabytes * 1_000_000), 1), text_of(20_000, 2)
    turn(small, chunker, embeddings)  # warm-up
    for round_ in range(1, args.rounds + 1):
        small_s, small_chunks, small_found = turn(small, chunker, embeddings)
        large_s, chunks, found = turn(large, chunker, embeddings)
        print(f"round {round_}: {len(large) / 1e6:.1f} MB ({chunks} chunks) {large_s:.2f} s, "
              f"found: {found}; 20 KB ({small_chunks} chunks) {small_s:.2f} s, found: "
              f"{small_found}; x{large_s / small_s:.2f}")  # fmt: skip
    [attached] = read_attachments([("notes.txt", large)], chunker=chunker, max_files=5,
                                  max_bytes=len(large), max_pages=10_000)  # fmt: skip
    sample = [c.embed_text for c in attached.chunks[:64]]
    started = time.perf_counter()
    embeddings.encode(sample)
    per_chunk = (time.perf_counter() - started) / len(sample)
    print(
        f"the old path (all {len(attached.chunks)} chunks embedded), estimated: "
        f"{per_chunk * len(attached.chunks):.0f} s ({per_chunk * 1000:.0f} ms a chunk); "
        f"now at most {EMBEDDED_PER_SEARCH} chunks a search"
    )


if __name__ == "__main__":
    main()
