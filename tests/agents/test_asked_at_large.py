"""The shipped readings of `agents.asked_at_large` on questions and sentences none of
them was fitted on, in three languages, and when they decline."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from agents.asked_at_large import AtLarge, for_encoder
from knowledge.encoders.embeddings import LocalEmbeddings

AT_LARGE = [
    "When did the Titanic sink?",
    "How do bees make honey?",
    "¿Cuál es el río más largo de España?",
    "¿Quién escribió el Quijote?",
    "Siapa presiden pertama Indonesia?",
    "Berapa tinggi Gunung Merapi?",
]
TO_A_SERVICE = [
    "Do you open on Sunday mornings?",
    "How much is a haircut for a child?",
    "¿Aceptáis pago con tarjeta?",
    "¿Hay que reservar mesa?",
    "Bisa antar ke rumah?",
    "Jam berapa tokonya buka?",
]
A_SERVICES = "Opening hours: We open at nine and close at six, Monday to Saturday."
A_REFERENCE_WORKS = "The Danube flows through ten countries before it reaches the Black Sea."


@pytest.fixture(scope="module")
def readings(embeddings: LocalEmbeddings) -> AtLarge:
    shipped = for_encoder(embeddings.name)
    assert shipped is not None, "the readings ship for the default encoder"
    return shipped


def test_questions_at_large_read_apart_from_questions_to_a_service(
    readings: AtLarge, embeddings: LocalEmbeddings
) -> None:
    at_large = embeddings.encode(AT_LARGE, query=True)
    to_a_service = embeddings.encode(TO_A_SERVICE, query=True)
    assert all(readings.asks_at_large(v) >= readings.question_at for v in at_large)
    assert all(readings.asks_at_large(v) < 0.1 for v in to_a_service)


def test_declined_only_over_a_services_sentence_and_an_unsure_decision(
    readings: AtLarge, embeddings: LocalEmbeddings
) -> None:
    question = embeddings.encode(["When did the Titanic sink?"], query=True)[0]
    service, reference = embeddings.encode([A_SERVICES, A_REFERENCE_WORKS])
    unsure = readings.probability_below / 2
    assert readings.unanswered(question=question, quoted=service[None], probability=unsure)
    # a reference work's sentence among the quoted ones: such questions are its business
    both = np.stack([service, reference])
    assert readings.unanswered(question=question, quoted=both, probability=unsure) is None
    # the decision sure of the quote (above either bar)
    sure = max(readings.probability_below, readings.sure_probability_below)
    assert readings.unanswered(question=question, quoted=service[None], probability=sure) is None
    # a question to the service
    asked = embeddings.encode(["Do you open on Sunday mornings?"], query=True)[0]
    assert readings.unanswered(question=asked, quoted=service[None], probability=unsure) is None


def test_a_question_read_at_large_surely_is_declined_below_a_higher_bar(
    readings: AtLarge, embeddings: LocalEmbeddings
) -> None:
    question = embeddings.encode(["When did the Titanic sink?"], query=True)[0]
    service = embeddings.encode([A_SERVICES])
    asked = readings.asks_at_large(question)
    between = (readings.probability_below + readings.sure_probability_below) / 2
    assert readings.probability_below < between < readings.sure_probability_below
    # read at large surely: a quote the decision is fairly sure of is declined still
    sure = replace(readings, sure_at=asked - 0.01)
    assert sure.unanswered(question=question, quoted=service, probability=between)
    above = sure.sure_probability_below
    assert sure.unanswered(question=question, quoted=service, probability=above) is None
    # read at large, not surely: the usual bar
    unsure = replace(readings, sure_at=asked + 0.01)
    assert unsure.unanswered(question=question, quoted=service, probability=between) is None


def test_no_readings_for_another_encoder() -> None:
    assert for_encoder("text-embedding-3-small") is None
    assert for_encoder(None) is None


def test_a_sentence_read_as_a_reference_works_or_a_services(
    readings: AtLarge, embeddings: LocalEmbeddings
) -> None:
    service, reference = embeddings.encode([A_SERVICES, A_REFERENCE_WORKS])
    assert not readings.reads_as_reference(service[None])
    assert readings.reads_as_reference(np.stack([service, reference]))
    # vectors of another size are another encoder's: not told from a reference work's
    assert readings.reads_as_reference(np.zeros((1, 8)))
