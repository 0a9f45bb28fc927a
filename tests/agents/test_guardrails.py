"""The offline topic check on its own (the real embedding model)."""

from __future__ import annotations

import pytest

from agents.guardrails import OUT_OF_SCOPE, TopicGuard, clauses
from knowledge.encoders.embeddings import LocalEmbeddings
from tenancy.profiles import GuardRules

CLINIC = GuardRules(
    allowed_topics=("booking, changing or cancelling appointments", "opening hours and parking"),
    forbidden_topics=("diagnosing symptoms or illnesses", "medication, drugs and dosage"),
    escalation_triggers=("medical emergency", "talk to a nurse or a doctor"),
)


@pytest.fixture(scope="module")
def guard(embeddings: LocalEmbeddings) -> TopicGuard:
    return TopicGuard(embeddings)


@pytest.mark.parametrize(
    ("question", "action", "topic"),
    [
        ("Can I move my appointment to Friday?", "answer", None),
        ("How much ibuprofen can I take in a day?", "refuse", "medication, drugs and dosage"),
        ("Where do I park, and is this rash an allergy?", "refuse",
         "diagnosing symptoms or illnesses"),
        ("I need to speak with a nurse right now", "escalate", "talk to a nurse or a doctor"),
    ],
)  # fmt: skip
def test_questions_are_judged_clause_by_clause(
    guard: TopicGuard, question: str, action: str, topic: str | None
) -> None:
    verdict = guard.check(question, CLINIC)
    assert (verdict.action, verdict.topic if action != "answer" else None) == (action, topic)


def test_an_unrelated_question_is_not_simply_answered(guard: TopicGuard) -> None:
    """Moderate: refused, or answered only if the knowledge base covers it (the default
    encoder's low floors refuse it as the nearest forbidden topic: docs/benchmarks.md)."""
    verdict = guard.check("Who won the football world cup in 2018?", CLINIC)
    assert verdict.action == "refuse" or (
        verdict.action == "answer" and verdict.needs_coverage and verdict.topic == OUT_OF_SCOPE
    )
    lenient = GuardRules(**{**CLINIC.__dict__, "strictness": "lenient"})
    assert not guard.check("Who won the football world cup in 2018?", lenient).needs_coverage


def test_forbidden_topics_alone_refuse_only_clear_matches(guard: TopicGuard) -> None:
    """Without allowed topics to compare with, a faint likeness is no reason to refuse."""
    rules = GuardRules(forbidden_topics=("cryptocurrency",))
    assert guard.check("How do I reset my router?", rules).action == "answer"
    assert guard.check("You can activate the card in the app.", rules).action == "answer"
    assert guard.check("Which cryptocurrency should I buy?", rules).action == "refuse"
    assert guard.check("¿Qué criptomoneda debería comprar?", rules).action == "refuse"


def test_no_rules_no_check(guard: TopicGuard) -> None:
    assert guard.check("anything at all", GuardRules()).by == "none"
    assert clauses("How do I pay, and which shares should I buy?") == [
        "How do I pay, and which shares should I buy?", "How do I pay", "which shares should I buy",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "question",
    [
        "Can a doctor tell me what dose of antibiotics I should take?",
        "I want to talk to a doctor about which medication dosage to take",
        "¿Puede un médico decirme qué dosis de antibióticos debo tomar?",
        "Bisakah dokter memberi tahu dosis antibiotik yang harus saya minum?",
    ],
)
def test_a_forbidden_question_close_to_a_trigger_is_refused_not_handed_over(
    guard: TopicGuard, question: str
) -> None:
    """Asking for a person about a forbidden subject is still the forbidden subject: the
    closer topic wins, and a tie goes to refusal (before, the trigger was checked first
    and these were handed over)."""
    verdict = guard.check(question, CLINIC)
    assert (verdict.action, verdict.topic) == ("refuse", "medication, drugs and dosage")


def test_a_plain_request_for_a_person_is_still_handed_over(guard: TopicGuard) -> None:
    for question in ("I need to speak with a nurse right now",
                     "¿Puedo hablar con una enfermera, por favor?"):  # fmt: skip
        assert guard.check(question, CLINIC).action == "escalate", question


SHOP = GuardRules(
    allowed_topics=("orders, delivery and returns", "payment methods"),
    forbidden_topics=("legal advice",),
    escalation_triggers=("talk to a human agent",),
)
LEGAL_EXAMPLES = (
    ("legal advice", (
        "Can I sue the courier for a damaged parcel?",
        "Is it legal to resell what I bought here?",
        "Bisakah saya menuntut kurir?",
    )),
)  # fmt: skip


def test_a_topics_example_questions_catch_what_its_name_misses(guard: TopicGuard) -> None:
    with_examples = GuardRules(**{**SHOP.__dict__, "examples": LEGAL_EXAMPLES})
    for question in ("Could I take the delivery company to court over my broken TV?",
                     "Apakah saya bisa menggugat kurir ke pengadilan?"):  # fmt: skip
        assert guard.check(question, with_examples).action == "refuse", question
    # Only a close likeness to an example counts: in-scope questions stay answered.
    for question in ("Can I pay for my order with a credit card?", "How do I return a broken TV?",
                     "¿Cuándo llega mi pedido?", "Bagaimana cara mengembalikan barang rusak?"):  # fmt: skip
        assert guard.check(question, with_examples).action == "answer", question
    # The name alone let the first through.
    assert guard.check("Could I take the delivery company to court over my broken TV?",
                       SHOP).action == "answer"  # fmt: skip
