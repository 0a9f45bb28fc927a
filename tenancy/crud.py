"""Queries of platform records as plain keyword-only functions taking a session.

Every function that reads or changes organisation data takes `org_id` and filters on it
here, in this one layer: an id of another organisation is simply not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tenancy.keys import make_key
from tenancy.models import (
    DEFAULT_ORG_ID,
    ApiKey,
    Assistant,
    AssistantKnowledgeBase,
    DataSource,
    Document,
    KnowledgeBase,
    McpServer,
    Organisation,
    new_id,
    utcnow,
)

FIRST_KEY_NAME = "first admin key"


class NotFound(LookupError):
    """No such record in the caller's organisation."""

    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"no {kind} {record_id!r} in this organisation")
        self.kind = kind


class Conflict(ValueError):
    """The change clashes with a record that exists (a name taken, a protected record)."""


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "org"


# -- organisations ---------------------------------------------------------------------


def create_organisation(
    session: Session, *, name: str, slug: str | None = None, org_id: str | None = None
) -> Organisation:
    slug = slug or slugify(name)
    if session.scalar(select(Organisation).where(Organisation.slug == slug)) is not None:
        raise Conflict(f"an organisation with slug {slug!r} exists")
    organisation = Organisation(id=org_id or new_id("org"), name=name, slug=slug)
    session.add(organisation)
    session.flush()
    return organisation


def create_organisation_with_admin_key(
    session: Session, *, name: str, slug: str | None
) -> tuple[Organisation, ApiKey, str]:
    """A new organisation and its first admin key: (organisation, key record, the key,
    which is never stored or shown again)."""
    organisation = create_organisation(session, name=name, slug=slug)
    record, key = create_api_key(
        session, org_id=organisation.id, name=FIRST_KEY_NAME, scopes=["admin"],
        assistant_ids=None, rate_limit=None, expires_at=None,
    )  # fmt: skip
    return organisation, record, key


def list_organisations(session: Session) -> Sequence[Organisation]:
    return session.scalars(select(Organisation).order_by(Organisation.created_at)).all()


def get_organisation(session: Session, *, org_id: str) -> Organisation:
    organisation = session.get(Organisation, org_id)
    if organisation is None:
        raise NotFound("organisation", org_id)
    return organisation


def delete_organisation(session: Session, *, org_id: str) -> Organisation:
    organisation = get_organisation(session, org_id=org_id)
    if org_id == DEFAULT_ORG_ID:
        raise Conflict("the default organisation serves API_KEYS and cannot be deleted")
    # Its records go with it: every foreign key is ON DELETE CASCADE (and SQLite's
    # foreign keys are switched on for every connection, in tenancy/db.py).
    session.delete(organisation)
    return organisation


def set_llm_provider(
    session: Session,
    *,
    org_id: str,
    base_url: str | None,
    model: str | None,
    encrypted_key: str | None,
) -> Organisation:
    organisation = get_organisation(session, org_id=org_id)
    organisation.llm_base_url = base_url
    organisation.llm_model = model
    organisation.llm_api_key_encrypted = encrypted_key
    return organisation


# -- knowledge bases -------------------------------------------------------------------


def create_knowledge_base(
    session: Session, *, org_id: str, kb_id: str | None = None, **fields: Any
) -> KnowledgeBase:
    _name_free(session, KnowledgeBase, org_id=org_id, name=fields["name"])
    kb = KnowledgeBase(id=kb_id or new_id("kb"), org_id=org_id, **fields)
    session.add(kb)
    session.flush()
    return kb


def list_knowledge_bases(session: Session, *, org_id: str) -> Sequence[KnowledgeBase]:
    return _owned_list(session, KnowledgeBase, org_id=org_id)


def get_knowledge_base(session: Session, *, org_id: str, kb_id: str) -> KnowledgeBase:
    return _owned(session, KnowledgeBase, org_id=org_id, record_id=kb_id, kind="knowledge base")


def update_knowledge_base(
    session: Session, *, org_id: str, kb_id: str, **changes: Any
) -> KnowledgeBase:
    kb = get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
    if "name" in changes and changes["name"] != kb.name:
        _name_free(session, KnowledgeBase, org_id=org_id, name=changes["name"])
    for field, value in changes.items():
        setattr(kb, field, value)
    return kb


def delete_knowledge_base(session: Session, *, org_id: str, kb_id: str) -> KnowledgeBase:
    kb = get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
    session.delete(kb)  # its documents and assistant links by ON DELETE CASCADE
    return kb


def document_count(session: Session, *, org_id: str, kb_id: str) -> int:
    query = select(func.count()).where(Document.org_id == org_id, Document.kb_id == kb_id)
    return session.scalar(query) or 0


def document_counts(session: Session, *, org_id: str) -> dict[str, int]:
    rows = session.execute(
        select(Document.kb_id, func.count())
        .where(Document.org_id == org_id)
        .group_by(Document.kb_id)
    )
    return {kb_id: count for kb_id, count in rows}


