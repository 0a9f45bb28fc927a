"""The offline topic check on its own (the real embedding model)."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest
from qdrant_client import QdrantClient

from agents.guardrails import OUT_OF_SCOPE, TopicGuard, clauses
from agents.retrieval import Retriever, SearchScope
from ingestion.ingest import Ingestor
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
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


HELPDESK = GuardRules(
    allowed_topics=("installing and running the service", "API keys, requests and errors"),
    forbidden_topics=("politics and elections", "medical advice"),
    escalation_triggers=("talk to a human agent", "complaint about the service"),
)


@pytest.mark.parametrize(
    "question",
    [
        "I'm fed up with this headache, which pills work best?",
        "I've been waiting weeks for my rash to heal, what cream should I use?",
        "Esto es inaceptable, me duelen las muelas, ¿qué analgésico tomo?",
        "Ini tidak bisa diterima, gigi saya sakit, obat apa yang harus saya minum?",
    ],
)
def test_a_clause_that_sounds_like_a_complaint_does_not_hand_over_a_medical_question(
    guard: TopicGuard, question: str
) -> None:
    """Read alone, "I'm fed up with this headache" is a complaint (closer to the built-in
    complaint examples than the rest is to medical advice); the whole question asks for
    medical advice, and is refused as such (before, these were handed over)."""
    verdict = guard.check(question, HELPDESK)
    assert (verdict.action, verdict.topic) == ("refuse", "medical advice")


@pytest.mark.parametrize(
    ("question", "rules", "trigger"),
    [
        ("I want to complain, your service lost my files", HELPDESK, "complaint about the service"),
        ("Saya sudah muak, aplikasinya error terus", HELPDESK, "complaint about the service"),
        ("Mi bebé tiene fiebre altísima y no se despierta", CLINIC, "medical emergency"),
    ],
)  # fmt: skip
def test_complaints_and_emergencies_are_still_handed_over(
    guard: TopicGuard, question: str, rules: GuardRules, trigger: str
) -> None:
    """Frustration and a child who will not wake are handed over (the last two were
    refused, as medical advice and as a diagnosis, before the built-in examples said so)."""
    verdict = guard.check(question, rules)
    assert (verdict.action, verdict.topic) == ("escalate", trigger)


@pytest.mark.parametrize(
    "question",
    [
        "Tengo un sarpullido en los brazos, ¿es una alergia?",
        "Ada ruam di lengan saya, apakah itu alergi?",
        "I have a rash on my arms, is it an allergy?",
    ],
)
def test_a_question_as_close_to_a_diagnosis_as_to_an_emergency_is_refused(
    guard: TopicGuard, question: str
) -> None:
    """Whole, each question is about as close to the emergency examples as to the
    diagnosis ("is it an allergy" alone sounds like an emergency): a near tie goes to
    refusal (all three were handed over as emergencies before)."""
    verdict = guard.check(question, CLINIC)
    assert (verdict.action, verdict.topic) == ("refuse", "diagnosing symptoms or illnesses")


def test_a_courtesy_is_no_clause_of_its_own(guard: TopicGuard) -> None:
    """Alone, "por favor" came closer to medical advice than anything else did (in the
    bench, this request for a person was refused as medical advice)."""
    question = "¿Puede una persona revisar mi ticket, por favor?"
    assert "por favor" not in clauses(question)
    assert clauses("Tolong, terima kasih, saya mau bicara dengan orang") == [
        "Tolong, terima kasih, saya mau bicara dengan orang", "saya mau bicara dengan orang",
    ]  # fmt: skip
    assert guard.check(question, HELPDESK).action == "escalate"


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


BANK = GuardRules(
    allowed_topics=("debit and credit cards", "bank accounts and balances"),
    forbidden_topics=("cryptocurrency", "investment advice and stock picks"),
    escalation_triggers=("lost or stolen card", "fraud or transactions I did not make"),
)
BANK_PAGES = {
    "cards.md": "# Card payments\n\n## When a payment is declined\nA card payment is declined "
    "when the account has too little money, when the daily spending limit has been reached, "
    "or when the card is frozen in the app. Unfreeze the card or raise the limit under "
    "Cards > Limits.\n",
    "protection.md": "# How we protect your money\n\nEvery card payment is checked by our "
    "fraud monitoring, day and night. Online payments are confirmed in the app with your "
    "fingerprint or face.\n",
}


def knowledge_store(
    embeddings: LocalEmbeddings, folder: Path, pages: dict[str, str]
) -> tuple[QdrantClient, Retriever, SearchScope]:
    """Embedded Qdrant in `folder` with the pages as one knowledge base of the
    organisation, a retriever over it, and the assistant's scope."""
    client = open_embedded(folder / "qdrant")
    ensure_collection(client, "kb", embeddings.dimensions)
    if pages:
        (folder / "docs").mkdir()
        for name, text in pages.items():
            (folder / "docs" / name).write_text(text)
        Ingestor(
            client=client, collection="kb", embeddings=embeddings,
            chunker=Chunker(chunk_size=1000, chunk_overlap=150),
        ).ingest_paths([folder / "docs"], org_id="org", kb_id="cards")  # fmt: skip
    retriever = Retriever(
        client=client, collection="kb", embeddings=embeddings, candidates=20, rrf_k=1,
        weights=(1.0, 2.0),
    )  # fmt: skip
    scope = SearchScope(org_id="org", priorities={"cards": 0}, mode="hybrid", k=4,
                        score_threshold=0.25)  # fmt: skip
    return client, retriever, scope


