"""One turn at a time per conversation: a short Redis lock, renewed while the turn runs."""

from __future__ import annotations

import threading
from typing import Any

import redis.exceptions

from utils.checkpointer import RedisSaver, translate_error


class ConversationBusy(RuntimeError):
    """Another turn of the same conversation is still running."""


class HeldLock:
    """A turn's lock, renewed while the turn runs. Its TTL is short, so the lock of a
    worker that died mid-turn frees itself within seconds instead of blocking the
    conversation."""

    def __init__(self, lock: Any, ttl: float) -> None:
        self.lock = lock
        self._done = threading.Event()
        self._ttl = ttl
        threading.Thread(target=self._renew, name="turn-lock", daemon=True).start()

    def _renew(self) -> None:
        while not self._done.wait(self._ttl / 3):
            try:
                self.lock.reacquire()
            except (redis.exceptions.RedisError, redis.exceptions.LockError):
                return  # lost it (Redis gone or the lock expired): nothing left to keep

    def release(self) -> None:
        self._done.set()
        try:
            self.lock.release()
        except (redis.exceptions.RedisError, redis.exceptions.LockError):
            pass  # expired, or Redis is gone: the lock's TTL frees it either way


def acquire_turn(saver: RedisSaver, thread_id: str, *, ttl: int, wait_seconds: float) -> HeldLock:
    """The conversation's turn lock; others wait up to `wait_seconds`, then ConversationBusy."""
    lock = saver.lock(thread_id, timeout=ttl, blocking_timeout=wait_seconds)
    try:
        acquired = lock.acquire()
    except redis.exceptions.RedisError as exc:
        raise translate_error(exc) from exc
    if not acquired:
        raise ConversationBusy(
            "another turn of this conversation is still running; retry when it ends"
        )
    return HeldLock(lock, ttl)
