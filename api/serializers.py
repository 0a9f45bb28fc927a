"""Platform records as response bodies (never a secret: keys show their prefix only,
provider keys only whether one is set)."""

from __future__ import annotations

from typing import Any

from api.platform_schemas import (
    ApiKeyOut,
    AssistantOut,
    DocumentOut,
    KnowledgeBaseOut,
    OrganisationOut,
)
from tenancy.models import ApiKey, Assistant, Document, KnowledgeBase, Organisation


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
    ).model_dump(mode="json")


def knowledge_base_out(kb: KnowledgeBase, documents: int) -> dict[str, Any]:
    return KnowledgeBaseOut(
        id=kb.id,
        name=kb.name,
        description=kb.description,
        tags=kb.tags,
        metadata=kb.meta,
        documents=documents,
        created_at=kb.created_at,
        updated_at=kb.updated_at,
    ).model_dump(mode="json")


def document_out(document: Document) -> dict[str, Any]:
    fields = {
        name: getattr(document, name)
        for name in DocumentOut.model_fields
        if name not in ("metadata", "request_id")
    }
    return DocumentOut(**fields, metadata=document.meta).model_dump(
        mode="json", exclude={"request_id"}
    )


def assistant_out(assistant: Assistant) -> dict[str, Any]:
    fields = {
        name: getattr(assistant, name)
        for name in AssistantOut.model_fields
        if name != "knowledge_bases"
    }
    links = [
        {"kb_id": link.kb_id, "priority": link.priority, "active": link.active}
        for link in assistant.knowledge_bases
    ]
    return AssistantOut(**fields, knowledge_bases=links).model_dump(mode="json")


def api_key_out(key: ApiKey) -> dict[str, Any]:
    fields = {name: getattr(key, name) for name in ApiKeyOut.model_fields}
    return ApiKeyOut(**fields).model_dump(mode="json")