def test_topics_are_weighed_against_the_knowledge_bases_content(
    guard: TopicGuard, embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    """A question near a trigger that the assistant's own documents answer is answered;
    one about the trigger itself is still handed over, and a forbidden one refused."""
    client, retriever, scope = knowledge_store(embeddings, tmp_path, BANK_PAGES)
    content = functools.partial(retriever.closeness, scope=scope)
    try:
        question = "How do I unfreeze my card?"
        assert guard.check(question, BANK).action == "escalate"  # the topics alone
        assert guard.check(question, BANK, content=content).action == "answer"
        for question in ("My card was stolen this morning!", "Kartu saya dicuri tadi pagi",
                         "Alguien usó mi tarjeta sin permiso"):  # fmt: skip
            assert guard.check(question, BANK, content=content).action == "escalate", question
        # Far from the triggers' names, but what a bank's built-in fraud and lost-card
        # examples say (these were answered before them); card questions stay answered.
        for question, trigger in (
            ("I think someone has got into my online banking", BANK.escalation_triggers[1]),
            ("Creo que alguien ha entrado en mi banca online", BANK.escalation_triggers[1]),
            ("Sepertinya ada orang yang masuk ke internet banking saya",
             BANK.escalation_triggers[1]),
            ("My wallet was taken on the train with my credit card in it",
             BANK.escalation_triggers[0]),
        ):  # fmt: skip
            verdict = guard.check(question, BANK, content=content)
            assert (verdict.action, verdict.topic) == ("escalate", trigger), question
        for question in ("Can I use my card abroad?", "¿Puedo usar mi tarjeta en el extranjero?",
                         "Bisakah saya memakai kartu saya di luar negeri?",
                         "Why was my card payment declined?"):  # fmt: skip
            assert guard.check(question, BANK, content=content).action == "answer", question
        verdict = guard.check("Which stocks should I buy?", BANK, content=content)
        assert (verdict.action, verdict.topic) == ("refuse", "investment advice and stock picks")
        # Without allowed topics, a question far from the content and the topics alike
        # is not a closer call: it is left to the documents (found or not).
        forbidden_only = GuardRules(forbidden_topics=BANK.forbidden_topics)
        for question in ("Who won the football world cup in 2018?", "What is the capital of Peru?"):
            assert guard.check(question, forbidden_only, content=content).action == "answer"
        assert (
            guard.check("Which stocks should I buy?", forbidden_only, content=content).action
            == "refuse"
        )
        # Another organisation's documents are not this assistant's content.
        elsewhere = dataclasses.replace(scope, org_id="other")
        assert retriever.closeness([question], elsewhere) == [-1.0]
        assert retriever.closeness(["How do I unfreeze my card?"], scope)[0] > 0.4
    finally:
        client.close()


def test_an_unreachable_knowledge_base_leaves_the_topics_to_decide(
    guard: TopicGuard, embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    """The store gone (embedded Qdrant closed under the retriever): refusals and
    hand-overs are still decided, by the topics alone."""
    client, retriever, scope = knowledge_store(embeddings, tmp_path, {})
    client.close()
    content = functools.partial(retriever.closeness, scope=scope)
    with pytest.raises(Exception):  # noqa: B017 - whatever the store raises
        content(["Which stocks should I buy?"])
    verdict = guard.check("Which stocks should I buy?", BANK, content=content)
    assert (verdict.action, verdict.topic) == ("refuse", "investment advice and stock picks")
    verdict = guard.check("My card was stolen this morning!", BANK, content=content)
    assert verdict.action == "escalate"


CLINIC_DESK = GuardRules(
    allowed_topics=("booking, changing or cancelling appointments", "opening hours and parking"),
    forbidden_topics=("diagnosing symptoms or illnesses",),
    escalation_triggers=("talk to a nurse, a doctor or a person at the clinic",),
)
PARKING_PAGE = {
    "hours-and-parking.md": "# Opening hours and parking\n\nThe clinic is open 8:00-19:00 "
    "on weekdays and 9:00-13:00 on Saturdays. Patients park free for two hours in the "
    "car park behind the clinic; the entrance is on Mill Lane.\n"
}


def test_naming_a_triggers_word_is_not_asking_for_a_person(
    guard: TopicGuard, embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    """The trigger names the clinic, and a question about the clinic's car park,
    which its page answers, is not a request for someone at the clinic; nor is one on
    its holidays, which is like none of the trigger's requests for a person (it was
    handed over, 0.452 close to the trigger's name)."""
    client, retriever, scope = knowledge_store(embeddings, tmp_path, PARKING_PAGE)
    content = functools.partial(retriever.closeness, scope=scope)
    try:
        for question in ("Is there parking near the clinic?",
                         "¿Hay aparcamiento cerca de la clínica?",
                         "Apakah klinik buka pada hari libur nasional?"):  # fmt: skip
            verdict = guard.check(question, CLINIC_DESK, content=content)
            assert verdict.action == "answer", (question, verdict)
        for question in ("Put me through to a person at the clinic, please",
                         "Quiero hablar con una enfermera",
                         "¿Puedo hablar con alguien de la clínica?"):  # fmt: skip
            verdict = guard.check(question, CLINIC_DESK, content=content)
            assert verdict.action == "escalate", (question, verdict)
    finally:
        client.close()


CLINIC_PAGES = {
    "visits.md": "# Visiting the clinic\n\n## Appointments\nBook, move or cancel an appointment "
    "online or at reception, up to two hours before it. A nurse calls you back within a day "
    "if you leave a message.\n\n## Opening hours\nWe are open Monday to Friday from 8:00 to "
    "19:00 and on Saturday mornings. The car park behind the building is free for patients.\n",
    "bills.md": "# Bills\n\nPay your bill at reception or online. Most insurers pay us "
    "directly; bring your insurance card to your first visit.\n",
}
CLINIC_WITH_BILLS = dataclasses.replace(
    CLINIC, allowed_topics=(*CLINIC.allowed_topics, "bills and insurance")
)


def test_requests_for_a_person_and_emergencies_are_known_in_any_phrasing(
    guard: TopicGuard, embeddings: LocalEmbeddings, tmp_path: Path
) -> None:
    """Triggers that name a request for a person or an emergency borrow the built-in
    example questions of that intent, so a hand-over is not missed for being asked far
    from the trigger's name; the clinic's own questions stay answered."""
    client, retriever, scope = knowledge_store(embeddings, tmp_path, CLINIC_PAGES)
    content = functools.partial(retriever.closeness, scope=scope)
    unborrowed = TopicGuard(embeddings)
    unborrowed.intent_floor = None  # as before: the triggers' names alone
    try:
        for question, trigger in (
            ("Kakek saya tidak bereaksi dan bibirnya membiru", "medical emergency"),
            ("Hubungkan saya dengan bagian pelayanan", "talk to a nurse or a doctor"),
            ("Prefiero que me atienda alguien en persona", "talk to a nurse or a doctor"),
        ):
            verdict = guard.check(question, CLINIC_WITH_BILLS, content=content)
            assert (verdict.action, verdict.topic) == ("escalate", trigger), question
            assert unborrowed.check(question, CLINIC_WITH_BILLS, content=content).action == (
                "answer"
            ), question
        for question in ("Can I cancel my appointment for Monday?", "¿Abrís los sábados?",
                         "Apakah parkirnya gratis?", "¿Mi seguro paga la visita?",
                         "Saya mau ganti jadwal janji temu"):  # fmt: skip
            verdict = guard.check(question, CLINIC_WITH_BILLS, content=content)
            assert verdict.action == "answer", question
    finally:
        client.close()


def test_a_trigger_borrows_only_the_intent_it_names(guard: TopicGuard) -> None:
    named = {trigger: guard.intent_of(trigger) for trigger in (
        "talk to a nurse, a doctor or a person at the clinic", "hablar con un empleado",
        "keadaan darurat", "formal complaint", "lost or stolen card",
        "fraud or transactions I did not make", "medical advice",
    )}  # fmt: skip
    assert {t: i[0] if i else None for t, i in named.items()} == {
        "talk to a nurse, a doctor or a person at the clinic": "person",
        "hablar con un empleado": "person",
        "keadaan darurat": "emergency",
        "formal complaint": "complaint",
        "lost or stolen card": "lost_card",
        "fraud or transactions I did not make": "fraud",
        "medical advice": None,
    }
