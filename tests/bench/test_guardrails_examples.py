"""The guardrail bench's example questions (bench.guardrails --examples): each names a
topic its assistant has, and they reach the guard's rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.guardrails import DATA, load, load_examples, rules_of


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
