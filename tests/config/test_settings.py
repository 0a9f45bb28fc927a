"""Settings: defaults, parsing, validation, and the documented example file."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from config import PROJECT_ROOT, Settings


def test_every_setting_is_documented_in_env_example() -> None:
    documented = set(re.findall(r"^([A-Z_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.M))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields == documented


def test_env_example_values_load() -> None:
    settings = Settings(_env_file=PROJECT_ROOT / ".env.example")  # type: ignore[call-arg]
    assert settings.retrieval_mode == "hybrid"
    assert settings.qdrant_mode == "embedded"
    assert settings.llm_enabled is False


def test_comma_separated_keys_and_secrets_stay_secret() -> None:
    settings = Settings(_env_file=None, api_keys="one, two", llm_api_key="sk-secret")  # type: ignore[call-arg]
    assert [k.get_secret_value() for k in settings.api_keys] == ["one", "two"]
    assert "sk-secret" not in repr(settings) and "one" not in str(settings.api_keys)


def test_invalid_settings_are_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError, match="CHUNK_OVERLAP"):
        Settings(_env_file=None, chunk_size=200, chunk_overlap=300)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Settings(_env_file=None, retrieval_mode="magic")  # type: ignore[call-arg]
