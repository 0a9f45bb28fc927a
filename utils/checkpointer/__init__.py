"""LangGraph checkpoint saver on plain Redis (no modules), with per-conversation TTL."""

from utils.checkpointer.saver import (
    CheckpointerError,
    CheckpointerUnavailable,
    RedisSaver,
    translate_error,
)

__all__ = ["CheckpointerError", "CheckpointerUnavailable", "RedisSaver", "translate_error"]
