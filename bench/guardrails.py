"""Guardrail quality: refusals and hand-overs of the offline topic check, per strictness.

Three example assistants with different scopes (bench/data/guardrails_assistants.json)
and 315 labelled questions (bench/data/guardrails_questions.tsv): in scope, out of
scope, forbidden, escalation, and questions mixing an allowed and a forbidden subject.
The help-desk assistant also has the bundled sample knowledge base, so a question its
documents cover is in scope even when no allowed topic matches.

Printed per strictness:
- refusal precision (refused questions that should be refused) and recall;
- forbidden-topic recall: forbidden and mixed questions not answered (refused, or
  handed to a human), and the share refused as such;
- escalation precision and recall;
- in-scope false refusals (in-scope questions refused or handed over);
- the baseline, a keyword match of the topic words, in the same run.

    python -m bench.guardrails [--data bench/data]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import csv
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from agents.guardrails import THRESHOLDS, GuardRules, TopicGuard, Verdict, keywords
from agents.retrieval import Retriever, SearchScope
from config import Settings
from knowledge.embeddings import load_embeddings
from knowledge.encoders import Backend
from knowledge.sample import SAMPLE_KB_ID, SAMPLE_ORG_ID, index_sample_kb
from knowledge.store import open_embedded

DATA = Path(__file__).resolve().parent / "data"
COLLECTION = "guardrails_bench"
EXPECTED_REFUSAL = {"forbidden", "mixed"}


def load(data: Path) -> tuple[dict[str, dict], list[dict[str, str]]]:
    assistants = json.loads((data / "guardrails_assistants.json").read_text())
    with (data / "guardrails_questions.tsv").open() as handle:
        questions = list(csv.DictReader(handle, delimiter="\t"))
    return assistants, questions


def rules_of(assistant: dict, strictness: str) -> GuardRules:
    return GuardRules(
        allowed_topics=tuple(assistant["allowed_topics"]),
        forbidden_topics=tuple(assistant["forbidden_topics"]),
        escalation_triggers=tuple(assistant["escalation_triggers"]),
        strictness=strictness,
    )


def outcome(verdict: Verdict, covered: Callable[[], bool]) -> str:
    """refuse | escalate | answer, as the graph decides it (coverage after retrieval)."""
    if verdict.action != "answer":
        return verdict.action
    if verdict.needs_coverage and not covered():
        return "refuse"
    return "answer"


def keyword_baseline(question: str, rules: GuardRules) -> str:
    words = keywords(question)
    if any(words & keywords(t) for t in rules.escalation_triggers):
        return "escalate"
    if any(words & keywords(t) for t in rules.forbidden_topics):
        return "refuse"
    return "answer"


def figures(labels: list[str], outcomes: list[str], strictness: str) -> dict[str, float]:
    out_refused = strictness != "lenient"
    should_refuse = [
        label in EXPECTED_REFUSAL or (out_refused and label == "out") for label in labels
    ]
    refused = [o == "refuse" for o in outcomes]
    forbidden = [o for label, o in zip(labels, outcomes, strict=True) if label in EXPECTED_REFUSAL]
    escalations = [o for label, o in zip(labels, outcomes, strict=True) if label == "escalate"]
    escalated_labels = [lab for lab, o in zip(labels, outcomes, strict=True) if o == "escalate"]
    in_scope = [o for label, o in zip(labels, outcomes, strict=True) if label == "in"]
    true_refusals = sum(r and s for r, s in zip(refused, should_refuse, strict=True))
    return {
        "refusal_precision": true_refusals / max(sum(refused), 1),
        "refusal_recall": true_refusals / max(sum(should_refuse), 1),
        "forbidden_recall": sum(o != "answer" for o in forbidden) / len(forbidden),
        "forbidden_refused": sum(o == "refuse" for o in forbidden) / len(forbidden),
        "escalation_precision": escalated_labels.count("escalate") / max(len(escalated_labels), 1),
        "escalation_recall": escalations.count("escalate") / len(escalations),
        "in_scope_false_refusals": sum(o != "answer" for o in in_scope) / len(in_scope),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show-errors", default="", help="strictness whose misses to list")
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    parser.add_argument(
        "--backend", choices=get_args(Backend), default=defaults.embedding_backend,
        help="the encoder build (default: the service's)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    assistants, questions = load(args.data)
    embeddings = load_embeddings(None, 32, args.backend, defaults.embedding_cache_dir)
    guard = TopicGuard(embeddings)

    with tempfile.TemporaryDirectory() as folder:
        index_sample_kb(Path(folder), embeddings, COLLECTION)
        client = open_embedded(Path(folder))
        retriever = Retriever(
            client=client,
            collection=COLLECTION,
            embeddings=embeddings,
            candidates=20,
            rrf_k=1,
            weights=(1.0, 2.0),
        )
        scope = SearchScope(
            org_id=SAMPLE_ORG_ID, priorities={SAMPLE_KB_ID: 0}, mode="hybrid", k=4,
            score_threshold=0.25,
        )  # fmt: skip

        def coverage(question: str, assistant: dict) -> Callable[[], bool]:
            return lambda: assistant["uses_sample_kb"] and bool(retriever.search(question, scope))

        labels = [q["label"] for q in questions]
        print(f"{len(questions)} questions over {len(assistants)} assistants")
        print(
            "strictness  refusal P/R   forbidden not answered (refused)  escalation P/R"
            "   in-scope false refusals   ms/question"
        )
        for strictness in THRESHOLDS:
            started = time.perf_counter()
            outcomes = []
            for q in questions:
                assistant = assistants[q["assistant"]]
                verdict = guard.check(q["question"], rules_of(assistant, strictness))
                outcomes.append(outcome(verdict, coverage(q["question"], assistant)))
            elapsed = (time.perf_counter() - started) * 1000 / len(questions)
            _print_row(strictness, figures(labels, outcomes, strictness), elapsed)
            if args.show_errors == strictness:
                _print_misses(questions, outcomes, strictness)
        baseline = [
            keyword_baseline(q["question"], rules_of(assistants[q["assistant"]], "moderate"))
            for q in questions
        ]
        _print_row("keywords", figures(labels, baseline, "lenient"), 0.0)
        client.close()


def _print_row(name: str, f: dict[str, float], ms: float) -> None:
    print(
        f"{name:<11} {f['refusal_precision']:.3f}/{f['refusal_recall']:.3f}   "
        f"{f['forbidden_recall']:.3f} ({f['forbidden_refused']:.3f})"
        f"                    {f['escalation_precision']:.3f}/{f['escalation_recall']:.3f}"
        f"      {f['in_scope_false_refusals']:.3f}                     {ms:.1f}"
    )


def _print_misses(questions: list[dict], outcomes: list[str], strictness: str) -> None:
    wanted = {"in": "answer", "forbidden": "refuse", "mixed": "refuse", "escalate": "escalate",
              "out": "refuse" if strictness != "lenient" else "answer"}  # fmt: skip
    for q, got in zip(questions, outcomes, strict=True):
        if got != wanted[q["label"]] and not (q["label"] in EXPECTED_REFUSAL and got != "answer"):
            print(f"  {q['assistant']:<9} {q['label']:<9} -> {got:<8} {q['question']}")


if __name__ == "__main__":
    main()
