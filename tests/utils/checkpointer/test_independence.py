"""The checkpointer is publishable alone: it imports nothing of the application, and its
tests load none of it either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APP_PACKAGES = {"config", "app", "composition", "agents", "api", "knowledge", "tenancy", "cli"}
PROJECT = Path(__file__).resolve().parents[3]


def loaded_app_modules(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(APP_PACKAGES)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    return eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our own printed list


def test_the_checkpointer_imports_nothing_of_the_application() -> None:
    assert loaded_app_modules("import utils.checkpointer") == []


def test_its_tests_load_nothing_of_the_application() -> None:
    code = (
        "import pytest\n"
        "pytest.main(['-q', '--co', '-p', 'no:cacheprovider', 'tests/utils/checkpointer'])"
    )
    assert loaded_app_modules(code) == []
