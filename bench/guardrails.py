"""Guardrail quality: refusals and hand-overs of the offline topic check, per strictness,
per language, on the part of the labelled set the thresholds were tuned on and on the
part held out.

Three example assistants with different scopes (bench/data/guardrails_assistants.json)
and 70 groups of labelled questions (bench/data/guardrails_questions.tsv), each group
the same question in English, Spanish and Indonesian: in scope (some sharing words with
a forbidden topic: "health endpoints", "rate limit policy"), out of scope, forbidden,
escalation (requests for a person phrased many ways), and questions mixing an allowed
and a forbidden subject. Of groups 1-70, even groups are the tuning part, odd groups are
held out. Groups 71-130 (`fresh`) were written on 2026-11-26, after every threshold here
was chosen and after the held-out part's misses had been read. Groups 131-166
(`fresh-2`) were written on 2026-11-29, before their first run, to hold out what was
decided after the fresh part's misses were read. Groups 167-202 (`fresh-3`) were written
on the same day, before their first run and before fresh-2's misses were read, to hold
out what is decided from those. Groups 203-238 (`fresh-4`) were written on 2026-11-29
too, before their first run and before fresh-3's misses were read; groups 239-274
(`fresh-5`) on 2026-11-30, before their first run and before fresh-4's misses were read;
groups 275-310 (`fresh-6`) the same day, before their first run and before fresh-5's
misses were read; groups 311-346 (`fresh-7`) on 2026-11-30 too, before their first run
and before fresh-6's misses were read; groups 347-382 (`fresh-8`) the same day, before
their first run and before fresh-7's misses were read; groups 383-418 (`fresh-9`) the
same day, before their first run and before fresh-8's misses were read; groups 419-454
(`fresh-10`) on 2026-11-30, before their first run and before fresh-8's and fresh-9's
misses were read; groups 455-490 (`fresh-11`) the same day, before their first run and
before fresh-10's misses were read; groups 491-526 (`fresh-12`) on 2026-11-30 too,
before their first run and before fresh-10's and fresh-11's misses were read. Each assistant has a knowledge base: the help desk
the bundled sample one, the clinic and the bank a few pages in English
(bench/data/guardrails_kb/), some of them near a forbidden topic or a trigger, as real
ones are ("we cannot interpret results", "lost or stolen cards"). A question its
documents cover is in scope even when no allowed topic matches, and a topic's near match
must be closer than the knowledge base's content.

Printed per strictness (and language):
- refusal precision (refused questions that should be refused) and recall;
- forbidden-topic recall: forbidden and mixed questions not answered (refused, or
  handed to a human), and the share refused as such;
- escalation precision and recall;
- in-scope false refusals (in-scope questions refused or handed over);
- the baseline, a keyword match of the topic words, in the same run.

    python -m bench.guardrails [--data bench/data] [--model NAME] [--tune [--tune-on PARTS]]
        [--examples]

`--examples`: each topic carries the example questions an administrator would add
(bench/data/guardrails_examples.json: one each in English, Spanish and Indonesian,
written from the topics' names before the questions were read that day).

`--no-allowed`: the assistants without their allowed topics, as an administrator who
lists only what to refuse and when to hand over configures one. Out-of-scope questions
are then not expected to be refused (nothing says what is in scope but the knowledge
base), and the refusal figures count only forbidden and mixed questions.

`--tune` searches the moderate thresholds on the tuning part (how agents/guardrails.py's
were chosen) and prints the best, with its figures on both parts.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import csv
import dataclasses
import functools
import itertools
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from qdrant_client import QdrantClient

from agents.guardrails import Thresholds, TopicGuard, Verdict, keywords
from agents.retrieval import Retriever, SearchScope
from config import Settings
from ingestion.ingest import Ingestor
from ingestion.sample import SAMPLE_KB_ID, SAMPLE_ORG_ID, ingest_sample_kb
from knowledge.documents.chunking import Chunker
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.encoders.engines import Backend
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
from tenancy.profiles import GuardRules

DATA = Path(__file__).resolve().parent / "data"
COLLECTION = "guardrails_bench"
EXPECTED_REFUSAL = {"forbidden", "mixed"}
# The labelled set's parts in the order they were written (the docstring says when).
PARTS = ("tune", "held-out", "fresh", *(f"fresh-{n}" for n in range(2, 13)))


def load(data: Path) -> tuple[dict[str, dict], list[dict[str, str]]]:
    assistants = json.loads((data / "guardrails_assistants.json").read_text())
    with (data / "guardrails_questions.tsv").open() as handle:
        questions = list(csv.DictReader(handle, delimiter="\t"))
    return assistants, questions


def load_examples(data: Path, assistants: dict[str, dict]) -> dict[str, dict[str, list[str]]]:
    """Each assistant's example questions per topic (guardrails_examples.json); a topic
    its assistant does not have is an error, not an example that silently counts for
    nothing."""
    raw = json.loads((data / "guardrails_examples.json").read_text())
    examples = {name: topics for name, topics in raw.items() if not name.startswith("_")}
    for name, topics in examples.items():
        assistant = assistants[name]
        known = {
            *assistant["allowed_topics"], *assistant["forbidden_topics"],
            *assistant["escalation_triggers"],
        }  # fmt: skip
        if unknown := sorted(set(topics) - known):
            raise ValueError(f"{name}: examples of topics it does not have: {unknown}")
    return examples


def rules_of(
    assistant: dict, strictness: str, examples: dict[str, list[str]] | None = None
) -> GuardRules:
    return GuardRules(
        allowed_topics=tuple(assistant["allowed_topics"]),
        forbidden_topics=tuple(assistant["forbidden_topics"]),
        escalation_triggers=tuple(assistant["escalation_triggers"]),
        strictness=strictness,
        examples=tuple((topic, tuple(qs)) for topic, qs in (examples or {}).items()),
    )


def index_knowledge_bases(
    client: QdrantClient, embeddings: LocalEmbeddings, assistants: dict[str, dict], data: Path
) -> dict[str, str]:
    """Each assistant's knowledge base into COLLECTION: assistant -> kb id."""
    ensure_collection(client, COLLECTION, embeddings.dimensions)
    ingestor = Ingestor(
        client=client, collection=COLLECTION, embeddings=embeddings,
        chunker=Chunker(chunk_size=1000, chunk_overlap=150),
    )  # fmt: skip
    kb_of = {}
    for name, assistant in assistants.items():
        if assistant["knowledge_base"] == "sample":
            ingest_sample_kb(client, embeddings, COLLECTION)
            kb_of[name] = SAMPLE_KB_ID
        else:
            kb_of[name] = f"kb-{name}"
            ingestor.ingest_paths(
                [data / assistant["knowledge_base"]], org_id=SAMPLE_ORG_ID, kb_id=kb_of[name]
            )
    return kb_of


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


