"""Named prompt templates of an assistant, always inside its organisation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tenancy import crud
from tenancy.models import PromptTemplate, new_id


def listed(session: Session, *, org_id: str, assistant_id: str) -> Sequence[PromptTemplate]:
    crud.get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    query = select(PromptTemplate).where(
        PromptTemplate.org_id == org_id, PromptTemplate.assistant_id == assistant_id
    )
    return session.scalars(query.order_by(PromptTemplate.name)).all()


def get(session: Session, *, org_id: str, assistant_id: str, name: str) -> PromptTemplate:
    found = session.scalar(
        select(PromptTemplate).where(
            PromptTemplate.org_id == org_id,
            PromptTemplate.assistant_id == assistant_id,
            PromptTemplate.name == name,
        )
    )
    if found is None:
        raise crud.NotFound("prompt", name)
    return found


def create(session: Session, *, org_id: str, assistant_id: str, **fields: Any) -> PromptTemplate:
    crud.get_assistant(session, org_id=org_id, assistant_id=assistant_id)
    taken = session.scalar(
        select(PromptTemplate.id).where(
            PromptTemplate.assistant_id == assistant_id, PromptTemplate.name == fields["name"]
        )
    )
    if taken is not None:
        raise crud.Conflict(f"the assistant already has a prompt named {fields['name']!r}")
    record = PromptTemplate(id=new_id("prompt"), org_id=org_id, assistant_id=assistant_id,
                            **fields)  # fmt: skip
    session.add(record)
    session.flush()
    return record
