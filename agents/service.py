"""The chat service: one per process, owning the saver, the knowledge base and the graph.

The web layer calls these plain methods; nothing here knows about HTTP.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import redis.exceptions
from langchain_core.messages import AIMessage, AIMessageChunk, AnyMessage, HumanMessage
from qdrant_client import QdrantClient

from agents.answer import ExtractiveAnswerer
from agents.followup import rule_based_query
from agents.graph import build_graph
from agents.llm import LLMAnswerer, LLMError, llm_condenser, probe_llm
from agents.retrieval import Retriever
from config import VERSION, Settings
from knowledge.chunking import Chunker
from knowledge.embeddings import LocalEmbeddings, load_embeddings
from knowledge.ingest import Ingestor
from knowledge.jobs import JobRunner, JobStore
from knowledge.store import (
    count_points,
    embedded_folder_missing,
    ensure_collection,
    open_client,
)
from utils import metrics
from utils.checkpointer import RedisSaver, translate_error

log = logging.getLogger(__name__)

LLM_PROBE_TTL_S = 60.0


class ConversationBusy(RuntimeError):
    """Another turn of the same conversation is still running."""


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
        run_jobs: bool = True,
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
            rrf_k=settings.retrieval_rrf_k,
            weights=(settings.hybrid_weights[0], settings.hybrid_weights[1]),
        )
        extractive = ExtractiveAnswerer(
            embeddings,
            threshold=settings.answer_sentence_threshold,
            max_sentences=settings.answer_max_sentences,
        )
        if settings.llm_enabled:
            self.answerer: Any = LLMAnswerer(settings, extractive)
            condenser: Any = llm_condenser(settings)
        else:
            self.answerer, condenser = extractive, offline_condenser
        saver.on_round_trip = metrics.CHECKPOINTER_SECONDS.observe
        self.graph = build_graph(
            retriever=_Timed(self.retriever, "search", "retrieval"),
            answerer=_Timed(self.answerer, "answer", "llm" if settings.llm_enabled else "answer"),
            condenser=condenser,
            checkpointer=saver,
        )
        self._llm_probe: tuple[float, dict[str, Any]] | None = None
        self.ingestor = Ingestor(
            client=qdrant,
            collection=settings.collection_name,
            embeddings=embeddings,
            chunker=Chunker(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap),
        )
        self.jobs = JobStore(saver.client, settings.checkpoint_prefix)
        self.job_runner = JobRunner(self.jobs, self.ingestor)
        if run_jobs:
            self.job_runner.start()

    # -- conversations -------------------------------------------------------------

    def chat(self, *, owner: str, conversation_id: str, message: str) -> ChatReply:
        tid = thread_id(owner, conversation_id)
        with self.turn(tid):
            self._finish_interrupted(tid)
            state = self.graph.invoke(_turn_input(message), _config(tid))
        return reply_from(state["messages"][-1], conversation_id)

    def _finish_interrupted(self, tid: str) -> None:
        """A turn cut short (its worker died) is completed before the next one starts,
        so the history never holds a question without its answer. Its pending tasks may
        already have stored their writes (`next` is then empty): resuming applies them."""
        if self.graph.get_state(_config(tid)).tasks:
            log.warning("completing a turn that was interrupted", extra={"thread_id": tid})
            self.graph.invoke(None, _config(tid))

    def stream_chat(
        self, *, owner: str, conversation_id: str, message: str
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Events of one turn: ("token", {"delta"}) ... then ("done", reply).

        The turn runs on its own thread and is checkpointed when it ends, even if the
        consumer stops reading (a client that disconnects mid-stream).
        """
        tid = thread_id(owner, conversation_id)
        lock = self._acquire(tid)
        events: queue.Queue[tuple[str, Any] | None] = queue.Queue()

        def run() -> None:
            try:
                self._finish_interrupted(tid)
                final: dict[str, Any] = {}
                for mode, payload in self.graph.stream(
                    _turn_input(message), _config(tid), stream_mode=["messages", "values"]
                ):
                    if mode == "values":
                        final = payload
                    elif _is_answer_token(payload):
                        events.put(("token", {"delta": payload[0].content}))
                reply = reply_from(final["messages"][-1], conversation_id)
                events.put(("done", reply.to_dict()))
            except Exception as exc:  # handed to the consumer, which maps it to an error
                events.put(("error", exc))
            finally:
                lock.release()
                events.put(None)

        threading.Thread(target=run, name="chat-turn", daemon=True).start()
        streamed = False
        while (item := events.get()) is not None:
            kind, data = item
            if kind == "error":
                raise data
            if kind == "done" and not streamed:
                # Offline answers are not generated token by token: send them in pieces.
                for piece in _pieces(data["answer"]):
                    yield "token", {"delta": piece}
            streamed = streamed or kind == "token"
            yield kind, data

    @contextmanager
    def turn(self, tid: str) -> Iterator[None]:
        lock = self._acquire(tid)
        try:
            yield
        finally:
            lock.release()

    def _acquire(self, tid: str) -> Any:
        """One turn at a time per conversation; others wait, then ConversationBusy."""
        lock = self.saver.lock(
            tid,
            timeout=self.settings.turn_lock_seconds,
            blocking_timeout=self.settings.turn_wait_seconds,
        )
        try:
            acquired = lock.acquire()
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc
        if not acquired:
            raise ConversationBusy(
                "another turn of this conversation is still running; retry when it ends"
            )
        return HeldLock(lock, self.settings.turn_lock_seconds)

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
        checks["embeddings"] = {"ok": True, "model": self.embeddings.name}
        checks["llm"] = self._llm_health()
        return checks

    def _llm_health(self) -> dict[str, Any]:
        if not self.settings.llm_enabled:
            return {"mode": "extractive", "ok": True}
        now = time.monotonic()
        if self._llm_probe is None or now - self._llm_probe[0] > LLM_PROBE_TTL_S:
            state: dict[str, Any] = {"mode": "llm", "model": self.settings.llm_model, "ok": True}
            try:
                probe_llm(self.settings)
            except LLMError as exc:
                state.update(ok=False, error=str(exc))
            self._llm_probe = (now, state)
        return self._llm_probe[1]

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
        result: dict[str, Any] = {
            "ok": True,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if isinstance(value, int) and not isinstance(value, bool):
            result["points"] = value
        return result

    def close(self) -> None:
        self.job_runner.stop()
        self.saver.close()
        self.qdrant.close()


class _Timed:
    """Times one method of a collaborator into rag_stage_duration_seconds{stage}."""

    def __init__(self, target: Any, method: str, stage: str) -> None:
        self._call = getattr(target, method)
        self._stage = metrics.STAGE_SECONDS.labels(stage)
        setattr(self, method, self._timed)

    def _timed(self, *args: Any, **kwargs: Any) -> Any:
        with self._stage.time():
            return self._call(*args, **kwargs)


def _config(tid: str) -> dict[str, Any]:
    return {"configurable": {"thread_id": tid}}


def _turn_input(message: str) -> dict[str, Any]:
    return {"messages": [HumanMessage(content=message)]}


def _is_answer_token(payload: Any) -> bool:
    chunk, metadata = payload
    return (
        metadata.get("langgraph_node") == "answer"
        and isinstance(chunk, AIMessageChunk)
        and isinstance(chunk.content, str)
        and bool(chunk.content)
    )


def _pieces(answer: str, words: int = 6) -> list[str]:
    """The answer in groups of a few words, whitespace kept: they join back exactly."""
    tokens = re.findall(r"\S+\s*", answer)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)] or [answer]


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


def message_dict(message: AnyMessage) -> dict[str, Any]:
    if isinstance(message, HumanMessage):
        return {"role": "user", "content": str(message.content)}
    extra = message.additional_kwargs
    return {
        "role": "assistant",
        "content": str(message.content),
        "citations": list(extra.get("citations", [])),
        "mode": extra.get("mode"),
        "found": bool(extra.get("found", True)),
        **({"warning": extra["warning"]} if extra.get("warning") else {}),
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
    ensure_collection(qdrant, settings.collection_name, embeddings.dimensions)
    return ChatService(settings, saver=saver, qdrant=qdrant, embeddings=embeddings)
