"""The shapes a turn leaves the service in: a reply, and a conversation's messages."""

from __future__ import annotations

import re
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from pydantic import BaseModel, Field


class Citation(BaseModel):
    n: int
    title: str
    source: str
    section: str | None = None
    page: int | None = None
    snippet: str
    score: float


class ChatReply(BaseModel):
    """One answer, as every chat route returns it (the API adds `request_id`)."""

    answer: str
    citations: list[Citation]
    conversation_id: str
    assistant_id: str
    mode: str = Field(..., description="extractive (offline) or llm")
    found: bool = Field(..., description="false when the knowledge base had no answer")
    warning: str | None = None
    replayed: bool | None = Field(
        None, description="true: the answer of an earlier request with this Idempotency-Key"
    )

    def to_dict(self) -> dict[str, Any]:
        """As JSON: `warning` and `replayed` only when set; citations keep their nulls."""
        body = self.model_dump(mode="json")
        for optional in ("warning", "replayed"):
            if body[optional] is None:
                del body[optional]
        return body


class HistoryMessage(BaseModel):
    """A message of a conversation's history."""

    role: str
    content: str
    citations: list[Citation] | None = None
    mode: str | None = None
    found: bool | None = None
    warning: str | None = None


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
    return HistoryMessage(
        role="assistant",
        content=str(message.content),
        citations=list(extra.get("citations", [])),
        mode=extra.get("mode"),
        found=bool(extra.get("found", True)),
        warning=extra.get("warning"),
    ).model_dump(mode="json", exclude={"warning"} if not extra.get("warning") else set())


def pieces(answer: str, words: int = 6) -> list[str]:
    """The answer in groups of a few words, whitespace kept: they join back exactly."""
    tokens = re.findall(r"\S+\s*", answer)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)] or [answer]
