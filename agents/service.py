"""The chat service: runs turns, streams them, reads and deletes conversations.

It takes built collaborators (composition.py builds them once per process); nothing
here knows about HTTP.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import redis
import redis.exceptions
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage
from qdrant_client import models

from agents.attachments import Attachment, AttachmentSearcher
from agents.contexts import TurnContexts
from agents.conversations import Conversation, ConversationIndex
from agents.graph import EMOTION_FIELD, LANGUAGE_FIELD, TurnContext
from agents.replies import ChatReply, message_dict, pieces, reply_from
from agents.rewind import EARLIER_ANSWERS, Rewind, rewound
from agents.stops import STOPPED_FIELD, StopOnRequest, TurnStopped
from agents.turn_lock import acquire_turn
from data_sources.artifacts import ArtifactStore
from tenancy.profiles import AssistantProfile
from tenancy.turns import TurnRecorder, conversation_hash
from utils.checkpointer import RedisSaver, translate_error

log = logging.getLogger(__name__)

# Kept on the question's message, so a retry finds it with the conversation (same TTL).
IDEMPOTENCY_FIELD = "idempotency_key"
STOPPED_EMPTY = "(stopped before the answer began)"
# A search reads the titles and messages of this many of the owner's latest conversations.
SEARCH_SCOPE = 200


class ChatService:
    def __init__(
        self,
        *,
        graph: Any,
        saver: RedisSaver,
        contexts: TurnContexts,
        index: ConversationIndex,
        turn_lock_seconds: int,
        turn_wait_seconds: float,
        prune_checkpoints: bool,
        recorder: TurnRecorder | None = None,
        artifacts: ArtifactStore | None = None,
        on_escalated: Callable[..., None] | None = None,
    ) -> None:
        self.recorder = recorder
        self.on_escalated = on_escalated  # a turn handed over to a person
        self.artifacts = artifacts
        self.graph = graph
        self.saver = saver
        self.contexts = contexts
        self.index = index
        self.turn_lock_seconds = turn_lock_seconds
        self.turn_wait_seconds = turn_wait_seconds
        self.prune_checkpoints = prune_checkpoints

    def chat(
        self,
        *,
        conversation: Conversation,
        profile: AssistantProfile,
        message: str,
        idempotency_key: str | None = None,
        emotion: str | None = None,
        ignore_history: bool = False,
        attachments: list[Attachment] | None = None,
        prior: Sequence[tuple[str, str]] = (),
        rewind: Rewind | None = None,
        language: str | None = None,
        narrowed: models.Filter | None = None,
    ) -> ChatReply:
        """One turn. A retry carrying the same `idempotency_key` gets the first turn's
        reply (completed first if its worker died) instead of asking again. `emotion`
        (of a spoken question) lets a model answer an upset person more calmly;
        `language` (ISO 639-1), when the client knows it, stands for detection.
        `prior`: ("user" | "assistant", text) messages a client keeps itself, put
        before the question in a new conversation, so its follow-ups read as such.
        `rewind`: an edited question (it and what followed are replaced by this turn) or
        a regenerated answer (its earlier versions kept on the question)."""
        started = time.perf_counter()
        tid = conversation.thread_id
        context = self._context(profile, ignore_history, attachments, narrowed)
        lock = self._lock(tid)
        try:
            self._remember(conversation, message)
            with self.saver.one_read():  # _prepare's read is the one the graph starts from
                earlier = self._prepare(tid, context, idempotency_key)
                if earlier is not None:
                    return self._replayed(earlier, conversation)
                versions = self._rewind(tid, rewind) if rewind else []
                state = self.graph.invoke(
                    _turn_input(
                        message,
                        idempotency_key,
                        emotion,
                        attachments=attachments,
                        language=language,
                        prior=prior,
                        earlier_answers=versions,
                    ),
                    _config(tid, background_threads=1),
                    context=context,
                )
            self._prune(tid)
        finally:
            lock.release()
        reply = _timed(self._reply(state, conversation), started)
        self._record(conversation, profile, message, state, reply, started)
        return reply

    def stream_chat(
        self,
        *,
        conversation: Conversation,
        profile: AssistantProfile,
        message: str,
        idempotency_key: str | None = None,
        ignore_history: bool = False,
        attachments: list[Attachment] | None = None,
        prior: Sequence[tuple[str, str]] = (),
        rewind: Rewind | None = None,
        language: str | None = None,
        narrowed: models.Filter | None = None,
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Events of one turn: ("token", {"delta"}) ... then ("done", reply).

        The turn runs on its own thread and is checkpointed when it ends, even if the
        consumer stops reading (a client that disconnects mid-stream). The lock is taken
        here, before the first event, so a busy conversation is an ordinary 409.
        """
        started = time.perf_counter()
        tid = conversation.thread_id
        context = self._context(profile, ignore_history, attachments, narrowed)
        lock = self._lock(tid)
        events: queue.Queue[tuple[str, Any] | None] = queue.Queue()

        def run() -> None:
            try:
                self._remember(conversation, message)
                with self.saver.one_read():
                    earlier = self._prepare(tid, context, idempotency_key)
                    if earlier is not None:
                        events.put(("done", self._replayed(earlier, conversation).to_dict()))
                        return
                    versions = self._rewind(tid, rewind) if rewind else []
                    final: dict[str, Any] = {}
                    written: list[str] = []
                    self.index.clear_stop(conversation)  # a stop meant for an earlier turn
                    stop = StopOnRequest(lambda: self.index.stop_requested(conversation))
                    try:
                        for mode, payload in self.graph.stream(
                            _turn_input(
                                message,
                                idempotency_key,
                                attachments=attachments,
                                prior=prior,
                                language=language,
                                earlier_answers=versions,
                            ),
                            {**_config(tid), "callbacks": [stop]},
                            context=context,
                            stream_mode=["messages", "values"],
                        ):
                            if mode == "values":
                                final = payload
                            elif _is_answer_token(payload):
                                written.append(payload[0].content)
                                events.put(("token", {"delta": payload[0].content}))
                    except TurnStopped:
                        final = self._keep_stopped(tid, "".join(written), context)
                self._prune(tid)
                reply = _timed(self._reply(final, conversation), started)
                events.put(("done", reply.to_dict()))
                self._record(conversation, profile, message, final, reply, started)
            except Exception as exc:  # handed to the consumer, which maps it to an error
                events.put(("error", exc))
            finally:
                lock.release()
                events.put(None)

        threading.Thread(target=run, name="chat-turn", daemon=True).start()
        return _drain(events)

    def built_in_intents(self, triggers: list[str]) -> dict[str, str]:
        """The triggers that borrow built-in example questions offline, and whose
        (person, emergency or complaint: agents/guardrail_intents.json)."""
        found = {trigger: self.contexts.guard.intent_of(trigger) for trigger in triggers}
        return {trigger: intent[0] for trigger, intent in found.items() if intent}

    def history(self, *, conversation: Conversation) -> list[dict] | None:
        """The conversation's messages with each answer's citations; None if unknown."""
        checkpoint = self.saver.get_tuple(_config(conversation.thread_id))
        if checkpoint is None:
            return None
        messages = checkpoint.checkpoint["channel_values"].get("messages", [])
        if self.artifacts is not None:
            self.artifacts.touch(conversation.thread_id)
        return [message_dict(m, conversation.conversation_id) for m in messages]

    def delete(self, *, conversation: Conversation) -> bool:
        tid = conversation.thread_id
        if self.saver.get_tuple(_config(tid)) is None:
            return False
        self.saver.delete_thread(tid)
        if self.artifacts is not None:
            self.artifacts.forget(tid)
        try:
            self.index.forget(conversation)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc
        return True

    def delete_organisation(self, org_id: str) -> int:
        """Delete every conversation of an organisation; how many there were."""
        try:
            thread_ids = self.index.pop_all(org_id)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc
        for tid in thread_ids:
            self.saver.delete_thread(tid)
            if self.artifacts is not None:
                self.artifacts.forget(tid)
        return len(thread_ids)

    def _record(
        self,
        conversation: Conversation,
        profile: AssistantProfile,
        message: str,
        state: dict[str, Any],
        reply: ChatReply,
        started: float,
    ) -> None:
        """Hand the turn's figures to the recorder (a queue put: the turn does not wait)."""
        if reply.escalate and self.on_escalated is not None:
            # Off the turn's path: the webhooks and the mail are queued by a thread.
            threading.Thread(target=self.on_escalated, daemon=True, kwargs={
                "org_id": conversation.org_id, "assistant_id": conversation.assistant_id,
                "conversation_id": conversation.conversation_id, "question": message,
                "reason": f"escalation trigger: {reply.topic}" if reply.topic else "escalation",
            }).start()  # fmt: skip
        if self.recorder is None:
            return
        stats = dict(state.get("stats") or {})
        tokens = stats.pop("tokens", None)
        self.recorder.record(
            org_id=conversation.org_id,
            assistant_id=conversation.assistant_id,
            key_id=conversation.owner[:80],
            conversation_hash=conversation_hash(conversation.thread_id),
            message_id=reply.message_id,
            latency_ms=round((time.perf_counter() - started) * 1000, 3),
            stage_ms=stats,
            mode=reply.mode,
            found=reply.found,
            refused=reply.refused,
            escalated=reply.escalate,
            citation_count=len(reply.citations),
            tokens=tokens,
            question=message if profile.log_questions else None,
            language=reply.language,
            channel=conversation.channel,
        )

    def _context(
        self,
        profile: AssistantProfile,
        ignore_history: bool,
        attachments: list[Attachment] | None = None,
        narrowed: models.Filter | None = None,
    ) -> TurnContext:
        context = self.contexts.for_profile(profile)
        if narrowed is not None:  # the question's metadata filters
            context = replace(context, scope=replace(context.scope, narrowed=narrowed))
        if attachments:
            searcher = AttachmentSearcher(context.searcher, attachments, self.contexts.embeddings)
            context = replace(context, searcher=searcher)
        if ignore_history:
            # The question stands alone: not rewritten with, nor answered from, earlier turns.
            context = replace(
                context, history_turns=0, condenser=lambda question, history: question
            )
        return context

    def _lock(self, tid: str) -> Any:
        return acquire_turn(
            self.saver, tid, ttl=self.turn_lock_seconds, wait_seconds=self.turn_wait_seconds
        )

    def _remember(self, conversation: Conversation, message: str) -> None:
        try:
            self.index.add(conversation, title=message)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc

    def conversations(self, *, owner: Conversation, limit: int) -> list[dict[str, Any]]:
        """The owner's conversations (of `owner`'s assistant, key and user), newest first:
        id, title (the first question) and last activity; the `limit` most recent."""
        try:
            return self.index.listing(owner, limit=limit)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc

    def _keep_stopped(self, tid: str, text: str, context: TurnContext) -> dict[str, Any]:
        """The answer its reader stopped, as far as it was written, in the conversation
        (marked as stopped); the turn's figures count the tokens that were read."""
        answer = AIMessage(
            id=str(uuid.uuid4()),
            content=text.strip() or STOPPED_EMPTY,
            additional_kwargs={
                STOPPED_FIELD: True,
                "mode": getattr(context.answerer, "mode", "extractive"),
                "found": bool(text.strip()),
                "answered_at": datetime.now(UTC).isoformat(),
            },
        )
        self.graph.update_state(_config(tid), {"messages": [answer]}, as_node="answer")
        return {"messages": [answer], "stats": {"tokens": len(text.split())}}

    def stop(self, *, conversation: Conversation) -> None:
        """Ask the turn being written in the conversation to stop where it is."""
        try:
            self.index.request_stop(conversation)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc

    def _rewind(self, tid: str, rewind: Rewind) -> list[dict[str, Any]]:
        """Drop the question `rewind` names and all after it from the conversation; the
        earlier answers to keep on the question asked again."""
        config = _config(tid)
        messages = self.graph.get_state(config).values.get("messages", [])
        removals, versions = rewound(messages, rewind)
        self.graph.update_state(config, {"messages": removals}, as_node="answer")
        return versions

    def title(self, *, conversation: Conversation) -> str | None:
        try:
            return self.index.title(conversation)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc

    def rename(self, *, conversation: Conversation, title: str) -> bool:
        try:
            return self.index.rename(conversation, title=title)
        except redis.exceptions.RedisError as exc:
            raise translate_error(exc) from exc

    def search(self, *, owner: Conversation, text: str, limit: int) -> list[dict[str, Any]]:
        """The owner's conversations whose title or any message holds `text` (without
        regard to case), newest first, among the SEARCH_SCOPE most recent."""
        wanted = text.casefold()
        found = []
        for item in self.conversations(owner=owner, limit=SEARCH_SCOPE):
            if wanted in item["title"].casefold() or any(
                wanted in message["content"].casefold()
                for message in self.history(
                    conversation=replace(owner, conversation_id=item["conversation_id"])
                )
                or []
            ):
                found.append(item)
                if len(found) == limit:
                    break
        return found

    def _prepare(
        self, tid: str, context: TurnContext, idempotency_key: str | None
    ) -> AIMessage | None:
        """Complete a turn cut short (its worker died) before the next one starts, so the
        history never holds a question without its answer; its pending tasks may already
        have stored their writes (`next` is then empty): resuming applies them.
        Then, for a retry, the answer the first request got (None when it is new)."""
        state = self.graph.get_state(_config(tid))
        if state.tasks:
            log.warning("completing a turn that was interrupted", extra={"thread_id": tid})
            state = self.graph.invoke(None, _config(tid), context=context)
            messages = state["messages"]
        else:
            messages = state.values.get("messages", [])
        return answer_to(messages, idempotency_key) if idempotency_key else None

    def _prune(self, tid: str) -> None:
        """Keep only the newest checkpoint of a finished turn (and what it refers to)."""
        if self.prune_checkpoints:
            self.saver.prune([tid], strategy="keep_latest")

    def _replayed(self, message: AIMessage, conversation: Conversation) -> ChatReply:
        return self._reply({"messages": [message]}, conversation).model_copy(
            update={"replayed": True}
        )

    @staticmethod
    def _reply(state: dict[str, Any], conversation: Conversation) -> ChatReply:
        return reply_from(
            state["messages"][-1],
            conversation_id=conversation.conversation_id,
            assistant_id=conversation.assistant_id,
        )


