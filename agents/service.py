"""The chat service: one per process, owning the saver, the knowledge base and the graph.

The web layer calls these plain methods; nothing here knows about HTTP.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from qdrant_client import QdrantClient

from agents.answer import ExtractiveAnswerer
from agents.followup import rule_based_query
from agents.graph import build_graph
from agents.retrieval import Retriever
from config import VERSION, Settings
from knowledge.embeddings import LocalEmbeddings, load_embeddings
from knowledge.store import count_points, embedded_folder_missing, open_client
from utils.checkpointer import RedisSaver

log = logging.getLogger(__name__)


@dataclass
class ChatReply:
    answer: str
    citations: list[dict]
    conversation_id: str
    mode: str
    found: bool
    warning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "answer": self.answer,
            "citations": self.citations,
            "conversation_id": self.conversation_id,
            "mode": self.mode,
            "found": self.found,
        }
        if self.warning:
            body["warning"] = self.warning
        return body


def thread_id(owner: str, conversation_id: str) -> str:
    """Conversations are scoped by the API key's identity: no client reads another's."""
    return f"{owner}:{conversation_id}"


def offline_condenser(question: str, history: list[AnyMessage]) -> str:
    previous = [str(m.content) for m in history if isinstance(m, HumanMessage)]
    return rule_based_query(question, previous)


def reply_from(message: AIMessage, conversation_id: str) -> ChatReply:
    extra = message.additional_kwargs
    return ChatReply(
        answer=str(message.content),
        citations=list(extra.get("citations", [])),
        conversation_id=conversation_id,
        mode=extra.get("mode", "extractive"),
        found=bool(extra.get("found", True)),
        warning=extra.get("warning"),
    )


class ChatService:
    def __init__(
        self,
        settings: Settings,
        *,
        saver: RedisSaver,
        qdrant: QdrantClient,
        embeddings: LocalEmbeddings,
    ) -> None:
        self.settings = settings
        self.saver = saver
        self.qdrant = qdrant
        self.embeddings = embeddings
        self.retriever = Retriever(
            client=qdrant,
            collection=settings.collection_name,
            embeddings=embeddings,
            mode=settings.retrieval_mode,
            k=settings.retrieval_k,
            candidates=settings.retrieval_candidates,
            score_threshold=settings.score_threshold,
        )
        self.answerer = ExtractiveAnswerer(
            embeddings,
            threshold=settings.answer_sentence_threshold,
            max_sentences=settings.answer_max_sentences,
        )
        self.graph = build_graph(
            retriever=self.retriever,
            answerer=self.answerer,
            condenser=offline_condenser,
            checkpointer=saver,
        )

    # -- conversations -------------------------------------------------------------

    def chat(self, *, owner: str, conversation_id: str, message: str) -> ChatReply:
        config = {"configurable": {"thread_id": thread_id(owner, conversation_id)}}
        state = self.graph.invoke({"messages": [HumanMessage(content=message)]}, config)
        return reply_from(state["messages"][-1], conversation_id)

    def history(self, *, owner: str, conversation_id: str) -> list[dict] | None:
        """The conversation's messages with each answer's citations; None if unknown."""
        config = {"configurable": {"thread_id": thread_id(owner, conversation_id)}}
        checkpoint = self.saver.get_tuple(config)
        if checkpoint is None:
            return None
        messages = checkpoint.checkpoint["channel_values"].get("messages", [])
        return [message_dict(m) for m in messages]

    def delete(self, *, owner: str, conversation_id: str) -> bool:
        tid = thread_id(owner, conversation_id)
        if self.saver.get_tuple({"configurable": {"thread_id": tid}}) is None:
            return False
        self.saver.delete_thread(tid)
        return True

    # -- operations ----------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        checks: dict[str, Any] = {"version": VERSION}
        checks["redis"] = self._check(self.saver.ping)
        checks["qdrant"] = {
            "mode": self.settings.qdrant_mode,
            **self._check(lambda: count_points(self.qdrant, self.settings.collection_name)),
        }
        checks["embeddings"] = {"ok": True, "model": self.embeddings.model_path.rsplit("/", 1)[-1]}
        checks["llm"] = {"mode": "extractive", "ok": True}
        return checks

    def ready(self) -> dict[str, Any]:
        redis_state = self._check(self.saver.ping)
        qdrant_state = self._check(lambda: count_points(self.qdrant, self.settings.collection_name))
        if missing := embedded_folder_missing(self.qdrant):
            qdrant_state = {"ok": False, "error": missing}
        return {"redis": redis_state, "qdrant": qdrant_state}

    @staticmethod
    def _check(probe: Any) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            value = probe()
        except Exception as exc:  # a health probe reports any failure, it never raises
            return {"ok": False, "error": type(exc).__name__ + ": " + str(exc)[:200]}
        result: dict[str, Any] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
        if isinstance(value, int) and not isinstance(value, bool):
            result["points"] = value
        return result

    def close(self) -> None:
        self.saver.close()
        self.qdrant.close()


def message_dict(message: AnyMessage) -> dict[str, Any]:
    if isinstance(message, HumanMessage):
        return {"role": "user", "content": str(message.content)}
    extra = message.additional_kwargs
    return {
        "role": "assistant",
        "content": str(message.content),
        "citations": list(extra.get("citations", [])),
        "mode": extra.get("mode"),
    }


def build_service(settings: Settings) -> ChatService:
    """Open every resource the service needs (call once per process, after fork)."""
    saver = RedisSaver.from_url(
        settings.redis_url_or_local,
        ttl=settings.conversation_ttl,
        prefix=settings.checkpoint_prefix,
        cluster=settings.redis_cluster,
        socket_timeout=settings.redis_socket_timeout,
    )
    qdrant = open_client(settings)
    embeddings = load_embeddings(settings.embedding_model, settings.embedding_batch_size)
    return ChatService(settings, saver=saver, qdrant=qdrant, embeddings=embeddings)
