"""Structured output of a named prompt: the model turns the grounded answer into JSON
that must meet the prompt's schema; one repair attempt, then a clear error."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import jsonschema
from langchain_core.messages import HumanMessage, SystemMessage

from agents.llm import LLM_FAILURES, Provider, chat_model

log = logging.getLogger(__name__)

FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")
INSTRUCTIONS = (
    "Return only a JSON value that meets this JSON Schema, filled from the answer below "
    "(use null where the answer says nothing):\n{schema}"
)


def structured_data(
    provider: Provider, *, question: str, answer: str, schema: dict[str, Any]
) -> tuple[Any, str | None]:
    """(data, None) when the model's JSON meets the schema, else (None, why)."""
    model = chat_model(provider, temperature=0.0, streaming=False)
    messages: list[Any] = [
        SystemMessage(INSTRUCTIONS.format(schema=json.dumps(schema))),
        HumanMessage(f"Question: {question}\n\nAnswer: {answer}"),
    ]
    problem = "no attempt"
    for _attempt in range(2):  # the first try, and one repair
        try:
            reply = model.invoke(messages)
        except LLM_FAILURES as exc:
            return None, f"the model could not be asked for structured data ({type(exc).__name__})"
        text = FENCE.sub("", str(reply.content).strip())
        try:
            data = json.loads(text)
            jsonschema.validate(data, schema)
            return data, None
        except json.JSONDecodeError:
            problem = "the model's reply was not JSON"
        except jsonschema.ValidationError as exc:
            problem = f"the model's JSON does not meet the schema: {exc.message}"
        messages += [reply, HumanMessage(f"{problem}. Reply again with only the corrected JSON.")]
    log.warning("structured output failed after a repair: %s", problem)
    return None, problem
