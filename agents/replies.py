"""The shapes a turn leaves the service in: a reply, and a conversation's messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage


@dataclass
class ChatReply:
    answer: str
    citations: list[dict]
    conversation_id: str
    assistant_id: str
    mode: str
    found: bool
    warning: str | None = None
    replayed: bool = False  # the answer of an earlier request with the same Idempotency-Key

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "answer": self.answer,
            "citations": self.citations,
            "conversation_id": self.conversation_id,
            "assistant_id": self.assistant_id,
            "mode": self.mode,
            "found": self.found,
        }
        if self.warning:
            body["warning"] = self.warning
        if self.replayed:
            body["replayed"] = True
        return body


def reply_from(message: AIMessage, *, conversation_id: str, assistant_id: str) -> ChatReply:
    extra = message.additional_kwargs
    return ChatReply(
        answer=str(message.content),
        citations=list(extra.get("citations", [])),
        conversation_id=conversation_id,
        assistant_id=assistant_id,
        mode=extra.get("mode", "extractive"),
        found=bool(extra.get("found", True)),
        warning=extra.get("warning"),
    )


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


def pieces(answer: str, words: int = 6) -> list[str]:
    """The answer in groups of a few words, whitespace kept: they join back exactly."""
    tokens = re.findall(r"\S+\s*", answer)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)] or [answer]
