"""Guardrails: may this assistant take up a question, and should a human take over?

Offline, a question is compared with the assistant's topic phrases by embedding
similarity, clause by clause (so "how do I pay, and which shares should I buy?" is
caught by its second half), and against the assistant's own knowledge bases: a topic
matches only where the question is closer to it than to their content. (The English
encoder also adds a small bonus when a clause names a word of the topic that the allowed
topics do not share.) With an LLM, one small classification call decides instead, and
the offline check stands in on any failure.

The thresholds were set on bench/guardrails.py's labelled questions; docs/benchmarks.md
has the precision and recall they give per strictness.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.sparse import tokenize
from prompts import load_prompt
from tenancy.profiles import GuardRules

log = logging.getLogger(__name__)

Action = Literal["answer", "refuse", "escalate"]
STRICTNESS = ("strict", "moderate", "lenient")
OUT_OF_SCOPE = "out of scope"

# A question is compared in these phrasings of each topic; the best one counts. (The
# multilingual encoder finds any question close to a question-shaped phrasing: the topic
# alone separates better there, measured by bench/guardrails.py.)
TOPIC_FORMS = ("{}", "a question about {}", "Can you help me with {}?")
FORMS_BY_ENCODER = {"multilingual-e5-small": ("{}",)}
# Clause breaks: punctuation and the conjunctions of English, Spanish and Indonesian.
CLAUSE_BREAK = re.compile(
    r"[;,?!¿¡]|\b(?:and|also|but|plus|then|y|pero|también|además|luego|dan|tetapi|tapi|"
    r"juga|serta|lalu)\b",
    re.IGNORECASE,
)
# Courtesies: a clause of these words alone is no clause to match (`clauses`).
COURTESY = frozenset(
    "please pls thanks thank you por favor gracias muchas tolong mohon terima kasih ya".split()
)
# A topic's example questions count more than its name: where the closest example is
# closer than the name, the topic's score is this mix of the two. Only an example at
# least EXAMPLE_FLOOR close counts: two questions in one language are never far apart in
# this encoder, so a faint likeness to an example says less than one to a name.
EXAMPLE_WEIGHT = 0.75
EXAMPLE_FLOOR = 0.6
# What most assistants hand to a person (a request for one, an emergency, a complaint),
# each with example questions in English, Spanish and Indonesian. People ask for these
# far from any trigger's name ("Tolong sambungkan saya ke operator" of "talk to a human
# agent"), in ways an administrator rarely lists: a trigger whose name (or a part of it)
# is INTENT_MATCH close to one of an entry's names borrows its examples.
INTENTS_FILE = Path(__file__).with_name("guardrail_intents.json")
INTENT_MATCH = 0.65
# A borrowed example counts from this likeness, higher than an administrator's own: the
# closest of thirty is close to more questions than the closest of three. Measured for
# the default encoder only (docs/benchmarks.md); other encoders borrow nothing.
INTENT_FLOOR_BY_ENCODER = {"multilingual-e5-small": 0.7}
# A near call on a trigger that has example questions (its own or borrowed) counts only
# where the closest of them is at least this close: of 0.4, 0.45, ... 0.6, tried on the
# 1,254 questions of the bench's parts before fresh-10, the highest that hands over no
# fewer of their requests (docs/benchmarks.md).
SUPPORT_FLOOR_BY_ENCODER = {"multilingual-e5-small": 0.4}
# A forbidden topic and a trigger both matched: the closer one wins, and one within this
# of the other is a tie, which goes to refusal (a question on a forbidden subject phrased
# as a request for a person is still on that subject).
TIE = 0.02
# Words that say nothing about a topic on their own.
GENERIC_WORDS = frozenset(
    "advice help question questions information about my me get make want need thing "
    "things talk please know tell".split()
)


@dataclass(frozen=True)
class Thresholds:
    forbidden: float  # a clause this close to a forbidden topic is refused outright
    forbidden_floor: float  # above this, refused when closer to it than to any allowed
    forbidden_margin: float  # ... by at least this much
    escalate: float  # a clause this close to a trigger is handed to a human
    escalate_floor: float  # above this, handed over when the trigger is its closest topic
    allowed: float  # below this (and with nothing found), a question is out of scope
    refuse_out_of_scope: bool
    escalate_margin: float = 0.0  # ... and closer to it than to any allowed topic by this
    keyword_bonus: float = 0.1
    content_offset: float = 0.1  # the knowledge bases' best cosine counts as this less


# Per encoder: all-MiniLM-L6-v2's were set on an earlier English-only set; the default
# encoder's on the tuning part of bench/data/guardrails_questions.tsv (docs/benchmarks.md
# has both parts' figures).
THRESHOLDS_BY_ENCODER = {
    "all-MiniLM-L6-v2": {
        "strict": Thresholds(0.27, 0.1, 0.0, 0.55, 0.35, 0.3, True, escalate_margin=0.05),
        "moderate": Thresholds(0.3, 0.1, 0.05, 0.6, 0.4, 0.2, True, escalate_margin=0.1),
        "lenient": Thresholds(0.38, 0.15, 0.1, 0.65, 0.45, 0.0, False, escalate_margin=0.15),
    },
    # Moderate: `python -m bench.guardrails --tune`; strict and lenient a step either side.
    # No keyword bonus: once topics are weighed against the knowledge bases it only added
    # false hand-overs ("parking near the clinic" under "a person at the clinic"), with or
    # without content, on groups 1-70 of the bench (docs/benchmarks.md).
    "multilingual-e5-small": {
        "strict": Thresholds(
            0.4, 0.1, 0.0, 0.5, 0.2, 0.2, True, escalate_margin=0.0, keyword_bonus=0.0
        ),
        "moderate": Thresholds(
            0.45, 0.15, 0.0, 0.55, 0.25, 0.15, True, escalate_margin=0.05, keyword_bonus=0.0
        ),
        "lenient": Thresholds(
            0.5, 0.2, 0.05, 0.6, 0.3, 0.0, False, escalate_margin=0.1, keyword_bonus=0.0
        ),
    },
}
THRESHOLDS = THRESHOLDS_BY_ENCODER["multilingual-e5-small"]


@dataclass(frozen=True)
class Verdict:
    """What to do with a question. `needs_coverage`: no allowed topic matched, so the
    question stands only if the knowledge base has something on it."""

    action: Action
    topic: str | None = None
    score: float = 0.0
    needs_coverage: bool = False
    by: str = "embeddings"

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "topic": self.topic,
            "score": round(self.score, 4),
            "needs_coverage": self.needs_coverage,
            "by": self.by,
        }


ANSWER = Verdict("answer", by="none")
# The best dense cosine of each text to the assistant's knowledge bases (-1.0: nothing).
Content = Callable[[list[str]], list[float]]


@dataclass(frozen=True)
class Closeness:
    """(clauses x topics) closeness to each kind of topic, and each clause's closeness to
    the knowledge bases' content (None: not asked, or no knowledge base)."""

    units: list[str]
    allowed: np.ndarray
    forbidden: np.ndarray
    triggers: np.ndarray
    in_scope: np.ndarray | None
    # (clauses x triggers): the closest example question of each trigger (its own or its
    # intent's); +inf for a trigger without examples
    support: np.ndarray | None = None


