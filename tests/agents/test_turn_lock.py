"""A turn's lock outlives its TTL while the turn runs, for several conversations at once,
and frees the conversation when the turn ends. Real Redis."""

from __future__ import annotations

import time

from agents.turn_lock import ConversationBusy, acquire_turn
from utils.checkpointer import RedisSaver

TTL = 3  # the setting's minimum: renewed every second


def busy(saver: RedisSaver, conversation: str) -> bool:
    try:
        acquire_turn(saver, conversation, ttl=TTL, wait_seconds=0.05).release()
    except ConversationBusy:
        return True
    return False


def test_long_turns_keep_their_locks_past_the_ttl_and_free_them_at_the_end(
    saver: RedisSaver,
) -> None:
    held = {c: acquire_turn(saver, c, ttl=TTL, wait_seconds=1) for c in ("a", "b", "c")}
    time.sleep(TTL + 1.5)  # unrenewed, every lock would have expired by now
    assert all(busy(saver, c) for c in held)
    held.pop("b").release()
    assert not busy(saver, "b")
    time.sleep(TTL / 3 + 0.5)  # a renewal round after the release leaves it free
    assert not busy(saver, "b")
    assert busy(saver, "a") and busy(saver, "c")
    for lock in held.values():
        lock.release()
    assert not any(busy(saver, c) for c in ("a", "b", "c"))


def test_a_lock_nobody_renews_frees_the_conversation_after_its_ttl(saver: RedisSaver) -> None:
    # A worker that died mid-turn: its lock is in Redis, its renewer is gone.
    orphan = saver.lock("orphan", timeout=TTL, blocking_timeout=0.05)
    assert orphan.acquire()
    assert busy(saver, "orphan")
    time.sleep(TTL + 0.5)
    assert not busy(saver, "orphan")
