"""The guardrail bench's example questions (bench.guardrails --examples): each names a
topic its assistant has, and they reach the guard's rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agents.guardrails import INTENTS_FILE
from bench.guardrails import DATA, PARTS, load, load_examples, rules_of


def test_every_topic_of_every_assistant_has_examples_in_three_languages() -> None:
    assistants, _ = load(DATA)
    examples = load_examples(DATA, assistants)
    for name, assistant in assistants.items():
        topics = [
            *assistant["allowed_topics"], *assistant["forbidden_topics"],
            *assistant["escalation_triggers"],
        ]  # fmt: skip
        rules = rules_of(assistant, "moderate", examples[name])
        for topic in topics:
            assert len(rules.examples_of(topic)) == 3, (name, topic)


def test_an_example_of_a_topic_the_assistant_lacks_is_refused(tmp_path: Path) -> None:
    for name in ("guardrails_assistants.json", "guardrails_examples.json"):
        shutil.copy(DATA / name, tmp_path / name)
    raw = json.loads((tmp_path / "guardrails_examples.json").read_text())
    raw["bank"]["mortgages"] = ["Can I get a mortgage?"]
    (tmp_path / "guardrails_examples.json").write_text(json.dumps(raw))
    assistants = json.loads((tmp_path / "guardrails_assistants.json").read_text())
    with pytest.raises(ValueError, match="mortgages"):
        load_examples(tmp_path, assistants)


def test_a_part_written_since_fresh_7_asks_nothing_asked_before() -> None:
    """A held-out part is out of sample only if none of its questions was seen: not in
    another part, not among the administrator's examples, not among the built-in
    intents' examples. Earlier parts repeat some questions of one another (listed in
    docs/benchmarks.md, 2026-11-30); from fresh-7 on, none may."""
    assistants, questions = load(DATA)
    intents = json.loads(INTENTS_FILE.read_text())
    seen = [example for intent in intents.values() if isinstance(intent, dict)
            for example in intent["examples"]]  # fmt: skip
    for topics in load_examples(DATA, assistants).values():
        seen += [example for examples in topics.values() for example in examples]
    new_parts = PARTS[PARTS.index("fresh-7") :]
    for question in questions:
        if question["split"] in new_parts:
            others = [q for q in questions if q["question"] == question["question"]]
            assert len(others) == 1, question
            assert question["question"] not in seen, question
