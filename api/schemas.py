"""Request and response models: they validate input and document the API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_MESSAGE_CHARS = 5000


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(..., min_length=1, max_length=MAX_MESSAGE_CHARS)

    @field_validator("message")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("message must not be blank")
        return value


class ConversationId(BaseModel):
    conversation_id: str = Field(..., pattern=CONVERSATION_ID_PATTERN)


class Citation(BaseModel):
    n: int
    title: str
    source: str
    section: str | None = None
    page: int | None = None
    snippet: str
    score: float


class ChatResponse(BaseModel):
    answer: str
    citations: list[Citation]
    conversation_id: str
    request_id: str
    mode: str = Field(..., description="extractive (offline) or llm")
    found: bool = Field(..., description="false when the knowledge base had no answer")
    warning: str | None = None


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody
    request_id: str