# -- documents ---------------------------------------------------------------------------


def find_document(session: Session, *, org_id: str, kb_id: str, source: str) -> Document | None:
    return session.scalar(
        select(Document).where(
            Document.org_id == org_id, Document.kb_id == kb_id, Document.source == source
        )
    )


def upsert_document(
    session: Session,
    *,
    org_id: str,
    kb_id: str,
    doc_id: str,
    source: str,
    title: str | None,
    metadata: dict[str, Any],
    job_id: str | None,
    replace: bool,
) -> tuple[Document, bool]:
    """A pending document for an upload: (document, True when it replaces one)."""
    existing = find_document(session, org_id=org_id, kb_id=kb_id, source=source)
    if existing is not None and not replace:
        raise Conflict(
            f"a document with source {source!r} exists in this knowledge base "
            f"({existing.id}); send replace=true to upload a new version of it"
        )
    if existing is None:
        document = Document(
            id=doc_id, org_id=org_id, kb_id=kb_id, source=source, title=title, meta=metadata
        )
        session.add(document)
    else:
        document = existing
        document.title, document.meta = title, metadata
        document.version += 1
    document.status, document.job_id, document.error = "pending", job_id, None
    session.flush()
    return document, existing is not None


def list_documents(session: Session, *, org_id: str, kb_id: str) -> Sequence[Document]:
    query = select(Document).where(Document.org_id == org_id, Document.kb_id == kb_id)
    return session.scalars(query.order_by(Document.source)).all()


def get_document(session: Session, *, org_id: str, kb_id: str, doc_id: str) -> Document:
    document = session.get(Document, doc_id)
    if document is None or document.org_id != org_id or document.kb_id != kb_id:
        raise NotFound("document", doc_id)
    return document


def delete_document(session: Session, *, org_id: str, kb_id: str, doc_id: str) -> Document:
    document = get_document(session, org_id=org_id, kb_id=kb_id, doc_id=doc_id)
    session.delete(document)
    return document


def record_document_progress(session: Session, *, doc_id: str, **fields: Any) -> None:
    """Status and counts from the ingestion job (which knows the document by id)."""
    document = session.get(Document, doc_id)
    if document is not None:
        for field, value in fields.items():
            setattr(document, field, value)


# -- assistants --------------------------------------------------------------------------


def create_assistant(
    session: Session,
    *,
    org_id: str,
    knowledge_bases: Iterable[dict[str, Any]],
    assistant_id: str | None = None,
    **fields: Any,
) -> Assistant:
    _name_free(session, Assistant, org_id=org_id, name=fields["name"])
    _sources_owned(session, org_id=org_id, source_ids=fields.get("data_source_ids"))
    _tool_servers_owned(session, org_id=org_id, tools=fields.get("mcp_tools"))
    assistant = Assistant(id=assistant_id or new_id("asst"), org_id=org_id, **fields)
    assistant.knowledge_bases = _links(session, org_id=org_id, links=knowledge_bases)
    session.add(assistant)
    session.flush()
    return assistant


SUGGESTED_FROM_TITLES = 4


def suggested_questions(session: Session, *, assistant: Assistant) -> list[str]:
    """What the web chat offers to ask: the assistant's own sample questions, else one
    question per title of the documents it answers from (the newest few), else none."""
    if assistant.sample_questions:
        return list(assistant.sample_questions)
    kb_ids = [link.kb_id for link in assistant.knowledge_bases if link.active]
    if not kb_ids:
        return []
    titles = session.scalars(
        select(Document.title)
        .where(
            Document.org_id == assistant.org_id,
            Document.kb_id.in_(kb_ids),
            Document.status == "completed",
            Document.title.is_not(None),
        )
        .order_by(Document.created_at.desc())
        .limit(SUGGESTED_FROM_TITLES * 3)
    ).all()
    unique = list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))
    ask = TITLE_QUESTIONS.get(titles_language(unique), TITLE_QUESTIONS["en"])
    return [ask.format(title=title) for title in unique[:SUGGESTED_FROM_TITLES]]


# A question about a document, in the language its titles are written in.
TITLE_QUESTIONS = {"en": "What does “{title}” say?", "es": "¿Qué dice «{title}»?",
                   "id": "Apa isi “{title}”?"}  # fmt: skip


def titles_language(titles: list[str]) -> str:
    """The language the titles are written in, read from all of them together (one short
    title is too little to tell); English when unsure."""
    from knowledge.encoders.languages import guess

    language, confidence = guess(" · ".join(titles))
    return language if confidence >= 0.6 else "en"


def list_assistants(session: Session, *, org_id: str) -> Sequence[Assistant]:
    return _owned_list(session, Assistant, org_id=org_id)


def get_assistant(session: Session, *, org_id: str, assistant_id: str) -> Assistant:
    return _owned(session, Assistant, org_id=org_id, record_id=assistant_id, kind="assistant")