def _timed(reply: ChatReply, started: float) -> ChatReply:
    """A data turn's figures with the whole turn's time."""
    if reply.metrics is None:
        return reply
    total = round((time.perf_counter() - started) * 1000, 3)
    return reply.model_copy(update={"metrics": {**reply.metrics, "total_time_ms": total}})


def _drain(
    events: queue.Queue[tuple[str, Any] | None],
) -> Iterator[tuple[str, dict[str, Any]]]:
    streamed = False
    while (item := events.get()) is not None:
        kind, data = item
        if kind == "error":
            raise data
        if kind == "done" and not streamed:
            # Offline answers are not generated token by token: send them in pieces.
            for piece in pieces(data["answer"]):
                yield "token", {"delta": piece}
        if kind == "done" and data.get("artifacts"):
            # The table, chart and SQL as their own event, before the turn closes.
            yield "artifacts", {"artifacts": data["artifacts"]}
        streamed = streamed or kind == "token"
        yield kind, data


def _config(tid: str, *, background_threads: int | None = None) -> dict[str, Any]:
    """The run's config. `background_threads` caps the thread pool LangGraph makes for each
    run (its checkpoint writes): one is enough for a turn whose nodes run one after another,
    and saves starting several threads a turn. Streamed turns keep the default: with one
    thread their tokens arrived all at once (tests/test_streaming.py)."""
    config: dict[str, Any] = {"configurable": {"thread_id": tid}}
    if background_threads is not None:
        config["max_concurrency"] = background_threads
    return config