def clauses(text: str) -> list[str]:
    """The text itself and its clauses of two words or more, but for courtesies ("por
    favor", "thank you"): alone they say nothing, and come close to any topic."""
    parts = [
        p.strip()
        for p in CLAUSE_BREAK.split(text)
        if p and len(words := p.lower().split()) >= 2 and not set(words) <= COURTESY
    ]
    return [text, *[p for p in parts if p != text]]


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def keywords(text: str) -> set[str]:
    return {_stem(t) for t in tokenize(text) if len(t) > 2 and t not in GENERIC_WORDS}


class TopicGuard:
    """The offline check: embedding similarity of each clause to each topic."""

    def __init__(
        self, embeddings: LocalEmbeddings, thresholds: dict[str, Thresholds] | None = None
    ) -> None:
        self.embeddings = embeddings
        self.thresholds = thresholds or THRESHOLDS_BY_ENCODER.get(
            embeddings.name, THRESHOLDS_BY_ENCODER["all-MiniLM-L6-v2"]
        )
        self.forms = FORMS_BY_ENCODER.get(embeddings.name, TOPIC_FORMS)
        self.intent_floor = INTENT_FLOOR_BY_ENCODER.get(embeddings.name)
        self.support_floor = SUPPORT_FLOOR_BY_ENCODER.get(embeddings.name)
        self._borrowed: dict[str, tuple[str, np.ndarray] | None] = {}

    def check(self, question: str, rules: GuardRules, *, content: Content | None = None) -> Verdict:
        if not rules.active or not question.strip():
            return ANSWER
        return self.decide(self.measure(question, rules, content=content), rules)

    def measure(self, question: str, rules: GuardRules, *, content: Content | None) -> Closeness:
        """How close each clause of the question is to each topic, and to the knowledge
        bases' content (asked only where a forbidden topic or a trigger could match)."""
        limits = self.thresholds.get(rules.strictness, self.thresholds["moderate"])
        units = clauses(question)
        vectors = self.embeddings.encode_cached(units, query=True)
        allowed_words = set().union(*(keywords(t) for t in rules.allowed_topics))
        allowed = self._closeness(vectors, units, rules.allowed_topics, set(), 0.0, rules)
        forbidden = self._closeness(
            vectors, units, rules.forbidden_topics, allowed_words, limits.keyword_bonus, rules
        )
        support = np.full((len(units), len(rules.escalation_triggers)), np.inf)
        triggers = self._closeness(
            vectors, units, rules.escalation_triggers, allowed_words, limits.keyword_bonus, rules,
            borrow=True, support=support,
        )  # fmt: skip
        in_scope = None
        if content is not None and (forbidden.size or triggers.size):
            try:
                in_scope = np.asarray(content(units), dtype=float)
            except Exception as exc:  # the store unreachable: the topics alone decide
                log.warning("guardrails: knowledge bases unreachable (%s)", type(exc).__name__)
        return Closeness(units, allowed, forbidden, triggers, in_scope, support)

    def decide(self, closeness: Closeness, rules: GuardRules) -> Verdict:
        limits = self.thresholds.get(rules.strictness, self.thresholds["moderate"])
        units, allowed = closeness.units, closeness.allowed
        forbidden, triggers = closeness.forbidden, closeness.triggers
        best_allowed = allowed.max(axis=1) if allowed.size else np.zeros(len(units))
        best_forbidden = forbidden.max(axis=1) if forbidden.size else np.full(len(units), -1.0)

        # Clear matches first (a trigger, then a forbidden topic), then the closer calls.
        best_trigger = triggers.max(axis=1) if triggers.size else np.full(len(units), -1.0)
        clear_trigger = best_trigger >= limits.escalate
        clear_forbidden = best_forbidden >= limits.forbidden
        # A close call must be closer than what is in scope: the allowed topics and the
        # knowledge bases' content (a passage's cosine to a question runs higher than a
        # topic name's, by about `content_offset`). Without allowed topics, only clear
        # matches count: a question far from everything (the content too) is no closer
        # call, and is left to the knowledge bases to answer or not.
        in_scope = best_allowed
        content = closeness.in_scope
        has_content = content is not None and bool((content > -1.0).any())
        if has_content:
            in_scope = np.maximum(best_allowed, content - limits.content_offset)
        comparable = bool(rules.allowed_topics)
        if has_content:  # even a clear match must be closer than the content
            clear_trigger &= best_trigger >= in_scope
            clear_forbidden &= best_forbidden >= in_scope
        # A close call on a trigger with example questions needs some likeness to one of
        # them: "Apakah klinik buka pada hari libur nasional?" names the clinic of "a
        # person at the clinic" and is like none of the requests for a person.
        near = triggers
        if self.support_floor is not None and closeness.support is not None:
            near = np.where(closeness.support >= self.support_floor, triggers, -1.0)
        best_near = near.max(axis=1) if triggers.size else np.full(len(units), -1.0)
        near_trigger = (
            comparable
            & (best_near >= limits.escalate_floor)
            & (best_near >= best_forbidden)
            & (best_near >= in_scope + limits.escalate_margin)
        )
        near_forbidden = (
            comparable
            & (best_forbidden >= limits.forbidden_floor)
            & (best_forbidden >= in_scope + limits.forbidden_margin)
        )
        # A clause read alone can sound like a trigger ("my back hurts" like a complaint)
        # where the whole question (the first unit) is on a forbidden subject: it is (a
        # near tie too, as below).
        any_trigger, any_forbidden = clear_trigger | near_trigger, clear_forbidden | near_forbidden
        whole_forbidden = best_forbidden[0] + TIE >= best_trigger[0]
        if any_forbidden.any() and any_trigger.any() and whole_forbidden:
            return self._verdict("refuse", forbidden, any_forbidden, rules.forbidden_topics)
        # Clear matches first, then the closer calls; within each, the closer topic wins.
        for trigger_hit, forbidden_hit in (
            (clear_trigger, clear_forbidden),
            (any_trigger, any_forbidden),
        ):
            trigger = float(best_trigger[trigger_hit].max()) if trigger_hit.any() else None
            refused = float(best_forbidden[forbidden_hit].max()) if forbidden_hit.any() else None
            if refused is not None and (trigger is None or refused + TIE >= trigger):
                return self._verdict("refuse", forbidden, forbidden_hit, rules.forbidden_topics)
            if trigger is not None:
                return self._verdict("escalate", triggers, trigger_hit, rules.escalation_triggers)
        if rules.allowed_topics and limits.refuse_out_of_scope:
            score = float(best_allowed.max())
            if score < limits.allowed:
                return Verdict("answer", OUT_OF_SCOPE, score, needs_coverage=True)
        return Verdict("answer", score=float(best_allowed.max()) if allowed.size else 0.0)

    def _closeness(
        self,
        vectors: np.ndarray,
        units: list[str],
        topics: tuple[str, ...],
        shared_words: set[str],
        bonus: float,
        rules: GuardRules,
        *,
        borrow: bool = False,
        support: np.ndarray | None = None,
    ) -> np.ndarray:
        """(clauses x topics): the best similarity over the topic's phrasings, raised
        towards its closest example question where that is closer (with `borrow`, the
        examples of the intent the topic names too), plus the bonus where a clause names
        one of the topic's own words."""
        if not topics:
            return np.zeros((len(units), 0))
        forms = [form.format(topic) for topic in topics for form in self.forms]
        topic_vectors = self.embeddings.encode_cached(forms, query=True).reshape(
            len(topics), len(self.forms), -1
        )
        scores = np.einsum("ud,tfd->utf", vectors, topic_vectors).max(axis=2)
        for j, topic in enumerate(topics):
            closest = []
            if examples := rules.examples_of(topic):
                own = vectors @ self.embeddings.encode_cached(list(examples), query=True).T
                scores[:, j] = _raised(scores[:, j], own, EXAMPLE_FLOOR)
                closest.append(own.max(axis=1))
            floor = self.intent_floor
            if borrow and floor is not None and (borrowed := self.intent_of(topic)) is not None:
                lent = vectors @ borrowed[1].T
                scores[:, j] = _raised(scores[:, j], lent, floor)
                closest.append(lent.max(axis=1))
            if support is not None and closest:
                support[:, j] = np.max(closest, axis=0)
        if bonus:
            unit_words = [keywords(u) for u in units]
            for j, topic in enumerate(topics):
                own = keywords(topic) - shared_words
                for i, words in enumerate(unit_words):
                    if words & own:
                        scores[i, j] += bonus
        return scores

    def intent_of(self, trigger: str) -> tuple[str, np.ndarray] | None:
        """The built-in intent a trigger names, with its example questions' vectors."""
        if self.intent_floor is None:
            return None
        if trigger in (known := self._borrowed):  # (read once: another turn may clear it)
            return known[trigger]
        parts = self.embeddings.encode_cached(clauses(trigger), query=True)
        found, best = None, INTENT_MATCH
        for name, (names, examples) in self._intents.items():
            closeness = float((parts @ names.T).max())
            if closeness >= best:
                found, best = (name, examples), closeness
        if len(self._borrowed) > 4096:  # topics of many assistants: start again
            self._borrowed = {}
        self._borrowed[trigger] = found
        return found

    @cached_property
    def _intents(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each intent's names and example questions, embedded once."""
        bank = json.loads(INTENTS_FILE.read_text(encoding="utf-8"))
        return {
            name: (
                self.embeddings.encode(entry["names"], query=True),
                self.embeddings.encode(entry["examples"], query=True),
            )
            for name, entry in bank.items()
            if not name.startswith("_")
        }

    @staticmethod
    def _verdict(
        action: Action, scores: np.ndarray, hit: np.ndarray, topics: tuple[str, ...]
    ) -> Verdict:
        masked = np.where(hit[:, None], scores, -np.inf)
        unit, topic = np.unravel_index(int(np.argmax(masked)), masked.shape)
        return Verdict(action, topics[topic], float(scores[unit, topic]))


def _raised(scores: np.ndarray, closest: np.ndarray, floor: float) -> np.ndarray:
    """A topic's scores raised towards its closest example where that is `floor` close."""
    example = closest.max(axis=1)
    mixed = EXAMPLE_WEIGHT * example + (1 - EXAMPLE_WEIGHT) * scores
    return np.where(example >= floor, np.maximum(scores, mixed), scores)


class Classification(BaseModel):
    """What the model is asked to return for one question."""

    decision: Literal["allowed", "forbidden", "out_of_scope", "escalate"]
    topic: str | None = Field(None, description="the listed topic or trigger that matched")


class LLMTopicGuard:
    """One classification call with structured output; the offline guard on any error."""

    def __init__(self, model: Any, fallback: TopicGuard) -> None:
        self.classifier = model.with_structured_output(Classification, method="json_schema")
        self.fallback = fallback

    def check(self, question: str, rules: GuardRules, *, content: Content | None = None) -> Verdict:
        if not rules.active or not question.strip():
            return ANSWER
        prompt = load_prompt("guardrail").format(
            allowed=_listed(rules.allowed_topics, rules),
            forbidden=_listed(rules.forbidden_topics, rules),
            triggers=_listed(rules.escalation_triggers, rules),
            strictness=rules.strictness,
            question=question,
        )
        try:
            result = self.classifier.invoke(prompt)
            if not isinstance(result, Classification):
                result = Classification.model_validate(result)
        except Exception as exc:  # any failure of the call means: decide offline
            log.warning("guardrail call failed, checking offline: %s", type(exc).__name__)
            return self.fallback.check(question, rules, content=content)
        if result.decision == "escalate":
            return Verdict("escalate", result.topic, 1.0, by="llm")
        if result.decision == "forbidden":
            return Verdict("refuse", result.topic, 1.0, by="llm")
        if result.decision == "out_of_scope" and rules.strictness != "lenient":
            return Verdict("answer", OUT_OF_SCOPE, 0.0, needs_coverage=True, by="llm")
        return Verdict("answer", by="llm")


def _listed(items: tuple[str, ...], rules: GuardRules) -> str:
    """One line per topic, with its example questions if it has any."""
    lines = []
    for item in items:
        examples = "; ".join(f'"{q}"' for q in rules.examples_of(item))
        lines.append(f"- {item} (for example: {examples})" if examples else f"- {item}")
    return "\n".join(lines) or "- (none)"