def figures(
    labels: list[str], outcomes: list[str], strictness: str, *, out_refused: bool = True
) -> dict[str, float]:
    out_refused = out_refused and strictness != "lenient"
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
    parser.add_argument("--model", default=None, help="EMBEDDING_MODEL (default: the service's)")
    parser.add_argument("--tune", action="store_true", help="search the moderate thresholds")
    parser.add_argument(
        "--tune-on", default="tune", help="the parts to search them on (comma-separated)"
    )
    parser.add_argument(
        "--no-content", action="store_true",
        help="topics compared with allowed topics only, not with the knowledge bases' content",
    )  # fmt: skip
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    parser.add_argument(
        "--backend", choices=get_args(Backend), default=defaults.embedding_backend,
        help="the encoder build of a sentence-transformers model (default: the service's)",
    )  # fmt: skip
    parser.add_argument(
        "--no-allowed", action="store_true",
        help="the assistants without allowed topics: forbidden topics and triggers only",
    )  # fmt: skip
    parser.add_argument(
        "--examples", action="store_true",
        help="each topic with its example questions (guardrails_examples.json), as an "
        "administrator adds them",
    )  # fmt: skip
    args = parser.parse_args(argv)
    assistants, questions = load(args.data)
    try:
        examples = load_examples(args.data, assistants) if args.examples else {}
    except ValueError as exc:
        raise SystemExit(str(exc)) from exc
    if args.no_allowed:  # (an allowed topic's examples then count for nothing)
        assistants = {name: {**a, "allowed_topics": []} for name, a in assistants.items()}
    out_refused = not args.no_allowed

    def rules(q: dict[str, str], strictness: str) -> GuardRules:
        return rules_of(assistants[q["assistant"]], strictness, examples.get(q["assistant"]))

    embeddings = load_embeddings(args.model, 32, args.backend, defaults.embedding_cache_dir)
    guard = TopicGuard(embeddings)

    with tempfile.TemporaryDirectory() as folder:
        client = open_embedded(Path(folder))
        kb_of = index_knowledge_bases(client, embeddings, assistants, args.data)
        retriever = Retriever(
            client=client, collection=COLLECTION, embeddings=embeddings, candidates=20,
            rrf_k=1, weights=(1.0, 2.0),
        )  # fmt: skip
        scopes = {
            name: SearchScope(
                org_id=SAMPLE_ORG_ID,
                priorities={kb: 0},
                mode="hybrid",
                k=4,
                score_threshold=embeddings.calibration.score_threshold,
            )  # fmt: skip
            for name, kb in kb_of.items()
        }
        covered = {
            (q["assistant"], q["question"]): bool(
                retriever.search(q["question"], scopes[q["assistant"]])
            )
            for q in questions
        }
        # Each question's closeness, measured once per strictness (of the thresholds only
        # the keyword bonus is part of the measure), so that tuning only decides.
        started = time.perf_counter()
        measured = {
            (q["assistant"], q["question"], strictness): guard.measure(
                q["question"],
                rules(q, strictness),
                content=None
                if args.no_content
                else functools.partial(retriever.closeness, scope=scopes[q["assistant"]]),
            )
            for q in questions
            for strictness in guard.thresholds
        }
        measure_ms = (time.perf_counter() - started) * 1000 / len(measured)

        def outcomes(strictness: str, chosen: list[dict[str, str]]) -> list[str]:
            return [
                outcome(
                    guard.decide(
                        measured[q["assistant"], q["question"], strictness], rules(q, strictness)
                    ),
                    lambda q=q: covered[q["assistant"], q["question"]],
                )
                for q in chosen
            ]

        print(
            f"{embeddings.name}: {len(questions)} questions over {len(assistants)} assistants"
            + (
                f", {sum(len(t) for t in examples.values())} topics with examples"
                if examples
                else ""
            )
        )
        if args.tune:
            parts = tuple(args.tune_on.split(","))
            tune(guard, questions, outcomes, out_refused=out_refused, parts=parts)
        for part in PARTS:
            chosen = [q for q in questions if q["split"] == part]
            if not chosen:  # a --data copy without this part
                continue
            print(f"\n{part} ({len(chosen)} questions)")
            print(
                "strictness  refusal P/R   forbidden not answered (refused)  escalation P/R"
                "   in-scope false refusals   ms/question"
            )
            for strictness in guard.thresholds:
                started = time.perf_counter()
                got = outcomes(strictness, chosen)
                elapsed = measure_ms + (time.perf_counter() - started) * 1000 / len(chosen)
                labels = [q["label"] for q in chosen]
                _print_row(
                    strictness, figures(labels, got, strictness, out_refused=out_refused), elapsed
                )
                if strictness == "moderate":
                    for language in ("en", "es", "id"):
                        mine = [i for i, q in enumerate(chosen) if q["language"] == language]
                        _print_row(
                            f"  {language}",
                            figures(
                                [labels[i] for i in mine],
                                [got[i] for i in mine],
                                strictness,
                                out_refused=out_refused,
                            ),  # fmt: skip
                            0.0,
                        )
                if args.show_errors == strictness:
                    _print_misses(chosen, got, strictness)
            baseline = [
                keyword_baseline(q["question"], rules_of(assistants[q["assistant"]], "moderate"))
                for q in chosen
            ]
            _print_row("keywords", figures([q["label"] for q in chosen], baseline, "lenient"), 0)
        client.close()


