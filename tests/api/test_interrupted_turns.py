"""A turn cut short by a dying worker is completed before the next turn starts.

The crash is placed at each point a real worker can die between two checkpointer calls:
the saver raises instead of storing the checkpoint, as if the process ended right there.
Real Redis, real Qdrant local mode, the real model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from qdrant_client import QdrantClient

from composition import Services, build_services
from config import Settings
from knowledge.encoders.embeddings import LocalEmbeddings
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_ORG_ID
from tests.app_fixtures import legacy_conversation
from utils.checkpointer import RedisSaver


class WorkerDied(Exception):
    pass


class DyingSaver(RedisSaver):
    """Stores nothing from the first checkpoint `dies_before` matches onwards, once."""

    dies_before: Callable[[dict, dict], bool] | None = None

    def put(self, config: Any, checkpoint: Any, metadata: Any, new_versions: Any) -> Any:
        if self.dies_before is not None and self.dies_before(checkpoint, metadata):
            self.dies_before = None
            raise WorkerDied
        return super().put(config, checkpoint, metadata, new_versions)


def answered(checkpoint: dict, metadata: dict) -> bool:
    """The checkpoint that ends a turn (the answer task's writes are already stored)."""
    messages = checkpoint["channel_values"].get("messages", [])
    return metadata["source"] == "loop" and isinstance(messages[-1], AIMessage)


def asked(checkpoint: dict, metadata: dict) -> bool:
    """The first step after the input (the question's writes are already stored)."""
    messages = checkpoint["channel_values"].get("messages", [])
    return metadata["source"] == "loop" and isinstance(messages[-1], HumanMessage)


@pytest.fixture
def services(
    make_settings: Callable[..., Settings], kb_client: QdrantClient, embeddings: LocalEmbeddings
) -> Iterator[Services]:
    settings = make_settings()
    saver = DyingSaver.from_url(
        settings.redis_url_or_local,
        ttl=settings.conversation_ttl,
        prefix=settings.checkpoint_prefix,
    )
    built = build_services(
        settings, qdrant=kb_client, embeddings=embeddings, saver=saver, run_jobs=False
    )
    yield built
    built.saver.close()
    built.db.close()


def ask(services: Services, message: str) -> str:
    profile = services.profiles.get(org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID)
    return services.chat.chat(
        conversation=legacy_conversation("k", "c"), profile=profile, message=message
    ).answer


@pytest.mark.parametrize("dies_before", [answered, asked], ids=["answer-stored", "mid-turn"])
def test_next_turn_completes_the_interrupted_one_first(
    services: Services, dies_before: Callable[[dict, dict], bool]
) -> None:
    ask(services, "How do I start the service?")
    services.saver.dies_before = dies_before  # type: ignore[attr-defined]
    with pytest.raises(WorkerDied):
        ask(services, "How long are conversations kept?")

    reply = ask(services, "What does a 429 error mean?")

    history = services.chat.history(conversation=legacy_conversation("k", "c"))
    assert history is not None
    assert [m["role"] for m in history] == ["user", "assistant"] * 3
    assert [m["content"] for m in history if m["role"] == "user"] == [
        "How do I start the service?",
        "How long are conversations kept?",
        "What does a 429 error mean?",
    ]
    # The interrupted question got its own answer, not the next question's.
    assert history[3]["content"] != history[5]["content"] == reply
    assert "conversation" in history[3]["content"].lower()


def test_a_retry_after_a_dead_worker_gets_the_first_answer_not_a_second_turn(
    services: Services,
) -> None:
    profile = services.profiles.get(org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID)
    conversation = legacy_conversation("k", "c")

    def retry_safe_ask(message: str) -> str:
        return services.chat.chat(
            conversation=conversation, profile=profile, message=message, idempotency_key="r-1"
        ).answer

    services.saver.dies_before = answered  # type: ignore[attr-defined]
    with pytest.raises(WorkerDied):  # the client sees a 503 or a dropped connection
        retry_safe_ask("How long are conversations kept?")
    retried = services.chat.chat(
        conversation=conversation, profile=profile,
        message="How long are conversations kept?", idempotency_key="r-1",
    )  # fmt: skip
    again = retry_safe_ask("How long are conversations kept?")
    history = services.chat.history(conversation=conversation)
    assert history is not None and [m["role"] for m in history] == ["user", "assistant"]
    assert retried.replayed and retried.answer == again == history[1]["content"]


def test_a_turn_reads_its_conversation_from_redis_once(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check for a turn cut short and LangGraph's start share one read."""
    ask(services, "How do I start the service?")
    core = services.saver.core
    reads: list[Any] = []
    original = core.get_tuple
    monkeypatch.setattr(core, "get_tuple", lambda config: reads.append(config) or original(config))

    ask(services, "How long are conversations kept?")

    assert len(reads) == 1
    history = services.chat.history(conversation=legacy_conversation("k", "c"))
    assert history is not None and len(history) == 4