def find_assistant(session: Session, *, org_id: str, id_or_name: str) -> Assistant | None:
    return session.scalar(
        select(Assistant).where(
            Assistant.org_id == org_id,
            (Assistant.id == id_or_name) | (Assistant.name == id_or_name),
        )
    )


def update_assistant(
    session: Session,
    *,
    org_id: str,
    assistant_id: str,
    knowledge_bases: Iterable[dict[str, Any]] | None = None,
    **changes: Any,
) -> Assistant:
    assistant = get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    if "name" in changes and changes["name"] != assistant.name:
        _name_free(session, Assistant, org_id=org_id, name=changes["name"])
    _sources_owned(session, org_id=org_id, source_ids=changes.get("data_source_ids"))
    _tool_servers_owned(session, org_id=org_id, tools=changes.get("mcp_tools"))
    for field, value in changes.items():
        setattr(assistant, field, value)
    if knowledge_bases is not None:
        assistant.knowledge_bases = _links(session, org_id=org_id, links=knowledge_bases)
    session.flush()
    return assistant


def delete_assistant(session: Session, *, org_id: str, assistant_id: str) -> Assistant:
    assistant = get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    session.delete(assistant)
    return assistant


def _sources_owned(session: Session, *, org_id: str, source_ids: list[str] | None) -> None:
    for source_id in source_ids or []:
        record = session.get(DataSource, source_id)
        if record is None or record.org_id != org_id:
            raise NotFound("data source", source_id)


def _tool_servers_owned(
    session: Session, *, org_id: str, tools: list[dict[str, Any]] | None
) -> None:
    for entry in tools or []:
        record = session.get(McpServer, entry["server_id"])
        if record is None or record.org_id != org_id:
            raise NotFound("MCP server", entry["server_id"])


def _links(
    session: Session, *, org_id: str, links: Iterable[dict[str, Any]]
) -> list[AssistantKnowledgeBase]:
    result = []
    for link in links:
        get_knowledge_base(session, org_id=org_id, kb_id=link["kb_id"])
        result.append(AssistantKnowledgeBase(**link))
    return result


# -- API keys ------------------------------------------------------------------------------


def create_api_key(
    session: Session,
    *,
    org_id: str,
    name: str,
    scopes: list[str],
    assistant_ids: list[str] | None,
    rate_limit: str | None,
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    """A new key: (record, the key itself, which is never stored or shown again)."""
    get_organisation(session, org_id=org_id)
    for assistant_id in assistant_ids or []:
        get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    key, digest, prefix = make_key()
    record = ApiKey(
        id=new_id("key"),
        org_id=org_id,
        name=name,
        prefix=prefix,
        key_hash=digest,
        scopes=sorted(set(scopes)),
        assistant_ids=assistant_ids,
        rate_limit=rate_limit,
        expires_at=expires_at,
    )
    session.add(record)
    session.flush()
    return record, key


def list_api_keys(session: Session, *, org_id: str) -> Sequence[ApiKey]:
    return _owned_list(session, ApiKey, org_id=org_id)


def revoke_api_key(session: Session, *, org_id: str, key_id: str) -> ApiKey:
    key = _owned(session, ApiKey, org_id=org_id, record_id=key_id, kind="API key")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    return key


def _owned(session: Session, model: Any, *, org_id: str, record_id: str, kind: str) -> Any:
    """The organisation's record with this id; another organisation's is not found."""
    record = session.get(model, record_id)
    if record is None or record.org_id != org_id:
        raise NotFound(kind, record_id)
    return record


def _owned_list(session: Session, model: Any, *, org_id: str) -> Sequence[Any]:
    query = select(model).where(model.org_id == org_id)
    return session.scalars(query.order_by(model.created_at, model.id)).all()


def name_free(session: Session, model: Any, *, org_id: str, name: str) -> None:
    """Conflict when the organisation has a record of this kind with this name."""
    _name_free(session, model, org_id=org_id, name=name)


def _name_free(session: Session, model: Any, *, org_id: str, name: str) -> None:
    taken = session.scalar(select(model.id).where(model.org_id == org_id, model.name == name))
    if taken is not None:
        raise Conflict(f"the name {name!r} is taken in this organisation ({taken})")


def set_topic_examples(
    session: Session, *, org_id: str, assistant_id: str, examples: dict[str, list[str]]
) -> Assistant:
    """Replace the assistant's example questions; every topic named must be one of its
    own (else ValueError, and nothing changes)."""
    assistant = get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    unknown = sorted(set(examples) - set(topics_of(assistant)))
    if unknown:
        raise ValueError(f"not topics of this assistant: {', '.join(map(repr, unknown))}")
    assistant.topic_examples = {topic: list(questions) for topic, questions in examples.items()}
    session.flush()
    return assistant


def topics_of(assistant: Assistant) -> list[str]:
    return [*assistant.allowed_topics, *assistant.forbidden_topics, *assistant.escalation_triggers]
