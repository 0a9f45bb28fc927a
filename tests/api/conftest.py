"""API test fixtures live in tests/app_fixtures.py (shared with the web chat tests)."""

from tests.app_fixtures import (
    KEY_A,
    KEY_B,
    app,
    ask,
    client,
    empty_qdrant,
    llm_app,
    make_app,
    platform,
    stub,
)

__all__ = [
    "KEY_A", "KEY_B", "app", "ask", "client", "empty_qdrant", "llm_app", "make_app", "platform",
    "stub",
]  # fmt: skip