def tune(
    guard: TopicGuard,
    questions: list[dict[str, str]],
    outcomes: Callable[[str, list[dict[str, str]]], list[str]],
    *,
    out_refused: bool = True,
    parts: tuple[str, ...] = ("tune",),
) -> None:
    """A grid over the moderate thresholds on the tuning part (or `parts`): the best has
    the highest min(forbidden recall, escalation recall) with in-scope false refusals <=
    0.03 (out-of-scope questions counted as refusals to make only with `out_refused`)."""
    chosen = [q for q in questions if q["split"] in parts]
    labels = [q["label"] for q in chosen]
    base = guard.thresholds["moderate"]
    best: tuple[float, Thresholds] | None = None
    grid = itertools.product(
        (0.45, 0.5, 0.55), (0.15, 0.2, 0.25), (0.0, 0.03, 0.06, 0.1),
        (0.5, 0.55, 0.6), (0.25, 0.3, 0.35), (0.0, 0.05, 0.1), (0.15, 0.2, 0.25, 0.3),
        (0.0, 0.05, 0.1, 0.15),
    )  # fmt: skip
    original = guard.thresholds
    for forbidden, floor, margin, escalate, esc_floor, esc_margin, allowed, offset in grid:
        candidate = dataclasses.replace(
            base, forbidden=forbidden, forbidden_floor=floor, forbidden_margin=margin,
            escalate=escalate, escalate_floor=esc_floor, escalate_margin=esc_margin,
            allowed=allowed, content_offset=offset,
        )  # fmt: skip
        guard.thresholds = {**original, "moderate": candidate}
        f = figures(labels, outcomes("moderate", chosen), "moderate", out_refused=out_refused)
        # In-scope refusals above 3% cost three times what they are over it.
        score = (
            min(f["forbidden_recall"], f["escalation_recall"])
            - 3 * max(f["in_scope_false_refusals"] - 0.03, 0)
            + 0.01 * f["refusal_precision"]
        )
        if best is None or score > best[0]:
            best = (score, candidate)
    guard.thresholds = {**original, "moderate": best[1]} if best else original
    print(f"best moderate thresholds on {', '.join(parts)}: {best}")


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