def _turn_input(
    message: str,
    idempotency_key: str | None = None,
    emotion: str | None = None,
    attachments: list[Attachment] | None = None,
    prior: Sequence[tuple[str, str]] = (),
    earlier_answers: list[dict[str, Any]] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    extra: dict[str, Any] = {IDEMPOTENCY_FIELD: idempotency_key} if idempotency_key else {}
    if language:
        extra[LANGUAGE_FIELD] = language
    if earlier_answers:
        extra[EARLIER_ANSWERS] = earlier_answers
    if emotion:
        extra[EMOTION_FIELD] = emotion
    if attachments:  # what was attached, never its content
        extra["attachments"] = [a.summary() for a in attachments]
    before = [
        HumanMessage(content=text) if role == "user" else AIMessage(content=text)
        for role, text in prior
    ]
    return {"messages": [*before, HumanMessage(content=message, additional_kwargs=extra)]}


def answer_to(messages: list[Any], idempotency_key: str) -> AIMessage | None:
    """The answer to the question asked with this idempotency key, if there was one."""
    for index, message in enumerate(messages):
        if (
            isinstance(message, HumanMessage)
            and message.additional_kwargs.get(IDEMPOTENCY_FIELD) == idempotency_key
        ):
            following = messages[index + 1] if index + 1 < len(messages) else None
            return following if isinstance(following, AIMessage) else None
    return None


def _is_answer_token(payload: Any) -> bool:
    chunk, metadata = payload
    return (
        metadata.get("langgraph_node") == "answer"
        and isinstance(chunk, AIMessageChunk)
        and isinstance(chunk.content, str)
        and bool(chunk.content)
    )
