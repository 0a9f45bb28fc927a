"""Who a conversation belongs to, and the Redis indexes that find conversations again:
an organisation's threads (to delete them with it) and an owner's conversations (to list
them, newest first, titled by their first question)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

TITLE_CHARS = 120
STOP_SECONDS = 60  # a stop not seen by then was for a turn already over


@dataclass(frozen=True)
class Conversation:
    """A conversation is its organisation's, assistant's and key's, and with `user` (an
    organisation's own end user) that person's: nothing is shared across any of them.
    Keys from API_KEYS keep the thread ids of earlier versions."""

    org_id: str
    assistant_id: str
    owner: str  # the key's id
    conversation_id: str
    legacy: bool = False
    user: str | None = None
    # False for a one-off conversation whose client keeps the history itself (an OpenAI
    # client without a conversation id): kept and deletable, but not listed to its owner.
    listed: bool = True
    # The way this request came in (api/channels.py), for the turn's record; not part of
    # what the conversation is.
    channel: str = field(default="api", compare=False)

    @property
    def owner_path(self) -> str:
        """Everything the conversation belongs to except its own id. The user goes in as a
        digest: an id of any characters can never make two owners' paths collide."""
        base = self.owner if self.legacy else f"{self.org_id}/{self.assistant_id}/{self.owner}"
        if self.user is None:
            return base
        return f"{base}/u{hashlib.sha256(self.user.encode()).hexdigest()[:24]}"

    @property
    def thread_id(self) -> str:
        return f"{self.owner_path}:{self.conversation_id}"


class ConversationIndex:
    def __init__(self, client: Any, prefix: str, ttl: int | None) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl

    def org_key(self, org_id: str) -> str:
        return f"{self.prefix}:org:{{{org_id}}}:threads"

    def owner_keys(self, conversation: Conversation) -> tuple[str, str]:
        """(sorted set of conversation ids by last activity, hash of their titles)."""
        tag = hashlib.sha256(conversation.owner_path.encode()).hexdigest()[:32]
        return f"{self.prefix}:convs:{{{tag}}}", f"{self.prefix}:convs:{{{tag}}}:titles"

    def add(self, conversation: Conversation, *, title: str) -> None:
        """Record a turn: the organisation's thread, and the owner's conversation."""
        by_time, titles = self.owner_keys(conversation)
        org_key = self.org_key(conversation.org_id)
        pipe = self.client.pipeline(transaction=False)
        pipe.sadd(org_key, conversation.thread_id)
        keys = [org_key]
        if conversation.listed:
            pipe.zadd(by_time, {conversation.conversation_id: time.time()})
            title = " ".join(title.split())[:TITLE_CHARS]
            pipe.hsetnx(titles, conversation.conversation_id, title)
            keys += [by_time, titles]
        if self.ttl:
            for key in keys:
                pipe.expire(key, self.ttl)
        pipe.execute()

    def listing(self, owner: Conversation, *, limit: int) -> list[dict[str, Any]]:
        """The owner's `limit` most recently active conversations, newest first."""
        by_time, titles = self.owner_keys(owner)
        entries = self.client.zrevrange(by_time, 0, limit - 1, withscores=True)
        if self.ttl:  # conversations expire one by one; drop those already gone
            horizon = time.time() - self.ttl
            entries = [(cid, at) for cid, at in entries if at > horizon]
        if not entries:
            return []
        names = self.client.hmget(titles, [cid for cid, _ in entries])
        return [
            {
                "conversation_id": cid.decode(),
                "title": name.decode() if name else "",
                "last_activity": at,
            }
            for (cid, at), name in zip(entries, names, strict=True)
        ]

    def stop_key(self, conversation: Conversation) -> str:
        tag = hashlib.sha256(conversation.thread_id.encode()).hexdigest()[:32]
        return f"{self.prefix}:stop:{{{tag}}}"

    def request_stop(self, conversation: Conversation) -> None:
        """Ask the turn being written in this conversation to stop (for a minute)."""
        self.client.set(self.stop_key(conversation), b"1", ex=STOP_SECONDS)

    def stop_requested(self, conversation: Conversation) -> bool:
        return bool(self.client.exists(self.stop_key(conversation)))

    def clear_stop(self, conversation: Conversation) -> None:
        self.client.delete(self.stop_key(conversation))

    def title(self, conversation: Conversation) -> str | None:
        _, titles = self.owner_keys(conversation)
        value = self.client.hget(titles, conversation.conversation_id)
        return value.decode() if value else None

    def rename(self, conversation: Conversation, *, title: str) -> bool:
        """Give a listed conversation of its owner a title of their own (False when the
        owner has no such conversation)."""
        by_time, titles = self.owner_keys(conversation)
        if self.client.zscore(by_time, conversation.conversation_id) is None:
            return False
        self.client.hset(
            titles, conversation.conversation_id, " ".join(title.split())[:TITLE_CHARS]
        )
        return True

    def forget(self, conversation: Conversation) -> None:
        by_time, titles = self.owner_keys(conversation)
        pipe = self.client.pipeline(transaction=False)
        pipe.zrem(by_time, conversation.conversation_id)
        pipe.hdel(titles, conversation.conversation_id)
        pipe.execute()

    def pop_all(self, org_id: str) -> list[str]:
        members = self.client.smembers(self.org_key(org_id))
        self.client.delete(self.org_key(org_id))
        return sorted(m.decode() for m in members)
