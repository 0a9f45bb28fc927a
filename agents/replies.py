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
    kind: str | None = Field(
        None, description='"data" for a query\'s result, "tool" for an MCP tool\'s (source '
        '"tool:<server>/<tool>")',
    )  # fmt: skip
    data_source_id: str | None = None
    query: str | None = Field(None, description="the SQL a data citation's figures come from")


DATA_CITATION_FIELDS = ("kind", "data_source_id", "query")


class Artifact(BaseModel):
    """A file a data turn made: a query's table (CSV), its chart (PNG), its SQL."""

    id: str
    kind: str = Field(..., description="table | chart | sql")
    name: str
    media_type: str
    url: str = Field(..., description="GET it with the conversation's credentials")
    rows: int | None = Field(None, description="a table's row count (up to SQL_MAX_ROWS)")
    truncated: bool | None = Field(None, description="true: the result had more rows")
    columns: list[str] | None = None
    preview: list[list[Any]] | None = Field(None, description="a table's first rows")
    data_source_id: str | None = None
    created_at: str | None = None


def artifacts_with_urls(artifacts: list[dict[str, Any]], conversation_id: str) -> list[dict]:
    return [
        {
            **{k: v for k, v in a.items() if k != "pending_chart"},  # drawn when first read
            "url": f"/v1/conversations/{conversation_id}/artifacts/{a['id']}",
        }
        for a in artifacts
    ]


def _plain_citations(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Citations as JSON: a document's without the data citation's fields."""
    return [
        {k: v for k, v in c.items() if not (k in DATA_CITATION_FIELDS and v is None)}
        for c in citations
    ]


class ChatReply(BaseModel):
    """One answer, as every chat route returns it (the API adds `request_id`)."""

    answer: str
    citations: list[Citation]
    conversation_id: str
    assistant_id: str
    message_id: str = Field(..., description="this answer's id, for feedback")
    mode: str = Field(
        ..., description="extractive (offline) or llm; small_talk: a greeting or a thanks "
        "answered in kind, nothing searched"
    )  # fmt: skip
    found: bool = Field(..., description="false when the knowledge base had no answer")
    refused: bool = Field(False, description="true: the assistant's guardrails declined it")
    escalate: bool = Field(False, description="true: hand the person to a human")
    topic: str | None = Field(None, description="the topic or trigger that matched")
    warning: str | None = None
    answered_at: str | None = Field(None, description="when the answer was made (UTC, ISO 8601)")
    language: str | None = Field(
        None, description="the question's language (ISO 639-1), detected or given; "
        "what the service says in its own words is in it"
    )  # fmt: skip
    stopped: bool | None = Field(
        None, description="true: its reader stopped it; the text is what was written until then"
    )
    replayed: bool | None = Field(
        None, description="true: the answer of an earlier request with this Idempotency-Key"
    )
    additional_data: Any = Field(None, description="a named prompt's structured output")
    additional_data_error: str | None = Field(
        None, description="why the structured output could not be made"
    )
    artifacts: list[Artifact] = Field(
        default_factory=list, description="files a data turn made: table, chart, SQL"
    )
    metrics: dict[str, Any] | None = Field(
        None, description="a data turn's: sql_time_ms, sql_attempts, total_time_ms"
    )

    def to_dict(self) -> dict[str, Any]:
        """As JSON: `warning` and `replayed` only when set; citations keep their nulls."""
        body = self.model_dump(mode="json")
        body["citations"] = _plain_citations(body["citations"])
        body["artifacts"] = [
            {k: v for k, v in a.items() if v is not None} for a in body["artifacts"]
        ]
        if body["metrics"] is None:
            del body["metrics"]
        for optional in (
            "warning",
            "language",
            "stopped",
            "replayed",
            "topic",
            "additional_data",
            "additional_data_error",
        ):
            if body[optional] is None:
                del body[optional]
        return body


class HistoryMessage(BaseModel):
    """A message of a conversation's history."""

    role: str
    content: str
    message_id: str | None = None
    attachments: list[dict[str, Any]] | None = Field(
        None, description="files attached to this question: name and size"
    )
    citations: list[Citation] | None = None
    mode: str | None = None
    found: bool | None = None
    refused: bool | None = None
    escalate: bool | None = None
    topic: str | None = None
    warning: str | None = None
    answered_at: str | None = None
    language: str | None = None
    stopped: bool | None = None
    feedback: dict[str, Any] | None = Field(
        None, description="the rating given to this answer: rating, comment, updated_at"
    )
    earlier_answers: list[dict[str, Any]] | None = Field(
        None, description="a question asked again (regenerate): the answers it had before"
    )
    artifacts: list[Artifact] | None = None
    metrics: dict[str, Any] | None = None


def _answer_fields(message: AnyMessage) -> dict[str, Any]:
    """What an answer's message keeps beside its text, as replies and history show it."""
    extra = message.additional_kwargs
    return {
        "citations": list(extra.get("citations", [])),
        "mode": extra.get("mode", "extractive"),
        "found": bool(extra.get("found", True)),
        "refused": bool(extra.get("refused", False)),
        "escalate": bool(extra.get("escalate", False)),
        "topic": extra.get("topic"),
        "warning": extra.get("warning"),
        "answered_at": extra.get("answered_at"),
        "language": extra.get("language"),
        "stopped": extra.get("stopped") or None,
        "metrics": extra.get("metrics"),
    }


def reply_from(message: AIMessage, *, conversation_id: str, assistant_id: str) -> ChatReply:
    artifacts = message.additional_kwargs.get("artifacts") or []
    return ChatReply(
        answer=str(message.content),
        conversation_id=conversation_id,
        assistant_id=assistant_id,
        message_id=message.id or "",
        artifacts=artifacts_with_urls(artifacts, conversation_id),
        **_answer_fields(message),
    )


def message_dict(message: AnyMessage, conversation_id: str = "") -> dict[str, Any]:
    if isinstance(message, HumanMessage):
        user = {"role": "user", "content": str(message.content), "message_id": message.id}
        if message.additional_kwargs.get("attachments"):
            user["attachments"] = message.additional_kwargs["attachments"]
        if message.additional_kwargs.get("earlier_answers"):  # asked again (regenerated)
            user["earlier_answers"] = message.additional_kwargs["earlier_answers"]
        return user
    fields = _answer_fields(message)
    fields["mode"] = message.additional_kwargs.get("mode")  # None for very old messages
    unset = {
        k
        for k in ("warning", "topic", "answered_at", "language", "stopped", "metrics")
        if not fields[k]
    }
    artifacts = message.additional_kwargs.get("artifacts")
    if artifacts:
        fields["artifacts"] = artifacts_with_urls(artifacts, conversation_id)
    else:
        unset.add("artifacts")
    body = HistoryMessage(
        role="assistant", content=str(message.content), message_id=message.id, **fields
    ).model_dump(mode="json", exclude=unset)
    body["citations"] = _plain_citations(body["citations"])
    if "artifacts" in body:
        body["artifacts"] = [
            {k: v for k, v in a.items() if v is not None} for a in body["artifacts"]
        ]
    return body


def pieces(answer: str, words: int = 6) -> list[str]:
    """The answer in groups of a few words, whitespace kept: they join back exactly."""
    tokens = re.findall(r"\S+\s*", answer)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)] or [answer]
