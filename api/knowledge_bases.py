"""Knowledge bases and their documents, inside the caller's organisation:
POST|GET /v1/knowledge-bases, GET|PATCH|DELETE /v1/knowledge-bases/{kb_id},
POST|GET /v1/knowledge-bases/{kb_id}/documents, GET|DELETE .../documents/{doc_id},
GET /v1/knowledge-bases/{kb_id}/jobs/{job_id}."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, url_for
from sqlalchemy.orm import Session

from api.audit_trail import audit_now, audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import (
    DeletedRecord,
    DocumentOut,
    DocumentOutList,
    KnowledgeBaseIn,
    KnowledgeBaseList,
    KnowledgeBaseOut,
    KnowledgeBasePatch,
    UploadResult,
)
from api.requests import json_body
from api.routing import Routes
from api.schemas import JobResponse
from api.serializers import document_out, knowledge_base_out
from api.uploads import UPLOAD_ERRORS, DocumentIn, parse_uploads, queue_upload
from tenancy import crud
from tenancy.models import KnowledgeBase

bp = Blueprint("knowledge_bases", __name__, url_prefix="/v1/knowledge-bases")
routes = Routes(bp, tag="knowledge bases")
document_routes = Routes(bp, tag="documents")


@routes.post(
    "",
    scope="content:write",
    json=KnowledgeBaseIn,
    ok={201: KnowledgeBaseOut},
    errors=(400, 409, 415, 422),
)
def create() -> tuple[Response, int]:
    payload = KnowledgeBaseIn.model_validate(json_body())
    with get_services().db.session() as session:
        kb = crud.create_knowledge_base(
            session,
            org_id=current_caller().org_id,
            name=payload.name,
            description=payload.description,
            tags=payload.tags,
            meta=payload.metadata,
        )
        audited(session, "knowledge_base.created", "knowledge_base", kb.id,
                payload.model_dump())  # fmt: skip
        return jsonify(knowledge_base_out(kb, 0)), 201


@routes.get("", scope="documents:read", ok=KnowledgeBaseList)
def list_all() -> Response:
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        counts = crud.document_counts(session, org_id=org_id)
        kbs = crud.list_knowledge_bases(session, org_id=org_id)
        body = [knowledge_base_out(kb, counts.get(kb.id, 0)) for kb in kbs]
    return jsonify({"knowledge_bases": body})


@routes.get("/<kb_id>", scope="documents:read", ok=KnowledgeBaseOut, errors=(404,))
def get(kb_id: str) -> Response:
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        kb = crud.get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
        return _with_count(session, kb)


@routes.patch(
    "/<kb_id>",
    scope="content:write",
    json=KnowledgeBasePatch,
    ok=KnowledgeBaseOut,
    errors=(400, 404, 409, 415, 422),
)
def update(kb_id: str) -> Response:
    payload = KnowledgeBasePatch.model_validate(json_body())
    changes = payload.model_dump(exclude_unset=True)
    if "metadata" in changes:
        changes["meta"] = changes.pop("metadata")
    if any(value is None for value in changes.values()):
        raise ApiError(422, "fields of a knowledge base cannot be null")
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        kb = crud.update_knowledge_base(session, org_id=org_id, kb_id=kb_id, **changes)
        audited(session, "knowledge_base.updated", "knowledge_base", kb_id,
                payload.model_dump(exclude_unset=True))  # fmt: skip
        return _with_count(session, kb)


def _with_count(session: Session, kb: KnowledgeBase) -> Response:
    count = crud.document_count(session, org_id=kb.org_id, kb_id=kb.id)
    return jsonify(knowledge_base_out(kb, count))


@routes.delete("/<kb_id>", scope="content:write", ok=DeletedRecord, errors=(404, 503))
def delete(kb_id: str) -> Response:
    """Delete the knowledge base, its documents and their chunks."""
    services = get_services()
    points = services.documents.delete_knowledge_base(org_id=current_caller().org_id, kb_id=kb_id)
    audit_now("knowledge_base.deleted", "knowledge_base", kb_id, {"chunks": points})
    services.profiles.forget()
    return jsonify({"deleted": True, "id": kb_id, "chunks": points, "request_id": g.request_id})


@document_routes.post(
    "/<kb_id>/documents",
    scope="documents:write",
    json=DocumentIn,
    ok={202: UploadResult},
    errors=UPLOAD_ERRORS,
)
def upload(kb_id: str) -> tuple[Response, int]:
    """Upload documents (multipart `file`, several at once, or JSON); each becomes an
    ingestion job. A source that exists is a 409 unless `replace=true`, which uploads a
    new version of that document (`replaced: true` in the result)."""
    org_id = current_caller().org_id
    jobs = []
    for item in parse_uploads():  # an unknown knowledge base is a 404 at the first file
        job = queue_upload(item, org_id=org_id, kb_id=kb_id)
        jobs.append(
            {
                "job_id": job["job_id"],
                "document_id": job["document_id"],
                "source": job["source"],
                "status": job["status"],
                "replaced": job["replaced"],
                "version": job["version"],
                "status_url": url_for("knowledge_bases.job", kb_id=kb_id, job_id=job["job_id"]),
            }
        )
    body = {"jobs": jobs, "job_ids": [j["job_id"] for j in jobs], "request_id": g.request_id}
    return jsonify(body), 202


@document_routes.get(
    "/<kb_id>/documents", scope="documents:read", ok=DocumentOutList, errors=(404,)
)
def list_documents(kb_id: str) -> Response:
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        crud.get_knowledge_base(session, org_id=org_id, kb_id=kb_id)
        documents = crud.list_documents(session, org_id=org_id, kb_id=kb_id)
        return jsonify(
            {"documents": [document_out(d) for d in documents], "request_id": g.request_id}
        )


@document_routes.get(
    "/<kb_id>/documents/<doc_id>", scope="documents:read", ok=DocumentOut, errors=(404,)
)
def get_document(kb_id: str, doc_id: str) -> Response:
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        found = crud.get_document(session, org_id=org_id, kb_id=kb_id, doc_id=doc_id)
        return jsonify({**document_out(found), "request_id": g.request_id})


@document_routes.delete(
    "/<kb_id>/documents/<doc_id>", scope="documents:write", ok=DeletedRecord, errors=(404, 503)
)
def delete_document(kb_id: str, doc_id: str) -> Response:
    chunks = get_services().documents.delete_document(
        org_id=current_caller().org_id, kb_id=kb_id, doc_id=doc_id
    )
    audit_now("document.deleted", "document", doc_id, {"kb_id": kb_id, "chunks": chunks})
    return jsonify({"deleted": True, "id": doc_id, "chunks": chunks, "request_id": g.request_id})


@document_routes.get(
    "/<kb_id>/jobs/<job_id>", scope="documents:read", ok=JobResponse, errors=(404, 503)
)
def job(kb_id: str, job_id: str) -> Response:
    record = get_services().documents.job(
        org_id=current_caller().org_id, job_id=job_id, kb_id=kb_id
    )
    return jsonify({**record, "request_id": g.request_id})
