"""The same documents and the same question give the same passages, whichever store they
were ingested into: Qdrant Edge returns keyword hits of equal score in an order of its
own, different from one shard to the next, and the decision read from those passages
once answered a question on one and declined it on another."""

from __future__ import annotations

from pathlib import Path

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from tests.agents.test_mixed_scope import ENGLISH, answerer, search

# "days" and "are" score three one-line policies alike.
QUESTION = "How many days of paternity leave are there?"


def test_one_question_over_the_same_pages_in_five_stores_reads_the_same_passages(
    tmp_path: Path, embeddings: LocalEmbeddings
) -> None:
    reader = answerer(embeddings)
    read = set()
    for n in range(5):
        client = open_embedded(tmp_path / f"store-{n}")
        try:
            passages = search(client, embeddings, "policies", ENGLISH, QUESTION)
        finally:
            client.close()
        answer = reader.answer(QUESTION, passages)
        read.add((tuple((p.title, round(p.score, 6)) for p in passages), answer.found))
    assert len(read) == 1, read
    [(passages, found)] = read
    assert passages[0][0] == "Leave" and len(passages) == 4
