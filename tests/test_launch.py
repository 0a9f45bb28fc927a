"""`make run`'s launcher: a configured key is never printed."""

from __future__ import annotations

from collections.abc import Callable

from config import Settings
from launch import banner, ensure_api_key


def test_a_configured_key_is_not_printed(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(api_keys="configured-secret-key")
    assert ensure_api_key(settings) is None
    text = banner(settings, None)
    assert "configured-secret-key" not in text and "API_KEYS in .env" in text


def test_a_generated_key_is_shown_once_in_the_banner(
    make_settings: Callable[..., Settings],
) -> None:
    assert "fresh-key-123" in banner(make_settings(), "fresh-key-123")
