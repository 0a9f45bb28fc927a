"""`python validate.py` with a language model configured, as an operator runs it: the
model that answers is named, one that cannot be reached is a FAIL with a hint, and
neither is a traceback (it crashed on `settings.base_url` once a model was set)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stubs.llm import LLMStub

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def stub() -> Iterator[LLMStub]:
    server = LLMStub().start()
    yield server
    server.stop()


def validate(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "validate.py"], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=240)  # fmt: skip


def check_line(output: str, name: str) -> str:
    """Validate's line for the check `name` (after its six-character status)."""
    return next(line for line in output.splitlines() if line[6:].startswith(name))


def hint_under(output: str, line: str) -> str:
    """The line printed after `line`: its hint, when the check has one."""
    lines = output.splitlines()
    return lines[lines.index(line) + 1].strip()


def test_validate_names_the_model_that_answers_and_fails_clearly_on_one_that_does_not(
    stub: LLMStub, redis_url: str, tmp_path: Path
) -> None:
    base = {"REDIS_URL": redis_url, "DATA_DIR": str(tmp_path), "LLM_MODEL": "stub-model",
            "LLM_API_KEY": stub.api_key, "API_URL": "http://127.0.0.1:1"}  # fmt: skip
    answering = validate({**base, "LLM_BASE_URL": stub.url})
    assert "Traceback" not in answering.stderr + answering.stdout, answering.stderr[-2000:]
    assert (
        check_line(answering.stdout, "llm ").startswith("ok") and "stub-model" in answering.stdout
    )
    # (and, in the same run, an embedding model that is not there)
    missing_model = str(tmp_path / "no-such-model")
    away = validate(
        {**base, "LLM_BASE_URL": "http://127.0.0.1:1/v1", "EMBEDDING_MODEL": missing_model}
    )
    assert "Traceback" not in away.stderr + away.stdout, away.stderr[-2000:]
    line = check_line(away.stdout, "llm ")
    assert line.startswith("FAIL") and "cannot be reached" in line and away.returncode == 1
    assert "LLM_BASE_URL" in away.stdout  # the hint names what to check
    model = check_line(away.stdout, "embedding model")
    assert model.startswith("FAIL") and missing_model in model
    assert hint_under(away.stdout, model).startswith("hint: fix EMBEDDING_MODEL")  # not a package


def test_validate_says_whether_the_model_calls_tools(
    stub: LLMStub, redis_url: str, tmp_path: Path
) -> None:
    """A local server that answers in words when offered a tool (llama.cpp without --jinja,
    a model without tool support) is named with what it means and how to fix it; one that
    calls the tool passes."""
    env = {"REDIS_URL": redis_url, "DATA_DIR": str(tmp_path), "LLM_MODEL": "local-model",
           "LLM_API_KEY": stub.api_key, "API_URL": "http://127.0.0.1:1",
           "LLM_BASE_URL": stub.url}  # fmt: skip
    words_only = validate(env)
    line = check_line(words_only.stdout, "tool calling")
    assert line.startswith("warn") and "answered in words" in line, words_only.stdout
    assert "--jinja" in words_only.stdout and "--enable-auto-tool-choice" in words_only.stdout
    assert "Traceback" not in words_only.stderr + words_only.stdout
    offered = [r.get("tools") for r in stub.requests if r.get("tools")]
    assert offered and offered[0][0]["function"]["name"] == "current_time"

    stub.reply = lambda request: (
        [{"name": "current_time", "arguments": {}}] if request.get("tools") else "ok"
    )
    calling = validate(env)
    assert check_line(calling.stdout, "tool calling").startswith("ok")
    assert "local-model calls tools" in calling.stdout
