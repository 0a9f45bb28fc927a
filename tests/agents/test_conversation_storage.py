"""A conversation's Redis storage grows with its text, not with the square of its turns,
and its history is capped. Real Redis, the real graph and saver."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from agents.answer import ExtractiveAnswerer
from agents.conversations import Conversation, ConversationIndex
from agents.followup import offline_condenser
from agents.graph import TurnContext, build_graph
from agents.retrieval import Passage, SearchScope
from agents.service import ChatService
from knowledge.encoders.embeddings import LocalEmbeddings
from utils.checkpointer import RedisSaver

MESSAGE_CHARS = 5_000


class NothingFound:
    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        return []


@dataclass
class FixedContexts:
    context: TurnContext

    def for_profile(self, profile: object) -> TurnContext:
        return self.context


def service(saver: RedisSaver, client: redis.Redis, embeddings: LocalEmbeddings, *,
            prune: bool, max_messages: int) -> ChatService:  # fmt: skip
    context = TurnContext(
        searcher=NothingFound(),
        scope=SearchScope(org_id="o", priorities={}, mode="hybrid", k=4, score_threshold=0.25),
        answerer=ExtractiveAnswerer(
            embeddings, threshold=0.3, max_sentences=2, not_found_message="Not found."
        ),  # fmt: skip
        condenser=offline_condenser,
        max_messages=max_messages,
    )
    return ChatService(
        graph=build_graph(checkpointer=saver), saver=saver,
        contexts=FixedContexts(context),  # type: ignore[arg-type]
        index=ConversationIndex(client, "storage-test-index", None),
        turn_lock_seconds=15, turn_wait_seconds=5, prune_checkpoints=prune,
    )  # fmt: skip


def stored_bytes(client: redis.Redis, prefix: str) -> int:
    # SAMPLES 0: every field of a hash, not an estimate from five.
    return sum(client.memory_usage(key, samples=0) or 0 for key in client.scan_iter(f"{prefix}:*"))


def run_turns(chat: ChatService, turns: int) -> int:
    """Run the turns; the characters of text the conversation holds afterwards."""
    conversation = Conversation(org_id="o", assistant_id="a", owner="k", conversation_id="long")
    for turn in range(turns):
        message = f"Question {turn}: " + "lorem ipsum dolor sit amet " * (MESSAGE_CHARS // 27)
        chat.chat(conversation=conversation, profile=None, message=message)  # type: ignore[arg-type]
    history = chat.history(conversation=conversation) or []
    return sum(len(m["content"].encode()) for m in history)


def test_storage_stays_within_three_times_the_text_after_200_turns(
    saver: RedisSaver, redis_url: str, key_prefix: str, embeddings: LocalEmbeddings
) -> None:
    client = redis.Redis.from_url(redis_url)
    chat = service(saver, client, embeddings, prune=True, max_messages=1000)
    text = run_turns(chat, 200)
    assert text > 200 * MESSAGE_CHARS * 0.95  # every turn is still there
    assert stored_bytes(client, key_prefix) <= 3 * text


def test_without_pruning_every_checkpoint_keeps_a_copy(
    saver: RedisSaver, redis_url: str, key_prefix: str, embeddings: LocalEmbeddings
) -> None:
    client = redis.Redis.from_url(redis_url)
    chat = service(saver, client, embeddings, prune=False, max_messages=1000)
    text = run_turns(chat, 40)
    assert stored_bytes(client, key_prefix) > 10 * text  # what the service used to do


def test_history_is_capped_at_whole_turns(
    saver: RedisSaver, redis_url: str, embeddings: LocalEmbeddings
) -> None:
    client = redis.Redis.from_url(redis_url)
    chat = service(saver, client, embeddings, prune=True, max_messages=6)
    run_turns(chat, 5)
    conversation = Conversation(org_id="o", assistant_id="a", owner="k", conversation_id="long")
    history = chat.history(conversation=conversation) or []
    assert [m["role"] for m in history] == ["user", "assistant"] * 3
    assert history[0]["content"].startswith("Question 2:")
