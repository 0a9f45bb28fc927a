"""Platform records as response bodies (never a secret: keys show their prefix only,
provider keys only whether one is set)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from api.platform_schemas import (
    ApiKeyOut,
    AssistantOut,
    AssistantSummary,
    AuditEntryOut,
    DocumentOut,
    FeedbackOut,
    KnowledgeBaseOut,
    OrganisationOut,
    PromptOut,
)
from tenancy.models import (
    ApiKey,
    Assistant,
    AuditEntry,
    Document,
    Feedback,
    KnowledgeBase,
    Organisation,
    PromptTemplate,
)


def organisation_out(organisation: Organisation) -> dict[str, Any]:
    return OrganisationOut(
        id=organisation.id,
        name=organisation.name,
        slug=organisation.slug,
        created_at=organisation.created_at,
        llm={
            "base_url": organisation.llm_base_url,
            "model": organisation.llm_model,
            "has_api_key": organisation.llm_api_key_encrypted is not None,
        },
        retention_days=organisation.retention_days,
        log_questions=organisation.log_questions,
        escalation_email=organisation.escalation_email,
    ).model_dump(mode="json")


def knowledge_base_out(kb: KnowledgeBase, documents: int) -> dict[str, Any]:
    return _out(KnowledgeBaseOut, kb, metadata=kb.meta, documents=documents)


def document_out(document: Document) -> dict[str, Any]:
    return _out(DocumentOut, document, metadata=document.meta, exclude={"request_id"})


def assistant_out(assistant: Assistant, *, suggested: list[str]) -> dict[str, Any]:
    links = [
        {"kb_id": link.kb_id, "priority": link.priority, "active": link.active}
        for link in assistant.knowledge_bases
    ]
    return _out(AssistantOut, assistant, knowledge_bases=links, suggested_questions=suggested)


def assistant_summary(assistant: Assistant, *, suggested: list[str]) -> dict[str, Any]:
    return _out(AssistantSummary, assistant, suggested_questions=suggested)


def api_key_out(key: ApiKey) -> dict[str, Any]:
    return _out(ApiKeyOut, key)


def _out(
    model: type[BaseModel], record: Any, *, exclude: set[str] | None = None, **given: Any
) -> dict[str, Any]:
    """The response model's fields read off the record, except those `given` (and those
    excluded, which the caller adds itself)."""
    skip = set(given) | (exclude or set())
    fields = {name: getattr(record, name) for name in model.model_fields if name not in skip}
    return model(**fields, **given).model_dump(mode="json", exclude=exclude)


def feedback_out(feedback: Feedback) -> dict[str, Any]:
    return _out(FeedbackOut, feedback)


def audit_entry_out(entry: AuditEntry) -> dict[str, Any]:
    return _out(AuditEntryOut, entry)


def prompt_out(prompt: PromptTemplate) -> dict[str, Any]:
    return _out(PromptOut, prompt)
