"""First start and upgrades: the `default` organisation, knowledge base and assistant.

A deployment made before organisations existed upgrades in place: its chunks in Qdrant
join the default knowledge base (their ids and document ids are kept), each document
gets its record, and API_KEYS keys keep their conversations (see tenancy.keys).
"""

from __future__ import annotations

import logging

from qdrant_client import QdrantClient
from sqlalchemy.exc import IntegrityError

from knowledge.vectors.store import adopt_untenanted_points, list_documents, tenant_filter
from tenancy import crud
from tenancy.db import Database, DatabaseError
from tenancy.models import (
    DEFAULT_ASSISTANT_ID,
    DEFAULT_KB_ID,
    DEFAULT_ORG_ID,
    Document,
    Organisation,
)

# Questions the bundled sample knowledge base answers (the default assistant's samples).
SAMPLE_KB_QUESTIONS = (
    "How do I start the service?",
    "How long are conversations kept?",
    "Which language models can I use?",
    "What does a 429 error mean?",
)

log = logging.getLogger(__name__)


def ensure_defaults(db: Database, *, app_name: str) -> bool:
    """Create the default organisation, knowledge base and assistant when missing;
    True when they were created now. Safe when several processes start together."""
    try:
        with db.session() as session:
            if session.get(Organisation, DEFAULT_ORG_ID) is not None:
                return False
            crud.create_organisation(session, name="Default", slug="default", org_id=DEFAULT_ORG_ID)
            crud.create_knowledge_base(
                session,
                org_id=DEFAULT_ORG_ID,
                kb_id=DEFAULT_KB_ID,
                name="default",
                description="The deployment's knowledge base (KNOWLEDGE_BASE_DIR and uploads).",
            )
            crud.create_assistant(
                session,
                org_id=DEFAULT_ORG_ID,
                assistant_id=DEFAULT_ASSISTANT_ID,
                name="default",
                description=f"{app_name}: answers from the default knowledge base.",
                knowledge_bases=[{"kb_id": DEFAULT_KB_ID, "priority": 0, "active": True}],
                sample_questions=list(SAMPLE_KB_QUESTIONS),
            )
        return True
    except crud.Conflict:  # another process created them since the check above
        return False
    except DatabaseError as exc:  # the session wraps the driver's error
        if isinstance(exc.__cause__, IntegrityError):  # another process created them first
            return False
        raise


def adopt_existing_points(db: Database, qdrant: QdrantClient, collection: str) -> int:
    """Chunks written by earlier versions join the default knowledge base, and each
    of their documents gets a record; how many chunks were adopted."""
    adopted = adopt_untenanted_points(qdrant, collection, DEFAULT_ORG_ID, DEFAULT_KB_ID)
    if not adopted:
        return 0
    record_documents(db, qdrant, collection, org_id=DEFAULT_ORG_ID, kb_id=DEFAULT_KB_ID)
    log.info("adopted %d chunks into the default knowledge base", adopted)
    return adopted


def record_documents(
    db: Database, qdrant: QdrantClient, collection: str, *, org_id: str, kb_id: str
) -> None:
    """Records for documents ingested outside the API (the CLI, `make run`'s sample)."""
    summaries = list_documents(qdrant, collection, tenant_filter(org_id, kb_id))
    with db.session() as session:
        for summary in summaries:
            document = session.get(Document, summary.document_id)
            if document is None:
                session.add(
                    Document(
                        id=summary.document_id, org_id=org_id, kb_id=kb_id, source=summary.source,
                        title=summary.title or None, meta={}, status="completed",
                        chunks=summary.chunks,
                    )
                )  # fmt: skip
            else:
                document.status, document.chunks, document.error = "completed", summary.chunks, None
