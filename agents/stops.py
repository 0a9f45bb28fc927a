"""Stopping a turn while its answer is being written: the person's Stop reaches the
worker writing it (through Redis: any worker may hold the turn), the model's stream is
closed at its next token (no tokens are spent after it), and what was written so far
is kept, marked as stopped."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler

STOPPED_FIELD = "stopped"  # on an answer cut short by its reader
CHECK_EVERY_S = 0.2  # how often a writing turn asks whether it was stopped


class TurnStopped(Exception):
    """The person stopped the turn."""


class StopOnRequest(BaseCallbackHandler):
    """Raises TurnStopped inside the model's stream once a stop was asked for: the
    stream's connection closes there, before another token is read."""

    raise_error = True  # LangChain swallows a handler's errors otherwise

    def __init__(self, requested: Callable[[], bool]) -> None:
        self.requested = requested
        self._checked_at = 0.0

    def on_llm_new_token(self, token: str, **_: Any) -> None:
        now = time.monotonic()
        if now - self._checked_at < CHECK_EVERY_S:
            return
        self._checked_at = now
        if self.requested():
            raise TurnStopped
